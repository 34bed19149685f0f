/// A calendar day in the proleptic Gregorian calendar, with no time of day and no time zone.
///
/// Plans are about days, not instants: a task starts on a day and finishes on a day. Keeping the
/// model free of `Foundation.Date` means the same plan gives the same schedule in every time
/// zone and locale. The day is stored as a count of days since 1970-01-01, so arithmetic and
/// comparisons are integer operations.
public struct Day: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// Days since 1970-01-01 (which is ordinal 0, a Thursday).
    public var ordinal: Int

    public init(ordinal: Int) { self.ordinal = ordinal }

    /// The day with this year, month and day, or nil when no such day exists (2026-02-30).
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
              day >= 1, day <= Day.daysIn(month: month, year: year) else { return nil }
        self.init(civilYear: year, month: month, day: day)
    }

    /// The day with this year, month (1...12) and day of the month, for values that are valid by
    /// construction (constants, the first of a month computed from a day). Any year is accepted,
    /// so code past the front end never needs a force unwrap to name a day.
    public init(civilYear year: Int, month: Int, day: Int) {
        // Howard Hinnant's days_from_civil: exact for every Gregorian date.
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        ordinal = era * 146_097 + doe - 719_468
    }

    /// Parses `YYYY-MM-DD` exactly (four-digit year, two-digit month and day).
    public init?(iso text: Substring) {
        let bytes = Array(text.utf8)
        guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-") else { return nil }
        func number(_ range: Range<Int>) -> Int? {
            var value = 0
            for index in range {
                let byte = bytes[index]
                guard byte >= 48, byte <= 57 else { return nil }
                value = value * 10 + Int(byte - 48)
            }
            return value
        }
        guard let y = number(0..<4), let m = number(5..<7), let d = number(8..<10) else { return nil }
        self.init(year: y, month: m, day: d)
    }

    public init?(iso text: String) { self.init(iso: Substring(text)) }

    public static func isLeap(_ year: Int) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Year, month and day (Hinnant's civil_from_days).
    public var components: (year: Int, month: Int, day: Int) {
        let z = ordinal + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }

    public var weekday: Weekday {
        // 1970-01-01 was a Thursday.
        let index = ((ordinal % 7) + 7 + 3) % 7  // 0 = Monday
        return Weekday.allCases[index]
    }

    /// The days a plan may name and a schedule may reach: 1900-01-01 through 2400-12-31. Dates
    /// outside it are an error where they are written, and a schedule that runs past it is one
    /// too, so no later phase ever sees a year it cannot print or a calendar it did not build.
    public static let planningWindow: ClosedRange<Day> =
        Day(civilYear: 1900, month: 1, day: 1)...Day(civilYear: 2400, month: 12, day: 31)

    public func adding(days: Int) -> Day { Day(ordinal: ordinal + days) }

    public static func - (lhs: Day, rhs: Day) -> Int { lhs.ordinal - rhs.ordinal }

    public static func < (lhs: Day, rhs: Day) -> Bool { lhs.ordinal < rhs.ordinal }

    /// `YYYY-MM-DD`.
    public var iso: String {
        let (y, m, d) = components
        return Day.pad(y, 4) + "-" + Day.pad(m, 2) + "-" + Day.pad(d, 2)
    }

    public var description: String { iso }

    private static func pad(_ value: Int, _ width: Int) -> String {
        let text = String(value)
        return text.count >= width ? text : String(repeating: "0", count: width - text.count) + text
    }
}

public enum Weekday: Int, CaseIterable, Sendable, Hashable {
    case monday, tuesday, wednesday, thursday, friday, saturday, sunday

    /// Monday to Friday: the week of a calendar that names none.
    public static let workweek: Set<Weekday> = [.monday, .tuesday, .wednesday, .thursday, .friday]

    /// `mon`: as the plan language and the exports write it (names in `CalendarNames`).
    public var shortName: String { abbreviation.lowercased() }

    /// `mon`, `Mon`, `monday`, `Mond`: a prefix of the name that is at least three letters long.
    public init?(shortName: Substring) {
        let lowered = shortName.lowercased()
        guard let day = Weekday.allCases.first(where: { lowered.hasPrefix($0.shortName) }),
              day.name.lowercased().hasPrefix(lowered) else { return nil }
        self = day
    }
}

/// An inclusive run of days, as written `2026-08-03..2026-08-14`.
public struct DayRange: Hashable, Sendable {
    public var first: Day
    public var last: Day
    public init(first: Day, last: Day) { self.first = first; self.last = last }
    public func contains(_ day: Day) -> Bool { first <= day && day <= last }
}
