import ArgumentParser
import PlanReports

struct Status: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Summarize each project on one screen: health and why, progress, forecast, cost, what needs attention.",
        discussion: """
            Health is red, amber or green by fixed rules (docs/terminal.md): a forecast more than 5 \
            working days past the deadline, a badly missed milestone, a cost forecast over 110 % of the \
            budget or a red journal entry make a project red; smaller slips, blocked tasks, over-booked \
            people, risks scoring 9 or more, a cost forecast over budget or an amber journal entry make \
            it amber. With several projects a portfolio table comes first.
            """)

    @OptionGroup var plan: PlanOptions
    @OptionGroup var baselineOptions: BaselineOptions
    @OptionGroup var colorOptions: ColorOptions
    @OptionGroup var terminal: TerminalOptions

    @Option(name: .customLong("project"), help: "Only this project (repeatable).")
    var projects: [String] = []

    @Option(help: ArgumentHelp("What changed since this git revision or date, instead of since the latest journal entry before today.",
                               discussion: "Read from git history; outside a repository the section is left out."))
    var since: String?

    @Option(help: "Items per list (late tasks, risks, ...) before 'and N more'.")
    var limit = 5

    func run() throws {
        let context = try ReportInput.context(plan, baseline: baselineOptions, since: since, changes: true)
        var options = StatusOptions()
        options.style = terminal.style(color: colorOptions.enabled)
        options.projects = projects
        options.listLimit = max(limit, 1)
        print(try ReportInput.run { () throws(ReportError) in try StatusReport.render(context, options) }, terminator: "")
    }
}
