import PlanModel
import PlanTestSupport
import Testing
@testable import PlanSchedule

@Test func forecastKeepsActualsAndSchedulesRemainingWorkFromToday() {
    var f = PlanFixture()
    f.person("omar")
    f.task("done", effort: 3, state: .done, started: "2026-01-05", finished: "2026-01-08")
    f.task("running", effort: 4, after: [("done", .finishToStart, 0)], people: [("omar", nil)],
           state: .inProgress, percent: 50, started: "2026-01-09")
    f.task("next", effort: 1, after: [("running", .finishToStart, 0)])
    f.task("free", effort: 2)
    // Today is Wednesday 2026-01-14.
    let s = f.schedule(today: "2026-01-14").schedule
    #expect(s.span(f, "done") == "2026-01-05..2026-01-08")
    // Half of 4 days remains: Wed 14 and Thu 15; the start stays the actual one.
    #expect(s.span(f, "running") == "2026-01-09..2026-01-15")
    #expect(s.span(f, "next") == "2026-01-16..2026-01-16")
    // Nothing unstarted is placed in the past.
    #expect(s.span(f, "free") == "2026-01-14..2026-01-15")
    #expect(s.today == PlanFixture.day("2026-01-14"))
}

@Test func missedDeadlinesAndMilestonesAreReportedAtTheTask() {
    var f = PlanFixture()
    f.task("a", effort: 5, due: "2026-01-07")
    f.task("m", milestone: true, after: [("a", .finishToStart, 0)], due: "2026-01-08")
    f.task("ok", effort: 1, due: "2026-01-30")
    let (s, diagnostics) = f.schedule()
    #expect(diagnostics.map(\.code) == [.deadlineMissed, .milestoneMissed])
    #expect(diagnostics[0].range == f.plan.tasks[f.index("a")].range)
    #expect(diagnostics[0].message == "'a' is forecast to finish 2026-01-09, 2 working days after its due date 2026-01-07")
    #expect(diagnostics[1].range == f.plan.tasks[f.index("m")].range)
    #expect(s.tasks[f.index("a")].isLate && !s.tasks[f.index("ok")].isLate)
    // Deadlines enter the backward pass: the late task has negative slack.
    #expect(s.tasks[f.index("a")].totalSlack == -2)
}

@Test func projectPastItsDeadlineIsReported() {
    var f = PlanFixture()
    f.plan.projects[0].deadline = PlanFixture.day("2026-01-06")
    f.task("a", effort: 3)
    let diagnostics = f.schedule().diagnostics
    #expect(diagnostics.map(\.code) == [.projectLate])
    #expect(diagnostics[0].range == f.plan.projects[0].range)
}

@Test func cancelledTasksTakeNoTimeAndNoPeople() {
    var f = PlanFixture()
    f.person("omar")
    f.task("gone", effort: 5, people: [("omar", nil)], state: .cancelled)
    f.task("a", effort: 2, after: [("gone", .finishToStart, 0)], people: [("omar", nil)])
    let s = f.schedule().schedule
    #expect(s.span(f, "a") == "2026-01-05..2026-01-06")
    #expect(!s.tasks[f.index("gone")].isCritical)
}

@Test func doneMilestoneHappensOnItsFinishedDate() {
    var f = PlanFixture()
    f.task("review", effort: 3, state: .done, started: "2026-01-05", finished: "2026-01-07")
    // Signed off a week after the review ended and after its due date.
    f.task("signoff", milestone: true, after: [("review", .finishToStart, 0)], due: "2026-01-07",
           state: .done, finished: "2026-01-14")
    f.task("build", effort: 2, after: [("signoff", .finishToStart, 0)])
    let (s, diagnostics) = f.schedule(today: "2026-01-19")
    #expect(s.span(f, "signoff") == "2026-01-14..2026-01-14")
    #expect(s.span(f, "build") == "2026-01-19..2026-01-20")
    #expect(s.tasks[f.index("signoff")].isLate)
    // History is not a forecast: no P602 for a milestone that is done.
    #expect(diagnostics.isEmpty)
}

@Test func doneMilestoneOnTimeIsNotLateAndPrecedesItsSuccessorOnTheNextWorkingDay() {
    var f = PlanFixture()
    f.task("signoff", milestone: true, due: "2026-01-09", state: .done, finished: "2026-01-09")
    f.task("next", effort: 1, after: [("signoff", .finishToStart, 0)])
    let s = f.schedule(today: "2026-01-06").schedule
    #expect(s.span(f, "signoff") == "2026-01-09..2026-01-09")
    // Friday's milestone: the successor starts on Monday.
    #expect(s.span(f, "next") == "2026-01-12..2026-01-12")
    #expect(!s.tasks[f.index("signoff")].isLate)
}

@Test func doneTaskWithOnlyAFinishedDateEndsThenAndStartsItsDurationBefore() {
    var f = PlanFixture()
    f.task("audit", effort: 3, due: "2026-01-13", state: .done, finished: "2026-01-14")
    f.task("weekend", effort: 2, state: .done, finished: "2026-01-10")
    f.task("ontime", duration: 2, due: "2026-01-14", state: .done, finished: "2026-01-14")
    let (s, diagnostics) = f.schedule(today: "2026-01-20")
    // Three working days ending Wednesday 14th.
    #expect(s.span(f, "audit") == "2026-01-12..2026-01-14")
    // Finished on a Saturday: the date stays as reported, the work is the two days before it.
    #expect(s.span(f, "weekend") == "2026-01-08..2026-01-10")
    #expect(s.span(f, "ontime") == "2026-01-13..2026-01-14")
    #expect(s.tasks[f.index("audit")].isLate)
    #expect(!s.tasks[f.index("ontime")].isLate)
    #expect(!s.tasks[f.index("audit")].isCritical)
    #expect(diagnostics.isEmpty)
}

@Test func fixedMilestoneKeepsItsDate() {
    var f = PlanFixture()
    f.task("a", effort: 2)
    f.task("launch", milestone: true, after: [("a", .finishToStart, 0)], fixedFinish: "2026-01-16")
    f.task("cleanup", effort: 1, after: [("launch", .finishToStart, 0)])
    let (s, diagnostics) = f.schedule()
    #expect(s.span(f, "launch") == "2026-01-16..2026-01-16")
    #expect(s.span(f, "cleanup") == "2026-01-19..2026-01-19")
    #expect(diagnostics.isEmpty)
}

@Test func milestoneFixedInThePastAndNotDoneIsForecastFromToday() {
    var f = PlanFixture()
    f.task("launch", milestone: true, fixedFinish: "2026-01-06")
    let (s, diagnostics) = f.schedule(today: "2026-01-08")
    #expect(diagnostics.map(\.code) == [.overdueStart])
    #expect(s.tasks[f.index("launch")].finish >= PlanFixture.day("2026-01-07"))
}

@Test func blockedTaskCannotProgressBeforeToday() {
    var f = PlanFixture()
    f.person("omar")
    f.task("spec", effort: 2, state: .done, started: "2026-01-05", finished: "2026-01-06")
    f.task("waiting", effort: 3, after: [("spec", .finishToStart, 0)], people: [("omar", nil)], state: .blocked)
    f.task("other", effort: 1, people: [("omar", nil)], priority: 900, state: .blocked)
    // Today is Monday 2026-01-12: the predecessor finished a week ago.
    let s = f.schedule(today: "2026-01-12").schedule
    #expect(s.span(f, "other") == "2026-01-12..2026-01-12")
    #expect(s.span(f, "waiting") == "2026-01-13..2026-01-15")
}
