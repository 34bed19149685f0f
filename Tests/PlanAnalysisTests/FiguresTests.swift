import PlanModel
import PlanTestSupport
import Testing
@testable import PlanAnalysis

@Suite struct FiguresTests {
    @Test func percentCompleteIsByEffortAndLeavesOutCancelledWork() {
        var fixture = PlanFixture(today: "2026-09-15")
        fixture.project("crm")
        let package = fixture.task("discovery", "2026-09-01", "2026-09-30")
        fixture.task("interviews", "2026-09-01", "2026-09-04", parent: package, effort: 3, state: .done)
        fixture.task("audit", "2026-09-07", "2026-09-18", parent: package, effort: 6, percent: 50)
        fixture.task("dropped", "2026-09-07", "2026-09-18", parent: package, effort: 100, state: .cancelled)
        fixture.task("sign-off", "2026-09-30", "2026-09-30", kind: .milestone, parent: package)
        let analysis = Analyzer.analyze(fixture.plan, fixture.schedule).projects[0]
        #expect(analysis.plannedEffortDays == 9)
        #expect(analysis.completedEffortDays == 6)
        #expect(abs(analysis.percentComplete - 6.0 / 9.0) < 1e-12)
        #expect(analysis.nextMilestones == [4])
    }

    @Test func earnedValueFiguresFollowRatesProgressAndToday() {
        var fixture = PlanFixture(today: "2026-09-08")
        fixture.project("crm", budget: 100_000)
        let omar = fixture.person("omar", rate: 100)
        // Mon 2026-09-07 .. Fri 2026-09-11: on 09-08 one of five working days is behind us.
        fixture.task("audit", "2026-09-07", "2026-09-11", effort: 10, percent: 50, spent: 4, people: [omar])
        fixture.task("licences", "2026-09-14", "2026-09-14", effort: 0, cost: 2_000)
        let analysis = Analyzer.analyze(fixture.plan, fixture.schedule).projects[0]
        #expect(analysis.plannedCost == 3_000)
        #expect(analysis.earnedValue == 500)
        #expect(abs(analysis.plannedValue - 200) < 1e-9)
        #expect(analysis.actualCost == 400)  // spent 4 d x 100; the licence fee is not started
        #expect(analysis.costVariance == 100)
        #expect(abs(analysis.scheduleVariance - 300) < 1e-9)
        #expect(analysis.costForecast == 2_900)
        #expect(analysis.schedulePerformanceIndex.map { abs($0 - 2.5) < 1e-9 } == true)
        #expect(analysis.currency == "EUR")
    }

    @Test func actualCostFallsBackToProgressWhenSpentIsNotTracked() {
        var fixture = PlanFixture(today: "2026-09-15")
        fixture.project("crm")
        let omar = fixture.person("omar", rate: 100)
        fixture.task("audit", "2026-09-07", "2026-09-11", effort: 10, percent: 30, cost: 50, people: [omar])
        let analysis = Analyzer.analyze(fixture.plan, fixture.schedule).projects[0]
        #expect(analysis.actualCost == 350)
    }

    @Test func slipsAreCountedInWorkingDaysOfTheCalendar() {
        // Lowering merges a based calendar's holidays into it, so the calendar holds both.
        var plan = Plan()
        var berlin = CalendarSpec(name: "de-berlin")
        berlin.holidays = [Holiday(days: DayRange(first: day("2026-12-24"), last: day("2026-12-26")), name: "Christmas"),
                           Holiday(days: DayRange(first: day("2026-12-31"), last: day("2026-12-31")), name: "Silvester")]
        plan.calendars = [CalendarSpec(name: "default"), berlin]
        let calendar = WorkingCalendar(plan: plan, calendarIndex: 1)
        #expect(!calendar.isWorkingDay(day("2026-12-24")))
        #expect(!calendar.isWorkingDay(day("2026-12-31")))
        #expect(calendar.isWorkingDay(day("2026-12-30")))
        // 21 Dec .. 1 Jan: 10 weekdays minus 24, 25 and 31 Dec.
        #expect(calendar.workingDays(after: day("2026-12-20"), through: day("2027-01-01")) == 7)
        #expect(calendar.workingDays(after: day("2027-01-01"), through: day("2026-12-20")) == -7)
        #expect(calendar.workingDays(in: day("2026-12-21"), through: day("2027-01-01")) == 7)
    }
}
