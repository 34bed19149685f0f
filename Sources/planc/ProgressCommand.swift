import ArgumentParser
import PlanEdit

struct RecordProgress: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "progress",
        abstract: "Record a task's percent complete (and effort spent).",
        discussion: """
            Sets the task's percentage (below 100; use `planc done` for 100), spent: with \
            --spent, and started: (--today) when the project tracks actuals and the task had no \
            start yet; removes status:todo. See docs/editing.md.
            """)

    @Argument(help: "The task: its id, or project/id.")
    var task: String

    @Argument(help: "Percent complete: 60% or 62.5%.")
    var percent: String

    @OptionGroup var plan: PlanOptions
    @OptionGroup var colorOptions: ColorOptions

    @Option(help: "Effort spent so far: 3d, 0.5d, 16h or 2w.")
    var spent: String?

    func run() throws {
        try EditRunner.run(.task(task, .progress(percent: percent, spent: spent)), plan, color: colorOptions.enabled)
    }
}
