import PlanModel

/// A resolved working calendar: the working week of one `CalendarSpec` and the holidays of it and
/// every calendar it is based on. Used to state slips in working days, as project managers count them.
public struct WorkingCalendar: Sendable {
    public var workingDays: Set<Weekday>
    public var holidays: [DayRange]

    public init(workingDays: Set<Weekday>, holidays: [DayRange]) {
        self.workingDays = workingDays
        self.holidays = holidays.sorted { $0.first < $1.first }
    }

    /// Monday to Friday, no holidays: the default when a plan names no calendar.
    public static let standard = WorkingCalendar(
        workingDays: [.monday, .tuesday, .wednesday, .thursday, .friday], holidays: [])

    /// The calendar at `index` in `plan.calendars`, with holidays inherited through `base`.
    public init(plan: Plan, calendarIndex index: Int) {
        guard plan.calendars.indices.contains(index) else { self = .standard; return }
        let spec = plan.calendars[index]
        var holidays: [DayRange] = []
        var next: Int? = index
        var visited: Set<Int> = []
        // A base cycle is the front end's to report; here it only must not loop.
        while let current = next, plan.calendars.indices.contains(current), visited.insert(current).inserted {
            holidays.append(contentsOf: plan.calendars[current].holidays.map(\.days))
            next = plan.calendars[current].base
        }
        self.init(workingDays: spec.workingDays.isEmpty ? WorkingCalendar.standard.workingDays : spec.workingDays,
                  holidays: holidays)
    }

    public func isWorkingDay(_ day: Day) -> Bool {
        guard workingDays.contains(day.weekday) else { return false }
        return !holidays.contains { $0.contains(day) }
    }

    /// Working days in `(from, to]` when `to` is later; the negated count of `(to, from]` when earlier.
    public func workingDays(from: Day, to: Day) -> Int {
        if to == from { return 0 }
        let (low, high, sign) = from < to ? (from, to, 1) : (to, from, -1)
        var count = 0
        var day = low.adding(days: 1)
        while day <= high {
            if isWorkingDay(day) { count += 1 }
            day = day.adding(days: 1)
        }
        return sign * count
    }
}
