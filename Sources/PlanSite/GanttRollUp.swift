import PlanAnalysis
import PlanModel
import PlanReports

/// The schedule section of a project page: a roll-up chart with one row per work package first,
/// then each package's own chart, folded. A large project keeps the page light by listing its
/// packages with links into the task table instead of drawing their charts (issue 11, "Large
/// plans"): the task table holds every row's dates as text.
extension GanttChart {
    /// Projects with more rows than this (tasks, packages and milestones) leave the per-package
    /// charts off the project page: at about 500 bytes a row they would make it a download.
    static let detailRowLimit = 500

    /// One roll-up row: a work package with its subtree, or a run of tasks outside packages.
    struct RollUpRow {
        var group: Group
        var start: Day
        var finish: Day
        var progress: Double
        var critical: Bool
        var late: Bool
        var blocked: Bool
        /// `late`: open late work in the group; `blocked`: a blocked task in it.
        /// Milestones in the group (not cancelled), drawn as diamonds on the row.
        var milestones: [Int]
    }

    func rollUpRows(today: Day) -> [RollUpRow] {
        groups().map { group in
            var start = schedule.tasks[group.rows.lowerBound].start
            var finish = schedule.tasks[group.rows.lowerBound].finish
            var critical = false, late = false, blocked = false
            var milestones: [Int] = []
            for index in group.rows {
                let task = plan.tasks[index]
                let entry = schedule.tasks[index]
                start = min(start, entry.start)
                finish = max(finish, entry.finish)
                // Leaves only: a package's own flags are those of its work.
                guard task.children.isEmpty, task.state != .cancelled else { continue }
                if entry.isCritical { critical = true }
                // Open late work: what finished late is history (the late list's "Finished late").
                if task.state != .done, Analyzer.isLate(task, entry, today: today) { late = true }
                if task.state == .blocked { blocked = true }
                if task.kind == .milestone { milestones.append(index) }
            }
            return RollUpRow(group: group, start: start, finish: finish, progress: rolledUpProgress(group.rows),
                             critical: critical, late: late, blocked: blocked, milestones: milestones)
        }
    }

    /// The roll-up chart, the per-package charts (or, above `detailRowLimit` rows, the list of
    /// packages linking to their rows in the task table) and nothing else. `taskHref` gives a
    /// task's link in the task table by its index.
    func renderSchedule(today: Day, taskHref: (Int) -> String) -> String {
        let rows = plan.projects[projectIndex].taskRange.count
        guard rows > 0 else { return render(today: today) }
        var out = renderRollUp(today: today)
        if rows <= GanttChart.detailRowLimit {
            out += render(today: today)
        } else {
            out += renderPackageIndex(today: today, taskHref: taskHref)
        }
        return out
    }

    /// One chart, one row per work package: a bar from the package's first start to its last
    /// finish with its effort-weighted progress, hatched when it holds critical work, "late work"
    /// or "blocked work" beside it, and its milestones as diamonds on the row. Dependencies are left to
    /// the package charts. Empty when the project has fewer than two groups (the package chart
    /// says it all).
    func renderRollUp(today: Day) -> String {
        let project = plan.projects[projectIndex]
        guard let scale = scale(extra: [today] + (project.deadline.map { [$0] } ?? [])) else { return "" }
        let rows = rollUpRows(today: today)
        guard rows.count > 1 else { return "" }
        let first = rows.map(\.start).min()!
        let last = rows.map(\.finish).max()!
        let anchor = "gantt-rollup"
        let packages = rows.count
        var out = "<details class=\"gantt rollup\" id=\"\(anchor)\" open><summary><span class=\"gname\">All work packages</span> "
        out += "<span class=\"gmeta\">\(NumberText.count(packages, "row")), \(DayText.long(first)) – \(DayText.long(last)), \(NumberText.percent(rolledUpProgress(project.taskRange))) done</span></summary>\n"
        let todayAttribute = today >= scale.origin && today <= scale.axisEnd ? " data-today=\"\(scale.x(today))\"" : ""
        let height = GanttChart.axisHeight + packages * GanttChart.rowHeight + 4
        out += "<div class=\"scroll gs\" tabindex=\"0\" role=\"region\" aria-label=\"Gantt chart: all work packages\" style=\"min-height:\(height)px\"\(todayAttribute)>"

        // Labels: their own SVG, as in the package charts.
        let labelWidth = GanttChart.labelWidth
        out += "<svg class=\"gl\" width=\"\(labelWidth)\" height=\"\(height)\" viewBox=\"0 0 \(labelWidth) \(height)\" preserveAspectRatio=\"xMinYMin slice\" aria-hidden=\"true\">"
        let bands = (0..<packages).filter { $0 % 2 == 1 }.map { "M0 \(GanttChart.axisHeight + $0 * GanttChart.rowHeight)h\(labelWidth)v\(GanttChart.rowHeight)h-\(labelWidth)z" }.joined()
        if !bands.isEmpty { out += "<path class=\"band\" d=\"\(bands)\"/>" }
        for (offset, row) in rows.enumerated() {
            let mid = GanttChart.axisHeight + offset * GanttChart.rowHeight + GanttChart.rowHeight / 2
            out += "<text x=\"6\" y=\"\(mid + 4)\">\(HTML.escape(label(row.group.title, level: 0)))</text>"
        }
        out += "<path class=\"sep\" d=\"M\(labelWidth - 1) 0V\(height)\"/></svg>"

        let width = scale.width
        out += "<svg class=\"gc\" width=\"\(width)\" height=\"\(height)\" viewBox=\"0 0 \(width) \(height)\" role=\"img\" aria-label=\"Gantt chart of all work packages, \(packages) rows, one per package; the task table lists the same dates as text\">"
        out += "<defs><pattern id=\"\(anchor)-h\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate(45)\"><rect class=\"hb\" width=\"6\" height=\"6\"/><line class=\"hl\" x1=\"0\" y1=\"0\" x2=\"0\" y2=\"6\"/></pattern></defs>"
        out += axis(scale: scale, height: height)
        let barBands = (0..<packages).filter { $0 % 2 == 1 }.map { "M0 \(GanttChart.axisHeight + $0 * GanttChart.rowHeight)h\(width)v\(GanttChart.rowHeight)h-\(width)z" }.joined()
        if !barBands.isEmpty { out += "<path class=\"band\" d=\"\(barBands)\"/>" }
        for (offset, row) in rows.enumerated() {
            out += rollUpRow(row, offset: offset, scale: scale, hatch: "\(anchor)-h")
        }
        out += markers(scale: scale, today: today, deadline: project.deadline, bottom: height - 2)
        return out + "</svg></div></details>\n"
    }

    private func rollUpRow(_ row: RollUpRow, offset: Int, scale: Scale, hatch: String) -> String {
        let top = GanttChart.axisHeight + offset * GanttChart.rowHeight
        let mid = top + GanttChart.rowHeight / 2
        var flags: [String] = []
        if row.critical { flags.append("critical") }
        if row.late { flags.append("late work") }
        if row.blocked { flags.append("blocked work") }
        var tip = row.group.title + " — " + DayText.long(row.start) + " – " + DayText.long(row.finish)
        tip += ", " + NumberText.percent(row.progress) + " done"
        if !flags.isEmpty { tip += ", " + flags.joined(separator: ", ") }
        if !row.milestones.isEmpty {
            tip += "\nMilestones: " + row.milestones.map {
                plan.tasks[$0].title + " " + DayText.long(schedule.tasks[$0].finish)
            }.joined(separator: "; ")
        }
        var out = "<g class=\"t\(row.critical ? " c" : "")\(row.late ? " l" : "")\"><title>\(HTML.escape(tip))</title>"
        let x0 = scale.x(row.start)
        let width = max(scale.x(row.finish.adding(days: 1)) - x0, 2)
        let barTop = mid - GanttChart.barHeight / 2
        out += "<rect x=\"\(x0)\" y=\"\(barTop)\" width=\"\(width)\" height=\"\(GanttChart.barHeight)\"\(row.critical ? " fill=\"url(#\(hatch))\"" : "")/>"
        let done = Int((Double(width) * row.progress).rounded())
        if done > 0 { out += "<rect class=\"p\" x=\"\(x0)\" y=\"\(barTop + GanttChart.barHeight / 2 - 2)\" width=\"\(done)\" height=\"4\"/>" }
        if !row.milestones.isEmpty {
            // Smaller diamonds than the package charts': they sit on the bar.
            let diamonds = row.milestones.map { "M\(scale.x(schedule.tasks[$0].finish.adding(days: 1))) \(mid - 6)l6 6l-6 6l-6-6z" }.joined()
            out += "<path class=\"rm\" d=\"\(diamonds)\"/>"
        }
        if row.late || row.blocked {
            // "late work": the package holds late tasks (listed under Late and blocked tasks by
            // their own titles); the package itself has no due date to be late against.
            let marks = [row.late ? "late work" : nil, row.blocked ? "blocked work" : nil].compactMap { $0 }.joined(separator: ", ")
            let end = max(x0 + width, row.milestones.map { scale.x(schedule.tasks[$0].finish.adding(days: 1)) + 6 }.max() ?? 0)
            out += "<text class=\"fl\" x=\"\(end + 4)\" y=\"\(mid + 4)\">\(marks)</text>"
        }
        return out + "</g>"
    }

    /// For a project above `detailRowLimit` rows: every package with its dates and progress in
    /// words, linking to its first row in the task table, where its tasks follow in order.
    func renderPackageIndex(today: Day, taskHref: (Int) -> String) -> String {
        let rows = rollUpRows(today: today)
        let total = plan.projects[projectIndex].taskRange.count
        var out = "<details class=\"gantt packages\" id=\"gantt-packages\"><summary><span class=\"gname\">The tasks of each work package</span> "
        out += "<span class=\"gmeta\">\(NumberText.count(rows.count, "package")) in the task table</span></summary>\n"
        out += "<p>This project has \(NumberText.grouped(Double(total))) rows, more than the \(GanttChart.detailRowLimit) this page draws as charts: "
        out += "each package links to its tasks in the <a href=\"tasks.html\">task table</a>, with their dates, slack, progress and why each starts then.</p>\n"
        out += "<ol class=\"packages\">\n"
        for row in rows {
            let count = row.group.rows.count
            out += "<li><a href=\"\(HTML.escape(taskHref(row.group.rows.lowerBound)))\">\(HTML.escape(row.group.title))</a> "
            out += "<span class=\"muted\">\(DayText.long(row.start)) – \(DayText.long(row.finish)), \(NumberText.percent(row.progress)) done, \(NumberText.count(count, "row"))"
            var flags: [String] = []
            if row.late { flags.append("late work") }
            if row.blocked { flags.append("blocked work") }
            if !flags.isEmpty { out += ", " + flags.joined(separator: ", ") }
            out += "</span></li>\n"
        }
        return out + "</ol></details>\n"
    }
}
