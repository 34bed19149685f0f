import PlanModel
import PlanTestSupport
import Testing
@testable import PlanSchedule

@Test func poolSmallerThanDemandIsReportedAndScheduledWithWhatExists() {
    var f = PlanFixture()
    f.pool("dev", size: 2)
    f.task("big", effort: 6, pools: [("dev", 3)])
    let (s, diagnostics) = f.schedule()
    #expect(diagnostics.map(\.code) == [.poolTooSmall])
    #expect(diagnostics[0].range == f.plan.tasks[0].assignments[0].range)
    #expect(s.span(f, "big") == "2026-01-05..2026-01-07")
}

@Test func personWithoutWorkingTimeIsReportedNotWaitedFor() {
    var f = PlanFixture()
    f.person("ghost", availability: 0)
    f.task("a", effort: 2, people: [("ghost", nil)])
    let (s, diagnostics) = f.schedule()
    #expect(diagnostics.map(\.code) == [.noWorkingDays])
    #expect(diagnostics[0].range == f.plan.people[0].range)
    #expect(s.span(f, "a") == "2026-01-05..2026-01-06")
}

@Test func personWithoutWorkingTimeIsReportedOnceHoweverOftenAssigned() {
    var f = PlanFixture()
    f.person("ghost", availability: 0, off: [("2026-01-07", "2026-01-08")])
    f.person("idle", availability: 0)
    f.task("a", effort: 2, people: [("ghost", nil)])
    f.task("b", effort: 1, people: [("ghost", nil)])
    let (s, diagnostics) = f.schedule()
    #expect(diagnostics.map(\.code) == [.noWorkingDays])
    #expect(diagnostics[0].range == f.plan.people[0].range)
    #expect(s.span(f, "b") == "2026-01-05..2026-01-05")
}

@Test func calendarWithoutWorkingDaysIsReportedOnceAndPeopleOnItWorkWeekdays() {
    var calendar = CalendarSpec(name: "default")
    calendar.workingDays = []
    var f = PlanFixture(calendar: calendar)
    f.person("ann", off: [("2026-01-05", "2026-01-05")])
    f.task("a", effort: 2, people: [("ann", nil)])
    let (s, diagnostics) = f.schedule()
    #expect(diagnostics.map(\.code) == [.noWorkingDays])
    #expect(s.span(f, "a") == "2026-01-06..2026-01-07")
}

@Test func calendarWithoutWorkingDaysFallsBackToWeekdays() {
    var calendar = CalendarSpec(name: "default")
    calendar.workingDays = []
    var f = PlanFixture(calendar: calendar)
    f.task("a", effort: 2)
    let (s, diagnostics) = f.schedule()
    #expect(diagnostics.map(\.code) == [.noWorkingDays])
    #expect(s.span(f, "a") == "2026-01-05..2026-01-06")
}

@Test func fixedDateBeforeItsPredecessorsIsAConflict() {
    var f = PlanFixture()
    f.task("a", effort: 5)
    f.task("b", effort: 1, after: [("a", .finishToStart, 0)], fixedStart: "2026-01-07")
    let (s, diagnostics) = f.schedule()
    #expect(diagnostics.map(\.code) == [.fixedDateConflict])
    #expect(diagnostics[0].range == f.plan.tasks[1].range)
    #expect(diagnostics[0].notes.first?.range == f.plan.tasks[1].dependencies[0].range)
    // The fixed date wins; the conflict is the plan's to resolve.
    #expect(s.span(f, "b") == "2026-01-07..2026-01-07")
}

@Test func fixedStartInThePastIsOverdue() {
    var f = PlanFixture()
    f.task("a", effort: 1, fixedStart: "2026-01-06")
    let (s, diagnostics) = f.schedule(today: "2026-01-12")
    #expect(diagnostics.map(\.code) == [.overdueStart])
    #expect(s.span(f, "a") == "2026-01-12..2026-01-12")
}

@Test func dependencyCycleIsBrokenAndReportedWithoutHanging() {
    var f = PlanFixture()
    f.task("a", effort: 1)
    f.task("b", effort: 1, after: [("a", .finishToStart, 0)])
    f.plan.tasks[0].dependencies = [Dependency(predecessor: 1, kind: .finishToStart, lagDays: 0,
                                               range: PlanFixture.range(10))]
    let (s, diagnostics) = f.schedule()
    #expect(diagnostics.map(\.code) == [.unschedulable])
    #expect(s.tasks.count == 2)
}

@Test func emptyPlanAndPlanWithoutCalendarsSchedule() {
    var plan = Plan()
    let empty = Scheduler.schedule(plan, today: PlanFixture.day("2026-01-05"))
    #expect(empty.schedule.tasks.isEmpty && empty.diagnostics.isEmpty)
    var f = PlanFixture()
    f.task("a", effort: 2)
    plan = f.plan
    plan.calendars = []
    let result = Scheduler.schedule(plan, today: PlanFixture.day("2026-01-05"))
    #expect(result.schedule.tasks[0].finish == PlanFixture.day("2026-01-06"))
}
