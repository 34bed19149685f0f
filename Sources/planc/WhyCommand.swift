import ArgumentParser
import Foundation
import PlanCompiler
import PlanReports

struct Why: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Explain why a task starts when it does: its driving constraint, chain and what it drives.",
        discussion: """
            TASK is a task id, or project/id when ids repeat across projects. The driving chain \
            goes back, one line per task, to what started it: the project start, today, a pin, a \
            not-before date. An unknown TASK exits with status 2.
            """)

    @Argument(help: "The task: its id, or project/id.")
    var task: String

    @OptionGroup var plan: PlanOptions
    @OptionGroup var colorOptions: ColorOptions
    @OptionGroup var terminal: TerminalOptions

    @Option(help: "text (default) or json.")
    var format: WhyFormat = .text

    enum WhyFormat: String, ExpressibleByArgument { case text, json }

    func run() throws {
        let context = try ReportInput.context(plan)
        let index = try ReportInput.run { () throws(ReportError) -> Int in try WhyReport.resolve(task, context) }
        switch format {
        case .text: print(WhyReport.render(context, task: index, style: terminal.style(color: colorOptions.enabled)), terminator: "")
        case .json: print(WhyReport.json(context, task: index), terminator: "")
        }
    }
}
