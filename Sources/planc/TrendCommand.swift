import ArgumentParser
import Foundation
import PlanAnalysis
import PlanCompiler
import PlanFrontEnd
import PlanReports

struct Trend: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Show how the forecasts moved over the plan's git history: milestones, finish, cost, scope, RAG.",
        discussion: """
            Each version of the plan in git is compiled as it stood and judged on its commit's own \
            day. The text output has a milestone trend analysis (report dates down, milestones \
            across, each cell that report's forecast), sparklines of the forecast finish, the cost at \
            completion and the scope, a table per version and the journal's RAG history. Uncommitted \
            edits add a last point, marked 'now', judged on --today. See docs/terminal.md.
            """)

    enum Every: String, ExpressibleByArgument, CaseIterable { case commit, day, week }
    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

    @OptionGroup var plan: PlanOptions
    @OptionGroup var colorOptions: ColorOptions
    @OptionGroup var terminal: TerminalOptions

    @Option(help: "Start at this commit (a tag, branch or id; it is the first point) or date YYYY-MM-DD (commits on or after it).")
    var since: String?

    @Option(help: "Which commits to show: every commit, or the last of each day or week.")
    var every: Every = .commit

    @Option(name: .customLong("project"), help: "Only this project (repeatable).")
    var projects: [String] = []

    @Option(help: "text for people, json for tools.")
    var format: Format = .text

    func run() throws {
        let history: TrendSeries
        do throws(GitError) {
            let repository = try GitRepository(planPath: plan.path)
            var cache = ParseCache()
            let now = Pipeline.compile(plan.compileOptions(), cache: &cache)
            history = try TrendHistory.series(repository, since: since, until: plan.todayDay, every: TrendSampling(rawValue: every.rawValue) ?? .commit,
                                              now: now, cache: &cache)
        } catch {
            ReportInput.standardError("error: \(error.description)")
            throw ExitCode(2)
        }
        let series = try ReportInput.run { () throws(ReportError) in
            try TrendReport.selecting(projects: ReportArguments.list(projects), in: history)
        }
        switch format {
        case .json: print(TrendReport.json(series), terminator: "")
        case .text: print(TrendReport.render(series, style: terminal.style(color: colorOptions.enabled)), terminator: "")
        }
    }
}
