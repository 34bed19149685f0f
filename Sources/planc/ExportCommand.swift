import ArgumentParser
import Foundation
import PlanCompiler
import PlanReports
import PlanSQLite

extension ExportFormat: ExpressibleByArgument {}

struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Export the compiled plan: json, csv, ics (iCalendar), mermaid, tjp (TaskJuggler), mspdi (MS Project XML) or sqlite.",
        discussion: """
            json   the whole model with schedule and analysis (schema: docs/json-schema.md)
            csv    one row per task (RFC 4180)
            ics    milestones and deadlines as all-day events with stable UIDs, for calendar subscriptions
            mermaid  a ```mermaid gantt block per project, for GitHub Markdown
            tjp    a TaskJuggler 3 project (check it with: tj3 FILE.tjp)
            mspdi  MS Project XML (MSPDI): calendars, tasks, links, constraints, resources, assignments
            sqlite a SQLite database with -o FILE: tables, foreign keys and views (docs/sqlite.md)
            Output is identical for the same plan and --today.
            """)

    @OptionGroup var plan: PlanOptions
    @OptionGroup var baselineOptions: BaselineOptions

    @Option(help: "json, csv, ics, mermaid, tjp, mspdi or sqlite.")
    var format: ExportFormat

    @Option(name: [.customShort("o"), .long], help: "Write to this file instead of standard output.")
    var output: String?

    @Option(name: .customLong("project"), help: "Only this project (repeatable).")
    var projects: [String] = []

    func validate() throws {
        if format.isBinary && output == nil {
            throw ValidationError("--format \(format.rawValue) writes a file: give it with -o FILE (e.g. -o plan.\(format.fileExtension))")
        }
    }

    func run() throws {
        let compiled = try ReportInput.compile(plan, baseline: baselineOptions)
        let context = try ReportInput.context(plan, compiled: compiled)
        if format == .sqlite, let output {
            let contents = try ReportInput.run { () throws(ReportError) in
                try Exporter.database(context, projects: projects, diagnostics: compiled.diagnostics)
            }
            do {
                try SQLiteFile.write(contents, to: output)
            } catch {
                ReportInput.standardError("error: \(error.description)")
                throw ExitCode.failure
            }
            return
        }
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
