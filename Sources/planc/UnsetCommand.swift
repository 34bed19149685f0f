import ArgumentParser
import PlanEdit

struct Unset: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Remove attributes from a task or work package: planc unset ID key…",
        discussion: """
            Removes every attribute with the key (effort also removes a bare 5d, progress a \
            percentage, milestone the word). The plan is checked before the file is replaced; \
            see docs/editing.md.
            """)

    @Argument(help: "The task: its id, or project/id.")
    var task: String

    @Argument(help: "Keys to remove, such as due priority.")
    var keys: [String]

    @Option(help: "A plan folder or file.", completion: .directory)
    var path: String = "."

    @OptionGroup var todayOption: TodayOption
    @OptionGroup var colorOptions: ColorOptions

    func run() throws {
        try EditRunner.run(.task(task, .unset(keys)), path: path, today: todayOption.day, color: colorOptions.enabled)
    }
}
