import PlanModel

/// Result of the front end: the model plus everything wrong with it.
public struct FrontEndResult: Sendable {
    public var plan: Plan
    public var diagnostics: [Diagnostic]
    /// Text of every plan file read, by path (diagnostic writers quote lines from it).
    public var sources: [String: String]
    /// The path given could not be read at all: a usage problem rather than a plan problem.
    public var inputUnreadable: Bool
}

/// load -> parse -> lower -> check, each phase a function of the previous one's values.
public enum FrontEnd {
    public static func compile(path: String, today: Day) -> FrontEndResult {
        let loaded = Loader.load(path: path)
        return compile(files: loaded.files, loadDiagnostics: loaded.diagnostics, today: today,
                       inputUnreadable: loaded.rootUnreadable, root: path)
    }

    /// The same from files already in memory (tests, the server's cache of unchanged files).
    public static func compile(files: [SourceFile], loadDiagnostics: [Diagnostic] = [], today: Day,
                               inputUnreadable: Bool = false, root: String = ".") -> FrontEndResult {
        var bag = DiagnosticBag()
        bag.append(contentsOf: loadDiagnostics)
        var syntax: [FileSyntax] = []
        var sources: [String: String] = [:]
        for file in files {
            if let parsed = Parser.parse(file, diagnostics: &bag) {
                syntax.append(parsed)
                sources[file.path] = String(decoding: file.bytes, as: UTF8.self)
            } else {
                // Not a plan, but a diagnostic may still point into it (a misspelled kind key).
                if bag.items.contains(where: { $0.range?.file == file.path }) {
                    sources[file.path] = String(decoding: file.bytes, as: UTF8.self)
                }
            }
        }
        if syntax.isEmpty, !inputUnreadable {
            bag.report(.noPlanFiles, "no plan files in '\(root)'", at: nil,
                       hint: "a plan file starts with `# Title` and a list whose first item is `- project: ID` (see `planc init`)")
        }
        var (plan, lowering) = Lowering.lower(syntax, today: today)
        bag.append(contentsOf: lowering)
        bag.append(contentsOf: Checker.check(&plan, today: today))
        return FrontEndResult(plan: plan, diagnostics: bag.items, sources: sources, inputUnreadable: inputUnreadable)
    }
}
