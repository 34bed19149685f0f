import PlanModel
import PlanTestSupport
import Testing
@testable import PlanAnalysis

/// The trend series as a pure function of compiled versions, on hand-made plans and schedules.
@Suite struct TrendTests {
    /// The billing project as one version saw it: `goLive` is the milestone's forecast, `build`
    /// the effort of the one task, `done` its progress in percent.
    func version(_ report: String, goLive: String, build: Double, done: Double, journal: [(String, Rating)] = []) -> TrendVersion {
        var fixture = PlanFixture(today: report)
        fixture.project("billing", title: "Billing revamp", deadline: "2026-10-30", budget: 25_000)
        let ben = fixture.person("ben", rate: 800)
        fixture.task("build", "2026-09-01", goLive, effort: build, percent: done, people: [ben])
        fixture.task("go-live", goLive, goLive, kind: .milestone, title: "Go-live", deadline: "2026-10-16")
        for (date, rating) in journal { fixture.journal(date, rating, "Report") }
        let schedule = fixture.schedule
        return TrendVersion(plan: fixture.plan, schedule: schedule, analysis: Analyzer.analyze(fixture.plan, schedule),
                            reportDate: fixture.today, version: String(report.suffix(2)), subject: "Report \(report)")
    }

    @Test func eachVersionIsOnePointWithItsForecastsAndBurnUp() {
        let series = TrendBuilder.series([
            version("2026-09-01", goLive: "2026-10-05", build: 20, done: 0),
            version("2026-09-15", goLive: "2026-10-14", build: 25, done: 40),
            version("2026-09-29", goLive: "2026-10-21", build: 30, done: 60, journal: [("2026-09-01", .green), ("2026-09-29", .amber)]),
        ], sampling: .commit)
        let trend = series.projects[0]
        #expect(trend.title == "Billing revamp")
        #expect(trend.milestones == [MilestoneTitle(id: "billing/go-live", title: "Go-live")])
        #expect(trend.points.map { $0.milestones[0].date.iso } == ["2026-10-05", "2026-10-14", "2026-10-21"])
        #expect(trend.points.map { $0.milestones[0].due?.iso } == ["2026-10-16", "2026-10-16", "2026-10-16"])
        #expect(trend.points.map { $0.forecastFinish?.iso } == ["2026-10-05", "2026-10-14", "2026-10-21"])
        #expect(trend.points.map(\.totalEffortDays) == [20, 25, 30])
        #expect(trend.points.map(\.doneEffortDays) == [0, 10, 18])
        #expect(trend.points.map(\.costAtCompletion) == [16_000, 20_000, 24_000])
        #expect(trend.points.map(\.budget) == [25_000, 25_000, 25_000])
        #expect(trend.journal.map(\.rating) == [.green, .amber])
    }

    @Test func projectsAreKeptInTheLatestOrderAndFiltered() {
        var first = version("2026-09-01", goLive: "2026-10-05", build: 20, done: 0)
        first.plan.projects[0].id = "old"
        let second = version("2026-09-15", goLive: "2026-10-14", build: 25, done: 40)
        let series = TrendBuilder.series([first, second], sampling: .day)
        #expect(series.projects.map(\.projectID) == ["billing", "old"])
        #expect(series.projects[1].milestones.map(\.id) == ["old/go-live"])
        #expect(TrendBuilder.series([first, second], sampling: .day, projectIDs: ["old"]).projects.map(\.projectID) == ["old"])
    }

    @Test func samplingKeepsTheLastVersionOfEachDayOrWeek() {
        // Tue 1, Wed 2, Wed 2, Mon 7, Sun 13, Mon 14 Sep 2026.
        let days = ["2026-09-01", "2026-09-02", "2026-09-02", "2026-09-07", "2026-09-13", "2026-09-14"].map { Day(iso: $0)! }
        #expect(TrendSampling.commit.sample(days) == [0, 1, 2, 3, 4, 5])
        #expect(TrendSampling.day.sample(days) == [0, 2, 3, 4, 5])
        #expect(TrendSampling.week.sample(days) == [2, 4, 5])
        #expect(TrendSampling.week.sample([]) == [])
    }
}
