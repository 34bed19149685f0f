import PlanModel

/// Dates as the pages show them. Fixed English names rather than the machine's locale, so the
/// same plan gives the same bytes everywhere.
enum DayText {
    static let monthNames = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    /// `15 Sep 2026`.
    static func long(_ day: Day) -> String {
        let (y, m, d) = day.components
        return "\(d) \(monthNames[m - 1]) \(y)"
    }

    /// `15 Sep`.
    static func short(_ day: Day) -> String {
        let (_, m, d) = day.components
        return "\(d) \(monthNames[m - 1])"
    }

    static func optional(_ day: Day?) -> String { day.map(long) ?? "—" }

    /// The Monday on or before `day`: weeks in the load table start on Mondays.
    static func weekStart(_ day: Day) -> Day { day.adding(days: -day.weekday.rawValue) }

    /// ISO 8601 week number and its year (the year of the week's Thursday).
    static func isoWeek(_ day: Day) -> (year: Int, week: Int) {
        let thursday = weekStart(day).adding(days: 3)
        let year = thursday.components.year
        let firstDay = Day(civilYear: year, month: 1, day: 1)
        return (year, (thursday - firstDay) / 7 + 1)
    }

    static func signed(_ days: Int, unit: String = "d") -> String {
        days > 0 ? "+\(days)\(unit)" : "\(days)\(unit)"
    }
}

/// Numbers as the pages show them, without locale: `1,234,567`, `42 %`.
enum NumberText {
    static func grouped(_ value: Double) -> String {
        let rounded = Int(value.rounded())
        let digits = String(abs(rounded))
        var result = ""
        for (index, character) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { result += "," }
            result.append(character)
        }
        return (rounded < 0 ? "−" : "") + result
    }

    static func money(_ money: Money?) -> String {
        guard let money else { return "—" }
        return grouped(money.amount) + (money.currency.map { " " + $0 } ?? "")
    }

    static func money(_ amount: Double?, currency: String?) -> String {
        guard let amount else { return "—" }
        return grouped(amount) + (currency.map { " " + $0 } ?? "")
    }

    static func percent(_ fraction: Double) -> String {
        "\(Int((fraction * 100).rounded()))\u{00A0}%"
    }

    /// Up to one decimal: `2`, `2.5`.
    static func decimal(_ value: Double) -> String {
        let tenths = Int((value * 10).rounded())
        return tenths % 10 == 0 ? "\(tenths / 10)" : "\(tenths / 10).\(abs(tenths % 10))"
    }
}
