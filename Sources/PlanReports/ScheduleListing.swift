import PlanAnalysis
import PlanModel

/// `planc schedule`: the engine's result per task, the plain listing other outputs build on.
public enum ScheduleListing {
    /// One row per task in work breakdown order: id (indented by level), title, people, start,
    /// finish, working days of total and free slack, after a first column that marks late (`!`) and
    /// critical (`*`) tasks;
    /// fitted to the style's width (titles, ids and people cut with `…`).
    /// With `variances` (parallel to `plan.tasks`, from a baseline) a `VAR` column after FINISH
    /// gives the finish variance in working days (`+3`, positive: later than the baseline).
    public static func render(plan: Plan, schedule: Schedule, style: TerminalStyle, project: String? = nil,
                              variances: [TaskVariance?]? = nil) -> String {
        var out = ""
        for (index, item) in plan.projects.enumerated() where project == nil || item.id == project {
            // Late and critical are marks in a first column (`!`, `*`, as in `planc gantt`), so
            // the title keeps the room at 80 columns.
            var columns: [TextTable.Column] = [
                .init(""), .init("ID"), .init("TITLE"), .init("PEOPLE"), .init("START"), .init("FINISH"),
                .init("SLACK", alignRight: true), .init("FREE", alignRight: true),
            ]
            if variances != nil { columns.insert(.init("VAR", alignRight: true), at: 6) }
            var table = TextTable(columns: columns)
            for taskIndex in item.taskRange {
                let task = plan.tasks[taskIndex]
                let timing = schedule.tasks[taskIndex]
                let marker = task.kind == .milestone ? (style.ascii ? "<> " : "◆ ") : task.kind == .summary ? (style.ascii ? "+ " : "▸ ") : ""
                let critical = timing.isCritical && task.state != .done && task.state != .cancelled
                let late = Analyzer.isLate(task, timing, today: schedule.today)
                var cells: [TextTable.Cell] = [
                    .init((late ? "!" : " ") + (critical ? "*" : " "), paint: late ? .boldRed : critical ? .red : nil),
                    .init(String(repeating: "  ", count: task.level) + marker + task.id),
                    .init(style.text(task.title)),
                    .init(task.assignments.map { Figures.resourceID($0.resource, plan) }.joined(separator: " ")),
                    .init(timing.start.iso),
                    .init(timing.finish.iso),
                    .init(String(timing.totalSlack)),
                    .init(String(timing.freeSlack)),
                ]
                if let variances {
                    let variance = variances.indices.contains(taskIndex) ? variances[taskIndex] : nil
                    let text = variance.map { $0.finishVariance > 0 ? "+\($0.finishVariance)" : String($0.finishVariance) } ?? "new"
                    cells.insert(.init(text, paint: (variance?.finishVariance ?? 0) > 0 ? .red : nil), at: 6)
                }
                table.add(cells)
            }
            let finish = schedule.projectFinish[index].map { " — forecast finish \($0.iso)" } ?? ""
            let deadline = item.deadline.map { ", deadline \($0.iso)" } ?? ""
            if !out.isEmpty { out += "\n" }
            out += style.paint("\(item.title) (\(item.id))\(finish)\(deadline)", .bold) + "\n"
            // The title gets the most of the width; ids and people are cut with `…` before it is.
            out += table.render(style: style, width: style.width, share: [
                .init(2, minimum: 10, weight: 2), .init(1, minimum: 10, weight: 1), .init(3, minimum: 6, weight: 1),
            ])
            out += "* critical  ! late" + (variances != nil ? "  VAR finish against the baseline, working days (new: not in it)" : "") + "\n"
        }
        return out
    }
}
