import Foundation
import PlanImport
import PlanTestSupport
import Testing

/// Files MPXJ wrote from projects built through its API (`.ci/make-mspdi-fixtures`, committed in
/// Fixtures/ so these tests need no Java): each imports into a plan that compiles with no error or
/// warning, with the dates, links, units and notes the project was built with.
@Suite struct MPXJFixtureTests {
    static let names = ["nested-links", "calendars", "assignments", "changes-over-time"]

    static func fixture(_ name: String) throws -> Data {
        try Data(contentsOf: Repository.url("Tests/PlanImportTests/Fixtures/\(name).xml"))
    }

    static func imported(_ name: String) throws -> ImportedPlan {
        try MSPDIImport.plan(from: try fixture(name), sourceName: "\(name).xml")
    }

    @Test func nestedSummariesAndEveryLinkType() throws {
        let plan = try Self.imported("nested-links")
        let text = try #require(plan.text(of: "plan.md"))
        #expect(text.contains("""
            - [ ] Phase one — id:phase-one
              - [ ] Stage A — id:stage-a
                - [ ] Step A1 — id:step-a1
                  - [ ] Design — id:design duration:5d
                  - [ ] Build — id:build duration:5d after:design+2d
                - [ ] Review — id:review duration:2d ss:build+1d
                - [ ] Test — id:test duration:2d ff:build+1d
              - [ ] Sign — id:sign duration:1d sf:build
            - [ ] Release — id:release milestone after:test
            - [ ] Docs — id:docs duration:1d ss:build+2d
            """))
        #expect(plan.notes == ["'Docs': a lag of 40% of 'Build' imported as 2 working days"])
        let compiled = try ImportSupport.compile(plan, today: "2026-03-02")
        #expect(ImportSupport.strictProblems(compiled).isEmpty, "\(ImportSupport.strictProblems(compiled))")
        let dates = try ImportSupport.datesByTitlePath(compiled)
        // The dates MPXJ was given for the same network.
        #expect(dates["Phase one / Stage A / Step A1 / Design"] == "2026-03-02..2026-03-06")
        #expect(dates["Phase one / Stage A / Step A1 / Build"] == "2026-03-11..2026-03-17")
        #expect(dates["Phase one / Stage A / Review"] == "2026-03-12..2026-03-13")
        #expect(dates["Phase one / Stage A / Test"] == "2026-03-17..2026-03-18")
        #expect(dates["Release"] == "2026-03-18..2026-03-18")
        #expect(dates["Docs"] == "2026-03-13..2026-03-13")
    }

    @Test func calendarsTimeOffAndConstraints() throws {
        let plan = try Self.imported("calendars")
        #expect(plan.text(of: "calendar.md") == """
            # Standard

            - calendar: default
            - working-days: mon-fri
            - hours-per-day: 8

            ## Holidays
            - 2026-04-03..2026-04-06 Easter
            - 2026-05-01 Labour Day

            """)
        #expect(plan.text(of: "team.md")?.contains("- Dana Schreiber — id:dana-schreiber off:2026-03-16..2026-03-20\n") == true)
        let text = try #require(plan.text(of: "plan.md"))
        #expect(text.contains("- [ ] Pinned start — id:pinned-start duration:5d start:2026-03-23\n"))
        #expect(text.contains("- [ ] Not before — id:not-before duration:3d not-before:2026-04-07\n"))
        #expect(text.contains("- [ ] As late as possible — id:as-late-as-possible duration:1d due:2026-03-31\n"))
        #expect(plan.notes == [
            "calendar 'Standard': extra working time 2026-03-28 (Inventory Saturday) is not imported",
            "'As late as possible': constraint As Late As Possible is not imported; planc schedules as soon as possible",
        ])
        let compiled = try ImportSupport.compile(plan, today: "2026-03-02")
        #expect(ImportSupport.strictProblems(compiled).isEmpty, "\(ImportSupport.strictProblems(compiled))")
        let dates = try ImportSupport.datesByTitlePath(compiled)
        #expect(dates["Pinned start"] == "2026-03-23..2026-03-27")
        #expect(dates["Not before"] == "2026-04-07..2026-04-09")
    }

    @Test func partTimeAssignmentsPoolsRatesAndProgress() throws {
        let plan = try Self.imported("assignments")
        #expect(plan.text(of: "team.md") == """
            # Team

            - team: imported

            ## People
            - Dana Schreiber — id:dana rate:800EUR/d
            - Aylin Demir — id:aylin-demir availability:50%

            ## Pools
            - Backend developers — id:backend-developers size:3

            """)
        let text = try #require(plan.text(of: "plan.md"))
        #expect(text.contains("""
            - [x] Data audit — id:data-audit 8d @dana started:2026-03-02 finished:2026-03-11
            - [ ] Data cleansing — id:data-cleansing 5d @aylin-demir after:data-audit 40% started:2026-03-12
            - [ ] Load jobs — id:load-jobs 10d @backend-developers:2 after:data-cleansing
            - [ ] Wiring — id:wiring duration:2d after:data-cleansing
            """))
        #expect(plan.notes == [
            "'Cable': a material resource; planc plans people and pools only",
            "'Wiring': the assignment of 'Cable' is not imported (a material resource)",
        ])
        let compiled = try ImportSupport.compile(plan, today: "2026-03-16")
        #expect(ImportSupport.strictProblems(compiled).isEmpty, "\(ImportSupport.strictProblems(compiled))")
        let dates = try ImportSupport.datesByTitlePath(compiled)
        #expect(dates["Data audit"] == "2026-03-02..2026-03-11")
        // Aylin at her 50 % has 3 of 5 days of work left on the 16th: six working days.
        #expect(dates["Data cleansing"] == "2026-03-12..2026-03-23")
        #expect(dates["Load jobs"] == "2026-03-24..2026-03-30")
    }

    /// MPXJ's availability table and cost rate table A become `From DATE` items under the person;
    /// tables B to E, the overtime rate and the cost per use are noted, never dropped silently.
    @Test func availabilityAndRatesThatChangeOverTime() throws {
        let plan = try Self.imported("changes-over-time")
        let team = """
            # Team

            - team: imported

            ## People
            - Omar Haddad — id:omar rate:800EUR/d
              - From 2026-03-09 — availability:50%
              - From 2026-03-16 — rate:880EUR/d
              - From 2026-03-23 — availability:100%

            """
        #expect(plan.text(of: "team.md") == team)
        #expect(plan.text(of: "plan.md")?.contains("- [ ] Data audit — id:data-audit 10d @omar\n") == true)
        #expect(plan.notes == [
            "'Omar Haddad': cost rate tables B to E (1 rate); planc imports table A, one rate per day",
            "'Omar Haddad': an overtime rate; planc has no overtime",
            "'Omar Haddad': a cost per use; planc's costs are per day of work",
        ])
        let compiled = try ImportSupport.compile(plan, today: "2026-03-02")
        #expect(ImportSupport.strictProblems(compiled).isEmpty, "\(ImportSupport.strictProblems(compiled))")
        // Five days at full time, then two weeks at half time give the other five: the 20th, the
        // date MPXJ was given. Without the changes the same ten days end on the 13th.
        #expect(try ImportSupport.datesByTitlePath(compiled)["Data audit"] == "2026-03-02..2026-03-20")
        let context = try #require(compiled.reportContext)
        let audit = try #require(compiled.plan.tasks.firstIndex { $0.title == "Data audit" })
        // The rise to 880 on the 16th counts: 10 days of work at the average rate of the task's 15
        // working days, 10 at 800 and 5 at 880 (docs/terminal.md, "Rates over time").
        let cost: Double = 10 * (10 * 800 + 5 * 880) / 15
        #expect(abs(context.plannedCost[audit] - cost) < 0.01, "\(context.plannedCost[audit])")
        var unchanged = plan
        unchanged.files = plan.files.map { file in
            var file = file
            if file.name == "team.md" { file.text = file.text.split(separator: "\n", omittingEmptySubsequences: false).filter { !$0.hasPrefix("  - From") }.joined(separator: "\n") }
            return file
        }
        #expect(unchanged.text(of: "team.md") != team)
        let fullTime = try ImportSupport.compile(unchanged, today: "2026-03-02")
        #expect(try ImportSupport.datesByTitlePath(fullTime)["Data audit"] == "2026-03-02..2026-03-13")
    }

    /// MPXJ run again gives the committed bytes, so the fixtures stay what MPXJ writes and still
    /// import. Like MSPDIReaderTests, a missing MPXJ venv fails the test (CI installs it with
    /// `.ci/setup`); the tests above need no Java.
    @Test func regeneratedFixturesAreTheCommittedOnes() throws {
        guard FileManager.default.isExecutableFile(atPath: Self.python) else {
            Issue.record("\(Self.python) is missing: run .ci/setup, which installs mpxj and JPype1 in /var/tmp/mpxj-venv")
            return
        }
        try withTemporaryFolder("mpxj-fixtures") { folder in
            let (status, output) = try Program.run(Self.python, [Repository.url(".ci/make-mspdi-fixtures").path, folder.path])
            #expect(status == 0, "make-mspdi-fixtures failed:\n\(output)")
            for name in Self.names {
                let fresh = try Data(contentsOf: folder.appendingPathComponent("\(name).xml"))
                #expect(fresh == (try Self.fixture(name)), "\(name).xml differs from what MPXJ writes now: run .ci/make-mspdi-fixtures Tests/PlanImportTests/Fixtures")
                let plan = try MSPDIImport.plan(from: fresh, sourceName: "\(name).xml")
                let compiled = try ImportSupport.compile(plan, today: "2026-03-16")
                #expect(!compiled.hasErrors, "\(ImportSupport.strictProblems(compiled))")
            }
        }
    }

    static var python: String { Program.mpxjPython }
}
