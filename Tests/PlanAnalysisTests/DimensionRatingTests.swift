import PlanModel
import PlanTestSupport
import Testing
@testable import PlanAnalysis

/// The five dimensions of the status report (schedule, cost, scope, resources, risk): which rule
/// rates which, the overall rating as the worst of them, the trend against the previous report,
/// and the decisions and help the project waits for.
@Suite struct DimensionRatingTests {
    /// One open task with an estimate, well within its deadline and budget: every dimension green.
    private func healthyFixture() -> PlanFixture {
        var fixture = PlanFixture(today: "2026-09-15")
        fixture.project("crm", deadline: "2026-11-30", budget: 10_000)
        let omar = fixture.person("omar", rate: 500)
        fixture.task("build", "2026-09-15", "2026-10-30", effort: 5, people: [omar])
        return fixture
    }

    private func analyze(_ fixture: PlanFixture) -> ProjectAnalysis {
        Analyzer.analyze(fixture.plan, fixture.schedule).projects[0]
    }

    private func rating(_ analysis: ProjectAnalysis, _ dimension: HealthDimension) -> Rating? {
        analysis.ratings.first { $0.dimension == dimension }?.rating
    }

    private func ratings(_ analysis: ProjectAnalysis) -> [String] {
        analysis.ratings.map { "\($0.dimension.rawValue):\($0.rating.rawValue)" }
    }

    @Test func healthyProjectIsGreenInEveryDimensionInReportOrder() {
        let analysis = analyze(healthyFixture())
        #expect(ratings(analysis) == ["schedule:green", "cost:green", "scope:green", "resources:green", "risk:green"])
        #expect(analysis.ratingsRecord == "schedule:green cost:green scope:green resources:green risk:green")
    }

    @Test func aBlockedTaskRatesScheduleAndNothingElse() {
        var fixture = healthyFixture()
        fixture.task("cti", "2026-09-15", "2026-09-30", effort: 3, state: .blocked)
        let analysis = analyze(fixture)
        #expect(ratings(analysis) == ["schedule:amber", "cost:green", "scope:green", "resources:green", "risk:green"])
        #expect(analysis.ratings[0].reasons == ["1 task is blocked: Cti"])
        #expect(analysis.health == .amber)
    }

    @Test func costForecastOverBudgetRatesCost() {
        var fixture = healthyFixture()
        fixture.task("licences", "2026-09-15", "2026-09-15", effort: 1, cost: 20_000)
        let analysis = analyze(fixture)
        #expect(rating(analysis, .cost) == .red)
        #expect(rating(analysis, .schedule) == .green)
        #expect(analysis.health == .red)
    }

    @Test func openWorkWithoutAnEstimateRatesScopeAmber() {
        var fixture = healthyFixture()
        fixture.task("interfaces", "2026-09-16", "2026-09-16")
        // A milestone and done work need no estimate.
        fixture.task("sign-off", "2026-09-20", "2026-09-20", kind: .milestone)
        fixture.task("kick-off", "2026-09-01", "2026-09-01", state: .done)
        let analysis = analyze(fixture)
        #expect(analysis.unestimatedTasks == [fixture.index("interfaces")])
        #expect(rating(analysis, .scope) == .amber)
        #expect(analysis.ratings[2].reasons == ["1 open task has no estimate (scheduled as one day each): Interfaces"])
    }

    @Test func objectivesRecordedAsNotMetWhileRunningRateScope() {
        var fixture = healthyFixture()
        let range = SourceRange(file: "crm.md", line: 50, column: 1)
        fixture.plan.projects[0].objectives = [
            Objective(id: "a", text: "Retire KUBIS", result: .missed, notes: "", range: range),
            Objective(id: "b", text: "One record per customer", result: .partly, notes: "", range: range),
            Objective(id: "c", text: "Faster quotes", result: nil, notes: "", range: range),
        ]
        var analysis = analyze(fixture)
        #expect(rating(analysis, .scope) == .amber)
        fixture.plan.projects[0].objectives[1].result = .missed
        analysis = analyze(fixture)
        // Two of three missed: more than half.
        #expect(rating(analysis, .scope) == .red)
    }

    @Test func workAssignedToSomeoneWhoHasLeftRatesResources() {
        var fixture = healthyFixture()
        let lena = fixture.person("lena", rate: 600)
        fixture.plan.people[lena].changes = [PersonChange(from: Day(iso: "2026-10-01")!, availability: 0, rate: nil, range: SourceRange(file: "team.md", line: 9, column: 1))]
        fixture.task("design", "2026-09-16", "2026-09-25", effort: 5, people: [lena])
        fixture.task("review", "2026-10-05", "2026-10-09", effort: 2, people: [lena])
        let analysis = analyze(fixture)
        // Design finishes before she leaves; the review after.
        #expect(analysis.tasksWithDepartedPeople == [fixture.index("review")])
        #expect(rating(analysis, .resources) == .amber)
        #expect(analysis.ratings[3].reasons == ["1 open task is assigned to someone who leaves before it finishes: Review"])
        #expect(rating(analysis, .schedule) == .green)
    }

    @Test func severeIssuesAndOverdueDecisionsRateRisk() {
        var fixture = healthyFixture()
        let range = SourceRange(file: "crm.md", line: 60, column: 1)
        var issue = IssueEntry(id: "creds", title: "Credentials missing", range: range)
        issue.severity = .high
        issue.due = Day(iso: "2026-09-30")
        fixture.plan.projects[0].issues = [issue]
        var analysis = analyze(fixture)
        #expect(rating(analysis, .risk) == .amber)
        #expect(analysis.ratings[4].reasons == ["1 open issue is of high severity or above: Credentials missing"])

        // Very high and past its due date: red.
        fixture.plan.projects[0].issues[0].severity = .veryHigh
        fixture.plan.projects[0].issues[0].due = Day(iso: "2026-09-10")
        analysis = analyze(fixture)
        #expect(rating(analysis, .risk) == .red)
        #expect(analysis.health == .red)

        // A resolved issue is history.
        fixture.plan.projects[0].issues[0].status = .resolved
        #expect(rating(analyze(fixture), .risk) == .green)

        var decision = Decision(id: "go", title: "Go or no-go", range: range)
        decision.status = .open
        decision.due = Day(iso: "2026-09-14")
        fixture.plan.projects[0].decisions = [decision]
        analysis = analyze(fixture)
        #expect(analysis.decisionsNeeded == [0])
        #expect(rating(analysis, .risk) == .amber)
        #expect(analysis.ratings[4].reasons == ["Decision Go or no-go was needed by 2026-09-14 and is still open"])
        // Needed later: listed, but not a warning yet.
        fixture.plan.projects[0].decisions[0].due = Day(iso: "2026-09-24")
        analysis = analyze(fixture)
        #expect(analysis.decisionsNeeded == [0])
        #expect(rating(analysis, .risk) == .green)
    }

    @Test func decisionsAndHelpNeededAreOpenOnesByDate() {
        var fixture = healthyFixture()
        let range = SourceRange(file: "crm.md", line: 60, column: 1)
        func decision(_ id: String, _ status: Decision.Status, due: String?) -> Decision {
            var d = Decision(id: id, title: id, range: range)
            d.status = status
            d.due = due.flatMap(Day.init(iso:))
            return d
        }
        fixture.plan.projects[0].decisions = [decision("taken", .decided, due: nil), decision("undated", .open, due: nil),
                                              decision("late", .open, due: "2026-10-20"), decision("soon", .open, due: "2026-09-20")]
        func issue(_ id: String, escalated: String?, due: String?, status: IssueEntry.Status = .open) -> IssueEntry {
            var i = IssueEntry(id: id, title: id, range: range)
            i.escalated = escalated.flatMap(Day.init(iso:))
            i.due = due.flatMap(Day.init(iso:))
            i.status = status
            return i
        }
        fixture.plan.projects[0].issues = [issue("quiet", escalated: nil, due: "2026-09-16"),
                                           issue("later", escalated: "2026-09-01", due: "2026-10-01"),
                                           issue("sooner", escalated: "2026-09-10", due: "2026-09-18"),
                                           issue("solved", escalated: "2026-09-02", due: "2026-09-17", status: .resolved)]
        let analysis = analyze(fixture)
        let project = fixture.plan.projects[0]
        #expect(analysis.decisionsNeeded.map { project.decisions[$0].id } == ["soon", "late", "undated"])
        #expect(analysis.helpNeeded.map { project.issues[$0].id } == ["sooner", "later"])
    }

    @Test func trendsCompareWithTheLatestJournalEntryBeforeToday() {
        var fixture = healthyFixture()
        fixture.task("cti", "2026-09-15", "2026-09-30", effort: 3, state: .blocked)
        fixture.journal("2026-09-01", .red, "Old news")
        fixture.journal("2026-09-11", .amber, "Last report")
        // An entry dated today is this report, not the previous one.
        fixture.journal("2026-09-15", .amber, "Today's")
        fixture.plan.projects[0].journal[0].ratings = [.schedule: .green, .cost: .green]
        fixture.plan.projects[0].journal[1].ratings = [.schedule: .green, .resources: .amber, .risk: .green]
        let analysis = analyze(fixture)
        #expect(analysis.previousReport == 1)
        let trends = analysis.ratings.map { "\($0.dimension.rawValue):\($0.trend?.rawValue ?? "none")" }
        // Schedule green then, amber now (blocked); resources amber then, green now; cost and
        // scope were not rated in that report.
        #expect(trends == ["schedule:worse", "cost:none", "scope:none", "resources:better", "risk:same"])
        // Overall: amber now (blocked task, and today's entry) against amber then.
        #expect(analysis.healthTrend == .same)
    }

    @Test func withoutAnEarlierEntryThereIsNoTrend() {
        var fixture = healthyFixture()
        fixture.journal("2026-09-15", .green, "First report")
        let analysis = analyze(fixture)
        #expect(analysis.previousReport == nil)
        #expect(analysis.healthTrend == nil)
        #expect(analysis.ratings.allSatisfy { $0.trend == nil })
    }

    @Test func theJournalRatingCountsForTheWholeNotForADimension() {
        var fixture = healthyFixture()
        fixture.journal("2026-09-11", .red, "Vendor in trouble")
        let analysis = analyze(fixture)
        #expect(analysis.health == .red)
        #expect(analysis.ratings.allSatisfy { $0.rating == .green })
        #expect(analysis.reasons.map(\.dimension) == [nil])
    }

    @Test func aClosedProjectHasNoDimensionRatings() {
        var fixture = healthyFixture()
        fixture.plan.projects[0].phase = .closed
        let analysis = analyze(fixture)
        #expect(analysis.ratings.isEmpty)
        #expect(analysis.ratingsRecord == nil)
    }
}
