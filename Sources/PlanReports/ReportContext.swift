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
    /// Late tasks and missed milestones of every project, for constant-time look-ups.
    let lateTasks: Set<Int>
    /// Each project's working calendar, parallel to `plan.projects`.
    public let calendars: [WorkingCalendar]

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
        var late = Set<Int>()
        for project in analysis.projects {
            late.formUnion(project.lateTasks)
            late.formUnion(project.missedMilestones)
        }
        lateTasks = late
        calendars = plan.projects.map { WorkingCalendar(plan: plan, calendarIndex: $0.calendarIndex) }
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

    /// A task is late when the scheduler says so or the analysis lists it (past its deadline,
    /// behind today, or a missed milestone).
    public func isLate(_ index: Int) -> Bool {
        if slot(index)?.isLate == true { return true }
        return lateTasks.contains(index)
    }
}
