import PlanModel

/// Dates as the pages and the terminal show them, with the names of `CalendarNames` (PlanModel).
public enum DayText {
    /// `15 Sep 2026`.
    public static func long(_ day: Day) -> String {
        let (y, m, d) = day.components
        return "\(d) \(CalendarNames.monthAbbreviation(m)) \(y)"
    }

    /// `15 Sep`.
    public static func short(_ day: Day) -> String {
        let (_, m, d) = day.components
        return "\(d) \(CalendarNames.monthAbbreviation(m))"
    }

    public static func optional(_ day: Day?) -> String { day.map(long) ?? "—" }

    /// `Mon 12 Jan 2027`, or `Fri 9 Jan` when it falls in the same year as `reference`: the way a
    /// sentence names a day near another one.
    public static func weekday(_ day: Day, yearUnlessSameAs reference: Day? = nil) -> String {
        let name = day.weekday.abbreviation + " "
        if let reference, reference.components.year == day.components.year { return name + short(day) }
        return name + long(day)
    }

    /// `3–7 Mar`, `28 Feb – 3 Mar`, `29 Dec 2026 – 2 Jan 2027`; one day is `3 Mar`. The year is left
    /// out when both days fall in the year of `reference`.
    public static func range(_ first: Day, _ last: Day, yearUnlessSameAs reference: Day? = nil) -> String {
        let (y1, m1, d1) = first.components, (y2, m2, _) = last.components
        let sameYear = reference.map { $0.components.year == y1 && y1 == y2 } ?? false
        let end = sameYear ? short(last) : long(last)
        if first == last { return end }
        if y1 == y2 && m1 == m2 { return "\(d1)–" + end }
        return (sameYear || y1 == y2 ? short(first) : long(first)) + " – " + end
    }

    /// The Monday on or before `day`: weeks in the load table start on Mondays.
    public static func weekStart(_ day: Day) -> Day { day.adding(days: -day.weekday.rawValue) }

    /// ISO 8601 week number and its year (the year of the week's Thursday).
    public static func isoWeek(_ day: Day) -> (year: Int, week: Int) {
        let thursday = weekStart(day).adding(days: 3)
        let year = thursday.components.year
        let firstDay = Day(civilYear: year, month: 1, day: 1)
        return (year, (thursday - firstDay) / 7 + 1)
    }

    public static func signed(_ days: Int, unit: String = "d") -> String {
        days > 0 ? "+\(days)\(unit)" : "\(days)\(unit)"
    }
}
