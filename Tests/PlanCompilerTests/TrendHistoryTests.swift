import Foundation
import PlanAnalysis
import PlanCompiler
import PlanFrontEnd
import PlanModel
import PlanTestSupport
import Testing

/// The trend read from a real git history (`TrendFixture`: the billing revamp over September 2026).
@Suite struct TrendHistoryTests {
    func series(_ folder: URL, since: String? = nil, until: String? = nil, every: TrendSampling = .commit,
                now: CompiledPlan? = nil) throws -> TrendSeries {
        let repository = try GitRepository(planPath: folder.path)
        var cache = ParseCache()
        return try TrendHistory.series(repository, since: since, until: until.flatMap(Day.init(iso:)), every: every, now: now, cache: &cache)
    }

    @Test func milestonesFinishCostAndScopeMoveAsThePlanWasChanged() throws {
        try withTemporaryFolder("trend-history") { folder in
            try TrendFixture.make(folder)
            let trend = try #require(try series(folder).projects.first)
            #expect(trend.projectID == "billing")
            #expect(trend.points.map(\.reportDate.iso) == ["2026-09-01", "2026-09-09", "2026-09-10", "2026-09-16", "2026-09-23", "2026-09-30", "2026-09-30"])
            #expect(trend.points.map(\.subject).first == "Plan the billing revamp")
            #expect(trend.milestones.map(\.id) == ["billing/design-signed-off", "billing/build-complete", "billing/go-live"])
            // Go-live slips as requirements finish late, invoicing grows and the acceptance test is re-planned.
            let goLive = trend.points.map { $0.milestones.first { $0.id == "billing/go-live" }?.date.iso }
            #expect(goLive == ["2026-10-05", "2026-10-07", "2026-10-07", "2026-10-16", "2026-10-16", "2026-10-21", "2026-10-21"])
            #expect(trend.points.map { $0.forecastFinish?.iso } == goLive)
            #expect(trend.points.last?.milestones.first?.reached == true)
            // Scope growth shows in the burn-up's total; done effort rises with progress.
            #expect(trend.points.map(\.totalEffortDays) == [25, 25, 25, 30, 30, 33, 33])
            #expect(trend.points.map(\.doneEffortDays) == [0, 5, 5, 7, 12, 17, 17])
            #expect(trend.points.map(\.costAtCompletion) == [19_000, 19_000, 19_000, 23_000, 23_000, 25_100, 25_100])
            #expect(trend.points.map(\.health.rawValue).last == "amber")
            // The RAG history is the latest version's journal.
            #expect(trend.journal.map(\.date.iso) == ["2026-09-01", "2026-09-23"])
            #expect(trend.journal.last?.rating == .amber)
            #expect(trend.journal.last?.ratings.map(\.rating) == [.amber, .amber, .amber, .green, .green])
        }
    }

    @Test func samplingKeepsTheLastCommitOfEachDayOrWeek() throws {
        try withTemporaryFolder("trend-sampling") { folder in
            try TrendFixture.make(folder)
            let byDay = try series(folder, every: .day).projects[0].points
            #expect(byDay.map(\.reportDate.iso) == ["2026-09-01", "2026-09-09", "2026-09-10", "2026-09-16", "2026-09-23", "2026-09-30"])
            #expect(byDay.last?.subject == "Note the finance sign-off")
            let byWeek = try series(folder, every: .week).projects[0].points
            #expect(byWeek.map(\.subject) == ["Plan the billing revamp", "Name the owner", "Design signed off; invoicing grows to 20 days",
                                              "Invoicing at 35%, scope grows", "Note the finance sign-off"])
        }
    }

    /// A report dated 16 September cannot show what was planned after it.
    @Test func commitsAfterTheReportingDateAreLeftOut() throws {
        try withTemporaryFolder("trend-until") { folder in
            try TrendFixture.make(folder)
            #expect(try series(folder, until: "2026-09-16").projects[0].points.map(\.reportDate.iso)
                    == ["2026-09-01", "2026-09-09", "2026-09-10", "2026-09-16"])
        }
    }

    @Test func sinceARevisionOrADate() throws {
        try withTemporaryFolder("trend-since") { folder in
            let git = try TrendFixture.make(folder)
            try git.run(["tag", "baseline", "HEAD~3"])
            // A revision is the first point; a date keeps the commits made on or after it.
            #expect(try series(folder, since: "baseline").projects[0].points.first?.subject == "Design signed off; invoicing grows to 20 days")
            #expect(try series(folder, since: "baseline").projects[0].points.count == 4)
            #expect(try series(folder, since: "2026-09-23").projects[0].points.map(\.reportDate.iso) == ["2026-09-23", "2026-09-30", "2026-09-30"])
            #expect(throws: GitError.unknownRevision("v9", shallow: false)) { try series(folder, since: "v9") }
        }
    }

    @Test func uncommittedEditsAddANowPointJudgedOnToday() throws {
        try withTemporaryFolder("trend-now") { folder in
            try TrendFixture.make(folder)
            let today = Day(iso: "2026-10-02")!
            // A clean work tree is the last commit: no extra point.
            let clean = Pipeline.compile(CompileOptions(path: folder.path, today: today))
            #expect(try series(folder, now: clean).projects[0].points.count == 7)
            let edited = TrendFixture.plan(requirementsDone: true, designDone: true, buildEffort: 24, buildProgress: 70, acceptance: 8, amber: true)
            try Data(edited.utf8).write(to: folder.appendingPathComponent("plan.md"))
            let dirty = Pipeline.compile(CompileOptions(path: folder.path, today: today))
            let points = try series(folder, now: dirty).projects[0].points
            #expect(points.count == 8)
            #expect(points.last?.isWorkTree == true)
            #expect(points.last?.version == "now")
            #expect(points.last?.reportDate == today)
            #expect(points.last?.totalEffortDays == 37)
        }
    }

    @Test func versionsWithErrorsAreLeftOutAndNamed() throws {
        try withTemporaryFolder("trend-errors") { folder in
            let git = try TrendFixture.make(folder)
            let broken = TrendFixture.plan().replacingOccurrences(of: "after:requirements", with: "after:nowhere")
            let id = try git.commit(["plan.md": broken], on: "2026-10-01", message: "Broken link")
            let result = try series(folder)
            #expect(result.skippedVersions == [String(id.prefix(7))])
            #expect(result.projects[0].points.count == 7)
        }
    }

    @Test func outsideARepositoryIsAClearError() throws {
        try withTemporaryFolder("trend-no-git") { folder in
            try Data(TrendFixture.plan().utf8).write(to: folder.appendingPathComponent("plan.md"))
            #expect(throws: GitError.notARepository(folder.path)) { try series(folder) }
        }
    }
}
