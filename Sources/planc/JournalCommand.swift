import ArgumentParser
import PlanEdit
import PlanModel

extension Rating: ExpressibleByArgument {}

struct Journal: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Edit a project's status journal.",
        subcommands: [Add.self])

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Add a dated entry at the end of a project's journal: ### DATE — rating — headline.",
            discussion: """
                The entry goes after the last line of the project's `## Journal` section (a \
                section is added at the end of the project file when there is none), with the \
                file's line endings. See docs/editing.md.
                """)

        @Argument(help: "The entry's headline.")
        var headline: String

        @OptionGroup var plan: PlanOptions
        @OptionGroup var colorOptions: ColorOptions

        @Option(help: "The project's id (needed when the plan holds several).")
        var project: String?

        @Option(help: "The overall rating: green, amber or red.")
        var rag: Rating?

        @Option(help: "The entry's date, YYYY-MM-DD (default: --today).")
        var date: String?

        @Option(help: "The entry's text, below the heading.")
        var text: String?

        @Option(help: "The dimensions' ratings as `planc status` prints them: \"schedule:amber cost:green scope:green resources:green risk:amber\".")
        var ratings: String?

        func validate() throws { _ = try ReportArguments.day(date, "--date") }

        func run() throws {
            let day = try ReportArguments.day(date, "--date") ?? plan.todayDay
            let entry = JournalEntryRequest(date: day, rating: rag, headline: headline, text: text, project: project, ratings: ratings)
            try EditRunner.run(.journal(entry), plan, color: colorOptions.enabled)
        }
    }
}
