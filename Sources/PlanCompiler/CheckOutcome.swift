import PlanModel

/// The exit status rule of `planc check`, in the library where tests reach it.
public enum CheckOutcome {
    /// 0 clean; 1 errors, or warnings under `strict`; 2 the input path could not be read.
    public static func exitStatus(for compiled: CompiledPlan, strict: Bool) -> Int32 {
        if compiled.inputUnreadable { return 2 }
        if compiled.diagnostics.contains(where: { $0.severity == .error }) { return 1 }
        if strict, compiled.diagnostics.contains(where: { $0.severity == .warning }) { return 1 }
        return 0
    }
}
