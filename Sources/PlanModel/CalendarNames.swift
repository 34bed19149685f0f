/// English month and weekday names: the one list of them for every output and message. Fixed
/// English rather than the machine's locale, so the same plan gives the same bytes everywhere.
public enum CalendarNames {
    /// `January` … `December`.
    public static let months = ["January", "February", "March", "April", "May", "June", "July",
                                "August", "September", "October", "November", "December"]
    /// `Jan` … `Dec`.
    public static let monthAbbreviations = months.map { String($0.prefix(3)) }
    /// `Monday` … `Sunday`, in the order of `Weekday`.
    public static let weekdays = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
    /// `Mon` … `Sun`.
    public static let weekdayAbbreviations = weekdays.map { String($0.prefix(3)) }

    /// `September` for 9.
    public static func month(_ month: Int) -> String { months[month - 1] }
    /// `Sep` for 9.
    public static func monthAbbreviation(_ month: Int) -> String { monthAbbreviations[month - 1] }
}

extension Weekday {
    /// `Monday`.
    public var name: String { CalendarNames.weekdays[rawValue] }
    /// `Mon`.
    public var abbreviation: String { CalendarNames.weekdayAbbreviations[rawValue] }
}
