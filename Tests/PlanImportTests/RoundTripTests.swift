import Foundation
import PlanCompiler
import PlanImport
import PlanReports
import PlanTestSupport
import Testing

/// planc → MSPDI → planc: each example exported as `planc export --format mspdi` does, imported,
/// and compiled with the same --today schedules every task on the same days, and passes strict
/// checking; so does the export after MPXJ has read and written it again. What MSPDI cannot
/// carry is listed in docs/import.md.
@Suite struct RoundTripTests {
    static let today = "2026-09-15"

    @Test(arguments: ["crm-migration", "website-relaunch"])
    func theImportedExampleSchedulesAsTheOriginal(example: String) throws {
        let (original, xml) = try Self.export(example)
        try Self.expectSameSchedule(original, importing: Data(xml.utf8), name: "\(example).xml")
    }

    /// MPXJ rewrites the file its own way (a project summary task of UID 0, its own calendar
    /// layout, every default written out); the import must not depend on planc's layout.
    @Test(arguments: ["crm-migration", "website-relaunch"])
    func theExportRewrittenByMPXJSchedulesAsTheOriginal(example: String) throws {
        guard FileManager.default.isExecutableFile(atPath: Program.mpxjPython) else {
            Issue.record("\(Program.mpxjPython) is missing: run .ci/setup, which installs mpxj and JPype1 in /var/tmp/mpxj-venv")
            return
        }
        let (original, xml) = try Self.export(example)
        try withTemporaryFolder("mpxj-rewrite") { folder in
            let exported = folder.appendingPathComponent("planc.xml"), rewritten = folder.appendingPathComponent("mpxj.xml")
            try Data(xml.utf8).write(to: exported)
            let (status, output) = try Program.run(Program.mpxjPython, [Repository.url(".ci/mpxj-rewrite-mspdi").path, exported.path, rewritten.path])
            #expect(status == 0, "mpxj-rewrite-mspdi failed:\n\(output)")
            let data = try Data(contentsOf: rewritten)
            #expect(data != Data(xml.utf8), "MPXJ wrote the same bytes; the test would not test MPXJ's layout")
            try Self.expectSameSchedule(original, importing: data, name: "\(example)-mpxj.xml")
        }
    }

    /// A person's availability and rate that change over time (and a last day) go out as MSPDI's
    /// availability periods and rate table A and come back as the same changes, and the same
    /// schedule and costs: the half-time weeks slow the audit, the rise prices the build. So does
    /// the file after MPXJ has read and written it again.
    @Test func changesOverTimeComeBack() throws {
        let files = [
            "plan.md": """
                # Changes

                - project: changes
                - start: 2027-03-01
                - currency: EUR

                ## Work
                - [ ] Audit — 10d @omar
                - [ ] Build — 10d @omar after:audit

                """,
            "team.md": """
                # Team

                - team: t

                ## People
                - Omar Haddad — id:omar availability:80% rate:600EUR/d
                  - From 2027-03-15 — availability:50% rate:650EUR/d
                  - From 2027-04-05 — rate:700EUR/d
                  - From 2027-04-19 — availability:100%
                  - Leaves 2027-06-30

                """,
        ]
        try withTemporaryFolder("round-trip-changes") { folder in
            for (name, text) in files { try text.write(to: folder.appendingPathComponent(name), atomically: true, encoding: .utf8) }
            let original = Pipeline.compile(CompileOptions(path: folder.path, today: PlanTestSupport.day("2027-03-01")))
            let context = try #require(original.reportContext)
            let xml = try Exporter.render(.mspdi, context)
            func changes(_ compiled: CompiledPlan) -> [String] {
                compiled.plan.people.flatMap { person in
                    ["\(person.id) \(person.availability) \(person.rate?.amount ?? 0)"] + person.changes.map {
                        "\($0.from.iso) \($0.availability.map { "\($0)" } ?? "-") \($0.rate.map { "\($0.amount)" } ?? "-")"
                    }
                }
            }
            #expect(changes(original).count == 5)  // the person, three From items and Leaves
            let before = try ImportSupport.datesByTitlePath(original)
            #expect(before["Build"] == "2027-03-19..2027-04-15")
            // planc's file, and the same file as MPXJ writes it again (its own date forms).
            var files = [("changes.xml", Data(xml.utf8))]
            if FileManager.default.isExecutableFile(atPath: Program.mpxjPython) {
                let exported = folder.appendingPathComponent("planc.xml"), rewritten = folder.appendingPathComponent("mpxj.xml")
                try Data(xml.utf8).write(to: exported)
                let (status, output) = try Program.run(Program.mpxjPython, [Repository.url(".ci/mpxj-rewrite-mspdi").path, exported.path, rewritten.path])
                #expect(status == 0, "mpxj-rewrite-mspdi failed:\n\(output)")
                files.append(("changes-mpxj.xml", try Data(contentsOf: rewritten)))
            } else {
                Issue.record("\(Program.mpxjPython) is missing: run .ci/setup, which installs mpxj and JPype1 in /var/tmp/mpxj-venv")
            }
            for (name, data) in files {
                let plan = try MSPDIImport.plan(from: data, sourceName: name)
                #expect(plan.notes.isEmpty, "\(name): \(plan.notes)")
                let imported = try ImportSupport.compile(plan, today: "2027-03-01")
                #expect(ImportSupport.strictProblems(imported).isEmpty, "\(name): \(ImportSupport.strictProblems(imported))")
                #expect(changes(imported) == changes(original), "\(name)")
                #expect(try ImportSupport.datesByTitlePath(imported) == before, "\(name)")
                let importedContext = try #require(imported.reportContext)
                #expect(importedContext.plannedCost == context.plannedCost, "\(name)")
            }
        }
    }

    static func export(_ example: String) throws -> (CompiledPlan, String) {
        let original = Pipeline.compile(CompileOptions(path: Repository.url("Examples/\(example)").path, today: PlanTestSupport.day(today)))
        let context = try #require(original.reportContext)
        return (original, try Exporter.render(.mspdi, context))
    }

    static func expectSameSchedule(_ original: CompiledPlan, importing data: Data, name: String) throws {
        let plan = try MSPDIImport.plan(from: data, sourceName: name)
        let imported = try ImportSupport.compile(plan, today: today)
        #expect(ImportSupport.strictProblems(imported).isEmpty, "\(ImportSupport.strictProblems(imported))")
        #expect(plan.notes.isEmpty, "\(plan.notes)")

        var before = try ImportSupport.datesByTitlePath(original)
        let after = try ImportSupport.datesByTitlePath(imported)
        // A single project's summary task becomes the imported project itself; with several,
        // each project's summary becomes a work package named after the project.
        if original.plan.projects.count > 1 {
            let context = try #require(original.reportContext)
            before = Dictionary(uniqueKeysWithValues: original.plan.tasks.indices.compactMap { index -> (String, String)? in
                let task = original.plan.tasks[index]
                var path = [original.plan.projects[task.projectIndex].title, task.title]
                var parent = task.parent
                while let up = parent { path.insert(original.plan.tasks[up].title, at: 1); parent = original.plan.tasks[up].parent }
                guard let slot = context.slot(index) else { return nil }
                return (path.joined(separator: " / "), "\(slot.start.iso)..\(slot.finish.iso)")
            })
        }
        #expect(before.count == original.plan.tasks.count)
        for (path, dates) in before.sorted(by: { $0.key < $1.key }) {
            #expect(after[path] == dates, "\(path)")
        }
        // Fixed costs (`cost:`) come back as written: MSPDI's FixedCost, in hundredths.
        let costs = Dictionary(imported.plan.tasks.map { ($0.title, $0.cost) }, uniquingKeysWith: { first, _ in first })
        let written = original.plan.tasks.filter { $0.cost != nil }
        #expect(!written.isEmpty || original.plan.projects.count > 1)
        for task in written {
            #expect(costs[task.title] == task.cost, "\(task.title)")
        }
    }
}
