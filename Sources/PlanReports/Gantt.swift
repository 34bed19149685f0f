import PlanAnalysis
import PlanModel

public struct GanttOptions: Sendable {
    public var scale: GanttScale = .auto
    public var filter = TaskFilter()
    public var style = TerminalStyle()
    /// Write the first predecessor's id beside a bar when there is room.
    public var dependencyHints = true
    public init() {}
}

/// The text Gantt chart: one block per project, one row per task, indented by work breakdown
/// level, with bars on a time axis fitted to the width.
///
/// Everything that colour shows is also shown without it: `!` marks late tasks and missed
/// milestones, `*` critical ones, and the legend under each chart names every symbol.
public enum GanttRenderer {
    struct Glyphs {
        var done, remaining, summary, milestone, todayLine, todayMark, deadlineMark, ruler, clippedLeft, clippedRight: Character
        /// A cancelled task's bar and a cancelled milestone: no work, so neither done nor to do.
        var cancelled, cancelledMilestone: Character
        var arrow: String
        static let unicode = Glyphs(done: "█", remaining: "░", summary: "━", milestone: "◆", todayLine: "│",
                                    todayMark: "▼", deadlineMark: "◇", ruler: "─", clippedLeft: "◂", clippedRight: "▸",
                                    cancelled: "╌", cancelledMilestone: "×", arrow: "→")
        static let ascii = Glyphs(done: "#", remaining: ".", summary: "=", milestone: "o", todayLine: "|",
                                  todayMark: "v", deadlineMark: "D", ruler: "-", clippedLeft: "<", clippedRight: ">",
                                  cancelled: "~", cancelledMilestone: "x", arrow: ">")
    }

    struct Cell { var character: Character; var paint: TerminalStyle.Paint? }

    public static func render(_ context: ReportContext, _ options: GanttOptions) throws(ReportError) -> String {
        let selected = try options.filter.select(context, withContext: true)
        let plan = context.plan
        var byProject: [[Int]] = Array(repeating: [], count: plan.projects.count)
        for index in selected where plan.projects.indices.contains(plan.tasks[index].projectIndex) {
            byProject[plan.tasks[index].projectIndex].append(index)
        }
        var blocks: [String] = []
        for projectIndex in try options.filter.projectIndices(context) {
            blocks.append(renderProject(projectIndex, rows: byProject[projectIndex], context, options))
        }
        if blocks.isEmpty { return "No projects match.\n" }
        return blocks.joined(separator: "\n")
    }

    static func renderProject(_ projectIndex: Int, rows: [Int], _ context: ReportContext, _ options: GanttOptions) -> String {
        let style = options.style
        let glyphs = style.ascii ? Glyphs.ascii : Glyphs.unicode
        let plan = context.plan
        let project = plan.projects[projectIndex]
        let today = context.schedule.today
        var out = ""

        let projectName = style.text(project.title)
        var titleSegments = [projectName + " (\(project.id))"]
        let scheduledRows = rows.filter { context.slot($0) != nil }
        let firstStart = scheduledRows.map { context.slot($0)!.start }.min()
        let lastFinish = scheduledRows.map { context.slot($0)!.finish }.max()
        if let firstStart, let lastFinish {
            titleSegments.append("\(firstStart.iso) \(glyphs.arrow) \(lastFinish.iso)")
        }
        // Deadline and today are named in the legend, beside their marks.
        for (offset, line) in TerminalText.wrap(segments: titleSegments, width: style.width, indent: 2, ascii: style.ascii).enumerated() {
            out += (offset == 0 && line.hasPrefix(projectName)
                    ? style.paint(projectName, .bold) + String(line.dropFirst(projectName.count)) : line) + "\n"
        }

        guard let firstStart, let lastFinish else {
            out += options.filter.narrowsWork || options.filter.workPackage != nil
                ? "  No tasks match the filters.\n" : "  No scheduled tasks.\n"
            return out
        }

        // Window: the selected work, widened to the deadline when it is near, or as asked.
        var windowStart = options.filter.from ?? firstStart
        var windowEnd = options.filter.to ?? lastFinish
        if options.filter.from == nil, options.filter.to == nil, let deadline = project.deadline,
           deadline > windowEnd, deadline - windowEnd <= max((windowEnd - windowStart) / 4, 14) {
            windowEnd = deadline
        }
        if windowEnd < windowStart { swap(&windowStart, &windowEnd) }

        // Columns: marker (3), label, optional dates, chart.
        let minLevel = rows.map { plan.tasks[$0].level }.min() ?? 0
        let naturalLabel = rows.map { 2 * (plan.tasks[$0].level - minLevel) + TerminalText.width(style.text(plan.tasks[$0].title)) }.max() ?? 10
        let showDates = style.width >= 120
        let maxLabel = style.width >= 120 ? 48 : max(16, style.width * 2 / 5 - 2)
        let labelWidth = min(max(naturalLabel, 12), maxLabel)
        let datesWidth = showDates ? 22 : 0
        let chartWidth = max(style.width - 3 - labelWidth - 1 - datesWidth - 1, 8)
        let plannedStart = windowStart
        var axis = TimeAxis(from: windowStart, to: windowEnd, width: chartWidth, scale: options.scale)
        if axis.lastDay < windowEnd, options.filter.from == nil, windowStart < today, today <= windowEnd {
            // The chosen scale cannot show everything: show what lies around today, with a fifth
            // of the chart for the past.
            let shown = axis.lastDay - axis.firstDay
            windowStart = max(windowStart, today.adding(days: -shown / 5))
            axis = TimeAxis(from: windowStart, to: windowEnd, width: chartWidth, scale: options.scale)
        }
        let lead = String(repeating: " ", count: 3 + labelWidth + 1 + datesWidth)

        let (coarse, fine) = axis.headerLines()
        out += lead + coarse.trailingTrimmed + "\n"
        out += lead + fine.trailingTrimmed + "\n"
        let todayColumn = axis.column(of: today)
        let deadlineColumn = project.deadline.flatMap { axis.column(of: $0) }
        var ruler = Array(repeating: Cell(character: glyphs.ruler, paint: .dim), count: axis.columns.count)
        if let deadlineColumn { ruler[deadlineColumn] = Cell(character: glyphs.deadlineMark, paint: .red) }
        if let todayColumn { ruler[todayColumn] = Cell(character: glyphs.todayMark, paint: .cyan) }
        let rulerLead = showDates
            ? String(repeating: " ", count: 3 + labelWidth + 1) + TerminalText.fit("start      finish", datesWidth)
            : lead
        out += rulerLead + draw(ruler, style) + "\n"

        var anyLate = false, anyCritical = false, anyCancelled = false, hints = Set<HintKind>()
        for index in rows {
            let task = plan.tasks[index]
            let slot = context.slot(index)
            let late = context.isLate(index)
            let critical = slot?.isCritical == true
            anyLate = anyLate || late
            anyCancelled = anyCancelled || (task.state == .cancelled && !context.isSummary(index))
            anyCritical = anyCritical || critical
            let marker = (late ? style.paint("!", .boldRed) : " ") + (critical ? style.paint("*", .red) : " ") + " "
            let summary = context.isSummary(index)
            let indent = String(repeating: " ", count: 2 * (task.level - minLevel))
            var label = TerminalText.fit(indent + style.text(task.title), labelWidth, ascii: style.ascii)
            if summary { label = style.paint(label, .bold) } else if task.state == .done || task.state == .cancelled { label = style.paint(label, .dim) }
            var line = marker + label + " "
            if showDates {
                line += slot.map { TerminalText.fit("\($0.start.iso) \($0.finish.iso)", datesWidth) } ?? String(repeating: " ", count: datesWidth)
            }
            var cells = Array(repeating: Cell(character: " ", paint: nil), count: axis.columns.count)
            if let todayColumn { cells[todayColumn] = Cell(character: glyphs.todayLine, paint: .cyan) }
            if let slot {
                if let hinted = drawBar(into: &cells, index: index, slot: slot, summary: summary, late: late,
                                        critical: critical, axis: axis, glyphs: glyphs, context: context, options: options) {
                    hints.insert(hinted)
                }
            }
            out += line + draw(cells, style).trailingTrimmed + "\n"
        }

        var legend = ["\(glyphs.done) done", "\(glyphs.remaining) to do", "\(glyphs.summary) work package",
                      "\(glyphs.milestone) milestone",
                      todayColumn != nil ? "\(glyphs.todayMark) today \(today.iso)" : "today \(today.iso)"]
        if let deadline = project.deadline {
            legend.append(deadlineColumn != nil ? "\(glyphs.deadlineMark) deadline \(deadline.iso)" : "deadline \(deadline.iso)")
        }
        if anyCancelled { legend.append("\(glyphs.cancelled) cancelled") }
        if anyLate { legend.append("! late") }
        if anyCritical { legend.append("* critical") }
        if !hints.isEmpty { legend.append("x\(glyphs.arrow) after x") }
        if hints.contains(.link) { legend.append("SS+2d x: link kind and lag (FS, SS, FF, SF; -1d a lead)") }
        if hints.contains(.resource) { legend.append("waits for @p: a person or pool busy with another task") }
        for line in TerminalText.wrap(segments: legend, width: style.width, indent: 0, ascii: style.ascii) {
            out += style.paint(line, .dim) + "\n"
        }
        if axis.lastDay < windowEnd || axis.firstDay > plannedStart {
            let note = "The chart shows \(max(axis.firstDay, plannedStart).iso) to \(axis.lastDay.iso) of \(plannedStart.iso) to \(windowEnd.iso); use a coarser --scale, --from and --to, or a wider --width."
            for line in TerminalText.wrap(note, width: style.width, indent: 0, ascii: style.ascii) { out += line + "\n" }
        }
        return out
    }

    /// Draws one task's bar (or diamond) and, where there is room, its dependency hint.
    /// Returns the kind of hint written, if one was.
    static func drawBar(into cells: inout [Cell], index: Int, slot: TaskSchedule, summary: Bool, late: Bool,
                        critical: Bool, axis: TimeAxis, glyphs: Glyphs, context: ReportContext, options: GanttOptions) -> HintKind? {
        let task = context.plan.tasks[index]
        let barPaint: TerminalStyle.Paint? = late ? .boldRed : critical ? .red : nil
        var occupied: ClosedRange<Int>?
        if task.state == .cancelled, !summary {
            // Cancelled work is drawn apart from done and to-do work, without dependency hints.
            if task.kind == .milestone {
                if let column = axis.column(of: slot.finish) { cells[column] = Cell(character: glyphs.cancelledMilestone, paint: .dim) }
            } else if let span = axis.columns(from: slot.start, through: max(slot.finish, slot.start)) {
                for column in span { cells[column] = Cell(character: glyphs.cancelled, paint: .dim) }
            }
            return nil
        }
        if task.kind == .milestone {
            if let column = axis.column(of: slot.finish) {
                let paint: TerminalStyle.Paint = late ? .boldRed : task.state == .done ? .green : .magenta
                cells[column] = Cell(character: glyphs.milestone, paint: paint)
                occupied = column...column
            }
        } else if let span = axis.columns(from: slot.start, through: slot.finish) {
            occupied = span
            if summary {
                for column in span { cells[column] = Cell(character: glyphs.summary, paint: .bold) }
            } else {
                // Progress is a share of the whole task, so a bar cut at the chart's edge still fills
                // up to the right day: columns starting before `doneUntil` are done.
                let days = slot.finish - slot.start + 1
                let doneUntil = slot.start.adding(days: Int((context.progress[index] * Double(days)).rounded()))
                for column in span {
                    cells[column] = max(axis.columns[column].first, slot.start) < doneUntil
                        ? Cell(character: glyphs.done, paint: barPaint ?? .green)
                        : Cell(character: glyphs.remaining, paint: barPaint)
                }
            }
            if slot.start < axis.firstDay { cells[span.lowerBound] = Cell(character: glyphs.clippedLeft, paint: .dim) }
            if slot.finish > axis.lastDay { cells[span.upperBound] = Cell(character: glyphs.clippedRight, paint: .dim) }
        }
        // Work wholly before or after the window still has a row: a mark at that edge says where it is.
        if occupied == nil, !cells.isEmpty {
            if slot.finish < axis.firstDay { cells[0] = Cell(character: glyphs.clippedLeft, paint: .dim) }
            if slot.start > axis.lastDay { cells[cells.count - 1] = Cell(character: glyphs.clippedRight, paint: .dim) }
        }
        guard options.dependencyHints, let occupied, let (hint, kind) = hintText(index, context, ascii: options.style.ascii) else { return nil }
        let text = Array(options.style.text(hint) + glyphs.arrow)
        // Left of the bar reads as "after X"; otherwise right of it, never over other marks.
        let leftStart = occupied.lowerBound - text.count - 1
        if leftStart >= 2, (leftStart..<occupied.lowerBound).allSatisfy({ cells[$0].character == " " }) {
            for (offset, character) in text.enumerated() { cells[leftStart + offset] = Cell(character: character, paint: .dim) }
            return kind
        }
        let rightStart = occupied.upperBound + 2
        let rightText = Array(String(glyphs.arrow == "→" ? "←" : "<") + options.style.text(hint))
        if rightStart + rightText.count <= cells.count,
           (rightStart - 1..<rightStart + rightText.count).allSatisfy({ cells[$0].character == " " }) {
            for (offset, character) in rightText.enumerated() { cells[rightStart + offset] = Cell(character: character, paint: .dim) }
            return kind
        }
        return nil
    }

    /// What a hint names: a predecessor (`FS` without lag written as the plain id), a link with
    /// its kind and lag (`SS+2d data-audit`, `FS-1d x`), or a resource that holds the task.
    enum HintKind { case plain, link, resource }

    /// The hint beside a bar: the link or person that sets the task's start when the schedule
    /// explains it, else its first dependency; `,…` when there are more predecessors.
    static func hintText(_ index: Int, _ context: ReportContext, ascii: Bool) -> (String, HintKind)? {
        let plan = context.plan
        let task = plan.tasks[index]
        func name(_ other: Int) -> String {
            plan.tasks[other].projectIndex == task.projectIndex ? plan.tasks[other].id : context.qualifiedID(other)
        }
        let more = ascii ? ",.." : ",…"
        var link: (predecessor: Int, kind: DependencyKind, lag: Double)?
        switch DateExplanationText(context).explanation(index)?.driver {
        case let .resource(resource, busyWith)? where plan.tasks.indices.contains(busyWith):
            return ("waits for @\(Figures.resourceID(resource, plan)) (busy with \(name(busyWith)))", .resource)
        case let .predecessor(predecessor, kind, lag)? where plan.tasks.indices.contains(predecessor):
            link = (predecessor, kind, lag)
        default:
            if let first = task.dependencies.first, plan.tasks.indices.contains(first.predecessor) {
                link = (first.predecessor, first.kind, first.lagDays)
            }
        }
        guard let link else { return nil }
        var text = name(link.predecessor)
        if task.dependencies.count > 1 { text += more }
        if link.kind == .finishToStart && link.lag == 0 { return (text, .plain) }
        return (DateExplanationText.linkLabel(link.kind, lagDays: link.lag) + " " + text, .link)
    }

    /// Cells to text, merging runs of the same paint into one escape sequence.
    static func draw(_ cells: [Cell], _ style: TerminalStyle) -> String {
        guard style.color else { return String(cells.map(\.character)) }
        var out = ""
        var run = ""
        var runPaint: TerminalStyle.Paint?
        for cell in cells {
            if cell.paint != runPaint, !run.isEmpty {
                out += style.paint(run, runPaint)
                run = ""
            }
            runPaint = cell.paint
            run.append(cell.character)
        }
        out += style.paint(run, runPaint)
        return out
    }
}

extension String {
    /// Without trailing spaces, so lines never end in blanks (friendlier to diffs and golden files).
    var trailingTrimmed: String {
        var result = self
        while result.last == " " { result.removeLast() }
        return result
    }
}
