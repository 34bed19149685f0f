import Foundation
import PlanTestSupport
import Testing

/// The history features on a repository made from Examples/crm-migration with realistic commits:
/// the plan agreed and tagged, a task grows, a person leaves, a milestone is re-planned. Each
/// command tells that story in its own words.
@Suite(.serialized) struct CRMHistoryTests {
    /// The example's files, committed as the agreed plan on 3 August and tagged v1.0, then three
    /// changes; returns the repository folder.
    static func repository(in folder: URL) throws -> GitFixture {
        let git = try GitFixture(folder)
        var files: [String: String?] = [:]
        let example = Repository.url("Examples/crm-migration")
        for name in try FileManager.default.contentsOfDirectory(atPath: example.path) where name.hasSuffix(".md") {
            files[name] = try String(contentsOf: example.appendingPathComponent(name), encoding: .utf8)
        }
        try git.commit(files, on: "2026-08-03", message: "Plan agreed by the steering committee")
        try git.run(["tag", "v1.0"])
        func change(_ file: String, _ old: String, _ new: String, on date: String, _ message: String) throws {
            let text = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
            #expect(text.contains(old), "\(file) no longer contains \(old)")
            try git.commit([file: text.replacingOccurrences(of: old, with: new)], on: date, message: message)
        }
        try change("plan.md", "id:data-cleansing 20d", "id:data-cleansing 26d", on: "2026-08-20", "Data cleansing grows to 26 days")
        try change("team.md", "off:2026-10-26..2026-10-30\n", "off:2026-10-26..2026-10-30\n  - Leaves 2026-10-02\n",
                   on: "2026-09-01", "Felix leaves on 2 October")
        try change("plan.md", "id:uat-signoff milestone after:uat,pentest due:2026-10-30",
                   "id:uat-signoff milestone after:uat,pentest due:2026-11-04", on: "2026-09-08", "UAT sign-off re-planned")
        return git
    }

    @Test func diffStatusAndSiteTellTheStory() throws {
        try withTemporaryFolder("crm-history") { folder in
            _ = try Self.repository(in: folder)
            let path = folder.path
            let today = "2026-09-15"

            // planc diff against the agreed plan: the growth moves data readiness, the re-plan shows.
            let diff = try Planc.run(["diff", "v1.0", "--path", path, "--today", today, "--color", "never"])
            #expect(diff.status == 0, "\(diff.stderr)")
            #expect(diff.stdout.contains("Data migration ready (data-ready)  7 Oct → 12 Oct  +3 working days"))
            #expect(diff.stdout.contains("re-planned  UAT signed off (uat-signoff): due 30 Oct → 4 Nov"))
            #expect(diff.stdout.contains("effort 20 → 26 person-days (+6)"))

            // planc status against the baseline: variances, earned value at the baseline's prices,
            // and the person who leaves before the test she manages is done.
            let status = try Planc.run(["status", "--baseline", "v1.0", "--today", today, "--width", "200", "--color", "never", path])
            #expect(status.status == 0, "\(status.stderr)")
            #expect(status.stdout.contains("Baseline   v1.0 ("))
            #expect(status.stdout.contains("(against the baseline)"))
            #expect(status.stdout.contains("1 open task is assigned to someone who leaves before it finishes: System integration test"))
            #expect(status.stdout.contains("resources AMBER"))
            // The last report (the journal's 11 September entry) read from history: the plan of 8 September.
            #expect(status.stdout.contains("Changed since the report of 2026-09-11"))

            let tasks = try Planc.run(["tasks", "--baseline", "v1.0", "--today", today, "--format", "csv",
                                       "--columns", "id,effort-variance", path])
            #expect(tasks.stdout.contains("data-cleansing,6\r\n"))

            // planc trend: four versions; data readiness drifts from 16 Sep to 5 Oct as the
            // cleansing grows and time passes, the finish holds on 25 Nov.
            let trend = try Planc.run(["trend", "--today", today, "--width", "140", "--color", "never", path])
            #expect(trend.status == 0, "\(trend.stderr)")
            #expect(trend.stdout.contains("CRM Migration (crm) — 4 versions, every commit, 3 Aug – 8 Sep 2026"))
            #expect(trend.stdout.contains("3 Aug 2026   24 Jun*  23 Jul*  16 Sep"))
            #expect(trend.stdout.contains("8 Sep 2026   24 Jun*  23 Jul*  5 Oct"))
            #expect(trend.stdout.contains("M3 crm/data-ready  Data migration ready"))

            // The site: the baseline section and the moves on the first screen.
            let site = folder.appendingPathComponent("_site")
            let built = try Planc.run(["build", "--baseline", "v1.0", "--today", today, "-o", site.path, path])
            #expect(built.status == 0, "\(built.stderr)")
            let page = try String(contentsOf: site.appendingPathComponent("projects/crm/index.html"), encoding: .utf8)
            #expect(page.contains("<h2 id=\"baseline\">Against the baseline</h2>"))
            #expect(page.contains("Since the report of 11 Sep 2026"))
        }
    }
}
