import ArgumentParser
import Foundation
import PlanCompiler
import PlanReports

extension ExportFormat: ExpressibleByArgument {}

struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Export the compiled plan: json, csv, ics (iCalendar), mermaid or tjp (TaskJuggler).",
        discussion: """
            json   the whole model with schedule and analysis (schema: docs/json-schema.md)
            csv    one row per task (RFC 4180)
            ics    milestones and deadlines as all-day events with stable UIDs, for calendar subscriptions
            mermaid  a ```mermaid gantt block per project, for GitHub Markdown
            tjp    a TaskJuggler 3 project (check it with: tj3 FILE.tjp)
            Output is identical for the same plan and --today.
            """)

    @OptionGroup var plan: PlanOptions
    @OptionGroup var baselineOptions: BaselineOptions

    @Option(help: "json, csv, ics, mermaid or tjp.")
    var format: ExportFormat

    @Option(name: [.customShort("o"), .long], help: "Write to this file instead of standard output.")
    var output: String?

    @Option(name: .customLong("project"), help: "Only this project (repeatable).")
    var projects: [String] = []

    func run() throws {
        let compiled = try ReportInput.compile(plan, baseline: baselineOptions)
        let context = try ReportInput.context(plan, compiled: compiled)
        let text = try ReportInput.run { () throws(ReportError) in
            try Exporter.render(format, context, projects: projects, diagnostics: compiled.diagnostics)
        }
        guard let output else {
            print(text, terminator: "")
            return
        }
        do {
            try Data(text.utf8).write(to: URL(fileURLWithPath: output), options: .atomic)
        } catch {
            ReportInput.standardError("error: cannot write \(output): \(error.localizedDescription)")
            throw ExitCode.failure
        }
    }
}
