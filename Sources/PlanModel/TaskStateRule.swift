/// How far a task's work has come, as the schedule needs it: whether its remaining work is still
/// to be placed from today, is under way, or is behind it.
public enum WorkStage: Sendable {
    case unstarted, inProgress, done, cancelled
}

/// The one rule from what a plan writes about a task's progress (the box, `status:`, a
/// percentage, `started:`, `finished:`, `spent:`) to its state, in two readings of the same facts.
///
/// - `state` is what the plan states, shown in every output: an explicit status wins, then the
///   box, then a percentage or a start date (docs/plan-language.md, "Work breakdown"). Lowering
///   sets `PlanTask.state` with it.
/// - `stage` is what the scheduler acts on. A stated done, cancelled or in-progress task is
///   exactly that; a task stated todo or blocked still counts as under way when its facts show
///   work (a start date, a percentage or effort spent), and as done when it has a finished date
///   and 100 %, so a status that lags behind the facts never schedules done work again.
///
/// Both live here, beside the model, because the front end and the scheduler read them and
/// neither may re-derive them.
public enum TaskStateRule {
    public static func state(status: TaskState?, checkbox: Bool?, percent: Double?, actualStart: Day?) -> TaskState {
        if let status { return status }
        if checkbox == true { return .done }
        // `[ ] … 100%` is a contradiction the front end reports; the box then wins.
        if (percent ?? 0) >= 100, checkbox == nil { return .done }
        if (percent ?? 0) > 0 || actualStart != nil { return .inProgress }
        return .todo
    }

    public static func stage(state: TaskState, percent: Double?, actualStart: Day?, actualFinish: Day?,
                             spentDays: Double?) -> WorkStage {
        switch state {
        case .cancelled: return .cancelled
        case .done: return .done
        case .inProgress: return .inProgress
        case .todo, .blocked:
            if actualFinish != nil && (percent ?? 0) >= 100 { return .done }
            if actualStart != nil || (percent ?? 0) > 0 || (spentDays ?? 0) > 0 { return .inProgress }
            return .unstarted
        }
    }
}

extension TaskStateRule {
    /// The state every output shows for each task, parallel to `plan.tasks`: a leaf's own state;
    /// a work package's (or other summary's) rolled up from the leaf tasks beneath it, whatever
    /// its own line says:
    /// - **done** when every leaf is done or cancelled (**cancelled** when all are cancelled);
    /// - else **blocked** when an open leaf is blocked (it needs someone to act);
    /// - else **in progress** when any leaf has started (done, or under way by `stage`);
    /// - else **todo**.
    /// A summary without leaves keeps its own state. Linear in the number of tasks.
    public static func displayedStates(_ plan: Plan) -> [TaskState] {
        var states = plan.tasks.map(\.state)
        var leaves = Array(repeating: 0, count: plan.tasks.count)
        var closed = leaves, cancelled = leaves, blocked = leaves, started = leaves
        // Children follow their parents in work breakdown order, so one backwards pass rolls up.
        for index in plan.tasks.indices.reversed() {
            let task = plan.tasks[index]
            if task.children.isEmpty && task.kind != .summary {
                leaves[index] = 1
                switch task.workStage {
                case .cancelled: closed[index] = 1; cancelled[index] = 1
                case .done: closed[index] = 1; started[index] = 1
                case .inProgress: started[index] = 1; blocked[index] = task.state == .blocked ? 1 : 0
                case .unstarted: blocked[index] = task.state == .blocked ? 1 : 0
                }
            } else if leaves[index] > 0 {
                states[index] = cancelled[index] == leaves[index] ? .cancelled
                    : closed[index] == leaves[index] ? .done
                    : blocked[index] > 0 ? .blocked
                    : started[index] > 0 ? .inProgress : .todo
            }
            if let parent = task.parent, parent < index, parent >= 0 {
                leaves[parent] += leaves[index]; closed[parent] += closed[index]; cancelled[parent] += cancelled[index]
                blocked[parent] += blocked[index]; started[parent] += started[index]
            }
        }
        return states
    }
}

extension PlanTask {
    /// Where the work stands for scheduling, by `TaskStateRule.stage`; computed, so a task built
    /// by hand (tests, benchmarks) reads the same as one lowered from a file.
    public var workStage: WorkStage {
        TaskStateRule.stage(state: state, percent: percentComplete, actualStart: actualStart, actualFinish: actualFinish,
                            spentDays: spentDays)
    }
}
