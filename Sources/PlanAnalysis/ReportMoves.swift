import PlanModel

/// A date that moved since the last report: a project's finish or one of its milestones, from
/// what the plan forecast on the report's day to today's forecast, and the change in the plan
/// that most likely moved it.
public struct ReportMove: Sendable, Hashable {
    /// Why, from the plan's changes: a task on the date's driving chain (`Schedule.drivingChain`)
    /// whose estimate changed, that was added, or that went to other people.
    public enum Cause: Sendable, Hashable {
        case effort(task: Int, from: Double, to: Double)
        case added(task: Int)
        case reassigned(task: Int, to: [String])
    }
    /// The milestone (an index into the current `Plan.tasks`); nil for the project's finish.
    public var task: Int?
    public var from: Day
    public var to: Day
    /// Working days of the project calendar, positive when later.
    public var workingDays: Int
    public var cause: Cause?
    public init(task: Int?, from: Day, to: Day, workingDays: Int, cause: Cause?) {
        self.task = task; self.from = from; self.to = to; self.workingDays = workingDays; self.cause = cause
    }
}

/// What changed since the last report, per project: the moves, and the tasks added and removed.
public struct SinceLastReport: Sendable {
    /// The report compared with: its day (the latest journal entry before today, or `--since`),
    /// as written, and the commit that held the plan then.
    public var reference: String
    public var commit: String
    public var day: Day
    /// Parallel to the current `Plan.projects`; nil for a project the old version did not have.
    public var projects: [ProjectMoves?]

    public struct ProjectMoves: Sendable {
        /// The finish first (when it moved), then milestones by today's date.
        public var moves: [ReportMove]
        public var added: [Int]
        public var removed: [String]
        public init(moves: [ReportMove], added: [Int], removed: [String]) {
            self.moves = moves; self.added = added; self.removed = removed
        }
    }

    public init(reference: String, commit: String, day: Day, projects: [ProjectMoves?]) {
        self.reference = reference; self.commit = commit; self.day = day; self.projects = projects
    }

    /// The moves of `changes` (old version: the plan at the report, new: today's) in the current
    /// plan's terms, each with its cause.
    public static func moves(_ changes: PlanChanges, plan: Plan, schedule: Schedule) -> [ProjectMoves?] {
        plan.projects.indices.map { projectIndex -> ProjectMoves? in
            let project = plan.projects[projectIndex]
            guard let change = changes.projects.first(where: { $0.id == project.id }), change.kind != .added else { return nil }
            let range = project.taskRange.clamped(to: plan.tasks.indices)
            var byID: [String: Int] = [:]
            for index in range where byID[plan.tasks[index].id] == nil { byID[plan.tasks[index].id] = index }
            let calendar = WorkingCalendar(plan: plan, calendarIndex: project.calendarIndex)
            func signed(_ from: Day, _ to: Day) -> Int {
                to >= from ? calendar.workingDays(after: from, through: to) : -calendar.workingDays(after: to, through: from)
            }
            let efforts = Dictionary(change.taskAmounts.compactMap { amount in byID[amount.task.id].map { ($0, amount.effortDays) } },
                                     uniquingKeysWith: { first, _ in first })
            let added = Set(change.added.compactMap { byID[$0.id] })
            let reassigned = Dictionary(change.reassigned.compactMap { item in byID[item.task.id].map { ($0, item.to.map(\.id)) } },
                                        uniquingKeysWith: { first, _ in first })
            // The cause on the chain that drives `task`: the largest estimate change, else an added
            // task, else one that went to other people; nearest to the date first on ties.
            func cause(driving task: Int) -> ReportMove.Cause? {
                let chain = schedule.drivingChain(of: task).reversed()
                if let grown = chain.filter({ efforts[$0]?.changed == true })
                    .max(by: { abs(efforts[$0]!.delta) < abs(efforts[$1]!.delta) }), let amount = efforts[grown] {
                    return .effort(task: grown, from: amount.from, to: amount.to)
                }
                if let new = chain.first(where: { added.contains($0) }) { return .added(task: new) }
                if let moved = chain.first(where: { reassigned[$0] != nil }) { return .reassigned(task: moved, to: reassigned[moved] ?? []) }
                return nil
            }
            var finish: [ReportMove] = []
            if change.finish.moved, let from = change.finish.from, let to = change.finish.to {
                // The finish is driven by the last task to end on it.
                let last = range.filter { schedule.tasks.indices.contains($0) && schedule.tasks[$0].finish == to }.last
                finish.append(ReportMove(task: nil, from: from, to: to, workingDays: signed(from, to), cause: last.flatMap(cause(driving:))))
            }
            var milestones: [ReportMove] = []
            for milestone in change.milestones {
                guard let index = byID[milestone.task.id], let from = milestone.move.from, let to = milestone.move.to else { continue }
                milestones.append(ReportMove(task: index, from: from, to: to, workingDays: signed(from, to), cause: cause(driving: index)))
            }
            milestones.sort { ($0.to, $0.task ?? -1) < ($1.to, $1.task ?? -1) }
            return ProjectMoves(moves: finish + milestones, added: change.added.compactMap { byID[$0.id] }, removed: change.removed.map(\.title))
        }
    }
}
