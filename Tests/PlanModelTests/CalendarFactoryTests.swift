import PlanModel
import Testing

/// The one factory every phase builds its calendars with (`WorkingCalendar(plan:…)`).
struct CalendarFactoryTests {
    static func day(_ iso: String) -> Day { Day(iso: iso)! }

    /// A plan whose calendar 1 is based on calendar 0, merged as lowering merges it.
    static func plan() -> Plan {
        var plan = Plan()
        var base = CalendarSpec(name: "default")
        base.holidays = [Holiday(days: DayRange(first: day("2026-01-06"), last: day("2026-01-06")), name: "Epiphany")]
        var based = CalendarSpec(name: "site")
        based.base = 0
        based.holidays = base.holidays + [Holiday(days: DayRange(first: day("2026-01-08"), last: day("2026-01-08")), name: "Site day")]
        var empty = CalendarSpec(name: "never")
        empty.workingDays = []
        plan.calendars = [base, based, empty]
        var ann = Person(id: "ann", name: "Ann", range: SourceRange(file: "team.md", line: 1, column: 3, length: 3))
        ann.timeOff = [DayRange(first: day("2026-01-07"), last: day("2026-01-07"))]
        plan.people = [ann]
        return plan
    }

    @Test func aBasedCalendarIsReadAsLoweringMergedItWithoutFollowingItsBase() {
        let calendar = WorkingCalendar(plan: Self.plan(), calendarIndex: 1)
        #expect(calendar.closed.count == 2)
        #expect(calendar.workingDays(in: Self.day("2026-01-05"), through: Self.day("2026-01-09")) == 3)
    }

    @Test func aPersonWorksTheirCalendarOrTheFallbackMinusTimeOff() {
        let plan = Self.plan()
        let onSite = WorkingCalendar(plan: plan, person: 0, fallback: 1)
        #expect(onSite.workingDays(in: Self.day("2026-01-05"), through: Self.day("2026-01-09")) == 2)
        let onDefault = WorkingCalendar(plan: plan, person: 0, fallback: 0)
        #expect(onDefault.workingDays(in: Self.day("2026-01-05"), through: Self.day("2026-01-09")) == 3)
    }

    @Test func anEmptyWeekIsReadAsWrittenOrAsTheSchedulersWorkweek() {
        let plan = Self.plan()
        let week = (Self.day("2026-01-12"), Self.day("2026-01-18"))
        #expect(WorkingCalendar(plan: plan, calendarIndex: 2).workingDays(in: week.0, through: week.1) == 0)
        #expect(WorkingCalendar(plan: plan, calendarIndex: 2, emptyWeek: .workweek).workingDays(in: week.0, through: week.1) == 5)
    }

    @Test func aReferenceThePlanDoesNotHaveReadsAsTheDefaultCalendar() {
        let plan = Self.plan()
        #expect(plan.calendarIndex(resolving: 7) == Plan.defaultCalendar)
        #expect(WorkingCalendar(plan: plan, calendarIndex: 7).closed == WorkingCalendar(plan: plan, calendarIndex: 0).closed)
        #expect(WorkingCalendar(plan: Plan(), calendarIndex: 0).workingDays(in: Self.day("2026-01-05"), through: Self.day("2026-01-11")) == 5)
    }
}
