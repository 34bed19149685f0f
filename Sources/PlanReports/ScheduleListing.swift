import PlanAnalysis
import PlanModel

/// `planc schedule`: the engine's result per task, the plain listing other outputs build on.
public enum ScheduleListing {
    /// One row per task in work breakdown order: id (indented by level), start, finish, working
    /// days of total and free slack, and markers for critical and late tasks.
    public static func render(plan: Plan, schedule: Schedule, style: TerminalStyle, project: String? = nil) -> String {
        var out = ""
        for (index, item) in plan.projects.enumerated() where project == nil || item.id == project {
            var table = TextTable(columns: [
                .init("ID"), .init("START"), .init("FINISH"), .init("SLACK", alignRight: true),
                .init("FREE", alignRight: true), .init("CRITICAL"), .init("LATE"),
            ])
            for taskIndex in item.taskRange {
                let task = plan.tasks[taskIndex]
                let timing = schedule.tasks[taskIndex]
                let marker = task.kind == .milestone ? (style.ascii ? "<> " : "◆ ") : task.kind == .summary ? (style.ascii ? "+ " : "▸ ") : ""
                let critical = timing.isCritical && task.state != .done && task.state != .cancelled
                let late = Analyzer.isLate(task, timing, today: schedule.today)
                table.add([
                    .init(String(repeating: "  ", count: task.level) + marker + task.id),
                    .init(timing.start.iso),
                    .init(timing.finish.iso),
                    .init(String(timing.totalSlack)),
                    .init(String(timing.freeSlack)),
                    .init(critical ? "critical" : "", paint: critical ? .red : nil),
                    .init(late ? "late" : "", paint: late ? .boldRed : nil),
                ])
            }
            let finish = schedule.projectFinish[index].map { " — forecast finish \($0.iso)" } ?? ""
            let deadline = item.deadline.map { ", deadline \($0.iso)" } ?? ""
            if !out.isEmpty { out += "\n" }
            out += style.paint("\(item.title) (\(item.id))\(finish)\(deadline)", .bold) + "\n"
            out += table.render(style: style, width: style.width, shrinkOrder: [(0, 12)])
        }
        return out
    }
}
