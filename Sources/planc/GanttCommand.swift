import ArgumentParser
import Foundation
import PlanAnalysis
import PlanCompiler
import PlanModel
import PlanReports

extension GanttScale: ExpressibleByArgument {}

struct Gantt: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Draw a Gantt chart of the scheduled plan in the terminal.",
        discussion: """
            One row per task, indented by work breakdown level; bars show the forecast dates with \
            progress filled in, diamonds the milestones, a vertical line today. '!' marks late tasks \
            and missed milestones, '*' critical ones. The chart fits --width (default: the terminal). \
            Exit status 1 when the plan has errors that leave nothing to draw.
            """)

    @OptionGroup var plan: PlanOptions
    @OptionGroup var colorOptions: ColorOptions
    @OptionGroup var terminal: TerminalOptions

    @Option(help: "Time scale: auto (fit the width), day, week or month.")
    var scale: GanttScale = .auto

    @Option(name: .customLong("project"), help: "Only this project (repeatable).")
    var projects: [String] = []

    @Option(name: .customLong("package"), help: "Only this work package and what lies beneath it (id or project/id).")
    var workPackage: String?

    @Option(help: "Only tasks assigned to this person or pool (id).")
    var person: String?

    @Flag(help: "Only tasks on the critical path.")
    var critical = false

    @Flag(help: "Only tasks not yet done or cancelled.")
    var open = false

    @Option(help: "Show the chart from this date (YYYY-MM-DD).")
    var from: String?

    @Option(help: "Show the chart up to this date (YYYY-MM-DD).")
    var to: String?

    @Flag(inversion: .prefixedNo, help: "Write each task's first predecessor beside its bar where there is room.")
    var dependencies = true

    func validate() throws {
        _ = try ReportArguments.day(from, "--from")
        _ = try ReportArguments.day(to, "--to")
    }

    func run() throws {
        let context = try ReportInput.context(plan)
        var options = GanttOptions()
        options.scale = scale
        options.style = terminal.style(color: colorOptions.enabled)
        options.dependencyHints = dependencies
        options.filter.projects = projects
        options.filter.workPackage = workPackage
        options.filter.person = person
        options.filter.criticalOnly = critical
        options.filter.openOnly = open
        options.filter.from = try ReportArguments.day(from, "--from")
        options.filter.to = try ReportArguments.day(to, "--to")
        print(try ReportInput.run { () throws(ReportError) in try GanttRenderer.render(context, options) }, terminator: "")
    }
}

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
    static func context(_ options: PlanOptions) throws -> ReportContext {
        try context(options, compiled: Pipeline.compile(options.compileOptions()))
    }

    static func context(_ options: PlanOptions, compiled: CompiledPlan) throws -> ReportContext {
        let errors = compiled.diagnostics.filter { $0.severity == .error }
        guard let schedule = compiled.schedule, !compiled.plan.projects.isEmpty else {
            for diagnostic in errors { standardError(DiagnosticLine.format(diagnostic)) }
            standardError(errors.isEmpty
                ? "error: no project in \(options.path); a project file starts with '# Title' and '- project: ID'"
                : "error: the plan has errors, so there is no schedule to show (planc check \(options.path) explains them)")
            throw ExitCode.failure
        }
        if !errors.isEmpty {
            standardError("warning: the plan has \(errors.count) error\(errors.count == 1 ? "" : "s"); showing a best-effort schedule (planc check \(options.path) lists them)")
        }
        return ReportContext(plan: compiled.plan, schedule: schedule, analysis: Analyzer.analyze(compiled.plan, schedule))
    }

    /// Runs a renderer; a bad filter (an unknown project or person) is an argument error: exit 2,
    /// as for `planc check`.
    static func run(_ render: () throws(ReportError) -> String) throws -> String {
        do { return try render() } catch {
            standardError("error: \(error.message)")
            throw ExitCode(2)
        }
    }

    static func standardError(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }
}
