/// Working days of one calendar, with O(1) arithmetic at any distance. The one implementation of
/// working-day arithmetic in planc: the checker, the scheduler, the analysis and the renderers all
/// count working days through it, so they cannot disagree.
///
/// Days are `Day.ordinal` values. Exceptions (holidays, time off) only exist in a finite window,
/// so the calendar keeps prefix counts for that window and follows the weekly pattern outside it:
/// no horizon has to be chosen up front and none ever needs to grow.
///
/// Boundaries: `count(before: b)` is the number of working days strictly before day `b`, counted
/// from the window start (negative before it). `day(at: k)` is the inverse on working days: the
/// working day `d` with `count(before: d) == k`.
public struct WorkingCalendar: Sendable {
    /// Bit `w` set when weekday `w` (0 = Monday) is a working day.
    package let weekMask: UInt8
    package let weeklyCount: Int
    /// Every day is a working day (PSPLIB periods, resource links): arithmetic is the identity.
    package let everyDay: Bool
    package let lo: Int
    package let hi: Int
    /// The days off (holidays, time off) the calendar was made with, sorted.
    public var closed: [DayRange] { tables.closed }
    /// The arrays live in one immutable object, so copying a calendar (the scheduler does, often)
    /// costs one reference count instead of four.
    private let tables: Tables
    private final class Tables: Sendable {
        let closed: [DayRange]
        let prefix: [Int32]
        let workingDays: [Int32]
        let partial: [Int8]
        init(closed: [DayRange], prefix: [Int32], workingDays: [Int32], partial: [Int8]) {
            self.closed = closed; self.prefix = prefix; self.workingDays = workingDays; self.partial = partial
        }
    }
    /// `prefix[i]` = working days in `lo ..< lo + i`, for `i` in `0 ... hi - lo`.
    private var prefix: [Int32] { tables.prefix }
    /// The working days of the window, in order.
    private var workingDays: [Int32] { tables.workingDays }
    /// `partial[w * 8 + n]` = working days among `n` consecutive days starting on weekday `w`.
    private var partial: [Int8] { tables.partial }

    /// A calendar in which every day works.
    package static let continuous = WorkingCalendar(weekdays: Set(Weekday.allCases), closed: [])

    /// - Parameters:
    ///   - weekdays: the working weekdays.
    ///   - closed: days off (holidays, time off); ranges are clipped to `Day.planningWindow`.
    public init(weekdays: Set<Weekday>, closed: [DayRange]) {
        let sortedClosed = closed.sorted { ($0.first, $0.last) < ($1.first, $1.last) }
        var mask: UInt8 = 0
        for weekday in weekdays { mask |= 1 << UInt8(weekday.rawValue) }
        weekMask = mask
        weeklyCount = weekdays.count
        var table = [Int8](repeating: 0, count: 56)
        for w in 0..<7 {
            var n = 0
            for length in 1...7 {
                if mask & (1 << UInt8((w + length - 1) % 7)) != 0 { n += 1 }
                table[w * 8 + length] = Int8(n)
            }
        }
        let floor = Day.planningWindow.lowerBound.ordinal
        let ceiling = Day.planningWindow.upperBound.ordinal
        let ranges = closed.compactMap { range -> (Int, Int)? in
            let first = max(range.first.ordinal, floor), last = min(range.last.ordinal, ceiling)
            return first <= last ? (first, last) : nil
        }
        everyDay = weeklyCount == 7 && ranges.isEmpty
        guard let low = ranges.map(\.0).min(), let high = ranges.map(\.1).max() else {
            lo = 0; hi = 0
            tables = Tables(closed: sortedClosed, prefix: [0], workingDays: [], partial: table)
            return
        }
        lo = low; hi = high + 1
        var open = [Bool](repeating: true, count: hi - lo)
        for (first, last) in ranges { for day in first...last { open[day - lo] = false } }
        var counts = [Int32](repeating: 0, count: hi - lo + 1)
        var days: [Int32] = []
        for index in 0..<(hi - lo) {
            let day = lo + index
            let works = open[index] && mask & (1 << UInt8(WorkingCalendar.weekday(day))) != 0
            counts[index + 1] = counts[index] + (works ? 1 : 0)
            if works { days.append(Int32(truncatingIfNeeded: index)) }
        }
        tables = Tables(closed: sortedClosed, prefix: counts, workingDays: days, partial: table)
    }

    /// 0 = Monday; 1970-01-01 (ordinal 0) was a Thursday.
    @inline(__always) package static func weekday(_ day: Int) -> Int { ((day % 7) + 10) % 7 }

    package var hasWorkingDays: Bool { weeklyCount > 0 || !workingDays.isEmpty }

    @inline(__always) private func patternWorks(_ day: Int) -> Bool {
        weekMask & (1 << UInt8(WorkingCalendar.weekday(day))) != 0
    }

    /// Working days in `from ..< to` by the weekly pattern alone (`from <= to`).
    @inline(__always) private func patternCount(_ from: Int, _ to: Int) -> Int {
        let length = to - from
        return (length / 7) * weeklyCount + Int(partial[WorkingCalendar.weekday(from) * 8 + length % 7])
    }

    @inline(__always) package func isWorking(_ day: Int) -> Bool {
        if everyDay { return true }
        if day >= lo && day < hi { return prefix[day - lo + 1] != prefix[day - lo] }
        return patternWorks(day)
    }

    /// Working days strictly before `day`, counted from the window start.
    @inline(__always) package func count(before day: Int) -> Int {
        if everyDay { return day }
        if day < lo { return -patternCount(day, lo) }
        if day <= hi { return Int(prefix[day - lo]) }
        return Int(prefix[hi - lo]) + patternCount(hi, day)
    }

    /// The working day with `count(before:) == index`; `nil` when the calendar never works.
    package func day(at index: Int) -> Int? {
        if everyDay { return index }
        let inside = workingDays.count
        if index >= 0 && index < inside { return lo + Int(workingDays[index]) }
        guard weeklyCount > 0 else { return nil }
        if index >= inside {
            let beyond = index - inside
            var day = hi + (beyond / weeklyCount) * 7
            var remaining = beyond % weeklyCount
            while true {
                if patternWorks(day) { if remaining == 0 { return day }; remaining -= 1 }
                day += 1
            }
        }
        let before = -index - 1
        var day = lo - 1 - (before / weeklyCount) * 7
        var remaining = before % weeklyCount
        while true {
            if patternWorks(day) { if remaining == 0 { return day }; remaining -= 1 }
            day -= 1
        }
    }

    /// The first working day on or after `day`.
    package func nextWorking(onOrAfter day: Int) -> Int? {
        if everyDay || isWorking(day) { return day }
        return self.day(at: count(before: day))
    }

    /// The last working day on or before `day`.
    package func previousWorking(onOrBefore day: Int) -> Int? {
        if everyDay || isWorking(day) { return day }
        return self.day(at: count(before: day) - 1)
    }

    /// Working days in `from ..< to` (negative when `to < from`).
    @inline(__always) package func workingDays(from: Int, to: Int) -> Int { count(before: to) - count(before: from) }

    /// The working day `n` working days after working day `day` (before it when `n` is negative).
    package func adding(_ n: Int, workingDaysTo day: Int) -> Int? { self.day(at: count(before: day) + n) }

    // MARK: Days

    /// Monday to Friday without holidays: the default when a plan names no calendar.
    public static let standard = WorkingCalendar(weekdays: Weekday.workweek, closed: [])

    // MARK: The one factory
    //
    // Every phase (checker, scheduler, analysis, reports, site) turns a plan's `CalendarSpec`
    // (plus time off) into a `WorkingCalendar` here, so they agree on which days work.

    /// How a calendar that names no working day is read.
    public enum EmptyWeek: Sendable {
        /// As written: it never works (the checker reports it, P404; analysis and reports count
        /// no working days in it).
        case asWritten
        /// As Monday to Friday: the scheduler reports P404 and places work on weekdays meanwhile,
        /// so the plan still gets dates.
        case workweek
    }

    /// The calendar `plan.calendars[index]`, plus extra days off such as a person's time off.
    /// Lowering has already merged a `based-on` calendar's working week, hours and holidays into
    /// it, so its base is not followed again. An index the plan does not have (only a hand-built
    /// plan has one) reads as the default calendar, and a plan without calendars as Monday to
    /// Friday.
    public init(plan: Plan, calendarIndex index: Int, timeOff: [DayRange] = [], emptyWeek: EmptyWeek = .asWritten) {
        guard let spec = plan.calendarSpec(index) else {
            self.init(weekdays: Weekday.workweek, closed: timeOff)
            return
        }
        let weekdays = spec.workingDays.isEmpty && emptyWeek == .workweek ? Weekday.workweek : spec.workingDays
        self.init(weekdays: weekdays, closed: spec.holidays.map(\.days) + timeOff)
    }

    /// The days a person works: their calendar (else `fallback`, the project's), minus time off.
    public init(plan: Plan, person: Int, fallback: Int, emptyWeek: EmptyWeek = .asWritten) {
        let who = plan.people[person]
        self.init(plan: plan, calendarIndex: who.calendarIndex ?? fallback, timeOff: who.timeOff, emptyWeek: emptyWeek)
    }

    public func isWorkingDay(_ day: Day) -> Bool { isWorking(day.ordinal) }

    /// Working days in `first ... last` (0 when `last` is before `first`).
    public func workingDays(in first: Day, through last: Day) -> Int {
        last < first ? 0 : count(before: last.ordinal + 1) - count(before: first.ordinal)
    }

    /// Working days after `from` up to and including `to`; negative when `to` is earlier. This is
    /// how a slip is counted: finishing on the next working day after a deadline is one day late.
    public func workingDays(after from: Day, through to: Day) -> Int {
        count(before: to.ordinal + 1) - count(before: from.ordinal + 1)
    }
}

extension Plan {
    /// The index of the calendar that `index` (a project's or person's `calendar:`) stands for:
    /// itself when the plan has it, else the default calendar. With the factory above, the one
    /// reading of a calendar reference (the scheduler numbers its calendars by it).
    public func calendarIndex(resolving index: Int) -> Int {
        calendars.indices.contains(index) ? index : Plan.defaultCalendar
    }

    /// The calendar `index` stands for; nil when the plan has no calendars (Monday to Friday).
    func calendarSpec(_ index: Int) -> CalendarSpec? {
        let resolved = calendarIndex(resolving: index)
        return calendars.indices.contains(resolved) ? calendars[resolved] : nil
    }
}

/// Two calendars are equal when they work the same days: the same weekly pattern and the same
/// days off (a calendar is made from nothing else).
extension WorkingCalendar: Equatable {
    public static func == (a: WorkingCalendar, b: WorkingCalendar) -> Bool {
        a.weekMask == b.weekMask && (a.tables === b.tables || a.tables.closed == b.tables.closed)
    }
}
