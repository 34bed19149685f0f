import ArgumentParser
import PlanEdit

struct SetAttributes: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "set",
        abstract: "Set attributes of a task or work package: planc set ID key:value…",
        discussion: """
            Each key:value replaces the attribute with that key where it is written, or is added \
            after the last attribute. Keys are the task attributes of docs/plan-language.md \
            (effort also replaces a bare 5d); a value with spaces is quoted. The plan is checked \
            before the file is replaced; see docs/editing.md.
            """)

    @Argument(help: "The task: its id, or project/id.")
    var task: String

    @Argument(help: "key:value attributes, such as due:2026-10-30 priority:high.")
    var attributes: [String]

    @Option(help: "A plan folder or file.", completion: .directory)
    var path: String = "."

    @OptionGroup var todayOption: TodayOption
    @OptionGroup var colorOptions: ColorOptions

    func run() throws {
        try EditRunner.run(.task(task, .set(attributes)), path: path, today: todayOption.day, color: colorOptions.enabled)
    }
}
