import PlanAnalysis
@_exported import struct PlanFrontEnd.ParseCache
import PlanFrontEnd
import PlanModel
import PlanSchedule

/// What one run of the compiler produced: the model, its schedule and every diagnostic.
public struct CompiledPlan: Sendable {
    public var plan: Plan
    /// Nil when the front end found errors that make scheduling meaningless.
    public var schedule: Schedule?
    public var diagnostics: [Diagnostic]
    public var today: Day
    /// Text of every plan file read, by path (for diagnostic excerpts).
    public var sources: [String: String]
    /// The path given could not be read at all (exit status 2).
    public var inputUnreadable: Bool

    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
}

public struct CompileOptions: Sendable {
    /// A plan folder or a single plan file.
    public var path: String
    public var today: Day
    public var scheduleOptions: ScheduleOptions

    public init(path: String, today: Day, scheduleOptions: ScheduleOptions = .init()) {
        self.path = path; self.today = today; self.scheduleOptions = scheduleOptions
    }
}

/// The compiler's phases, in order, in one place:
/// load -> parse -> lower -> check (front end) -> schedule -> window check -> (analyze and emit happen in the
/// commands that need them, from the `CompiledPlan`).
public enum Pipeline {
    public static func compile(_ options: CompileOptions) -> CompiledPlan {
        var cache = ParseCache()
        return compile(options, cache: &cache)
    }

    /// The same, reusing unchanged files' parses from `cache` (for `planc serve`).
    public static func compile(_ options: CompileOptions, cache: inout ParseCache) -> CompiledPlan {
        let front = FrontEnd.compile(path: options.path, today: options.today, cache: &cache)
        var diagnostics = front.diagnostics
        var schedule: Schedule?
        if !front.plan.projects.isEmpty, !front.diagnostics.contains(where: { $0.severity == .error && $0.code.blocksScheduling }) {
            let result = Scheduler.schedule(front.plan, today: options.today, options: options.scheduleOptions)
            let outside = PlanningWindowCheck.check(front.plan, result.schedule)
            schedule = outside.isEmpty ? result.schedule : nil
            diagnostics.append(contentsOf: result.diagnostics + outside)
        }
        return CompiledPlan(plan: front.plan, schedule: schedule, diagnostics: deduplicated(diagnostics),
                            today: options.today, sources: front.sources, inputUnreadable: front.inputUnreadable)
    }

    /// Sorted for reading, with repeats removed: the checker and the scheduler may both notice the
    /// same fact (a pool smaller than a task's demand) at the same place.
    static func deduplicated(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        var bag = DiagnosticBag()
        bag.append(contentsOf: diagnostics)
        struct Place: Hashable { var code: DiagnosticCode; var range: SourceRange? }
        var seen: Set<Place> = []
        return bag.sorted.filter { $0.range == nil || seen.insert(Place(code: $0.code, range: $0.range)).inserted }
    }
}
