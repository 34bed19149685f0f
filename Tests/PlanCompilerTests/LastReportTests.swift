import Foundation
import PlanAnalysis
import PlanCompiler
import PlanModel
import PlanTestSupport
import Testing

/// "What changed since the last report": the plan at the previous journal entry's day, forecast
/// then, against today's plan and forecast, each move with the change that caused it.
@Suite struct LastReportTests {
    static let team = "# Team\n\n- team: t\n\n## People\n- Omar — id:omar rate:500EUR/d\n"
    static func plan(effort: String, journal: String) -> String {
        """
        # Demo

        - project: demo
        - start: 2026-09-01

        ## Work
        - [ ] A — \(effort) @omar
        - [ ] B — 5d @omar after:a
        - [ ] Go-live — milestone after:b

        ## Journal
        \(journal)
        """
    }
    static let firstReport = "### 2026-09-01 — green — Kick-off\nAll set.\n"

    @Test func movesSinceTheLastReportSayWhy() throws {
        try withTemporaryFolder("last-report") { folder in
            let git = try GitFixture(folder)
            // Reported on 1 September: A 1–7 Sep, B 8–14 Sep, Go-live 14 Sep.
            try git.commit(["plan.md": Self.plan(effort: "5d", journal: Self.firstReport), "team.md": Self.team],
                           on: "2026-09-01", message: "Plan and first report")
            // Since then A grew to 8 days.
            try git.commit(["plan.md": Self.plan(effort: "8d", journal: Self.firstReport)], on: "2026-09-03", message: "A grows")
            let status = try Planc.run(["status", "--today", "2026-09-01", "--width", "200", "--color", "never", folder.path])
            #expect(status.status == 0, "\(status.stderr)")
            // Today is the report's own day: it is this report, not the previous one.
            #expect(!status.stdout.contains("Changed since the report"))

            // A day later: A has not started (it starts today, a day late) and grew by 3 days.
            let later = try Planc.run(["status", "--today", "2026-09-02", "--width", "200", "--color", "never", folder.path])
            #expect(later.stdout.contains("Changed since the report of 2026-09-01"))
            #expect(later.stdout.contains("Go-live moved from 2026-09-14 to 2026-09-18 (+4 working days) because A grew from 5 to 8 person-days"))
            #expect(later.stdout.contains("The project's finish moved from 2026-09-14 to 2026-09-18 (+4 working days) because A grew from 5 to 8 person-days"))

            // --since a date: the plan as it stood then, forecast on that day: only the growth moves it.
            let since = try Planc.run(["status", "--today", "2026-09-02", "--since", "2026-09-02", "--width", "200", "--color", "never", folder.path])
            #expect(since.stdout.contains("Go-live moved from 2026-09-15 to 2026-09-18 (+3 working days) because A grew from 5 to 8 person-days"))
            let same = try Planc.run(["status", "--today", "2026-09-03", "--since", "HEAD", "--width", "200", "--color", "never", folder.path])
            #expect(same.stdout.contains("No milestone and not the finish moved."))
            let unknown = try Planc.run(["status", "--today", "2026-09-02", "--since", "v7", folder.path])
            #expect(unknown.status == 2)

            // The site: the moves on the first screen, each linked to the row that explains its date.
            let site = folder.appendingPathComponent("_site")
            let built = try Planc.run(["build", "--today", "2026-09-02", "-o", site.path, folder.path])
            #expect(built.status == 0, "\(built.stderr)")
            let page = try String(contentsOf: site.appendingPathComponent("projects/demo/index.html"), encoding: .utf8)
            #expect(page.contains("<a href=\"tasks.html#task-go-live\">Go-live</a> moved from 14 Sep 2026 to 18 Sep 2026 (+4 working days) because A grew from 5 to 8 person-days"))
        }
    }

    @Test func withoutHistoryThereIsNoSectionAndNoError() throws {
        try withTemporaryFolder("last-report-no-git") { folder in
            try write(["plan.md": Self.plan(effort: "5d", journal: Self.firstReport), "team.md": Self.team], into: folder)
            let status = try Planc.run(["status", "--today", "2026-09-02", "--color", "never", folder.path])
            #expect(status.status == 0)
            #expect(!status.stdout.contains("Changed since the report"))
        }
    }
}
