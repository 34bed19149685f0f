import ArgumentParser
import Foundation
import PlanCompiler
import PlanModel
import PlanReports

extension PlanDiffFormat: ExpressibleByArgument {}

struct Diff: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "Show the impact of a plan change: finish and milestone moves, critical path, effort, cost, tasks, diagnostics.",
        discussion: """
            BASE and HEAD are revisions (a branch, a tag, a commit, HEAD~2) or dates (YYYY-MM-DD: the \
            last commit on or before that day). Without BASE, the plan is compared with where the \
            branch left the default branch (the merge base of HEAD with origin/HEAD, else main, else \
            master); without HEAD, with the files on disk. Both versions are judged on the same \
            --today. Exit status: 0, or 1 with --fail-on-slip when the finish or a milestone slips \
            more than N working days; 2 when history cannot be read (not a git repository, an unknown \
            revision, a shallow clone).
            """)

    @Argument(help: "The version to compare from: a revision or a date (default: the merge base with the default branch).")
    var base: String?

    @Argument(help: "The version to compare to: a revision or a date (default: the working tree).")
    var head: String?

    @Option(help: "A plan folder or file.", completion: .directory)
    var path: String = "."

    /// Both versions are judged on this day.
    @OptionGroup var today: TodayOption

    @Option(help: "human (default), markdown (a pull-request comment) or json.")
    var format: PlanDiffFormat = .human

    @Option(help: "Exit with status 1 when the finish or any milestone slips more than this many working days.")
    var failOnSlip: Int?

    @Option(help: "Items per list (milestones, tasks, diagnostics) before 'and N more'.")
    var limit = 20

    @OptionGroup var colorOptions: ColorOptions

    func validate() throws {
        if let failOnSlip, failOnSlip < 0 { throw ValidationError("--fail-on-slip must be 0 or more working days, got \(failOnSlip)") }
    }

    func run() throws {
        let day = today.day
        let diff: PlanDiff
        do { diff = try PlanComparison.diff(path: path, base: base, head: head, today: day) } catch {
            ReportInput.standardError("error: \(error.description)")
            throw ExitCode(2)
        }
        let style = TerminalStyle(color: format == .human && colorOptions.enabled)
        print(PlanDiffReport.render(diff, format: format, style: style, listLimit: max(limit, 1)), terminator: "")
        if let failOnSlip, diff.changes.largestSlip > failOnSlip {
            ReportInput.standardError("error: the plan slips \(NumberText.count(diff.changes.largestSlip, "working day")), more than --fail-on-slip \(failOnSlip)")
            throw ExitCode.failure
        }
    }
}
