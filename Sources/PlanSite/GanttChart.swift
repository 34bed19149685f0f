import PlanAnalysis
import PlanModel
import PlanReports

/// The Gantt chart of one project as inline SVG: one chart per top-level work package, each in
/// its own `<details>`, on a time scale shared by the whole project so the charts line up.
///
/// Weight matters (a plan of 500 tasks must stay a page, not a download): rows use short class
/// names styled by the stylesheet, integer coordinates and one `<title>` per row for the tooltip.
struct GanttChart {
    let plan: Plan
    let schedule: Schedule
    let projectIndex: Int
    /// Open every package's chart when the project is this small or smaller; larger projects open
    /// only the packages that span today.
    var openAllUpTo = 150
    /// Against a baseline: each task's baseline dates (parallel to `plan.tasks`, nil for a task the
    /// baseline lacks), drawn as a thin bar under the task's bar (a hollow diamond for a milestone).
    var baseline: [TaskVariance?]?

    /// The row labels are a chart of their own beside the bars (`svg.gl`), which the stylesheet
    /// keeps in view while the bars scroll and narrows on a phone.
    static let labelWidth = 250
    static let rowHeight = 22
    /// Three lines: months, week numbers, then the "today" and "deadline" labels, so no two meet.
    static let axisHeight = 48
    static let barHeight = 12
    static let markerLabelY = 42

    /// The time window and scale shared by every chart of the project.
    struct Scale {
        var origin: Day
        /// The last day of the work (and of today or the deadline when near it), end of its week.
        var end: Day
        var pixelsPerDay: Double
        /// The last day the axis shows: `end`, extended to the deadline and to the end of its month
        /// so the last month's label has its room.
        var axisEnd: Day

        init(origin: Day, end: Day, pixelsPerDay: Double, deadline: Day? = nil) {
            self.origin = origin
            self.end = end
            self.pixelsPerDay = pixelsPerDay
            var last = max(end, deadline ?? end)
            let (year, month, _) = last.components
            last = Day(year: year, month: month, day: Day.daysIn(month: month, year: year)) ?? last
            axisEnd = last
        }

        func x(_ day: Day) -> Int { Int((Double(day - origin) * pixelsPerDay).rounded()) }
        var width: Int { x(axisEnd.adding(days: 1)) + 8 }
    }

    func scale(extra days: [Day]) -> Scale? {
        let range = plan.projects[projectIndex].taskRange
        var first: Day?
        var last: Day?
        for index in range {
            let entry = schedule.tasks[index]
            first = first.map { min($0, entry.start) } ?? entry.start
            last = last.map { max($0, entry.finish) } ?? entry.finish
        }
        guard var origin = first, var end = last else { return nil }
        // Today and the deadline are drawn when they are near the work, not when the plan is
        // years away from them (a finished project viewed a year later).
        let span = max(end - origin, 14)
        for day in days where day >= origin.adding(days: -span / 4) && day <= end.adding(days: span / 4) {
            origin = min(origin, day)
            end = max(end, day)
        }
        origin = DayText.weekStart(origin)
        end = DayText.weekStart(end).adding(days: 6)
        let deadline = plan.projects[projectIndex].deadline.flatMap { $0 > end ? $0 : nil }
        var scale = Scale(origin: origin, end: end, pixelsPerDay: 1, deadline: deadline)
        // The whole axis (to the deadline and the end of its last month) fits a desktop page.
        scale.pixelsPerDay = min(24, max(1.5, 940 / Double(scale.axisEnd - origin + 1)))
        return scale
    }

    /// Groups of consecutive rows: each top-level work package with its subtree, and each run of
    /// top-level tasks between packages.
    struct Group {
        var title: String
        var anchor: String
        var rows: Range<Int>
    }

    func groups() -> [Group] {
        let range = plan.projects[projectIndex].taskRange
        var result: [Group] = []
        var index = range.lowerBound
        var looseRun = 0
        while index < range.upperBound {
            var end = index + 1
            let task = plan.tasks[index]
            if task.children.isEmpty {
                while end < range.upperBound, plan.tasks[end].level == 0, plan.tasks[end].children.isEmpty { end += 1 }
                looseRun += 1
                result.append(Group(title: looseRun == 1 ? "Tasks outside work packages" : "More tasks outside work packages",
                                    anchor: "gantt-tasks-\(looseRun)", rows: index..<end))
            } else {
                while end < range.upperBound, plan.tasks[end].level > 0 { end += 1 }
                result.append(Group(title: task.title, anchor: HTML.anchor("gantt-", task.id), rows: index..<end))
            }
            index = end
        }
        return result
    }

    func render(today: Day) -> String {
        let project = plan.projects[projectIndex]
        guard let scale = scale(extra: [today] + (project.deadline.map { [$0] } ?? [])) else {
            return "<p>No tasks are scheduled yet.</p>"
        }
        let open = project.taskRange.count <= openAllUpTo
        var out = ""
        for group in groups() {
            let entries = group.rows.map { schedule.tasks[$0] }
            let first = entries.map(\.start).min()!
            let last = entries.map(\.finish).max()!
            let tasks = group.rows.count
            // In a large project only the packages at work today start unfolded.
            let unfolded = open || (first <= today && today <= last)
            out += "<details class=\"gantt\" id=\"\(group.anchor)\"\(unfolded ? " open" : "")><summary><span class=\"gname\">\(HTML.escape(group.title))</span> "
            out += "<span class=\"gmeta\">\(tasks) \(tasks == 1 ? "row" : "rows"), \(DayText.long(first)) – \(DayText.long(last))\(summaryProgress(group.rows))</span></summary>\n"
            // data-today: where the layout's script scrolls the chart to on load (no script: the start).
            let todayAttribute = today >= scale.origin && today <= scale.axisEnd ? " data-today=\"\(scale.x(today))\"" : ""
            // min-height: the chart's height, kept while the browser skips it off screen
            // (`content-visibility: auto` in the stylesheet).
            let height = GanttChart.axisHeight + group.rows.count * GanttChart.rowHeight + 4
            out += "<div class=\"scroll gs\" tabindex=\"0\" role=\"region\" aria-label=\"Gantt chart: \(HTML.escape(group.title))\" style=\"min-height:\(height)px\"\(todayAttribute)>"
            out += labels(group: group)
            out += svg(group: group, scale: scale, today: today, deadline: project.deadline)
            out += "</div></details>\n"
        }
        return out
    }

    private func summaryProgress(_ rows: Range<Int>) -> String {
        let head = plan.tasks[rows.lowerBound]
        guard !head.children.isEmpty else { return "" }
        return ", " + NumberText.percent(rolledUpProgress(rows)) + " done"
    }

    /// Effort-weighted progress of the leaves in `rows` (duration when there is no effort).
    func rolledUpProgress(_ rows: Range<Int>) -> Double {
        var weight = 0.0
        var done = 0.0
        for index in rows where plan.tasks[index].children.isEmpty {
            let task = plan.tasks[index]
            if task.kind == .milestone || task.state == .cancelled { continue }
            let entry = schedule.tasks[index]
            let w = task.effortDays ?? task.durationDays ?? Double(max(entry.finish - entry.start + 1, 1))
            weight += w
            done += w * task.progress
        }
        return weight > 0 ? done / weight : 0
    }

    private func svg(group: Group, scale: Scale, today: Day, deadline: Day?) -> String {
        let width = scale.width
        let height = GanttChart.axisHeight + group.rows.count * GanttChart.rowHeight + 4
        var out = "<svg class=\"gc\" width=\"\(width)\" height=\"\(height)\" viewBox=\"0 0 \(width) \(height)\" role=\"img\" aria-label=\"Gantt chart of \(HTML.escape(group.title)), \(group.rows.count) rows; the task table lists the same dates as text\">"
        out += "<defs><pattern id=\"\(group.anchor)-h\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate(45)\"><rect class=\"hb\" width=\"6\" height=\"6\"/><line class=\"hl\" x1=\"0\" y1=\"0\" x2=\"0\" y2=\"6\"/></pattern>"
        out += "<marker id=\"\(group.anchor)-a\" viewBox=\"0 0 6 6\" refX=\"6\" refY=\"3\" markerWidth=\"6\" markerHeight=\"6\" orient=\"auto\"><path class=\"ah\" d=\"M0 0L6 3L0 6z\"/></marker></defs>"
        out += axis(scale: scale, height: height)
        // Row bands make long rows easy to follow across the chart.
        var bands = ""
        for (offset, _) in group.rows.enumerated() where offset % 2 == 1 {
            bands += "M0 \(GanttChart.axisHeight + offset * GanttChart.rowHeight)h\(width)v\(GanttChart.rowHeight)h-\(width)z"
        }
        if !bands.isEmpty { out += "<path class=\"band\" d=\"\(bands)\"/>" }

        var rowOf: [Int: Int] = [:]
        rowOf.reserveCapacity(group.rows.count)
        for (offset, index) in group.rows.enumerated() { rowOf[index] = offset }

        // Arrows first so bars paint over their ends.
        var links = ""
        var criticalLinks = ""
        var incoming = ""
        for index in group.rows {
            let task = plan.tasks[index]
            for dependency in task.dependencies {
                guard let toRow = rowOf[index] else { continue }
                guard let fromRow = rowOf[dependency.predecessor] else {
                    // The predecessor is in another package's chart: a short arrow from outside
                    // says the bar waits for it; its tooltip names it.
                    incoming += stub(to: index, toRow: toRow, kind: dependency.kind, scale: scale)
                    continue
                }
                let path = arrow(from: dependency.predecessor, fromRow: fromRow, to: index, toRow: toRow,
                                 kind: dependency.kind, scale: scale)
                if schedule.tasks[index].isCritical && schedule.tasks[dependency.predecessor].isCritical {
                    criticalLinks += path
                } else {
                    links += path
                }
            }
        }
        if !links.isEmpty { out += "<path class=\"dep\" marker-end=\"url(#\(group.anchor)-a)\" d=\"\(links)\"/>" }
        if !criticalLinks.isEmpty { out += "<path class=\"dep c\" marker-end=\"url(#\(group.anchor)-a)\" d=\"\(criticalLinks)\"/>" }
        if !incoming.isEmpty { out += "<path class=\"dep in\" marker-end=\"url(#\(group.anchor)-a)\" d=\"\(incoming)\"/>" }

        for (offset, index) in group.rows.enumerated() {
            out += row(index: index, offset: offset, scale: scale, hatch: "\(group.anchor)-h", today: today)
        }

        out += markers(scale: scale, today: today, deadline: deadline, bottom: height - 2)
        out += "</svg>"
        return out
    }

    /// Month labels (and week labels when weeks are wide enough) over light grid lines.
    func axis(scale: Scale, height: Int) -> String {
        var grid = ""
        var labels = ""
        let weekWidth = scale.pixelsPerDay * 7
        var (year, month, _) = scale.origin.components
        // Months, labelled when there is room; every quarter otherwise.
        let monthWidth = scale.pixelsPerDay * 30
        let monthStep = monthWidth >= 56 ? 1 : monthWidth >= 20 ? 3 : 12
        // A month's label needs its width on the axis before the next one starts.
        let labelRoom = Int(GanttChart.textWidth("Sep 2026", size: 11).rounded(.up)) + 6
        while true {
            guard let first = Day(year: year, month: month, day: 1) else { break }
            if first > scale.axisEnd { break }
            let next = first.adding(days: Day.daysIn(month: month, year: year))
            if first >= scale.origin, (month - 1) % monthStep == 0 {
                let x = scale.x(first)
                grid += "M\(x) 0V\(height)"
                let label = monthStep == 12 ? "\(year)" : "\(CalendarNames.monthAbbreviation(month)) \(year)"
                if scale.x(min(next, scale.axisEnd.adding(days: 1))) - x >= labelRoom || monthStep > 1 {
                    labels += "<text x=\"\(x + 3)\" y=\"12\">\(label)</text>"
                }
            } else if first < scale.origin, monthStep == 1, scale.x(next) - scale.x(scale.origin) >= labelRoom {
                labels += "<text x=\"\(scale.x(scale.origin) + 3)\" y=\"12\">\(CalendarNames.monthAbbreviation(month)) \(year)</text>"
            }
            month += 1
            if month > 12 { month = 1; year += 1 }
        }
        if weekWidth >= 34 {
            var monday = scale.origin
            while monday <= scale.axisEnd {
                let x = scale.x(monday)
                grid += "M\(x) 16V\(height)"
                labels += "<text class=\"wk\" x=\"\(x + 2)\" y=\"27\">\(monday.components.day)</text>"
                monday = monday.adding(days: 7)
            }
        }
        return "<path class=\"grid\" d=\"\(grid)\"/><g class=\"ax\">\(labels)</g>"
    }

    private func row(index: Int, offset: Int, scale: Scale, hatch: String, today: Day) -> String {
        let task = plan.tasks[index]
        let entry = schedule.tasks[index]
        let top = GanttChart.axisHeight + offset * GanttChart.rowHeight
        let mid = top + GanttChart.rowHeight / 2
        let isMilestone = task.kind == .milestone
        let isSummary = !task.children.isEmpty
        var classes = isMilestone ? "m" : isSummary ? "s" : "t"
        var flags: [String] = []
        let isLate = Analyzer.isLate(task, entry, today: today)
        let isCancelled = task.state == .cancelled && !isSummary
        if entry.isCritical && !isCancelled { classes += " c"; flags.append("critical") }
        if isLate { classes += " l"; flags.append("late") }
        if task.state == .blocked { flags.append("blocked") }
        if task.state == .done { classes += " d" }
        if isCancelled {
            // Cancelled: no work and no progress, an outline instead of a bar (class `x`).
            classes += " x"
            var tip = task.title + " — cancelled"
            if !isMilestone { tip += ", " + DayText.long(entry.start) + " – " + DayText.long(max(entry.finish, entry.start)) }
            let top = GanttChart.axisHeight + offset * GanttChart.rowHeight
            let mid = top + GanttChart.rowHeight / 2
            var out = "<g class=\"\(classes)\"><title>\(HTML.escape(tip))</title>"
            if isMilestone {
                let x = scale.x(entry.finish.adding(days: 1))
                out += "<path d=\"M\(x) \(mid - 7)l7 7l-7 7l-7-7z\"/>"
            } else {
                let x0 = scale.x(entry.start), x1 = scale.x(max(entry.finish, entry.start).adding(days: 1))
                out += "<rect x=\"\(x0)\" y=\"\(mid - GanttChart.barHeight / 2)\" width=\"\(max(x1 - x0, 2))\" height=\"\(GanttChart.barHeight)\"/>"
            }
            return out + "<text class=\"fx\" x=\"\(scale.x(max(entry.finish, entry.start).adding(days: 1)) + 10)\" y=\"\(mid + 4)\">cancelled</text></g>"
        }

        var tip = task.title + " — "
        tip += isMilestone ? DayText.long(entry.finish) : DayText.long(entry.start) + " – " + DayText.long(entry.finish)
        if isMilestone, let due = task.deadline { tip += ", due " + DayText.long(due) }
        if !isMilestone { tip += ", " + NumberText.percent(isSummary ? rolledUpProgress(index..<(index + 1 + subtreeSize(index))) : task.progress) }
        if !flags.isEmpty { tip += ", " + flags.joined(separator: ", ") }
        // The same words as the task table's Why column and `planc why`.
        let words = DateExplanationText(plan: plan, schedule: schedule)
        if let sentence = words.sentence(index) { tip += "\n" + sentence }
        if let blocked = words.blockedNote(task: index) { tip += "\n" + blocked }

        let variance = baseline.flatMap { $0.indices.contains(index) ? $0[index] : nil }
        if let variance {
            tip += "\nbaseline " + (isMilestone ? DayText.long(variance.baselineFinish)
                                               : DayText.long(variance.baselineStart) + " – " + DayText.long(variance.baselineFinish))
            tip += " (" + SiteBuilder.signedWorkingDays(variance.finishVariance) + ")"
        }

        var out = "<g class=\"\(classes)\"><title>\(HTML.escape(tip))</title>"
        let x0 = scale.x(entry.start)
        // The baseline under the bar: where the agreed plan had it (drawn first, so the bar is on top).
        if let variance, variance.baselineFinish >= scale.origin, variance.baselineStart <= scale.axisEnd {
            if isMilestone {
                let x = scale.x(variance.baselineFinish.adding(days: 1))
                out += "<path class=\"blm\" d=\"M\(x) \(mid - 5)l5 5l-5 5l-5-5z\"/>"
            } else if !isSummary {
                let b0 = scale.x(max(variance.baselineStart, scale.origin)), b1 = scale.x(variance.baselineFinish.adding(days: 1))
                out += "<rect class=\"bl\" x=\"\(b0)\" y=\"\(mid + GanttChart.barHeight / 2 + 1)\" width=\"\(max(b1 - b0, 2))\" height=\"3\"/>"
            }
        }
        if isMilestone {
            let x = scale.x(entry.finish.adding(days: 1))
            out += "<path d=\"M\(x) \(mid - 7)l7 7l-7 7l-7-7z\"/>"
            if task.state == .done { out += "<path class=\"ok\" d=\"M\(x - 3) \(mid)l2 3l4-6\"/>" }
            if let due = task.deadline, due >= scale.origin, due <= scale.axisEnd {
                // The due date: a bracket at the end of that day, beside the diamond when on time.
                out += "<path class=\"due\" d=\"M\(scale.x(due.adding(days: 1)) - 3) \(top + 3)h3v\(GanttChart.rowHeight - 6)h-3\"/>"
            }
            if isLate { out += "<text class=\"fl\" x=\"\(x + 10)\" y=\"\(mid + 4)\">late</text>" }
            return out + "</g>"
        }
        let x1 = scale.x(entry.finish.adding(days: 1))
        let width = max(x1 - x0, 2)
        let barTop = isSummary ? mid - 3 : mid - GanttChart.barHeight / 2
        let barHeight = isSummary ? 6 : GanttChart.barHeight
        if entry.isCritical && !isSummary {
            out += "<rect x=\"\(x0)\" y=\"\(barTop)\" width=\"\(width)\" height=\"\(barHeight)\" fill=\"url(#\(hatch))\"/>"
        } else {
            out += "<rect x=\"\(x0)\" y=\"\(barTop)\" width=\"\(width)\" height=\"\(barHeight)\"/>"
        }
        let progress = isSummary ? rolledUpProgress(index..<(index + 1 + subtreeSize(index))) : task.progress
        let done = Int((Double(width) * progress).rounded())
        if done > 0 { out += "<rect class=\"p\" x=\"\(x0)\" y=\"\(barTop + barHeight / 2 - 2)\" width=\"\(done)\" height=\"4\"/>" }
        var marks: [String] = []
        if isLate { marks.append("late") }
        if task.state == .blocked { marks.append("blocked") }
        if !marks.isEmpty { out += "<text class=\"fl\" x=\"\(x0 + width + 4)\" y=\"\(mid + 4)\">\(marks.joined(separator: ", "))</text>" }
        return out + "</g>"
    }

    /// The row labels of one chart: their own SVG, kept in view while the bars scroll sideways.
    private func labels(group: Group) -> String {
        let height = GanttChart.axisHeight + group.rows.count * GanttChart.rowHeight + 4
        let width = GanttChart.labelWidth
        // `slice`: a narrower box (phones) crops the labels instead of shrinking their text.
        var out = "<svg class=\"gl\" width=\"\(width)\" height=\"\(height)\" viewBox=\"0 0 \(width) \(height)\" preserveAspectRatio=\"xMinYMin slice\" aria-hidden=\"true\">"
        var bands = ""
        for (offset, _) in group.rows.enumerated() where offset % 2 == 1 {
            bands += "M0 \(GanttChart.axisHeight + offset * GanttChart.rowHeight)h\(width)v\(GanttChart.rowHeight)h-\(width)z"
        }
        if !bands.isEmpty { out += "<path class=\"band\" d=\"\(bands)\"/>" }
        for (offset, index) in group.rows.enumerated() {
            let task = plan.tasks[index]
            let mid = GanttChart.axisHeight + offset * GanttChart.rowHeight + GanttChart.rowHeight / 2
            let kind = task.state == .cancelled && task.children.isEmpty ? " class=\"x\"" : task.state == .done ? " class=\"d\"" : ""
            out += "<text\(kind) x=\"\(6 + task.level * 12)\" y=\"\(mid + 4)\">\(HTML.escape(label(task.title, level: task.level)))</text>"
        }
        return out + "<path class=\"sep\" d=\"M\(width - 1) 0V\(height)\"/></svg>"
    }

    /// The today and deadline lines, labelled on the axis's third line; when the two are close
    /// the labels turn away from each other so they never overlap.
    func markers(scale: Scale, today: Day, deadline: Day?, bottom: Int) -> String {
        let y = GanttChart.markerLabelY
        let top = y - 10
        let todayX = today >= scale.origin && today <= scale.axisEnd ? scale.x(today) : nil
        let deadlineX = deadline.flatMap { $0 >= scale.origin && $0 <= scale.axisEnd ? scale.x($0.adding(days: 1)) : nil }
        let todayWidth = GanttChart.textWidth("today", size: 12)
        let deadlineWidth = GanttChart.textWidth("deadline", size: 12)
        // By default "deadline" reads leftwards from its line and "today" rightwards; when today
        // is just before the deadline the two turn away from each other.
        var todayLeft = false
        if let t = todayX, let d = deadlineX, t <= d, Double(d - t) < todayWidth + deadlineWidth + 10 { todayLeft = true }
        // Near the chart's left edge a leftward "today" would be cut off: both read rightwards,
        // "deadline" after "today".
        let cramped = todayLeft && Double(todayX ?? 0) < todayWidth + 4
        if cramped { todayLeft = false }
        var out = ""
        var deadlineLabelEnd = Int.min
        if let x = deadlineX {
            let right = todayLeft || cramped || Double(x) < deadlineWidth + 4
            var labelX = right ? x + 3 : x - 3
            if cramped, let t = todayX { labelX = max(labelX, t + 3 + Int(todayWidth.rounded(.up)) + 6) }
            if right { deadlineLabelEnd = labelX + Int(deadlineWidth.rounded(.up)) }
            out += "<path class=\"dl\" d=\"M\(x) \(top)V\(bottom)\"/><text class=\"dlt\" x=\"\(labelX)\" y=\"\(y)\"\(right ? "" : " text-anchor=\"end\"")>deadline</text>"
        }
        if let x = todayX {
            // After a rightward "deadline" label that reaches past today's line, "today" follows it.
            let labelX = todayLeft ? x - 3 : x >= (deadlineX ?? Int.max) ? max(x + 3, deadlineLabelEnd + 6) : x + 3
            out += "<path class=\"td\" d=\"M\(x) \(top)V\(bottom)\"/><text class=\"tdt\" x=\"\(labelX)\" y=\"\(y)\"\(todayLeft ? " text-anchor=\"end\"" : "")>today</text>"
        }
        return out
    }

    /// A generous estimate of a label's width in the system sans-serif (bold capitals and digits
    /// run to about 0.62 em); the layout and the overlap test use the same figure.
    static func textWidth(_ text: String, size: Double) -> Double {
        Double(text.count) * size * 0.62
    }

    /// An arrow into `successor` from a task drawn in another package's chart.
    private func stub(to successor: Int, toRow: Int, kind: DependencyKind, scale: Scale) -> String {
        let s = schedule.tasks[successor]
        let toStart = kind == .finishToStart || kind == .startToStart
        let isMilestone = plan.tasks[successor].kind == .milestone
        let x = isMilestone ? scale.x(s.finish.adding(days: 1)) + (toStart ? -7 : 7)
            : toStart ? scale.x(s.start) : scale.x(s.finish.adding(days: 1))
        let y = GanttChart.axisHeight + toRow * GanttChart.rowHeight + GanttChart.rowHeight / 2
        return toStart ? "M\(max(x - 14, 0)) \(y)H\(x)" : "M\(x + 14) \(y)H\(x)"
    }

    /// Rows below a summary task in the contiguous work breakdown order.
    func subtreeSize(_ index: Int) -> Int {
        let level = plan.tasks[index].level
        let end = plan.projects[projectIndex].taskRange.upperBound
        var next = index + 1
        while next < end, plan.tasks[next].level > level { next += 1 }
        return next - index - 1
    }

    func label(_ title: String, level: Int) -> String {
        let room = max(12, 34 - level * 2)
        guard title.count > room else { return title }
        return String(title.prefix(room - 1)) + "…"
    }

    private func arrow(from predecessor: Int, fromRow: Int, to successor: Int, toRow: Int,
                       kind: DependencyKind, scale: Scale) -> String {
        let p = schedule.tasks[predecessor]
        let s = schedule.tasks[successor]
        let fromEnd = kind == .finishToStart || kind == .finishToFinish
        let toStart = kind == .finishToStart || kind == .startToStart
        // A milestone is a diamond at the end of its day: arrows meet its left or right point.
        let x1 = plan.tasks[predecessor].kind == .milestone ? scale.x(p.finish.adding(days: 1)) + (fromEnd ? 7 : -7)
            : fromEnd ? scale.x(p.finish.adding(days: 1)) : scale.x(p.start)
        let x2 = plan.tasks[successor].kind == .milestone ? scale.x(s.finish.adding(days: 1)) + (toStart ? -7 : 7)
            : toStart ? scale.x(s.start) : scale.x(s.finish.adding(days: 1))
        let y1 = GanttChart.axisHeight + fromRow * GanttChart.rowHeight + GanttChart.rowHeight / 2
        let y2 = GanttChart.axisHeight + toRow * GanttChart.rowHeight + GanttChart.rowHeight / 2
        let stub = fromEnd ? 4 : -4
        let entry = toStart ? x2 - 4 : x2 + 4
        // Down (or up) from a short stub beside the predecessor, then across to the successor.
        return "M\(x1) \(y1)h\(stub)V\(y2 + (y2 > y1 ? -6 : 6))H\(entry)V\(y2)h\(toStart ? 4 : -4)"
    }
}
