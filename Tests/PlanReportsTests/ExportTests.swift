import Foundation
import PlanModel
import PlanTestSupport
import Testing
@testable import PlanReports

/// The repository root, found from this file so tests run from any working directory.

@Suite struct ExportTests {
    /// The sample plan with text that stresses every format: commas, quotes, semicolons, a line
    /// break and non-ASCII letters in titles.
    static func trickyContext() -> ReportContext {
        var fixture = SamplePlans.crm()
        fixture.plan.tasks[2].title = "Data audit, \"phase 1\"; Müller's\nexports"
        fixture.plan.tasks[3].title = "Design sign-off: scope; #1 — naïve, long title that needs folding in iCalendar ✓"
        return SamplePlans.context(fixture)
    }

    @Test func csvParsesBackWithEveryTaskAndField() throws {
        let context = Self.trickyContext()
        let text = try Exporter.render(.csv, context)
        let records = try RFC4180.parse(text)
        #expect(records.first == TaskCSVExport.header)
        #expect(records.count == 1 + context.plan.tasks.count)
        #expect(records.allSatisfy { $0.count == TaskCSVExport.header.count })
        let audit = try #require(records.first { $0[1] == "data-audit" })
        #expect(audit[3] == "Data audit, \"phase 1\"; Müller's\nexports")
        #expect(audit[7] == "40")
        #expect(audit[14] == "interviews")
        #expect(audit[17] == "yes")
        #expect(records.first { $0[1] == "licences" }?[19] == "12000")
    }

    @Test func icsParsesBackWithStableUIDsAndEscapedText() throws {
        let context = Self.trickyContext()
        let text = try Exporter.render(.ics, context)
        let calendar = try RFC5545.parse(text)
        #expect(calendar.name == "VCALENDAR")
        #expect(calendar.first("VERSION")?.value == "2.0")
        #expect(calendar.first("PRODID") != nil)
        let events = calendar.components.filter { $0.name == "VEVENT" }
        let uids = events.compactMap { $0.first("UID")?.value }
        #expect(uids == ["crm/data-audit+due@planc", "crm/design-sign-off@planc", "crm/go-live@planc",
                         "crm/kickoff@planc", "crm+deadline@planc"])
        for event in events {
            #expect(event.first("DTSTAMP")?.value == "20260915T000000Z")
            #expect(event.first("DTSTART")?.parameters["VALUE"] == "DATE")
            let start = try #require(event.first("DTSTART")?.value)
            let end = try #require(event.first("DTEND")?.value)
            #expect(start.count == 8 && end.count == 8 && end > start)
        }
        let signOff = try #require(events.first { $0.first("UID")?.value == "crm/design-sign-off@planc" })
        #expect(try RFC5545.unescapeText(signOff.first("SUMMARY")!.value)
                == "CRM Migration: Design sign-off: scope; #1 — naïve, long title that needs folding in iCalendar ✓")
        #expect(signOff.first("DTSTART")?.value == "20260925")
        let audit = try #require(events.first { $0.first("UID")?.value == "crm/data-audit+due@planc" })
        #expect(try RFC5545.unescapeText(audit.first("SUMMARY")!.value) == "CRM Migration: Data audit, \"phase 1\"; Müller's\nexports due")
        #expect(audit.first("DTSTART")?.value == "20260918")
    }

    /// Work pinned by `start:` and `finish:` is an all-day event over its days; a done milestone
    /// says when it was done, not that planc forecasts it.
    @Test func icsHasPinnedWorkAndDoneMilestones() throws {
        var fixture = SamplePlans.crm()
        let close = fixture.task("audit", "2026-10-12", "2026-10-14", title: "External audit", effort: 3)
        fixture.plan.tasks[close].fixedStart = day("2026-10-12")
        fixture.plan.tasks[close].fixedFinish = day("2026-10-14")
        let kickoff = fixture.index("kickoff")
        fixture.plan.tasks[kickoff].state = .done
        fixture.plan.tasks[kickoff].actualFinish = day("2026-09-04")
        let events = try RFC5545.parse(try Exporter.render(.ics, SamplePlans.context(fixture))).components.filter { $0.name == "VEVENT" }
        let audit = try #require(events.first { $0.first("UID")?.value == "crm/audit@planc" })
        #expect(audit.first("DTSTART")?.value == "20261012")
        #expect(audit.first("DTEND")?.value == "20261015")
        #expect(try RFC5545.unescapeText(audit.first("SUMMARY")!.value) == "CRM Migration: External audit")
        #expect(audit.first("CATEGORIES")?.value == "FIXED")
        let done = try #require(events.first { $0.first("UID")?.value == "crm/kickoff@planc" })
        let description = try RFC5545.unescapeText(done.first("DESCRIPTION")!.value)
        #expect(description.hasSuffix("Done on 2026-09-04."), "\(description)")
        #expect(!description.contains("Forecast"))
        // Tasks without both pins stay out.
        #expect(!events.contains { $0.first("UID")?.value == "crm/customer-api@planc" })
    }

    @Test func icsFoldingNeverSplitsACharacter() {
        let line = "SUMMARY:" + String(repeating: "ü", count: 50) + String(repeating: "✓", count: 30)
        let folded = CalendarExport.fold(line)
        for physical in folded.components(separatedBy: "\r\n") {
            #expect(physical.utf8.count <= 75)
        }
        #expect(folded.replacingOccurrences(of: "\r\n ", with: "") == line)
    }

    @Test func jsonParsesAndMatchesTheDocumentedSchema() throws {
        let context = Self.trickyContext()
        let text = try Exporter.render(.json, context, diagnostics: [
            Diagnostic(.unknownKey, "Unknown key 'ownr'", at: SourceRange(file: "plan.md", line: 3, column: 3), hint: "did you mean 'owner'?"),
        ])
        let document = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(document["schemaVersion"] as? Int == 2)
        let schemaData = try Data(contentsOf: Repository.root.appendingPathComponent("docs/plan.schema.json"))
        let schema = try #require(try JSONSerialization.jsonObject(with: schemaData) as? [String: Any])
        var validator = MiniJSONSchema(schema)
        validator.validate(document, schema)
        #expect(validator.errors.isEmpty, "\(validator.errors.prefix(10))")
        let project = try #require((document["projects"] as? [[String: Any]])?.first)
        let analysis = try #require(project["analysis"] as? [String: Any])
        #expect(analysis["health"] as? String == "red")
        #expect(analysis["lateTasks"] as? [String] == ["crm/data-audit"])
        #expect(analysis["missedMilestones"] as? [String] == ["crm/kickoff"])
    }

    @Test func schemaValidatorCatchesDrift() throws {
        let schemaData = try Data(contentsOf: Repository.root.appendingPathComponent("docs/plan.schema.json"))
        let schema = try #require(try JSONSerialization.jsonObject(with: schemaData) as? [String: Any])
        let text = JSONExport.render(Self.trickyContext())
        var document = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        document["surprise"] = 1
        document.removeValue(forKey: "today")
        var validator = MiniJSONSchema(schema)
        validator.validate(document, schema)
        #expect(validator.errors.contains("$: missing required key 'today'"))
        #expect(validator.errors.contains("$: key 'surprise' is not in the schema"))
    }

    @Test func jsonIsDeterministicAndEscapesControlCharacters() {
        let context = Self.trickyContext()
        #expect(JSONExport.render(context) == JSONExport.render(context))
        #expect(JSONValue.string("a\"b\\c\nd\u{1}").rendered() == "\"a\\\"b\\\\c\\nd\\u0001\"\n")
        #expect(JSONValue.number(2.5).rendered() == "2.5\n")
        #expect(JSONValue.number(3).rendered() == "3\n")
        // Line and paragraph separators (JavaScript line ends) escaped; other non-ASCII, the em
        // and en dashes that share their first byte among them, written as they are.
        #expect(JSONValue.string("a\u{2028}b\u{2029}c — d – e 🚀\u{1F}").rendered() == "\"a\\u2028b\\u2029c — d – e 🚀\\u001f\"\n")
    }

    @Test func mermaidFollowsTheGanttGrammar() throws {
        let text = try Exporter.render(.mermaid, Self.trickyContext())
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines.prefix(4) == ["```mermaid", "gantt", "    title CRM Migration", "    dateFormat YYYY-MM-DD"])
        #expect(lines.contains("    section Discovery"))
        #expect(lines.contains("    section Build"))
        let taskLine = #/^    [^:#;\n]+ :((crit|done|active|milestone), )*[A-Za-z][A-Za-z0-9_-]*, \d{4}-\d{2}-\d{2}, (\d{4}-\d{2}-\d{2}|0d)$/#
        let taskLines = lines.filter { $0.hasPrefix("    ") && !$0.hasPrefix("    section ") && !$0.hasPrefix("    title ") && !$0.hasPrefix("    dateFormat ") }
        #expect(taskLines.count == 8)
        for line in taskLines { #expect(line.wholeMatch(of: taskLine) != nil, "\(line)") }
        #expect(lines.contains("    Design sign-off scope 1 — naïve, long title that needs folding in iCalendar ✓ :milestone, crit, crm_design-sign-off, 2026-09-25, 0d"))
        #expect(lines.contains("    Stakeholder interviews :crit, done, crm_interviews, 2026-09-01, 2026-09-05"))
        #expect(lines.contains("    Data audit, \"phase 1\" Müller's exports :crit, active, crm_data-audit, 2026-09-07, 2026-09-26"))
        let ids = taskLines.map { $0.split(separator: ",").dropLast(2).last!.trimmingCharacters(in: .whitespaces) }
        #expect(Set(ids).count == ids.count)
    }

    @Test func mermaidKeepsKeywordLikeTitlesAsTasks() {
        #expect(MermaidExport.mermaidID("crm/design.v2") == "crm_design_v2")
        #expect(MermaidExport.mermaidID("2026/kick") == "t2026_kick")
        var fixture = SamplePlans.crm()
        fixture.plan.tasks[2].title = "Section review"
        let text = MermaidExport.render(SamplePlans.context(fixture), projects: [0])
        #expect(text.contains("    \u{200B}Section review :"))
        for title in ["Click tracking", "gantt-review", "2026-10-01 cutover", "%% done", "Title", "TopAxis fix"] {
            #expect(MermaidExport.needsGuard(title), "\(title)")
        }
        for title in ["Sections of the site", "Titles and captions", "Clicker training", "Data audit"] {
            #expect(!MermaidExport.needsGuard(title), "\(title)")
        }
    }

    @Test func cancelledTasksAreNotWorkInMermaidOrTaskJuggler() throws {
        var fixture = SamplePlans.crm()
        let licences = try #require(fixture.plan.tasks.firstIndex { $0.id == "licences" })
        fixture.plan.tasks[licences].state = .cancelled
        let context = SamplePlans.context(fixture)
        let mermaid = MermaidExport.render(context, projects: [0])
        #expect(mermaid.contains("    %% cancelled, left out: Order licences (crm/licences)"))
        #expect(!mermaid.contains("crm_licences"))
        let tjp = TaskJugglerExport.render(context, projects: [0])
        #expect(tjp.contains("    # crm/licences \"Order licences\": cancelled, left out"))
        #expect(!tjp.contains("task licences"))
        let result = try TaskJugglerTool.check(tjp)
        #expect(result.status == 0, "\(result.output)")
    }

    @Test func taskJugglerIdsAndStrings() {
        #expect(TaskJugglerExport.identifier("design-sign-off") == "design_sign_off")
        #expect(NumberText.plain(-0.5) == "-0.5" && NumberText.plain(12.05) == "12.05" && NumberText.plain(3) == "3")
        #expect(TaskJugglerExport.identifier("2026.kick") == "_2026_kick")
        #expect(TaskJugglerExport.quoted("say \"hi\"\nthere") == "\"say 'hi' there\"")
        let text = TaskJugglerExport.render(Self.trickyContext(), projects: [0])
        #expect(text.contains("    task data_audit \"Data audit, 'phase 1'; Müller's exports\" {"))
        #expect(text.contains("      # FS link on crm/interviews: not exported for work in progress"))
        #expect(text.contains("      depends crm.discovery.data_audit"))
        #expect(text.contains("      charge 12000 onstart"))
    }

    @Test func tj3AcceptsTheTaskJugglerExport() throws {
        try #require(TaskJugglerTool.path != nil, "tj3 is not installed (CI installs it: apt-get install tj3)")
        for context in [Self.trickyContext(), SamplePlans.context(SamplePlans.crm())] {
            let result = try TaskJugglerTool.check(TaskJugglerExport.render(context, projects: Array(context.plan.projects.indices)))
            #expect(result.status == 0, "\(result.output)")
            #expect(!result.output.contains("Error"), "\(result.output)")
        }
    }
}

/// Runs `tj3` on a file in a fresh temporary folder (tj3 may write report files next to it).
enum TaskJugglerTool {
    static var path: String? {
        for folder in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin").split(separator: ":") {
            let candidate = "\(folder)/tj3"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }

    static func check(_ project: String) throws -> (status: Int32, output: String) {
        let result = try run(project, reading: nil)
        return (result.status, result.output)
    }

    /// Runs tj3 on `project`; `reading` names a report file it writes, returned as `report`.
    static func run(_ project: String, reading: String?) throws -> (status: Int32, output: String, report: String?) {
        guard let path else {
            throw ToolMissing(description: "tj3 is not on PATH (CI installs it: apt-get install tj3)")
        }
        return try withTemporaryFolder("tj3") { folder in
            let file = folder.appendingPathComponent("plan.tjp")
            try Data(project.utf8).write(to: file)
            let process = Process()
            process.executableURL = URL(fileURLWithPath: path)
            process.arguments = ["--no-color", "--silent", file.path]
            process.currentDirectoryURL = folder
            let pipe = Pipe()
            process.standardOutput = pipe
            process.standardError = pipe
            try process.run()
            let data = pipe.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            let report = reading.flatMap { try? String(contentsOf: folder.appendingPathComponent($0), encoding: .utf8) }
            return (process.terminationStatus, String(decoding: data, as: UTF8.self), report)
        }
    }

    struct ToolMissing: Error, CustomStringConvertible { var description: String }
}
