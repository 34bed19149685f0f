import PlanAnalysis
import PlanModel

/// `planc trend`: per project, a milestone trend analysis (report dates down, milestones across,
/// each cell the forecast that version gave), sparklines of the forecast finish, the cost at
/// completion and the scope, a table of the figures per version, and the journal's RAG history.
/// The JSON form has the same series, for tools.
public enum TrendReport {
    public static func render(_ series: TrendSeries, style: TerminalStyle) -> String {
        guard !series.projects.isEmpty else {
            return "No version of the plan in the history has a schedule to show.\n"
        }
        var blocks: [String] = []
        for trend in series.projects { blocks.append(project(trend, sampling: series.sampling, style: style)) }
        var out = blocks.joined(separator: "\n")
        if !series.skippedVersions.isEmpty {
            out += "\n" + style.paint("Left out (errors, no schedule): " + series.skippedVersions.joined(separator: ", "), .dim) + "\n"
        }
        return out
    }

    /// The series of the projects a filter names (all when empty), or an error naming the known ones.
    public static func selecting(projects: [String], in series: TrendSeries) throws(ReportError) -> TrendSeries {
        guard !projects.isEmpty else { return series }
        let known = series.projects.map(\.projectID)
        for id in projects where !known.contains(id) {
            let hint = Suggest.closest(to: id, among: known).map { "; did you mean '\($0)'?" } ?? ""
            throw ReportError("no project '\(id)' in the plan's history (projects: \(known.isEmpty ? "none" : known.joined(separator: ", ")))\(hint)")
        }
        var selected = series
        selected.projects = series.projects.filter { projects.contains($0.projectID) }
        return selected
    }

    static func project(_ trend: ProjectTrend, sampling: TrendSampling, style: TerminalStyle) -> String {
        var lines: [String] = []
        let points = trend.points
        let span = points.first.map { first in DayText.range(first.reportDate, points.last?.reportDate ?? first.reportDate) } ?? ""
        let every = sampling == .commit ? "every commit" : "last commit of each \(sampling.rawValue)"
        lines.append(style.paint(style.text(trend.title), .bold) + " (\(trend.projectID)) — "
                     + NumberText.count(points.count, "version") + ", \(every), \(span)")
        lines.append("")

        // Milestone trend analysis.
        if !trend.milestones.isEmpty {
            let reportWidth = 11
            let fitting = max((style.width - reportWidth) / 10, 1)
            let shown = Array(trend.milestones.prefix(fitting))
            lines.append(style.paint("Milestone trend", .bold) + " (forecast per report date; * reached)")
            var table = TextTable(columns: [TextTable.Column("Report")] + shown.indices.map { TextTable.Column("M\($0 + 1)") })
            for point in points {
                var row = [TextTable.Cell(reportLabel(point))]
                for milestone in shown {
                    guard let forecast = point.milestones.first(where: { $0.id == milestone.id }) else { row.append(TextTable.Cell(style.ascii ? "-" : "·")); continue }
                    let late = forecast.due.map { forecast.date > $0 } ?? false
                    row.append(TextTable.Cell(dayCell(forecast.date, report: point.reportDate) + (forecast.reached ? "*" : ""),
                                              paint: late ? .red : nil))
                }
                table.add(row)
            }
            lines.append(table.render(style: style, width: style.width).trimmingTrailingNewline)
            for (offset, milestone) in shown.enumerated() {
                lines.append(TerminalText.truncate("  M\(offset + 1) \(milestone.id)  \(style.text(milestone.title))", to: style.width, ascii: style.ascii))
            }
            if trend.milestones.count > shown.count {
                lines.append(style.paint("  and \(NumberText.count(trend.milestones.count - shown.count, "more milestone")): widen with --width or see --format json", .dim))
            }
            lines.append("")
        }

        // Sparklines: finish, cost, scope.
        let room = max(style.width - 50, 8)
        let recent = Array(points.suffix(room))
        let arrow = style.ascii ? " -> " : " → "
        if let first = recent.first, let last = recent.last {
            let finishes = recent.compactMap { $0.forecastFinish.map { Double($0.ordinal) } }
            if let from = first.forecastFinish, let to = last.forecastFinish {
                lines.append(label("Forecast finish") + sparkline(finishes, style: style) + "  " + DayText.long(from) + arrow + DayText.long(to)
                             + " (" + DayText.signed(to - from) + ")" + (last.deadline.map { "; deadline " + DayText.long($0) } ?? ""))
            }
            let currency = last.currency
            let change = first.costAtCompletion > 0 ? " (" + signedPercent(last.costAtCompletion / first.costAtCompletion - 1) + ")" : ""
            lines.append(label("Cost at completion") + sparkline(recent.map(\.costAtCompletion), style: style) + "  "
                         + NumberText.money(first.costAtCompletion, currency: currency) + arrow
                         + NumberText.money(last.costAtCompletion, currency: currency) + change
                         + (last.budget.map { "; budget " + NumberText.money($0, currency: currency) } ?? ""))
            lines.append(label("Scope (effort)") + sparkline(recent.map(\.totalEffortDays), style: style) + "  "
                         + NumberText.decimal(first.totalEffortDays) + "d" + arrow + NumberText.decimal(last.totalEffortDays) + "d")
            lines.append(label("Done (effort)") + sparkline(recent.map(\.doneEffortDays), style: style) + "  "
                         + NumberText.decimal(first.doneEffortDays) + "d" + arrow + NumberText.decimal(last.doneEffortDays) + "d")
            if recent.count < points.count {
                lines.append(style.paint("  (the last \(recent.count) of \(points.count) versions)", .dim))
            }
            lines.append("")
        }

        // The figures per version.
        var table = TextTable(columns: [TextTable.Column("Report"), TextTable.Column("Version"), TextTable.Column("Health"),
                                        TextTable.Column("Forecast finish"), TextTable.Column("Cost at completion", alignRight: true),
                                        TextTable.Column("Done / total", alignRight: true), TextTable.Column("Subject")])
        for point in points {
            table.add([TextTable.Cell(reportLabel(point)), TextTable.Cell(point.version),
                       TextTable.Cell(point.health.rawValue, paint: paint(point.health)),
                       TextTable.Cell(DayText.optional(point.forecastFinish), paint: (point.deadline.flatMap { d in point.forecastFinish.map { $0 > d } } ?? false) ? .red : nil),
                       TextTable.Cell(NumberText.money(point.costAtCompletion, currency: point.currency)),
                       TextTable.Cell(NumberText.decimal(point.doneEffortDays) + " / " + NumberText.decimal(point.totalEffortDays) + "d"),
                       TextTable.Cell(style.text(point.subject))])
        }
        lines.append(table.render(style: style, width: style.width, share: [TextTable.Share(6, minimum: 4, weight: 1)]).trimmingTrailingNewline)

        // The RAG history the journal recorded.
        if !trend.journal.isEmpty {
            lines.append("")
            lines.append(style.paint("RAG history", .bold) + " (journal)")
            var journal = TextTable(columns: [TextTable.Column("Date"), TextTable.Column("Overall")]
                                    + HealthDimension.allCases.map { TextTable.Column($0.name) } + [TextTable.Column("Headline")])
            for entry in trend.journal {
                var row = [TextTable.Cell(DayText.long(entry.date)),
                           TextTable.Cell(entry.rating?.rawValue ?? "—", paint: entry.rating.flatMap(paint))]
                for dimension in HealthDimension.allCases {
                    let rating = entry.ratings.first { $0.dimension == dimension }?.rating
                    row.append(TextTable.Cell(rating?.rawValue ?? "—", paint: rating.flatMap(paint)))
                }
                row.append(TextTable.Cell(style.text(entry.headline)))
                journal.add(row)
            }
            lines.append(journal.render(style: style, width: style.width, share: [TextTable.Share(7, minimum: 4, weight: 1)]).trimmingTrailingNewline)
        }
        let text = lines.joined(separator: "\n") + "\n"
        return style.ascii ? TerminalText.asciiFolded(text) : text
    }

    static func reportLabel(_ point: TrendPoint) -> String {
        DayText.long(point.reportDate) + (point.isWorkTree ? " (now)" : "")
    }

    /// `20 Mar` in the report's year, `20 Mar 2027` otherwise.
    static func dayCell(_ day: Day, report: Day) -> String {
        day.components.year == report.components.year ? DayText.short(day) : DayText.long(day)
    }

    static func label(_ text: String) -> String { text + String(repeating: " ", count: max(20 - text.count, 1)) }

    static func paint(_ rating: Rating) -> TerminalStyle.Paint? {
        switch rating { case .green: .green; case .amber: .yellow; case .red: .boldRed }
    }

    static func signedPercent(_ fraction: Double) -> String {
        (fraction > 0 ? "+" : "") + NumberText.percent(fraction)
    }

    /// One character per value, low to high; all equal values draw the lowest bar.
    static func sparkline(_ values: [Double], style: TerminalStyle) -> String {
        let bars: [Character] = style.ascii ? Array("_.-=+*#") : Array("▁▂▃▄▅▆▇█")
        guard let low = values.min(), let high = values.max() else { return "" }
        return String(values.map { value in
            high > low ? bars[min(Int((value - low) / (high - low) * Double(bars.count - 1) + 0.5), bars.count - 1)] : bars[0]
        })
    }

    // MARK: JSON

    /// The series as JSON: `sampling`, `skippedVersions`, and per project its milestones, one
    /// point per version and the journal's ratings. Dates are ISO, money in the project's currency.
    public static func json(_ series: TrendSeries) -> String {
        JSONValue.object([
            ("sampling", .string(series.sampling.rawValue)),
            ("skippedVersions", .array(series.skippedVersions.map { .string($0) })),
            ("projects", .array(series.projects.map(projectJSON))),
        ]).rendered()
    }

    static func projectJSON(_ trend: ProjectTrend) -> JSONValue {
        func day(_ value: Day?) -> JSONValue { value.map { .string($0.iso) } ?? .null }
        return .object([
            ("id", .string(trend.projectID)),
            ("title", .string(trend.title)),
            ("milestones", .array(trend.milestones.map { .object([("id", .string($0.id)), ("title", .string($0.title))]) })),
            ("points", .array(trend.points.map { point in
                .object([
                    ("reportDate", .string(point.reportDate.iso)),
                    ("version", .string(point.version)),
                    ("subject", .string(point.subject)),
                    ("workTree", .bool(point.isWorkTree)),
                    ("health", .string(point.health.rawValue)),
                    ("forecastFinish", day(point.forecastFinish)),
                    ("deadline", day(point.deadline)),
                    ("costAtCompletion", .number(point.costAtCompletion)),
                    ("budget", point.budget.map { .number($0) } ?? .null),
                    ("currency", point.currency.map { .string($0) } ?? .null),
                    ("doneEffortDays", .number(point.doneEffortDays)),
                    ("totalEffortDays", .number(point.totalEffortDays)),
                    ("milestones", .array(point.milestones.map {
                        .object([("id", .string($0.id)), ("date", .string($0.date.iso)), ("due", day($0.due)), ("reached", .bool($0.reached))])
                    })),
                ])
            })),
            ("journal", .array(trend.journal.map { entry in
                .object([
                    ("date", .string(entry.date.iso)),
                    ("rating", entry.rating.map { .string($0.rawValue) } ?? .null),
                    ("ratings", .object(entry.ratings.map { ($0.dimension.rawValue, .string($0.rating.rawValue)) })),
                    ("headline", .string(entry.headline)),
                ])
            })),
        ])
    }
}

private extension String {
    var trimmingTrailingNewline: String { hasSuffix("\n") ? String(dropLast()) : self }
}
