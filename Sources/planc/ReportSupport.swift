import ArgumentParser
import Foundation
import PlanCompiler
import PlanFrontEnd
import PlanModel
import PlanReports

/// --width and --ascii, shared by the commands that draw for people.
struct TerminalOptions: ParsableArguments {
    @Option(help: "Columns to fit the output to. Default: $COLUMNS, else the terminal's width, else 80.")
    var width: Int?

    @Flag(help: "Plain ASCII instead of Unicode block characters.")
    var ascii = false

    func validate() throws {
        if let width, width < 20 { throw ValidationError("--width must be at least 20, got \(width)") }
    }

    func style(color: Bool) -> TerminalStyle {
        TerminalStyle(width: TerminalWidth.resolve(option: width), color: color, ascii: ascii)
    }
}

/// The terminal width, read at the edge: --width, else COLUMNS, else the terminal, else 80.
enum TerminalWidth {
    static func resolve(option: Int?) -> Int {
        if let option { return option }
        if let text = ProcessInfo.processInfo.environment["COLUMNS"], let columns = Int(text), columns >= 20 { return columns }
        var size = winsize()
        if ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col >= 20 { return Int(size.ws_col) }
        return 80
    }
}

enum ReportArguments {
    static func day(_ text: String?, _ option: String) throws -> Day? {
        guard let text else { return nil }
        guard let day = Day(iso: text) else { throw ValidationError("\(option) must be a real date written YYYY-MM-DD, got '\(text)'") }
        return day
    }

    /// `a,b` and repeated options both work: `--columns id,title --columns due`.
    static func list(_ values: [String]) -> [String] {
        values.flatMap { $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) } }.filter { !$0.isEmpty }
    }
}

/// Compiles the plan for the report commands and turns it into a `ReportContext`, or explains on
/// standard error why nothing can be shown.
enum ReportInput {
    static func context(_ options: PlanOptions, baseline: BaselineOptions? = nil, since: String? = nil,
                        changes: Bool = false) throws -> ReportContext {
        try context(options, compiled: compile(options, baseline: baseline, since: since, changes: changes))
    }

    /// Compiles the plan and, when `--baseline` or the settings file names one, measures it
    /// against that version from git; history that cannot be read is an input error (exit 2).
    /// With `changes`, also what moved since the last report (or `since`) from git history.
    static func compile(_ options: PlanOptions, baseline: BaselineOptions?, since: String? = nil,
                        changes: Bool = false) throws -> CompiledPlan {
        var cache = ParseCache()
        var compiled = Pipeline.compile(options.compileOptions(), cache: &cache)
        if let baseline {
            do {
                try Baselines.apply(to: &compiled, planPath: options.path, reference: baseline.baseline, cache: &cache)
            } catch {
                standardError("error: baseline: \(error)")
                throw ExitCode(2)
            }
        }
        if changes {
            do {
                try LastReport.apply(to: &compiled, planPath: options.path, since: since, cache: &cache)
            } catch {
                standardError("error: --since: \(error)")
                throw ExitCode(2)
            }
        }
        return compiled
    }

    static func context(_ options: PlanOptions, compiled: CompiledPlan) throws -> ReportContext {
        let errors = compiled.diagnostics.filter { $0.severity == .error }
        guard let context = compiled.reportContext else {
            FileHandle.standardError.write(Data(DiagnosticWriter.lines(errors).utf8))
            standardError(errors.isEmpty
                ? "error: no project in \(options.path); a project file starts with '# Title' and '- project: ID'"
                : "error: the plan has errors, so there is no schedule to show (planc check \(options.path) explains them)")
            throw ExitCode.failure
        }
        if !errors.isEmpty {
            standardError("warning: the plan has \(NumberText.count(errors.count, "error")); showing a best-effort schedule (planc check \(options.path) lists them)")
        }
        return context
    }

    /// Runs a renderer; a bad filter (an unknown project or person) is an argument error: exit 2,
    /// as for `planc check`.
    static func run<Result>(_ render: () throws(ReportError) -> Result) throws -> Result {
        do { return try render() } catch {
            standardError("error: \(error.message)")
            throw ExitCode(2)
        }
    }

    static func standardError(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }
}

/// --baseline REF, for the commands that can measure against an earlier version of the plan.
struct BaselineOptions: ParsableArguments {
    @Option(help: ArgumentHelp(
        "Measure against the plan at this git tag, commit or date (YYYY-MM-DD: the last commit on or before it).",
        discussion: "Default: `baseline:` in the settings file, if any."))
    var baseline: String?
}
