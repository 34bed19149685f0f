import ArgumentParser
import Foundation
import PlanLanguageServer

struct Lsp: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lsp",
        abstract: "Run the Language Server Protocol server on stdin and stdout (for editors).",
        discussion: """
            Editors start it in the plan's folder (docs/editors.md). It publishes the plan's \
            diagnostics as buffers change, with their fix-its as quick fixes, shows each task's \
            computed dates as inlay hints, offers "mark done" and "set progress" on task lines and \
            formats buffers as planc fmt does.
            """)

    @OptionGroup var todayOption: TodayOption

    @Option(name: .customLong("docs-url"),
            help: ArgumentHelp("Where docs/diagnostics.md is published, for each diagnostic's link (URL#p201).",
                               valueName: "url"))
    var docsURL: String?

    func run() throws {
        let status = LanguageServer.run(today: todayOption.day, docsURL: docsURL)
        throw ExitCode(status)
    }
}
