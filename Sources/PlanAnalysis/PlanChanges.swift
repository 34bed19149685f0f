import PlanModel

/// One compiled version of the plan, as a comparison reads it: the model, its schedule and
/// analysis (nil when errors left nothing to schedule) and every diagnostic.
public struct PlanVersion: Sendable {
    public var plan: Plan
    public var schedule: Schedule?
    public var analysis: PortfolioAnalysis?
    public var diagnostics: [Diagnostic]
    public init(plan: Plan, schedule: Schedule?, analysis: PortfolioAnalysis?, diagnostics: [Diagnostic]) {
        self.plan = plan; self.schedule = schedule; self.analysis = analysis; self.diagnostics = diagnostics
    }
}

/// A date before and after a change, and how far it moved in working days of the project's
/// calendar: positive is later (a slip), negative earlier; nil when either side has no date.
public struct DateMove: Sendable, Hashable {
    public var from: Day?
    public var to: Day?
    public var workingDays: Int?
    public init(from: Day?, to: Day?, workingDays: Int?) { self.from = from; self.to = to; self.workingDays = workingDays }
    public var moved: Bool { from != to }
    /// Working days later, 0 when it did not slip (or moved earlier).
    public var slip: Int { max(workingDays ?? 0, 0) }
}

/// A task as a change names it: its id within the project and its title.
public struct TaskReference: Sendable, Hashable {
    public var id: String
    public var title: String
    public init(id: String, title: String) { self.id = id; self.title = title }
}

/// A person or pool on a task, with the units written (a share of a day, or heads).
public struct AssigneeReference: Sendable, Hashable, Comparable {
    public var id: String
    public var units: Double
    public init(id: String, units: Double) { self.id = id; self.units = units }
    public static func < (a: AssigneeReference, b: AssigneeReference) -> Bool { (a.id, a.units) < (b.id, b.units) }
}

/// A number before and after a change (effort in person-days, cost in the project's currency).
public struct AmountChange: Sendable, Hashable {
    public var from: Double
    public var to: Double
    public init(from: Double, to: Double) { self.from = from; self.to = to }
    public var delta: Double { to - from }
    /// Changes under a hundredth are rounding, not changes.
    public var changed: Bool { abs(to - from) >= 0.005 }
}

public struct MilestoneMove: Sendable, Hashable {
    public var task: TaskReference
    public var move: DateMove
    public init(task: TaskReference, move: DateMove) { self.task = task; self.move = move }
}

public struct TaskRename: Sendable, Hashable {
    public var id: String
    public var from: String
    public var to: String
    public init(id: String, from: String, to: String) { self.id = id; self.from = from; self.to = to }
}

public struct TaskReassignment: Sendable, Hashable {
    public var task: TaskReference
    public var from: [AssigneeReference]
    public var to: [AssigneeReference]
    public init(task: TaskReference, from: [AssigneeReference], to: [AssigneeReference]) { self.task = task; self.from = from; self.to = to }
}

/// A task or milestone whose `due:` date was set, moved or dropped: the plan was re-planned, as
/// opposed to a forecast that moved.
public struct TaskDueChange: Sendable, Hashable {
    public var task: TaskReference
    public var from: Day?
    public var to: Day?
    public init(task: TaskReference, from: Day?, to: Day?) { self.task = task; self.from = from; self.to = to }
}

/// A task whose planned effort or planned cost changed (`Analyzer.plannedEffort`, `plannedCost`).
public struct TaskAmountChange: Sendable, Hashable {
    public var task: TaskReference
    public var effortDays: AmountChange
    public var cost: AmountChange
    public init(task: TaskReference, effortDays: AmountChange, cost: AmountChange) { self.task = task; self.effortDays = effortDays; self.cost = cost }
}

/// What changed in one project between two versions of the plan.
public struct ProjectChanges: Sendable {
    public enum Kind: String, Sendable { case added, removed, changed, unchanged }
    public var id: String
    /// The title in the new version (the old one for a removed project).
    public var title: String
    public var kind: Kind
    /// The forecast finish (latest task finish).
    public var finish: DateMove
    /// Milestones in both versions whose date moved (reached, else forecast), in work breakdown order.
    public var milestones: [MilestoneMove]
    public var criticalPathBefore: [TaskReference]
    public var criticalPathAfter: [TaskReference]
    public var criticalPathChanged: Bool { criticalPathBefore.map(\.id) != criticalPathAfter.map(\.id) }
    /// Planned effort in person-days and planned cost of the whole project (the analysis' figures).
    public var effortDays: AmountChange
    public var cost: AmountChange
    public var currency: String?
    /// Tasks in both versions whose effort or cost changed, in work breakdown order of the new version.
    public var taskAmounts: [TaskAmountChange]
    /// In the new version only, in its work breakdown order.
    public var added: [TaskReference]
    /// In the old version only, in its work breakdown order.
    public var removed: [TaskReference]
    public var renamed: [TaskRename]
    public var reassigned: [TaskReassignment]
    /// Tasks in both versions whose due date changed, in work breakdown order.
    public var replanned: [TaskDueChange] = []

    /// The largest slip of the finish or a milestone, in working days (0 when nothing slipped).
    public var largestSlip: Int { ([finish.slip] + milestones.map(\.move.slip)).max() ?? 0 }
}

/// The impact of a plan change, for code review (`planc diff`): per project the finish and
/// milestone moves, the critical path before and after, effort and cost, tasks added, removed,
/// renamed and re-assigned; and the diagnostics the change introduced or fixed.
///
/// Pure and model-level: no git, no Markdown. Projects are matched by id and tasks by project id
/// and task id; every list has a fixed order, so the same two versions always give the same result.
public struct PlanChanges: Sendable {
    /// Projects of the new version in its order, then projects only the old version had.
    public var projects: [ProjectChanges]
    /// Diagnostics of the new version the old one did not have, in source order.
    public var diagnosticsIntroduced: [Diagnostic]
    /// Diagnostics of the old version the new one no longer has, in source order.
    public var diagnosticsFixed: [Diagnostic]

    public var changedProjects: [ProjectChanges] { projects.filter { $0.kind != .unchanged } }
    /// The largest slip of any finish or milestone, in working days.
    public var largestSlip: Int { projects.map(\.largestSlip).max() ?? 0 }
    public var isEmpty: Bool { changedProjects.isEmpty && diagnosticsIntroduced.isEmpty && diagnosticsFixed.isEmpty }

    public init(projects: [ProjectChanges], diagnosticsIntroduced: [Diagnostic], diagnosticsFixed: [Diagnostic]) {
        self.projects = projects; self.diagnosticsIntroduced = diagnosticsIntroduced; self.diagnosticsFixed = diagnosticsFixed
    }

    public static func compare(_ base: PlanVersion, _ head: PlanVersion) -> PlanChanges {
        let old = VersionIndex(base), new = VersionIndex(head)
        var projects: [ProjectChanges] = []
        for index in head.plan.projects.indices {
            projects.append(compareProject(id: head.plan.projects[index].id, old, new))
        }
        for index in base.plan.projects.indices where new.projectIndex[base.plan.projects[index].id] == nil {
            projects.append(compareProject(id: base.plan.projects[index].id, old, new))
        }
        let (introduced, fixed) = compareDiagnostics(base.diagnostics, head.diagnostics)
        return PlanChanges(projects: projects, diagnosticsIntroduced: introduced, diagnosticsFixed: fixed)
    }

    // MARK: Projects

    private static func compareProject(id: String, _ old: VersionIndex, _ new: VersionIndex) -> ProjectChanges {
        let oldIndex = old.projectIndex[id], newIndex = new.projectIndex[id]
        // Moves are counted on the new version's calendar (the old one's for a removed project).
        let calendar = newIndex.map { new.calendar($0) } ?? oldIndex.map { old.calendar($0) } ?? .standard
        func move(_ from: Day?, _ to: Day?) -> DateMove {
            DateMove(from: from, to: to, workingDays: from.flatMap { f in to.map { calendar.workingDays(after: f, through: $0) } })
        }
        let title = newIndex.map { new.version.plan.projects[$0].title } ?? oldIndex.map { old.version.plan.projects[$0].title } ?? id
        let oldTasks = oldIndex.map { old.tasks(of: $0) } ?? []
        let newTasks = newIndex.map { new.tasks(of: $0) } ?? []
        let oldByID = Dictionary(oldTasks.map { (old.version.plan.tasks[$0].id, $0) }, uniquingKeysWith: { first, _ in first })
        let newByID = Dictionary(newTasks.map { (new.version.plan.tasks[$0].id, $0) }, uniquingKeysWith: { first, _ in first })

        var milestones: [MilestoneMove] = [], amounts: [TaskAmountChange] = [], renamed: [TaskRename] = []
        var reassigned: [TaskReassignment] = [], added: [TaskReference] = [], replanned: [TaskDueChange] = []
        for n in newTasks {
            let task = new.version.plan.tasks[n]
            guard let o = oldByID[task.id] else { added.append(new.reference(n)); continue }
            let before = old.version.plan.tasks[o]
            if before.title != task.title { renamed.append(TaskRename(id: task.id, from: before.title, to: task.title)) }
            let from = old.assignees(o), to = new.assignees(n)
            if from != to { reassigned.append(TaskReassignment(task: new.reference(n), from: from, to: to)) }
            if before.deadline != task.deadline {
                replanned.append(TaskDueChange(task: new.reference(n), from: before.deadline, to: task.deadline))
            }
            if before.kind == .milestone, task.kind == .milestone {
                let dates = move(old.milestoneDate(o), new.milestoneDate(n))
                if dates.moved { milestones.append(MilestoneMove(task: new.reference(n), move: dates)) }
            }
            if Analyzer.isLeaf(task) || Analyzer.isLeaf(before) {
                let effort = AmountChange(from: old.effort(o), to: new.effort(n))
                let cost = AmountChange(from: old.cost(o), to: new.cost(n))
                if effort.changed || cost.changed { amounts.append(TaskAmountChange(task: new.reference(n), effortDays: effort, cost: cost)) }
            }
        }
        let removed = oldTasks.filter { newByID[old.version.plan.tasks[$0].id] == nil }.map { old.reference($0) }

        let oldAnalysis = oldIndex.flatMap { old.analysis($0) }, newAnalysis = newIndex.flatMap { new.analysis($0) }
        var changes = ProjectChanges(
            id: id, title: title, kind: .unchanged,
            finish: move(oldIndex.flatMap { old.finish($0) }, newIndex.flatMap { new.finish($0) }),
            milestones: milestones,
            criticalPathBefore: oldIndex.map { old.criticalPath($0) } ?? [],
            criticalPathAfter: newIndex.map { new.criticalPath($0) } ?? [],
            effortDays: AmountChange(from: oldAnalysis?.plannedEffortDays ?? 0, to: newAnalysis?.plannedEffortDays ?? 0),
            cost: AmountChange(from: oldAnalysis?.plannedCost ?? 0, to: newAnalysis?.plannedCost ?? 0),
            currency: newAnalysis?.currency ?? oldAnalysis?.currency,
            taskAmounts: amounts, added: added, removed: removed, renamed: renamed, reassigned: reassigned, replanned: replanned)
        if oldIndex == nil {
            changes.kind = .added
        } else if newIndex == nil {
            changes.kind = .removed
        } else if changes.finish.moved || !milestones.isEmpty || changes.criticalPathChanged || changes.effortDays.changed
                    || changes.cost.changed || !amounts.isEmpty || !added.isEmpty || !removed.isEmpty || !renamed.isEmpty
                    || !reassigned.isEmpty || !replanned.isEmpty {
            changes.kind = .changed
        }
        return changes
    }

    // MARK: Diagnostics

    /// Diagnostics are the same when their code, message and file are: a line that moved is not a
    /// new problem. Counted as multisets, so a second copy of a problem is a new one.
    static func compareDiagnostics(_ base: [Diagnostic], _ head: [Diagnostic]) -> (introduced: [Diagnostic], fixed: [Diagnostic]) {
        func key(_ d: Diagnostic) -> String { d.code.rawValue + "\u{0}" + d.message + "\u{0}" + (d.range?.file ?? "") }
        func unmatched(_ side: [Diagnostic], against other: [Diagnostic]) -> [Diagnostic] {
            var available: [String: Int] = [:]
            for d in other { available[key(d), default: 0] += 1 }
            var result: [Diagnostic] = []
            for d in ordered(side) {
                if let count = available[key(d)], count > 0 { available[key(d)] = count - 1 } else { result.append(d) }
            }
            return result
        }
        return (unmatched(head, against: base), unmatched(base, against: head))
    }

    /// Source order (file, line, column), unplaced first; then code and message.
    static func ordered(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        diagnostics.sorted { a, b in
            switch (a.range, b.range) {
            case let (x?, y?) where x != y: return x < y
            case (nil, _?): return true
            case (_?, nil): return false
            default: return (a.code.rawValue, a.message) < (b.code.rawValue, b.message)
            }
        }
    }
}

/// One version's lookups: projects by id, calendars, and per task the figures a change compares.
private struct VersionIndex {
    let version: PlanVersion
    let projectIndex: [String: Int]

    init(_ version: PlanVersion) {
        self.version = version
        projectIndex = Dictionary(version.plan.projects.indices.map { (version.plan.projects[$0].id, $0) },
                                  uniquingKeysWith: { first, _ in first })
    }

    func calendar(_ project: Int) -> WorkingCalendar {
        WorkingCalendar(plan: version.plan, calendarIndex: version.plan.projects[project].calendarIndex)
    }

    func tasks(of project: Int) -> [Int] {
        version.plan.projects[project].taskRange.filter { version.plan.tasks.indices.contains($0) }
    }

    func reference(_ task: Int) -> TaskReference {
        TaskReference(id: version.plan.tasks[task].id, title: version.plan.tasks[task].title)
    }

    func slot(_ task: Int) -> TaskSchedule? {
        guard let schedule = version.schedule, schedule.tasks.indices.contains(task) else { return nil }
        return schedule.tasks[task]
    }

    func analysis(_ project: Int) -> ProjectAnalysis? {
        guard let analysis = version.analysis, analysis.projects.indices.contains(project) else { return nil }
        return analysis.projects[project]
    }

    func finish(_ project: Int) -> Day? {
        guard let schedule = version.schedule, schedule.projectFinish.indices.contains(project) else { return nil }
        return schedule.projectFinish[project]
    }

    func milestoneDate(_ task: Int) -> Day? {
        slot(task).map { Analyzer.milestoneDate(version.plan.tasks[task], $0) }
    }

    func criticalPath(_ project: Int) -> [TaskReference] {
        guard let schedule = version.schedule, schedule.criticalPaths.indices.contains(project) else { return [] }
        return schedule.criticalPaths[project].filter { version.plan.tasks.indices.contains($0) }.map(reference)
    }

    /// Sorted, so writing the same people in another order is no re-assignment.
    func assignees(_ task: Int) -> [AssigneeReference] {
        version.plan.tasks[task].assignments.map { AssigneeReference(id: Figures.resourceID($0.resource, version.plan), units: $0.units) }.sorted()
    }

    /// As the analysis counts it: a leaf's planned effort, none for a cancelled task or a work package.
    func effort(_ task: Int) -> Double {
        let t = version.plan.tasks[task]
        guard Analyzer.isLeaf(t), t.state != .cancelled else { return 0 }
        return Analyzer.plannedEffort(of: t, scheduled: slot(task), calendar: calendar(t.projectIndex))
    }

    func cost(_ task: Int) -> Double {
        let t = version.plan.tasks[task]
        let cost = Analyzer.plannedCost(of: t, scheduled: slot(task), plan: version.plan, today: version.schedule?.today ?? Day(ordinal: 0),
                                        calendar: calendar(t.projectIndex))
        return cost.labour + cost.fixed
    }
}
