import ArgumentParser
import Foundation
import PlanLanguageServer

struct Lsp: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lsp",
        abstract: "Run the Language Server Protocol server on stdin and stdout (for editors).",
        discussion: """
            Editors start it in the plan's folder (docs/editors.md). It publishes the plan's \
            diagnostics as buffers change, and shows each task's computed dates as inlay hints.
            """)

    @OptionGroup var todayOption: TodayOption

    func run() throws {
        let status = LanguageServer.run(today: todayOption.day)
        throw ExitCode(status)
    }
}
