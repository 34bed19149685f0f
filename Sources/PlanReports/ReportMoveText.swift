import PlanAnalysis
import PlanModel

/// "What changed since the last report" in words, the same in the terminal and on the site:
/// `Go-live moved from 2026-11-06 to 2026-11-11 (+3 working days) because Data cleansing grew
/// from 15 to 20 person-days`. Days are written by `day`, so each output keeps its date style.
public enum ReportMoveText {
    public static func sentence(_ move: ReportMove, plan: Plan, day: (Day) -> String) -> String {
        let parts = parts(move, plan: plan, day: day)
        return parts.name + parts.rest
    }

    /// The sentence as what moved (`Go-live`) and the rest (` moved from … because …`), for
    /// outputs that link the name.
    public static func parts(_ move: ReportMove, plan: Plan, day: (Day) -> String) -> (name: String, rest: String) {
        let name = move.task.map { plan.tasks.indices.contains($0) ? plan.tasks[$0].title : "?" } ?? "The project's finish"
        var rest = " moved from \(day(move.from)) to \(day(move.to)) (\(signed(move.workingDays)))"
        if let cause = move.cause { rest += " because " + because(cause, plan: plan) }
        return (name, rest)
    }

    /// `Data cleansing grew from 15 to 20 person-days`, `SAP regression test was added`,
    /// `Invoice status went to backend, jonas`.
    public static func because(_ cause: ReportMove.Cause, plan: Plan) -> String {
        func title(_ task: Int) -> String { plan.tasks.indices.contains(task) ? plan.tasks[task].title : "?" }
        switch cause {
        case let .effort(task, from, to):
            return "\(title(task)) \(to > from ? "grew" : "shrank") from \(NumberText.decimal(from)) to \(NumberText.decimal(to)) person-days"
        case let .added(task):
            return "\(title(task)) was added"
        case let .reassigned(task, to):
            return "\(title(task)) went to \(to.isEmpty ? "no one" : to.joined(separator: ", "))"
        }
    }

    /// `+3 working days`, `-1 working day`, `±0 working days`.
    public static func signed(_ days: Int) -> String {
        (days > 0 ? "+" : days < 0 ? "-" : "±") + NumberText.count(abs(days), "working day")
    }

    /// `1 task added, 2 removed`, or nil.
    public static func scope(_ moves: SinceLastReport.ProjectMoves) -> String? {
        var parts: [String] = []
        if !moves.added.isEmpty { parts.append(NumberText.count(moves.added.count, "task") + " added") }
        if !moves.removed.isEmpty { parts.append(NumberText.count(moves.removed.count, "task") + " removed") }
        return parts.isEmpty ? nil : parts.joined(separator: ", ")
    }
}
