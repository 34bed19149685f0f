import Foundation
import PlanAnalysis
import PlanCompiler
import PlanModel
import PlanTestSupport
import Testing
@testable import PlanReports

/// Every chart, summary and export of the example plans, compared byte for byte with the files in
/// Golden/ (`Golden.check`). After an intended change, regenerate with `PLANC_UPDATE_GOLDEN=1 swift test
/// --filter GoldenTests` and read the diff before committing it.
@Suite struct GoldenTests {
    static let today = Day(iso: "2026-09-15")!
    static let examples = ["crm-migration", "website-relaunch"]

    /// The example compiled as `planc` would, with paths relative to the repository so the golden
    /// files do not depend on where the repository is checked out.
    static func context(_ example: String) throws -> (ReportContext, [Diagnostic]) {
        let path = Repository.root.appendingPathComponent("Examples/\(example)").path
        let compiled = Pipeline.compile(CompileOptions(path: path, today: today))
        let schedule = try #require(compiled.schedule, "\(example) did not schedule: \(compiled.diagnostics.prefix(3))")
        return (ReportContext(plan: compiled.plan, schedule: schedule, analysis: Analyzer.analyze(compiled.plan, schedule)),
                compiled.diagnostics)
    }

    static func outputs(_ example: String) throws -> [(name: String, text: String)] {
        let (context, diagnostics) = try context(example)
        var outputs: [(String, String)] = []
        for (width, ascii) in [(80, false), (200, false), (80, true)] {
            var gantt = GanttOptions()
            gantt.style = TerminalStyle(width: width, ascii: ascii)
            outputs.append(("gantt-\(width)\(ascii ? "-ascii" : "").txt", try GanttRenderer.render(context, gantt)))
        }
        for width in [80, 200] {
            var status = StatusOptions()
            status.style = TerminalStyle(width: width)
            outputs.append(("status-\(width).txt", try StatusReport.render(context, status)))
            var tasks = TaskListOptions()
            tasks.style = TerminalStyle(width: width)
            outputs.append(("tasks-\(width).txt", try TaskList.render(context, tasks)))
        }
        for format in ExportFormat.allCases where !format.isBinary {
            outputs.append(("export.\(format.fileExtension)", try Exporter.render(format, context, diagnostics: diagnostics)))
        }
        let prefix = Repository.root.path + "/"
        return outputs.map { ($0.0, $0.1.replacingOccurrences(of: prefix, with: "")) }
    }

    @Test(arguments: examples)
    func outputsMatchGoldenFiles(example: String) throws {
        let folder = Repository.root.appendingPathComponent("Tests/PlanReportsTests/Golden/\(example)")
        for (name, text) in try Self.outputs(example) {
            Golden.check(text, folder.appendingPathComponent(name))
        }
    }

    @Test(arguments: examples)
    func terminalOutputFitsItsWidth(example: String) throws {
        for (name, text) in try Self.outputs(example) where name.hasSuffix(".txt") {
            let width = name.contains("200") ? 200 : 80
            for line in text.split(separator: "\n") {
                #expect(TerminalText.width(line) <= width, "\(example)/\(name): \(line)")
            }
        }
    }

    @Test(arguments: examples)
    func exportsParseWithStandardReaders(example: String) throws {
        let (context, diagnostics) = try Self.context(example)
        let csv = try RFC4180.parse(try Exporter.render(.csv, context))
        #expect(csv.count == 1 + context.plan.tasks.count)
        #expect(csv.allSatisfy { $0.count == TaskCSVExport.header.count })

        let calendar = try RFC5545.parse(try Exporter.render(.ics, context))
        let uids = calendar.components.compactMap { $0.first("UID")?.value }
        #expect(!uids.isEmpty)
        #expect(Set(uids).count == uids.count)

        let json = try Exporter.render(.json, context, diagnostics: diagnostics)
        let document = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let schemaData = try Data(contentsOf: Repository.root.appendingPathComponent("docs/plan.schema.json"))
        let schema = try #require(try JSONSerialization.jsonObject(with: schemaData) as? [String: Any])
        var validator = MiniJSONSchema(schema)
        validator.validate(document, schema)
        #expect(validator.errors.isEmpty, "\(validator.errors.prefix(10))")
    }

    @Test(arguments: examples)
    func tj3AcceptsTheExamples(example: String) throws {
        try #require(TaskJugglerTool.path != nil, "tj3 is not installed (CI installs it: apt-get install tj3)")
        let (context, _) = try Self.context(example)
        let result = try TaskJugglerTool.check(try Exporter.render(.tjp, context))
        #expect(result.status == 0, "\(result.output)")
        #expect(!result.output.contains("Error"), "\(result.output)")
    }
}
