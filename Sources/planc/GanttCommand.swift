import ArgumentParser
import Foundation
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
