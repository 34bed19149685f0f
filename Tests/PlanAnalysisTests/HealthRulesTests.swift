import PlanModel
import PlanTestSupport
import Testing
@testable import PlanAnalysis

/// One test per health rule, each on the smallest plan that fires it.
@Suite struct HealthRulesTests {
    /// A project with one task finishing well before today and its deadline: nothing fires.
    private func healthyFixture() -> PlanFixture {
        var fixture = PlanFixture(today: "2026-09-15")
        fixture.project("crm", deadline: "2026-11-30", budget: 10_000)
        let omar = fixture.person("omar", rate: 500)
        fixture.task("audit", "2026-09-01", "2026-09-14", effort: 10, state: .done, people: [omar])
        fixture.task("build", "2026-09-15", "2026-10-30", effort: 5, people: [omar])
        return fixture
    }

    private func analyze(_ fixture: PlanFixture) -> ProjectAnalysis {
        Analyzer.analyze(fixture.plan, fixture.schedule).projects[0]
    }

    @Test func healthyProjectIsGreenWithoutReasons() {
        let analysis = analyze(healthyFixture())
        #expect(analysis.health == .green)
        #expect(analysis.healthReasons.isEmpty)
    }

    @Test func smallDeadlineSlipIsAmberAndStatesWorkingDays() {
        var fixture = healthyFixture()
        fixture.task("cutover", "2026-11-30", "2026-12-04", effort: 1)
        let analysis = analyze(fixture)
        #expect(analysis.health == .amber)
        #expect(analysis.slipDays == 4)
        #expect(analysis.slipWorkingDays == 4)
        #expect(analysis.healthReasons == ["Forecast finish 2026-12-04 is 4 working days after the deadline 2026-11-30"])
    }

    @Test func deadlineSlipOverFiveWorkingDaysIsRed() {
        var fixture = healthyFixture()
        fixture.task("cutover", "2026-12-01", "2026-12-08", effort: 1)
        let analysis = analyze(fixture)
        #expect(analysis.health == .red)
        #expect(analysis.slipWorkingDays == 6)
        #expect(analysis.healthReasons.first == "Forecast finish 2026-12-08 is 6 working days after the deadline 2026-11-30")
    }

    /// "N days ahead" read as a lead over the plan; it is buffer before the deadline, in working days.
    @Test func deadlineStandingIsWorkingDaysOfBufferOrPastTheDeadline() {
        // Forecast Friday 30 October, deadline Monday 30 November: 21 working days of buffer.
        #expect(analyze(healthyFixture()).deadlineStanding == "21 working days of buffer before the deadline")
        var late = healthyFixture()
        late.task("cutover", "2026-11-30", "2026-12-04", effort: 1)
        #expect(analyze(late).deadlineStanding == "4 working days past the deadline")
        var onTime = healthyFixture()
        onTime.task("cutover", "2026-11-30", "2026-11-30", effort: 1)
        #expect(analyze(onTime).deadlineStanding == "on the deadline")
    }

    @Test func slipCountsHolidaysOfTheProjectCalendar() {
        var fixture = healthyFixture()
        fixture.plan.calendars[0].holidays = [Holiday(days: DayRange(first: day("2026-12-01"), last: day("2026-12-02")), name: "Works outing")]
        fixture.task("cutover", "2026-12-01", "2026-12-08", effort: 1)
        let analysis = analyze(fixture)
        #expect(analysis.slipWorkingDays == 4)
        #expect(analysis.health == .amber)
    }

    @Test func milestoneForecastAFewDaysPastItsDueDateIsForecastLateAndAmber() {
        var fixture = healthyFixture()
        let signOff = fixture.task("sign-off", "2026-10-02", "2026-10-02", kind: .milestone, deadline: "2026-09-30")
        let analysis = analyze(fixture)
        // Due on 30 September, today is 15 September: not missed, forecast late.
        #expect(analysis.missedMilestones == [])
        #expect(analysis.forecastLateMilestones == [signOff])
        #expect(analysis.health == .amber)
        #expect(analysis.healthReasons == ["Milestone Sign-Off is forecast for 2026-10-02: forecast late by 2 working days (due 2026-09-30)"])
    }

    @Test func milestoneForecastMoreThanFiveWorkingDaysLateIsRed() {
        var fixture = healthyFixture()
        fixture.task("sign-off", "2026-10-12", "2026-10-12", kind: .milestone, deadline: "2026-09-30")
        #expect(analyze(fixture).health == .red)
    }

    @Test func openMilestonePastItsDueDateIsMissed() {
        var fixture = healthyFixture()
        let kickoff = fixture.task("kickoff", "2026-09-15", "2026-09-15", kind: .milestone, deadline: "2026-09-04")
        let analysis = analyze(fixture)
        #expect(analysis.missedMilestones == [kickoff])
        #expect(analysis.forecastLateMilestones == [])
        #expect(analysis.health == .red)  // 7 working days since 2026-09-04
        #expect(analysis.healthReasons.first == "Milestone Kickoff was due 2026-09-04 and is not done: missed by 7 working days")
    }

    /// A sign-off whose work is done sits at the end of the last task, before today, until someone
    /// ticks it: that is not "still open N days later" while its due date is ahead, nor without one.
    @Test func openMilestoneScheduledBeforeTodayButNotYetDueIsNeitherMissedNorLate() {
        var fixture = healthyFixture()
        fixture.task("accepted", "2026-09-14", "2026-09-14", kind: .milestone, deadline: "2026-09-30")
        fixture.task("signed", "2026-09-14", "2026-09-14", kind: .milestone)
        let analysis = analyze(fixture)
        #expect(analysis.missedMilestones == [] && analysis.forecastLateMilestones == [])
        #expect(analysis.health == .green)
        #expect(analysis.healthReasons == [])
    }

    @Test func reachedMilestoneIsNeitherMissedNorNext() {
        var fixture = healthyFixture()
        fixture.task("kickoff", "2026-09-04", "2026-09-04", kind: .milestone, state: .done)
        let analysis = analyze(fixture)
        #expect(analysis.missedMilestones.isEmpty)
        #expect(analysis.nextMilestones.isEmpty)
        #expect(analysis.health == .green)
    }

    @Test func costForecastOverBudgetIsAmberThenRed() {
        var amberFixture = healthyFixture()
        amberFixture.plan.projects[0].budget = Money(amount: 7_000, currency: "EUR")
        // planned 15 d x 500 = 7,500: 107 % of 7,000.
        let amber = analyze(amberFixture)
        #expect(amber.plannedCost == 7_500)
        #expect(amber.costForecast == 7_500)
        #expect(amber.health == .amber)
        #expect(amber.healthReasons == ["Cost forecast 7,500 EUR is 107 % of the budget 7,000 EUR"])

        var redFixture = healthyFixture()
        redFixture.plan.projects[0].budget = Money(amount: 6_000, currency: "EUR")
        #expect(analyze(redFixture).health == .red)
    }

    @Test func latestJournalRatingCounts() {
        var fixture = healthyFixture()
        fixture.journal("2026-09-11", .green, "Back on track")
        fixture.journal("2026-08-01", .red, "Vendor went quiet")
        #expect(analyze(fixture).health == .green)
        #expect(analyze(fixture).latestJournal == 0)

        fixture.journal("2026-09-14", .amber, "Export slower than expected")
        let amber = analyze(fixture)
        #expect(amber.health == .amber)
        #expect(amber.healthReasons == ["Latest journal entry 2026-09-14 is amber: Export slower than expected"])

        fixture.journal("2026-09-15", .red, "Vendor insolvent")
        #expect(analyze(fixture).health == .red)
    }

    @Test func blockedTaskIsAmber() {
        var fixture = healthyFixture()
        let waiting = fixture.task("licences", "2026-09-20", "2026-09-25", effort: 1, state: .blocked)
        let analysis = analyze(fixture)
        #expect(analysis.blockedTasks == [waiting])
        #expect(analysis.health == .amber)
        #expect(analysis.healthReasons == ["1 task is blocked: Licences"])
    }

    @Test func overAllocationIsAmberAndGroupedIntoRuns() {
        var fixture = healthyFixture()
        fixture.load(person: 0, [("2026-09-15", 1), ("2026-09-16", 1.5), ("2026-09-17", 2),
                                 ("2026-09-18", 1), ("2026-09-21", 1.5)])
        let analysis = analyze(fixture)
        #expect(analysis.overAllocations.count == 2)
        #expect(analysis.overAllocations[0].firstDay == day("2026-09-16"))
        #expect(analysis.overAllocations[0].lastDay == day("2026-09-17"))
        #expect(analysis.overAllocations[0].days == 2)
        #expect(analysis.overAllocations[0].peakLoad == 2)
        #expect(analysis.health == .amber)
        #expect(analysis.healthReasons == ["Omar is over-allocated on 3 days from 2026-09-16 (peak 200 % of capacity)"])
    }

    @Test func overAllocationOutsideTheProjectsWorkIsNotItsConcern() {
        var fixture = healthyFixture()
        fixture.load(person: 0, [("2027-03-01", 2)])
        #expect(analyze(fixture).overAllocations.isEmpty)
        #expect(analyze(fixture).health == .green)
    }

    @Test func highRiskScoreIsAmberButClosedRisksAreIgnored() {
        var fixture = healthyFixture()
        fixture.risk("r-closed", .veryHigh, .veryHigh, status: .closed)
        fixture.risk("r-low", .medium, .veryHigh)  // 8
        #expect(analyze(fixture).health == .green)
        #expect(analyze(fixture).topRisks == [1])

        fixture.risk("r-keyuser", .high, .high)  // 9
        let analysis = analyze(fixture)
        #expect(analysis.topRisks == [2, 1])
        #expect(analysis.health == .amber)
        #expect(analysis.healthReasons == ["1 open risk scores 9 or more: R-Keyuser (9)"])
    }

    @Test func lateTaskIsAmber() {
        var fixture = healthyFixture()
        let audit = fixture.task("export", "2026-09-16", "2026-10-09", effort: 3, deadline: "2026-10-02")
        let analysis = analyze(fixture)
        #expect(analysis.lateTasks == [audit])
        #expect(analysis.health == .amber)
        #expect(analysis.healthReasons == ["1 open task is late: Export"])
    }

    @Test func redReasonsComeBeforeAmberOnes() {
        var fixture = healthyFixture()
        fixture.task("licences", "2026-09-20", "2026-09-25", effort: 1, state: .blocked)
        fixture.journal("2026-09-14", .red, "Vendor insolvent")
        let analysis = analyze(fixture)
        #expect(analysis.health == .red)
        #expect(analysis.healthReasons == ["Latest journal entry 2026-09-14 is red: Vendor insolvent",
                                           "1 task is blocked: Licences"])
    }

    /// One task of 20 working days from 1 September, half of them before today (15 September):
    /// PV is half its cost, EV `percent` of it, so SPI = percent / 50.
    private func earnedValueFixture(percent: Double, spent: Double? = nil) -> PlanFixture {
        var fixture = PlanFixture(today: "2026-09-15")
        fixture.project("crm", deadline: "2026-11-30", budget: 100_000)
        let omar = fixture.person("omar", rate: 500)
        fixture.task("build", "2026-09-01", "2026-09-28", effort: 20, percent: percent, spent: spent, people: [omar])
        return fixture
    }

    @Test func scheduleBehindPlanIsAmberBelowPointNineAndRedBelowPointEight() {
        let amber = analyze(earnedValueFixture(percent: 44.5))
        #expect(amber.schedulePerformanceIndex.map(NumberText.twoDecimals) == "0.89")
        #expect(amber.health == .amber)
        #expect(amber.healthReasons == ["Schedule performance 0.89 (earned value behind plan)"])

        let red = analyze(earnedValueFixture(percent: 39))
        #expect(red.health == .red)
        #expect(red.healthReasons == ["Schedule performance 0.78 (earned value behind plan)"])

        // 0.895 is shown as 0.90: judged as shown, it fires nothing.
        let shown = analyze(earnedValueFixture(percent: 44.75))
        #expect(shown.health == .green)
    }

    @Test func costOverEarnedValueIsAmberBelowPointNine() {
        // 10 of 20 person-days earned (SPI 1.00), 11.5 spent: CPI 0.87.
        let analysis = analyze(earnedValueFixture(percent: 50, spent: 11.5))
        #expect(analysis.health == .amber)
        #expect(analysis.healthReasons == ["Cost performance 0.87 (earned value below actual cost)"])
    }
}

@Suite struct ClosureHealthTests {
    func closed(_ results: [Objective.Result?]) -> Rating {
        var project = Project(id: "p", title: "P", range: SourceRange(file: "p.md", line: 1, column: 1), file: "p.md")
        project.phase = .closed
        project.objectives = results.enumerated().map {
            Objective(id: "o\($0.offset)", text: "Objective \($0.offset)", result: $0.element, notes: "",
                      range: SourceRange(file: "p.md", line: 2, column: 1))
        }
        return HealthRules.evaluateOutcome(project).rating
    }

    @Test func closedProjectsAreRatedOnTheirOutcome() {
        #expect(closed([.met, .met]) == .green)
        #expect(closed([.met, .partly]) == .amber)
        #expect(closed([.met, .missed]) == .amber)
        #expect(closed([.met, nil]) == .amber)
        #expect(closed([.missed, .missed, .met]) == .red)
    }
}
