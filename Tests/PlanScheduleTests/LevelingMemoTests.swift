import PlanModel
import PlanTestSupport
import Testing
@testable import PlanSchedule

/// The editor's and `planc serve`'s reuse of leveling: taken only when the scheduling network is
/// the one leveled last, and then giving exactly the schedule a fresh run gives.
@Suite struct LevelingMemoTests {
    /// Two people, contention to level, a holiday-like time off, links of two kinds.
    static func fixture() -> PlanFixture {
        var f = PlanFixture()
        f.person("omar", off: [("2026-01-12", "2026-01-13")])
        f.person("lena", availability: 0.5)
        f.task("a", effort: 3, people: [("omar", nil)])
        f.task("b", effort: 4, people: [("omar", nil)], priority: 600)
        f.task("c", effort: 2, after: [("a", .finishToStart, 1)], people: [("lena", nil)])
        f.task("d", effort: 2, after: [("b", .startToStart, 0)], people: [("omar", nil), ("lena", nil)])
        f.task("m", milestone: true, after: [("c", .finishToStart, 0), ("d", .finishToStart, 0)], due: "2026-01-20")
        return f
    }

    private func fresh(_ f: PlanFixture) -> (schedule: Schedule, diagnostics: [Diagnostic]) {
        Scheduler.schedule(f.plan, today: PlanFixture.day("2026-01-05"))
    }

    private func memoized(_ f: PlanFixture, _ memo: inout LevelingMemo) -> (schedule: Schedule, diagnostics: [Diagnostic]) {
        Scheduler.schedule(f.plan, today: PlanFixture.day("2026-01-05"), memo: &memo)
    }

    @Test func aTitleOrPlaceChangeReusesTheLevelingAndGivesTheFreshSchedule() {
        var memo = LevelingMemo()
        var f = Self.fixture()
        _ = memoized(f, &memo)
        #expect(memo.reused == 0)
        // Typing in a title, or a line inserted above (every range moves): same network.
        f.plan.tasks[0].title = "a — renamed 🚀"
        for index in f.plan.tasks.indices { f.plan.tasks[index].range.start.line += 1 }
        let reused = memoized(f, &memo)
        #expect(memo.reused == 1)
        let expected = fresh(f)
        #expect(reused.schedule.tasks == expected.schedule.tasks)
        #expect(reused.schedule.projectFinish == expected.schedule.projectFinish)
        #expect(reused.diagnostics.map(\.message) == expected.diagnostics.map(\.message))
        #expect(reused.diagnostics.map(\.range) == expected.diagnostics.map(\.range))
    }

    @Test(arguments: ["effort", "link lag", "availability", "time off", "priority", "today"])
    func aSchedulingChangeLevelsAgain(change: String) {
        var memo = LevelingMemo()
        var f = Self.fixture()
        _ = memoized(f, &memo)
        var today = "2026-01-05"
        switch change {
        case "effort": f.plan.tasks[1].effortDays = 5
        case "link lag": f.plan.tasks[2].dependencies[0].lagDays = 2
        case "availability": f.plan.people[1].availability = 0.8
        case "time off": f.plan.people[0].timeOff = [DayRange(first: PlanFixture.day("2026-01-14"), last: PlanFixture.day("2026-01-14"))]
        case "priority": f.plan.tasks[0].priority = 900
        default: today = "2026-01-06"
        }
        let result = Scheduler.schedule(f.plan, today: PlanFixture.day(today), memo: &memo)
        #expect(memo.reused == 0, "a changed \(change) must be leveled again")
        let expected = Scheduler.schedule(f.plan, today: PlanFixture.day(today))
        #expect(result.schedule.tasks == expected.schedule.tasks)
    }

    /// `==` is written out: it must name every stored property, or a new one would be ignored
    /// and an edit to it would reuse a stale leveling.
    @Test func networkEqualityComparesEveryStoredProperty() {
        let stored = Mirror(reflecting: SchedulingNetwork()).children.compactMap(\.label)
        #expect(stored == SchedulingNetwork.comparedProperties)
    }

    @Test func calendarsAreEqualWhenTheyWorkTheSameDays() {
        let holiday = DayRange(first: PlanFixture.day("2026-01-06"), last: PlanFixture.day("2026-01-06"))
        let other = DayRange(first: PlanFixture.day("2026-01-07"), last: PlanFixture.day("2026-01-07"))
        #expect(WorkingCalendar(weekdays: Weekday.workweek, closed: [holiday, other])
                == WorkingCalendar(weekdays: Weekday.workweek, closed: [other, holiday]))
        #expect(WorkingCalendar(weekdays: Weekday.workweek, closed: [holiday])
                != WorkingCalendar(weekdays: Weekday.workweek, closed: [other]))
        #expect(WorkingCalendar(weekdays: Weekday.workweek, closed: [])
                != WorkingCalendar(weekdays: Set(Weekday.allCases), closed: []))
    }
}
