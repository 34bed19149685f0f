import ArgumentParser
import Foundation

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
            Check.self, Schedule.self, Explain.self, Init.self, Build.self, Serve.self, Lsp.self,
            Gantt.self, Status.self, Tasks.self, Why.self, Diff.self, Trend.self, Export.self,
            Done.self, RecordProgress.self, SetAttributes.self, Unset.self, Journal.self, Fmt.self, Import.self,
        ]
    )

    /// Like ArgumentParser's own `main`, except that wrong arguments exit with status 2 (as for an
    /// unreadable plan) instead of 64: 0 clean, 1 problems in the plan, 2 planc could not run.
    static func main() async {
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            if exitCode(for: error) == .validationFailure {
                FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
                Foundation.exit(2)
            }
            exit(withError: error)
        }
    }
}
