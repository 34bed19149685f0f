import PlanModel

/// After scheduling: no date may leave `Day.planningWindow`. Written dates are checked where they
/// are written; this catches dates that arithmetic made (long chains of work, a calendar that
/// hardly works), so no report or page ever has to print year 10000 or 0.
enum PlanningWindowCheck {
    /// Tasks named one by one before the rest are counted in a last diagnostic.
    static let maximumReported = 10

    static func check(_ plan: Plan, _ schedule: Schedule) -> [Diagnostic] {
        let window = Day.planningWindow
        var bag = DiagnosticBag()
        var outside: [Int] = []
        for (index, slot) in schedule.tasks.enumerated() where plan.tasks.indices.contains(index) && plan.tasks[index].kind != .summary {
            if !window.contains(slot.start) || !window.contains(slot.finish) { outside.append(index) }
        }
        for index in outside.prefix(maximumReported) {
            let task = plan.tasks[index], slot = schedule.tasks[index]
            let (what, day) = window.contains(slot.start) ? ("finish", slot.finish) : ("start", slot.start)
            bag.report(.beyondPlanningWindow,
                       "'\(task.title)' would \(what) on \(day), outside the planning window \(window.lowerBound) to \(window.upperBound)",
                       at: task.range, hint: "check the estimates, dates and calendars on its path; the schedule is not used")
        }
        if outside.count > maximumReported {
            let more = outside.count - maximumReported
            bag.report(.beyondPlanningWindow, "\(more) more \(more == 1 ? "task falls" : "tasks fall") outside the planning window",
                       at: plan.tasks[outside[maximumReported]].range, hint: "fix the tasks above first; these follow from them")
        }
        return bag.items
    }
}
