import ArgumentParser
import Foundation
import PlanCompiler
import PlanReports

struct Schedule: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List the computed schedule: start, finish, slack and critical path per task.",
        discussion: "Slack is in working days. Problems in the plan are reported as by `planc check`.")

    @OptionGroup var plan: PlanOptions
    @OptionGroup var baselineOptions: BaselineOptions
    @OptionGroup var colorOptions: ColorOptions
    @OptionGroup var terminal: TerminalOptions

    @Option(help: "Only this project (its id).")
    var project: String?

    func run() throws {
        let context = try ReportInput.context(plan, baseline: baselineOptions)
        if let project, !context.plan.projects.contains(where: { $0.id == project }) {
            throw ValidationError("no project has the id '\(project)'")
        }
        let style = terminal.style(color: colorOptions.enabled)
        print(ScheduleListing.render(plan: context.plan, schedule: context.schedule, style: style, project: project,
                                    variances: context.baseline == nil ? nil : context.variances), terminator: "")
    }
}
