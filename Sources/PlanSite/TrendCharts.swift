import Foundation
import PlanAnalysis
import PlanModel
import PlanReports

/// The trend section of a project page: a milestone trend analysis (MTA), the forecast finish and
/// the cost at completion over time, a burn-up, and the journal's RAG history. Every chart is an
/// inline SVG in a scrolling region, coloured by the stylesheet's variables (dark mode, print),
/// with a table beside it that holds the same figures as text.
struct TrendCharts {
    let trend: ProjectTrend
    /// x: the report dates of the first and last points (one day apart at least).
    let first: Int
    let last: Int

    init(_ trend: ProjectTrend) {
        self.trend = trend
        let days = trend.points.map(\.reportDate.ordinal)
        first = days.min() ?? 0
        last = max(days.max() ?? 0, first + 1)
    }

    static let width = 640
    static let left = 92, right = 64, top = 12, bottom = 34

    func render() -> String {
        var out = ""
        out += "<h3>Milestone trend analysis</h3>\n"
        out += milestoneTrend()
        out += "<h3>Forecast finish and cost at completion</h3>\n"
        out += "<p class=\"cap\">Forecast finish</p>\n" + region("Forecast finish chart", finishChart())
        out += "<p class=\"cap\">Cost at completion</p>\n" + region("Cost at completion chart", costChart())
        out += "<h3>Burn-up: done against scope</h3>\n"
        out += region("Burn-up chart", burnUp())
        out += versionTable()
        out += "<h3>RAG history</h3>\n"
        out += ragHistory()
        return out
    }

    func region(_ label: String, _ body: String) -> String {
        "<div class=\"scroll\" tabindex=\"0\" role=\"region\" aria-label=\"\(label)\">\(body)</div>\n"
    }

    // MARK: Milestone trend analysis

    func milestoneTrend() -> String {
        guard !trend.milestones.isEmpty else { return "<p>No version of the plan has milestones.</p>\n" }
        let height = 320
        var dates = trend.points.flatMap { $0.milestones.map(\.date.ordinal) }
        dates += [first, last]
        let low = dates.min() ?? first
        // Whole days between the grid lines, evenly spaced.
        let high = low + 4 * max(((dates.max() ?? last) - low + 3) / 4, 1)
        let x = Scale(low: Double(first), high: Double(last), from: Double(Self.left), to: Double(Self.width - Self.right))
        let y = Scale(low: Double(low), high: Double(high), from: Double(height - Self.bottom), to: Double(Self.top))
        var svg = open("tc mta", height: height,
                       label: "Milestone trend analysis: each milestone's forecast date (up) at each report date (across); the diagonal is where the forecast equals the report date. The table below has the same dates.")
        svg += axes(x: x, y: y, height: height, yText: { DayText.long(Day(ordinal: Int($0.rounded()))) }, yIsDate: true)
        // The diagonal: a milestone whose line reaches it is due on that report's day.
        let from = max(first, low), to = min(last, high)
        if from < to {
            svg += "<line class=\"diag\" x1=\"\(x(from))\" y1=\"\(y(from))\" x2=\"\(x(to))\" y2=\"\(y(to))\"/>"
            // Along the line, just below it: the side where only reached milestones can be.
            let (x1, y1, x2, y2) = (x(from), y(from), x(to), y(to))
            let angle = Int((atan2(Double(y2 - y1), Double(x2 - x1)) * 180 / Double.pi).rounded())
            svg += "<text class=\"diagt\" transform=\"translate(\((x1 + x2) / 2),\((y1 + y2) / 2)) rotate(\(angle))\" y=\"14\" text-anchor=\"middle\">forecast = report date</text>"
        }
        for (offset, milestone) in trend.milestones.enumerated() {
            let samples = trend.points.compactMap { point in
                point.milestones.first { $0.id == milestone.id }.map { (point.reportDate, $0) }
            }
            guard let lastSample = samples.last else { continue }
            svg += "<g class=\"ln s\(offset % 8)\">"
            if samples.count > 1 {
                svg += "<polyline points=\"" + samples.map { "\(x($0.0.ordinal)),\(y($0.1.date.ordinal))" }.joined(separator: " ") + "\"/>"
            }
            for (report, forecast) in samples {
                svg += "<circle cx=\"\(x(report.ordinal))\" cy=\"\(y(forecast.date.ordinal))\" r=\"3\"><title>"
                    + HTML.escape("M\(offset + 1) \(milestone.title): \(forecast.reached ? "reached" : "forecast") \(DayText.long(forecast.date)) (report of \(DayText.long(report)))")
                    + "</title></circle>"
            }
            svg += "<text x=\"\(x(lastSample.0.ordinal) + 6)\" y=\"\(y(lastSample.1.date.ordinal) + 4)\">M\(offset + 1)</text></g>"
        }
        svg += "</svg>"
        var out = region("Milestone trend chart", svg)
        out += "<ol class=\"mta-legend\">"
        for (offset, milestone) in trend.milestones.enumerated() {
            out += "<li><span class=\"sw s\(offset % 8)\" aria-hidden=\"true\"></span>M\(offset + 1) \(HTML.escape(milestone.title)) <span class=\"muted\">\(HTML.escape(milestone.id))</span></li>"
        }
        out += "</ol>\n"
        // The same dates as a table: report dates down, milestones across.
        out += "<details class=\"trend-table\"><summary>The milestone trend as a table</summary>"
        var table = "<table class=\"mta\"><thead><tr><th scope=\"col\">Report</th>"
        for offset in trend.milestones.indices {
            table += "<th scope=\"col\"><abbr title=\"\(HTML.escape(trend.milestones[offset].title))\">M\(offset + 1)</abbr></th>"
        }
        table += "</tr></thead><tbody>"
        for point in trend.points {
            table += "<tr><th scope=\"row\">\(reportText(point))</th>"
            for milestone in trend.milestones {
                if let forecast = point.milestones.first(where: { $0.id == milestone.id }) {
                    table += "<td>\(DayText.long(forecast.date))\(forecast.reached ? " ✓" : "")</td>"
                } else {
                    table += "<td>—</td>"
                }
            }
            table += "</tr>"
        }
        table += "</tbody></table>"
        out += region("Milestone trend table", table).dropLast() + "</details>\n"
        return out
    }

    // MARK: Forecast finish, cost, burn-up

    func finishChart() -> String {
        let samples = trend.points.compactMap { point in point.forecastFinish.map { (point.reportDate.ordinal, Double($0.ordinal)) } }
        let deadline = trend.points.last?.deadline.map { Double($0.ordinal) }
        return lineChart(kind: "finish", label: "Forecast finish at each report date" + (deadline == nil ? "" : ", against the deadline (dashed)") + "; the table below lists them.",
                         series: [("s0", "forecast finish", samples)], reference: deadline.map { ($0, "deadline") }, fromZero: false,
                         yText: { DayText.long(Day(ordinal: Int($0.rounded()))) }, yIsDate: true)
    }

    func costChart() -> String {
        let currency = trend.points.last?.currency
        let samples = trend.points.map { ($0.reportDate.ordinal, $0.costAtCompletion) }
        let budget = trend.points.last?.budget
        return lineChart(kind: "cost", label: "Cost at completion at each report date" + (budget == nil ? "" : ", against the budget (dashed)") + "; the table below lists them.",
                         series: [("s1", "cost at completion", samples)], reference: budget.map { ($0, "budget") }, fromZero: false,
                         yText: { NumberText.money($0, currency: currency) }, yIsDate: false)
    }

    func burnUp() -> String {
        let total = trend.points.map { ($0.reportDate.ordinal, $0.totalEffortDays) }
        let done = trend.points.map { ($0.reportDate.ordinal, $0.doneEffortDays) }
        var svg = lineChart(kind: "burnup", label: "Burn-up: effort done and the whole scope in person-days at each report date; a rising scope line is scope growth. The table below lists them.",
                            series: [("scope", "scope", total), ("done", "done", done)], reference: nil, fromZero: true,
                            yText: { NumberText.decimal($0) + "d" }, yIsDate: false)
        svg += "<p class=\"legend trend-legend\" aria-hidden=\"true\"><span><span class=\"sw scope\"></span> scope (total effort)</span> <span><span class=\"sw done\"></span> done</span></p>"
        return svg
    }

    /// A line chart over the report dates; `reference` is a dashed horizontal line (deadline, budget).
    func lineChart(kind: String, label: String, series: [(cls: String, name: String, points: [(Int, Double)])],
                   reference: (Double, String)?, fromZero: Bool, yText: (Double) -> String, yIsDate: Bool) -> String {
        let height = 200
        var values = series.flatMap { $0.points.map(\.1) }
        if let reference { values.append(reference.0) }
        var low = values.min() ?? 0, high = values.max() ?? 1
        if fromZero { low = min(low, 0) }
        if high <= low { high = low + (yIsDate ? 4 : 1) }
        if yIsDate {
            // Whole days, evenly spaced.
            let step = max((high - low) / 4, 1).rounded(.up)
            high = low + 4 * step
        } else {
            // Round numbers on the axis: a step of 1, 2, 2.5 or 5 times a power of ten.
            let step = Self.niceStep((high - low) / 4)
            low = (low / step).rounded(.down) * step
            high = max((high / step).rounded(.up) * step, low + 4 * step)
            high = low + ((high - low) / step / 4).rounded(.up) * 4 * step
        }
        let x = Scale(low: Double(first), high: Double(last), from: Double(Self.left), to: Double(Self.width - Self.right))
        let y = Scale(low: low, high: high, from: Double(height - Self.bottom), to: Double(Self.top))
        var svg = open("tc \(kind)", height: height, label: label)
        svg += axes(x: x, y: y, height: height, yText: yText, yIsDate: yIsDate)
        if let reference {
            svg += "<line class=\"ref\" x1=\"\(Self.left)\" y1=\"\(y(reference.0))\" x2=\"\(Self.width - Self.right)\" y2=\"\(y(reference.0))\"/>"
            svg += "<text class=\"reft\" x=\"\(Self.width - Self.right + 4)\" y=\"\(y(reference.0) + 4)\">\(reference.1)</text>"
        }
        for line in series where !line.points.isEmpty {
            svg += "<g class=\"ln \(line.cls)\">"
            if line.points.count > 1 {
                svg += "<polyline points=\"" + line.points.map { "\(x($0.0)),\(y($0.1))" }.joined(separator: " ") + "\"/>"
            }
            for point in line.points {
                svg += "<circle cx=\"\(x(point.0))\" cy=\"\(y(point.1))\" r=\"3\"><title>"
                    + HTML.escape("\(DayText.long(Day(ordinal: point.0))): \(line.name) \(yText(point.1))") + "</title></circle>"
            }
            svg += "</g>"
        }
        return svg + "</svg>"
    }

    func versionTable() -> String {
        var table = "<table class=\"trend-versions\"><thead><tr><th scope=\"col\">Report</th><th scope=\"col\">Version</th><th scope=\"col\">Health</th><th scope=\"col\">Forecast finish</th><th scope=\"col\">Cost at completion</th><th scope=\"col\">Done</th><th scope=\"col\">Scope</th></tr></thead><tbody>"
        for point in trend.points {
            table += "<tr><th scope=\"row\">\(reportText(point))</th><td><code>\(HTML.escape(point.version))</code>"
            if !point.subject.isEmpty { table += " <span class=\"muted\">\(HTML.escape(point.subject))</span>" }
            table += "</td><td>\(rag(point.health))</td><td>\(DayText.optional(point.forecastFinish))</td>"
            table += "<td>\(HTML.escape(NumberText.money(point.costAtCompletion, currency: point.currency)))</td>"
            table += "<td>\(NumberText.decimal(point.doneEffortDays))d</td><td>\(NumberText.decimal(point.totalEffortDays))d</td></tr>"
        }
        table += "</tbody></table>"
        return "<details class=\"trend-table\"><summary>Forecast finish, cost and effort per version as a table</summary>"
            + region("Versions table", table).dropLast() + "</details>\n"
    }

    func ragHistory() -> String {
        guard !trend.journal.isEmpty else { return "<p>The journal has no entries yet.</p>\n" }
        var table = "<table class=\"rag-history stack\"><thead><tr><th scope=\"col\">Date</th><th scope=\"col\">Overall</th>"
        for dimension in HealthDimension.allCases { table += "<th scope=\"col\">\(dimension.name)</th>" }
        table += "<th scope=\"col\">Headline</th></tr></thead><tbody>"
        for entry in trend.journal {
            table += "<tr><th scope=\"row\"><time datetime=\"\(entry.date.iso)\">\(DayText.long(entry.date))</time></th>"
            table += "<td data-label=\"Overall\">\(entry.rating.map(rag) ?? "—")</td>"
            for dimension in HealthDimension.allCases {
                table += "<td data-label=\"\(dimension.name)\">\(entry.ratings.first { $0.dimension == dimension }.map { rag($0.rating) } ?? "—")</td>"
            }
            table += "<td data-label=\"Headline\">\(HTML.escape(entry.headline))</td></tr>"
        }
        return region("RAG history table", table + "</tbody></table>")
    }

    // MARK: Drawing

    func reportText(_ point: TrendPoint) -> String {
        "<time datetime=\"\(point.reportDate.iso)\">\(DayText.long(point.reportDate))</time>" + (point.isWorkTree ? " (now)" : "")
    }

    func rag(_ rating: Rating) -> String {
        let view = HealthView(rating.rawValue)
        let word = rating.rawValue.prefix(1).uppercased() + rating.rawValue.dropFirst()
        return "<span class=\"rag \(view.rating)\"><span aria-hidden=\"true\">\(view.symbol)</span> \(word)</span>"
    }

    func open(_ classes: String, height: Int, label: String) -> String {
        "<svg class=\"\(classes)\" width=\"\(Self.width)\" height=\"\(height)\" viewBox=\"0 0 \(Self.width) \(height)\" role=\"img\" aria-label=\"\(HTML.escape(label))\">"
    }

    /// Grid lines and labels: five report dates across, five values up.
    func axes(x: Scale, y: Scale, height: Int, yText: (Double) -> String, yIsDate: Bool) -> String {
        var out = "<g class=\"ax\">"
        let bottom = height - Self.bottom
        for step in 0...4 {
            let value = y.low + (y.high - y.low) * Double(step) / 4
            let shown = yIsDate ? value.rounded() : value
            out += "<line x1=\"\(Self.left)\" y1=\"\(y(shown))\" x2=\"\(Self.width - Self.right)\" y2=\"\(y(shown))\"/>"
            out += "<text x=\"\(Self.left - 6)\" y=\"\(y(shown) + 4)\" text-anchor=\"end\">\(HTML.escape(yText(shown)))</text>"
        }
        let days = x.high - x.low
        let steps = min(4, Int(days))
        var seen = Set<Int>()
        for step in 0...max(steps, 1) {
            let day = Int((x.low + days * Double(step) / Double(max(steps, 1))).rounded())
            guard seen.insert(day).inserted else { continue }
            let anchor = step == 0 ? "start" : step == max(steps, 1) ? "end" : "middle"
            out += "<line x1=\"\(x(day))\" y1=\"\(Self.top)\" x2=\"\(x(day))\" y2=\"\(bottom)\"/>"
            let sameYear = Day(ordinal: first).components.year == Day(ordinal: last).components.year
            let text = sameYear ? DayText.short(Day(ordinal: day)) : DayText.long(Day(ordinal: day))
            out += "<text x=\"\(x(day))\" y=\"\(bottom + 16)\" text-anchor=\"\(anchor)\">\(text)</text>"
        }
        out += "<text class=\"axt\" x=\"\(Self.width - Self.right)\" y=\"\(bottom + 30)\" text-anchor=\"end\">report date</text>"
        return out + "</g>"
    }

    static func niceStep(_ rough: Double) -> Double {
        guard rough > 0, rough.isFinite else { return 1 }
        var power = 1.0
        while power * 10 <= rough { power *= 10 }
        while power > rough { power /= 10 }
        for factor in [1.0, 2, 2.5, 5, 10] where factor * power >= rough { return factor * power }
        return 10 * power
    }

    /// A linear map from values to whole pixels.
    struct Scale {
        var low: Double, high: Double, from: Double, to: Double
        func callAsFunction(_ value: Double) -> Int {
            Int((from + (value - low) / (high - low) * (to - from)).rounded())
        }
        func callAsFunction(_ value: Int) -> Int { callAsFunction(Double(value)) }
    }
}
