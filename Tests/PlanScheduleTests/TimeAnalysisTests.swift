import PlanModel
import PlanTestSupport
import Testing
@testable import PlanSchedule

// The project starts Monday 2026-01-05 on a Monday-to-Friday calendar; tasks without people
// progress one day of effort per working day.

@Test func finishToStartWithLagsAndLeads() {
    var f = PlanFixture()
    f.task("a", effort: 3)
    f.task("b", effort: 2, after: [("a", .finishToStart, 0)])
    f.task("c", effort: 2, after: [("a", .finishToStart, 2)])
    f.task("d", effort: 2, after: [("a", .finishToStart, -1)])
    let s = f.schedule().schedule
    #expect(s.span(f, "a") == "2026-01-05..2026-01-07")
    #expect(s.span(f, "b") == "2026-01-08..2026-01-09")
    #expect(s.span(f, "c") == "2026-01-12..2026-01-13")
    #expect(s.span(f, "d") == "2026-01-07..2026-01-08")
}

@Test func startToStartFinishToFinishStartToFinish() {
    var f = PlanFixture()
    f.task("a", effort: 3, notBefore: "2026-01-07")
    f.task("ss", effort: 2, after: [("a", .startToStart, 1)])
    f.task("ff", effort: 2, after: [("a", .finishToFinish, 0)])
    f.task("ff2", effort: 1, after: [("a", .finishToFinish, 2)])
    f.task("sf", effort: 2, after: [("a", .startToFinish, 0)])
    f.task("sf2", effort: 2, after: [("a", .startToFinish, 2)])
    let s = f.schedule().schedule
    #expect(s.span(f, "a") == "2026-01-07..2026-01-09")
    #expect(s.span(f, "ss") == "2026-01-08..2026-01-09")
    #expect(s.span(f, "ff") == "2026-01-08..2026-01-09")
    #expect(s.span(f, "ff2") == "2026-01-13..2026-01-13")
    // Start-to-finish: may finish once the predecessor has started (the day before is enough).
    #expect(s.span(f, "sf") == "2026-01-05..2026-01-06")
    #expect(s.span(f, "sf2") == "2026-01-07..2026-01-08")
}

@Test func milestonesHappenAtTheEndOfTheirDay() {
    var f = PlanFixture()
    f.task("a", effort: 4)
    f.task("m", milestone: true, after: [("a", .finishToStart, 0)])
    f.task("b", effort: 1, after: [("m", .finishToStart, 0)])
    f.task("first", milestone: true)
    let s = f.schedule().schedule
    // a works Mon..Thu; the milestone is Thursday evening; b starts Friday.
    #expect(s.span(f, "m") == "2026-01-08..2026-01-08")
    #expect(s.span(f, "b") == "2026-01-09..2026-01-09")
    #expect(s.span(f, "first") == "2026-01-05..2026-01-05")
}

@Test func weekendsAndHolidaysStretchTasks() {
    var calendar = CalendarSpec(name: "default")
    calendar.holidays = [Holiday(days: DayRange(first: PlanFixture.day("2026-01-07"), last: PlanFixture.day("2026-01-09")),
                                 name: "closed")]
    var f = PlanFixture(calendar: calendar)
    f.task("a", effort: 3)
    f.task("b", effort: 4, after: [("a", .finishToStart, 0)])
    let s = f.schedule().schedule
    #expect(s.span(f, "a") == "2026-01-05..2026-01-12")
    #expect(s.span(f, "b") == "2026-01-13..2026-01-16")
}

@Test func partTimePeopleTakeLongerAndTimeOffPauses() {
    var f = PlanFixture()
    f.person("half", availability: 0.5)
    f.person("away", off: [("2026-01-07", "2026-01-08")])
    f.task("a", effort: 5, people: [("half", nil)])
    f.task("b", effort: 3, people: [("away", nil)])
    f.task("c", effort: 2.5)
    let s = f.schedule().schedule
    // 5 days of effort at 50% = 10 working days.
    #expect(s.span(f, "a") == "2026-01-05..2026-01-16")
    #expect(s.span(f, "b") == "2026-01-05..2026-01-09")
    // Fractions of a day still occupy the day.
    #expect(s.span(f, "c") == "2026-01-05..2026-01-07")
}

@Test func peopleOnDifferentCalendarsShareEffort() {
    var f = PlanFixture()
    f.person("x")
    f.person("y", off: [("2026-01-05", "2026-01-06")])
    f.task("a", effort: 4, people: [("x", nil), ("y", nil)])
    let s = f.schedule().schedule
    // Mon 1 + Tue 1 + Wed 2 = 4 person-days.
    #expect(s.span(f, "a") == "2026-01-05..2026-01-07")
}

@Test func durationTasksIgnorePeopleButReserveThem() {
    var f = PlanFixture()
    f.person("x", availability: 0.5)
    f.task("a", duration: 3, people: [("x", nil)])
    f.task("b", effort: 1, people: [("x", nil)])
    let s = f.schedule().schedule
    #expect(s.span(f, "a") == "2026-01-05..2026-01-07")
    // x is fully used by a, so b (2 working days at 50%) follows.
    #expect(s.span(f, "b") == "2026-01-08..2026-01-09")
}

@Test func summariesRollUpAndDependenciesOnThemReachEveryLeaf() {
    var f = PlanFixture()
    f.task("build", summary: true)
    f.task("x", effort: 2, parent: "build")
    f.task("y", effort: 4, parent: "build")
    f.task("test", effort: 1, after: [("build", .finishToStart, 0)])
    f.task("later", summary: true, after: [("x", .finishToStart, 1)])
    f.task("z", effort: 1, parent: "later")
    let s = f.schedule().schedule
    #expect(s.span(f, "build") == "2026-01-05..2026-01-08")
    #expect(s.span(f, "test") == "2026-01-09..2026-01-09")
    #expect(s.span(f, "z") == "2026-01-08..2026-01-08")
    #expect(s.span(f, "later") == "2026-01-08..2026-01-08")
}

@Test func fixedDatesAndSlack() {
    var f = PlanFixture()
    f.task("a", effort: 5)
    f.task("b", effort: 2)
    f.task("fixed", effort: 1, fixedStart: "2026-01-14")
    f.task("c", effort: 1, after: [("b", .finishToStart, 0)])
    let result = f.schedule()
    let s = result.schedule
    #expect(s.span(f, "fixed") == "2026-01-14..2026-01-14")
    // A fixed-date event: reported apart, never critical just because its pin leaves no slack.
    #expect(!s.tasks[f.index("fixed")].isCritical)
    #expect(s.tasks[f.index("fixed")].isFixedDate)
    // Slack counts to the end of the work, not of the fixed-date event on Wednesday 14th: the
    // work ends with a (Mon 5..Fri 9), so c (Wed 7) can slip 2 working days, and b (Mon 5..Tue 6)
    // 2 in all but none without moving c.
    #expect(s.tasks[f.index("a")].totalSlack == 0)
    #expect(s.tasks[f.index("b")].totalSlack == 2)
    #expect(s.tasks[f.index("b")].freeSlack == 0)
    #expect(s.tasks[f.index("c")].freeSlack == 2)
    #expect(s.projectFinish[0] == PlanFixture.day("2026-01-14"))
    #expect(result.diagnostics.isEmpty)
}

@Test func criticalPathFollowsTheLongestChain() {
    var f = PlanFixture()
    f.task("a", effort: 2)
    f.task("b", effort: 5, after: [("a", .finishToStart, 0)])
    f.task("c", effort: 1, after: [("a", .finishToStart, 0)])
    f.task("d", effort: 1, after: [("b", .finishToStart, 0), ("c", .finishToStart, 0)])
    let s = f.schedule().schedule
    #expect(s.criticalPaths[0] == [f.index("a"), f.index("b"), f.index("d")])
    #expect(s.tasks[f.index("c")].totalSlack == 4)
    #expect(!s.tasks[f.index("c")].isCritical)
    let early = s.tasks[f.index("c")]
    #expect(early.earlyStart == PlanFixture.day("2026-01-07") && early.lateStart == PlanFixture.day("2026-01-13"))
}

/// A work package's start gate is the earliest its leaves may start: never before today while
/// none of them has started, so SS from the package counts from today (it counted from the
/// project start, a day the leaves could not use).
@Test func packageStartGatesWaitForTodayLikeTheirLeaves() {
    var f = PlanFixture()
    f.task("build", summary: true)
    f.task("code", effort: 3, parent: "build")
    f.task("docs", effort: 1, after: [("build", .startToStart, 1)])
    let s = f.schedule(today: "2026-01-07").schedule
    #expect(s.tasks[f.index("code")].earlyStart == PlanFixture.day("2026-01-07"))
    #expect(s.tasks[f.index("docs")].earlyStart == PlanFixture.day("2026-01-08"))
}

/// FS into a package puts its start gate at the start of the next working day (Monday), not at
/// the end of the predecessor's Friday: a task on a calendar that works Saturdays, SS from the
/// package, starts on Monday, with the package.
@Test func packageStartGatesAreTheStartOfAWorkingDay() {
    var f = PlanFixture()
    var sixDays = CalendarSpec(name: "six-days")
    sixDays.workingDays = [.monday, .tuesday, .wednesday, .thursday, .friday, .saturday]
    f.plan.calendars.append(sixDays)
    f.task("a", effort: 1, notBefore: "2026-01-09")
    f.task("pkg", summary: true, after: [("a", .finishToStart, 0)])
    f.task("x", effort: 1, parent: "pkg")
    f.project("q", start: "2026-01-05")
    f.plan.projects[1].calendarIndex = 1
    f.task("y", effort: 1, after: [("pkg", .startToStart, 0)])
    let s = f.schedule().schedule
    #expect(s.span(f, "x") == "2026-01-12..2026-01-12")
    #expect(s.tasks[f.index("y")].earlyStart == PlanFixture.day("2026-01-12"))
    #expect(s.span(f, "y") == "2026-01-12..2026-01-12")
}
