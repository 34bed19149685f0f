import ArgumentParser

@main
struct Planc: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "planc",
        abstract: "The plan compiler: check, schedule and publish project plans written in Markdown.",
        discussion: """
            Plans are Markdown files in a folder (see docs/plan-language.md). Every command takes \
            the folder or file as PATH (default: the current folder) and --today for date-dependent \
            results.
            """,
        version: "0.1.0",
        subcommands: [
            Check.self, Schedule.self, Explain.self, Init.self, Build.self, Serve.self,
            Gantt.self, Status.self, Tasks.self, Export.self,
        ]
    )
}
