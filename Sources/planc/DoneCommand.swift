import ArgumentParser
import PlanEdit

struct Done: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Mark a task or milestone done: tick its box (or status:done) and record finished:DATE.",
        discussion: """
            Changes only the task's line: [ ] becomes [x] (a line without a box gets status:done), \
            finished: is set to --on (default: --today), and a percentage below 100 or a status \
            that contradicts done is removed. The plan is checked before the file is replaced; \
            see docs/editing.md. Exit status: 0 done (or already done), 1 the edit would bring \
            an error (the file is left unchanged), 2 the edit cannot be made.
            """)

    @Argument(help: "The task: its id, or project/id.")
    var task: String

    @OptionGroup var plan: PlanOptions
    @OptionGroup var colorOptions: ColorOptions

    @Option(help: "The day it finished, YYYY-MM-DD (default: --today).")
    var on: String?

    func validate() throws { _ = try ReportArguments.day(on, "--on") }

    func run() throws {
        try EditRunner.run(.task(task, .done(on: try ReportArguments.day(on, "--on"))), plan, color: colorOptions.enabled)
    }
}
