import PlanAnalysis
import PlanModel

typealias PlanModelRating = Rating

/// What every renderer reads: the plan, its schedule and analysis, and a few lookups computed
/// once (linear in the number of tasks) so that renderers never search.
public struct ReportContext: Sendable {
    public var plan: Plan
    public var schedule: Schedule
    public var analysis: PortfolioAnalysis
    /// Work breakdown numbers per task (`2.1.3`), parallel to `plan.tasks`.
    public let outlineNumbers: [String]
    /// Progress 0...1 per task: as stated for leaves (0 for cancelled ones: no work was done for
    /// the plan, and outputs show their progress as empty), effort-weighted over the leaves beneath
    /// for work packages and other summaries (cancelled work left out). Parallel to `plan.tasks`.
    public let progress: [Double]
    /// Planned cost per task, labour at the day rates in force plus fixed `cost:`
    /// (`Analyzer.plannedCost`), summed over the leaves beneath for work packages and other
    /// summaries; 0 for cancelled work. Parallel to `plan.tasks`.
    public let plannedCost: [Double]
    /// The state each output shows, work packages rolled up from their tasks
    /// (`TaskStateRule.displayedStates`). Parallel to `plan.tasks`.
    public let states: [TaskState]
    /// Each project's working calendar, parallel to `plan.projects`.
    public let calendars: [WorkingCalendar]
    /// The version of the plan the report measures variances against, if one is named.
    public private(set) var baseline: Baseline?
    /// What moved since the last report, when git history says (`LastReport.apply`).
    public var sinceLastReport: SinceLastReport?
    /// Each task against the baseline, parallel to `plan.tasks`; nil for a task the baseline does
    /// not have (or without a baseline).
    public private(set) var variances: [TaskVariance?] = []

    /// Measures the report against `baseline`: its variances become columns and figures.
    public mutating func measure(against baseline: Baseline) {
        self.baseline = baseline
        var variances = [TaskVariance?](repeating: nil, count: plan.tasks.count)
        for project in baseline.projects.compactMap({ $0 }) {
            for variance in project.tasks where variances.indices.contains(variance.task) { variances[variance.task] = variance }
        }
        self.variances = variances
    }

    public func variance(_ index: Int) -> TaskVariance? { variances.indices.contains(index) ? variances[index] : nil }

    public init(plan: Plan, schedule: Schedule, analysis: PortfolioAnalysis) {
        self.plan = plan
        self.schedule = schedule
        self.analysis = analysis
        var numbers = Array(repeating: "", count: plan.tasks.count)
        for project in plan.projects {
            var topLevel = 0
            for index in project.taskRange where plan.tasks.indices.contains(index) {
                let task = plan.tasks[index]
                if let parent = task.parent, plan.tasks.indices.contains(parent) {
                    continue
                }
                topLevel += 1
                numbers[index] = String(topLevel)
                // Depth-first with an explicit stack: plans may nest deeper than the call stack likes.
                var stack: [Int] = [index]
                while let current = stack.popLast() {
                    for (offset, child) in plan.tasks[current].children.enumerated() where numbers.indices.contains(child) {
                        numbers[child] = numbers[current] + "." + String(offset + 1)
                        stack.append(child)
                    }
                }
            }
        }
        outlineNumbers = numbers
        let projectCalendars = plan.projects.map { WorkingCalendar(plan: plan, calendarIndex: $0.calendarIndex) }
        calendars = projectCalendars
        // Children follow their parents in work breakdown order, so one backwards pass rolls up.
        var planned = Array(repeating: 0.0, count: plan.tasks.count)
        var done = Array(repeating: 0.0, count: plan.tasks.count)
        var rolled = plan.tasks.map { $0.state == .cancelled ? 0 : $0.progress }
        var cost = Array(repeating: 0.0, count: plan.tasks.count)
        for index in plan.tasks.indices.reversed() {
            let task = plan.tasks[index]
            if Analyzer.isLeaf(task) {
                if task.state != .cancelled {
                    let calendar = projectCalendars.indices.contains(task.projectIndex) ? projectCalendars[task.projectIndex] : .standard
                    let slot = schedule.tasks.indices.contains(index) ? schedule.tasks[index] : nil
                    planned[index] = Analyzer.plannedEffort(of: task, scheduled: slot, calendar: calendar)
                    done[index] = planned[index] * task.progress
                    let parts = Analyzer.plannedCost(of: task, scheduled: slot, plan: plan, today: schedule.today, calendar: calendar)
                    cost[index] = parts.labour + parts.fixed
                }
            } else if planned[index] > 0 {
                rolled[index] = min(max(done[index] / planned[index], 0), 1)
            }
            if let parent = task.parent, parent < index, parent >= 0 {
                planned[parent] += planned[index]
                cost[parent] += cost[index]
                done[parent] += done[index]
            }
        }
        progress = rolled
        states = TaskStateRule.displayedStates(plan)
        plannedCost = cost
    }

    /// `crm/design-sign-off`: unique across the repository, stable across runs.
    public func qualifiedID(_ index: Int) -> String {
        let task = plan.tasks[index]
        let project = plan.projects.indices.contains(task.projectIndex) ? plan.projects[task.projectIndex].id : "?"
        return project + "/" + task.id
    }

    public func slot(_ index: Int) -> TaskSchedule? {
        schedule.tasks.indices.contains(index) ? schedule.tasks[index] : nil
    }

    public func projectAnalysis(_ projectIndex: Int) -> ProjectAnalysis? {
        analysis.projects.indices.contains(projectIndex) ? analysis.projects[projectIndex] : nil
    }

    /// People and pools assigned to a task, by id, in the order written.
    public func assigneeIDs(_ index: Int) -> [String] {
        plan.tasks[index].assignments.map { Figures.resourceID($0.resource, plan) }
    }

    /// The index of the person or pool with this id.
    public func resource(withID id: String) -> ResourceRef? {
        if let person = plan.people.firstIndex(where: { $0.id == id }) { return .person(person) }
        if let pool = plan.pools.firstIndex(where: { $0.id == id }) { return .pool(pool) }
        return nil
    }

    public func calendar(ofTask index: Int) -> WorkingCalendar {
        let project = plan.tasks[index].projectIndex
        return calendars.indices.contains(project) ? calendars[project] : .standard
    }

    /// Planned work in person-days as the analysis counts it (see `Analyzer.plannedEffort`).
    public func plannedEffort(_ index: Int) -> Double {
        Analyzer.plannedEffort(of: plan.tasks[index], scheduled: slot(index), calendar: calendar(ofTask: index))
    }

    public func isMilestone(_ index: Int) -> Bool { plan.tasks[index].kind == .milestone }
    public func isSummary(_ index: Int) -> Bool { !Analyzer.isLeaf(plan.tasks[index]) }

    /// Late by the one rule every output uses (`Analyzer.isLate`): finish after the due date
    /// (forecast for open work, actual for done work), or open and scheduled before today.
    public func isLate(_ index: Int) -> Bool {
        Analyzer.isLate(plan.tasks[index], slot(index), today: schedule.today)
    }

    public func isCancelled(_ index: Int) -> Bool { plan.tasks[index].state == .cancelled }

    /// How an open milestone stands against its due date: missed or forecast late, and by how much.
    public func milestoneSlip(_ index: Int) -> MilestoneSlip? {
        guard let slot = slot(index) else { return nil }
        return Analyzer.milestoneSlip(plan.tasks[index], slot, today: schedule.today, calendar: calendar(ofTask: index))
    }

    /// Progress as a whole percent for tables and exports; nil for a cancelled leaf (no work).
    public func progressPercent(_ index: Int) -> Int? {
        isCancelled(index) && !isSummary(index) ? nil : Int((progress[index] * 100).rounded())
    }
}
