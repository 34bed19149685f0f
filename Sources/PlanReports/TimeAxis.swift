import PlanModel

public enum GanttScale: String, CaseIterable, Sendable {
    case auto, day, week, month
}

/// Maps days to chart columns. The chart is cut into units (days, Monday-based weeks or calendar
/// months, several months when even months do not fit) and each unit into `split` columns, so a
/// chart uses the width it is given instead of leaving half of it empty.
struct TimeAxis {
    enum Unit: Equatable { case day, week, months(Int), fitted }

    let unit: Unit
    /// Half-open day intervals, one per column.
    let columns: [(first: Day, end: Day)]
    /// The last day the axis shows (the window may have been cut to fit).
    var lastDay: Day { columns.last.map { $0.end.adding(days: -1) } ?? Day(ordinal: 0) }
    var firstDay: Day { columns.first?.first ?? Day(ordinal: 0) }

    init(from: Day, to: Day, width: Int, scale: GanttScale) {
        let width = max(width, 1)
        let span = max(to - from + 1, 1)
        let weekStart = from.adding(days: -from.weekday.rawValue)
        let weeks = (to - weekStart) / 7 + 1
        let chosen: Unit
        switch scale {
        case .day: chosen = .day
        case .week: chosen = .week
        case .month: chosen = .months(1)
        case .auto:
            // Automatic scale uses every column: whole days when they fit, else an even share of days.
            chosen = span <= width ? .day : .fitted
        }
        unit = chosen
        if chosen == .fitted {
            columns = (0..<width).map { column in
                (from.adding(days: column * span / width), from.adding(days: (column + 1) * span / width))
            }
            return
        }

        var units: [(first: Day, end: Day)] = []
        switch chosen {
        case .day:
            for offset in 0..<min(span, width) { let d = from.adding(days: offset); units.append((d, d.adding(days: 1))) }
        case .week:
            for offset in 0..<min(weeks, width) {
                let d = weekStart.adding(days: 7 * offset); units.append((d, d.adding(days: 7)))
            }
        case .fitted:
            break
        case .months(let step):
            var index = TimeAxis.monthIndex(from) - (TimeAxis.monthIndex(from) % step)
            let last = TimeAxis.monthIndex(to)
            while index <= last && units.count < width {
                units.append((TimeAxis.firstDay(ofMonthIndex: index), TimeAxis.firstDay(ofMonthIndex: index + step)))
                index += step
            }
        }
        // Columns per unit: fill the width, but never finer than a day (and at most 3 columns per day).
        let maxSplit: Int
        switch chosen {
        case .day: maxSplit = 3
        case .week: maxSplit = 7
        case .months: maxSplit = 4
        case .fitted: maxSplit = 1
        }
        let split = max(1, min(width / max(units.count, 1), maxSplit))
        var columns: [(first: Day, end: Day)] = []
        for (first, end) in units {
            let length = end - first
            for part in 0..<split {
                if length >= split {
                    columns.append((first.adding(days: length * part / split), first.adding(days: length * (part + 1) / split)))
                } else {
                    columns.append((first, end))
                }
            }
        }
        self.columns = columns
    }

    /// The columns a day range touches; nil when it lies outside the axis.
    func columns(from first: Day, through last: Day) -> ClosedRange<Int>? {
        guard !columns.isEmpty, last >= firstDay, first <= lastDay else { return nil }
        let low = column(of: max(first, firstDay)) ?? 0
        let high = lastColumn(of: min(last, lastDay)) ?? (columns.count - 1)
        return low...max(low, high)
    }

    /// The first column showing this day.
    func column(of day: Day) -> Int? {
        // Binary search: columns are sorted by start day.
        var low = 0, high = columns.count - 1, found: Int?
        while low <= high {
            let mid = (low + high) / 2
            if columns[mid].end <= day { low = mid + 1 } else { found = mid; high = mid - 1 }
        }
        guard let found, columns[found].first <= day else { return nil }
        return found
    }

    /// The last column showing this day.
    func lastColumn(of day: Day) -> Int? {
        var low = 0, high = columns.count - 1, found: Int?
        while low <= high {
            let mid = (low + high) / 2
            if columns[mid].first <= day { found = mid; low = mid + 1 } else { high = mid - 1 }
        }
        guard let found, day < columns[found].end else { return nil }
        return found
    }

    static func monthIndex(_ day: Day) -> Int {
        let (y, m, _) = day.components
        return y * 12 + (m - 1)
    }

    static func firstDay(ofMonthIndex index: Int) -> Day {
        Day(year: index / 12, month: index % 12 + 1, day: 1) ?? Day(ordinal: 0)
    }

    /// Average days one column shows.
    var daysPerColumn: Double {
        guard let first = columns.first, let last = columns.last else { return 1 }
        return Double(last.end - first.first) / Double(columns.count)
    }

    /// Two header lines. Where Mondays are at least three columns apart: months over Mondays'
    /// day of month; otherwise years over month names. A month or year label names the year only
    /// at the start and in January, to stay short; labels that would collide are left out.
    func headerLines() -> (String, String) {
        var coarse: [(Int, String)] = []
        var fine: [(Int, String)] = []
        let weekly = daysPerColumn * 3 <= 7
        var previousMonth = -1, previousYear = -1
        var previousMonday: Day?
        for (column, interval) in columns.enumerated() {
            // The first day of a month or a Monday inside this column's days, if any.
            var monthStart: Day?
            var monday: Day?
            var day = interval.first
            while day < interval.end {
                if day.components.day == 1 { monthStart = monthStart ?? day }
                if day.weekday == .monday { monday = monday ?? day }
                day = day.adding(days: 1)
            }
            // The first column names the month it starts in, unless a month begins inside it.
            if column == 0, monthStart == nil { monthStart = interval.first }
            if weekly {
                if let start = monthStart {
                    let (year, month, _) = start.components
                    let index = year * 12 + month - 1
                    if index != previousMonth {
                        let name = CalendarNames.monthAbbreviation(month)
                        coarse.append((column, coarse.isEmpty || month == 1 ? "\(name) \(year)" : name))
                        previousMonth = index
                    }
                }
                if let monday, monday != previousMonday {
                    let dayOfMonth = monday.components.day
                    fine.append((column, dayOfMonth < 10 ? "0\(dayOfMonth)" : String(dayOfMonth)))
                    previousMonday = monday
                }
            } else if let start = monthStart {
                let (year, month, _) = start.components
                if year != previousYear {
                    coarse.append((column, String(year)))
                    previousYear = year
                }
                let index = year * 12 + month - 1
                if index != previousMonth {
                    fine.append((column, CalendarNames.monthAbbreviation(month)))
                    previousMonth = index
                }
            }
        }
        // A month that starts a few columns in would lose its label to the stub of the month
        // before; name the month that fills the chart instead, with its year.
        if weekly, coarse.count >= 2, coarse[1].0 <= coarse[0].1.count, let first = columns.first {
            let next = columns[coarse[1].0].first
            let (year, month, _) = (next.components.day == 1 ? next : first.first).components
            coarse.removeFirst()
            coarse[0].1 = "\(CalendarNames.monthAbbreviation(month)) \(year)"
        }
        return (TimeAxis.place(coarse, width: columns.count), TimeAxis.place(fine, width: columns.count))
    }

    /// Writes labels at their columns. A label longer than the room before the next one is cut
    /// to that room (`Aug 2026` -> `Aug`, `Sep` -> `S`), so no month goes unnamed (numbers, a
    /// day or a year, are never cut: they are left out where they do not fit); one
    /// is left out only when the next label starts in the column right after it, or when it is
    /// the first and names a stub too short for three letters.
    static func place(_ labels: [(Int, String)], width: Int) -> String {
        var line = Array(repeating: Character(" "), count: width)
        let labels = labels.filter { $0.0 >= 0 && $0.0 < width }
        for (position, (column, text)) in labels.enumerated() {
            // Room up to the next label, keeping one blank column between the two.
            let room = position + 1 < labels.count ? labels[position + 1].0 - column - 1 : width - column
            // A first label with less room than three letters names the stub of a month (or year)
            // before the chart's first full one: the next label says more.
            guard room >= 1, position > 0 || room >= min(3, text.count) else { continue }
            // A day of the month or a year cut short would name another date: numbers fit or go.
            if room < text.count, text.first?.isNumber == true { continue }
            for (offset, character) in Array(text).prefix(room).enumerated() { line[column + offset] = character }
        }
        return String(line)
    }
}
