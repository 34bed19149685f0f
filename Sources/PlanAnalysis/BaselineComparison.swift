import PlanModel

/// A compiled version of the plan: what a baseline is made of (the plan as it stood at the
/// baseline's commit, scheduled on that commit's day).
public struct PlanSnapshot: Sendable {
    public var plan: Plan
    public var schedule: Schedule
    public init(plan: Plan, schedule: Schedule) { self.plan = plan; self.schedule = schedule }
}

/// Where a task stands against the baseline. Variances are current minus baseline: positive
/// means later, more work or more cost. Day variances are in working days of the project's
/// current calendar.
public struct TaskVariance: Sendable, Hashable {
    /// Index into the current `Plan.tasks`.
    public var task: Int
    public var baselineStart: Day
    public var baselineFinish: Day
    public var startVariance: Int
    public var finishVariance: Int
    /// Person-days (leaf tasks; work packages sum their leaves).
    public var effortVariance: Double
    public var costVariance: Double
}

/// A project measured against its baseline: finish and cost variance, earned value done
/// properly (planned value from the baseline schedule, earned value from today's progress priced
/// at the baseline's budget, actual cost from what was spent) and earned schedule.
public struct ProjectBaseline: Sendable {
    public var projectIndex: Int
    /// The baseline's forecast finish, and the current one's variance to it in working days.
    public var baselineFinish: Day?
    public var finishVariance: Int?
    /// Budget at completion: the baseline's planned cost of the work (BAC).
    public var budgetAtCompletion: Double
    /// Today's cost forecast (actual cost + planned cost of the remaining work), against BAC.
    public var estimateAtCompletion: Double
    /// PV: the baseline's planned cost of the work it scheduled to be done before today.
    public var plannedValue: Double
    /// EV: the baseline's planned cost of each baseline task times today's progress. Work added
    /// since the baseline has no budget in it and earns nothing.
    public var earnedValue: Double
    /// AC: what has been spent (`ProjectAnalysis.actualCost`).
    public var actualCost: Double
    /// Earned schedule: the working days, from the baseline's start, at which the baseline
    /// planned to have earned what has been earned by today (ES), and the working days actually
    /// elapsed (AT).
    public var earnedSchedule: Double
    public var actualTime: Int
    /// Tasks in both versions, in work breakdown order.
    public var tasks: [TaskVariance]
    /// Current tasks the baseline does not have, and baseline tasks gone since (their titles).
    public var added: [Int]
    public var removed: [String]

    public var scheduleVariance: Double { earnedValue - plannedValue }
    public var costVariance: Double { earnedValue - actualCost }
    public var schedulePerformanceIndex: Double? { plannedValue > 0 ? earnedValue / plannedValue : nil }
    public var costPerformanceIndex: Double? { actualCost > 0 ? earnedValue / actualCost : nil }
    /// EAC if cost performance so far continues: BAC / CPI.
    public var estimateAtCompletionByCPI: Double? { costPerformanceIndex.flatMap { $0 > 0 ? budgetAtCompletion / $0 : nil } }
    /// SPI(t) = ES / AT: stays meaningful late in a project, where SPI drifts back to 1.
    public var timePerformanceIndex: Double? { actualTime > 0 ? earnedSchedule / Double(actualTime) : nil }
    /// SV(t) = ES − AT, in working days (negative: behind).
    public var timeVariance: Double { earnedSchedule - Double(actualTime) }

    /// Open milestones and leaf tasks that finish later than the baseline said, worst first.
    public func slips(_ plan: Plan) -> [TaskVariance] {
        tasks.filter { $0.finishVariance > 0 && plan.tasks[$0.task].children.isEmpty && Analyzer.isOpen(plan.tasks[$0.task]) }
            .sorted { ($1.finishVariance, $0.task) < ($0.finishVariance, $1.task) }
    }
}

public enum BaselineComparison {
    /// Each current project against the project with the same id in the baseline (nil where the
    /// baseline has no such project). Tasks are matched by id within their project.
    public static func compare(_ current: PlanSnapshot, analysis: PortfolioAnalysis, baseline: PlanSnapshot) -> [ProjectBaseline?] {
        let plan = current.plan, today = current.schedule.today
        return plan.projects.indices.map { projectIndex -> ProjectBaseline? in
            let project = plan.projects[projectIndex]
            guard let old = baseline.plan.projects.firstIndex(where: { $0.id == project.id }) else { return nil }
            let oldProject = baseline.plan.projects[old]
            let calendar = WorkingCalendar(plan: plan, calendarIndex: project.calendarIndex)
            let oldCalendar = WorkingCalendar(plan: baseline.plan, calendarIndex: oldProject.calendarIndex)
            let range = project.taskRange.clamped(to: plan.tasks.indices)
            let oldRange = oldProject.taskRange.clamped(to: baseline.plan.tasks.indices)
            var oldByID: [String: Int] = [:]
            for index in oldRange where oldByID[baseline.plan.tasks[index].id] == nil { oldByID[baseline.plan.tasks[index].id] = index }

            func slot(_ snapshot: PlanSnapshot, _ index: Int) -> TaskSchedule? {
                snapshot.schedule.tasks.indices.contains(index) ? snapshot.schedule.tasks[index] : nil
            }
            // Leaf effort and cost of each version, priced as `planc status` prices them.
            func leafFigures(_ snapshot: PlanSnapshot, _ index: Int, _ calendar: WorkingCalendar) -> (effort: Double, cost: Double) {
                let task = snapshot.plan.tasks[index]
                guard Analyzer.isLeaf(task), task.state != .cancelled else { return (0, 0) }
                let scheduled = slot(snapshot, index)
                let cost = Analyzer.plannedCost(of: task, scheduled: scheduled, plan: snapshot.plan, today: snapshot.schedule.today, calendar: calendar)
                return (Analyzer.plannedEffort(of: task, scheduled: scheduled, calendar: calendar), cost.labour + cost.fixed)
            }
            func signedWorkingDays(from old: Day, to new: Day) -> Int {
                new >= old ? calendar.workingDays(after: old, through: new) : -calendar.workingDays(after: new, through: old)
            }

            // Summaries sum their leaves: walk leaves once, adding to every ancestor.
            var effortDelta = [Double](repeating: 0, count: range.count)
            var costDelta = [Double](repeating: 0, count: range.count)
            var variances: [TaskVariance] = []
            var added: [Int] = []
            var matched = Set<Int>()
            var budget = 0.0, plannedValue = 0.0, earnedValue = 0.0
            for index in range {
                let task = plan.tasks[index]
                guard let oldIndex = oldByID[task.id] else { added.append(index); continue }
                matched.insert(oldIndex)
                guard Analyzer.isLeaf(task) else { continue }
                let now = leafFigures(current, index, calendar)
                let then = leafFigures(baseline, oldIndex, oldCalendar)
                var ancestor: Int? = index
                while let node = ancestor, range.contains(node) {
                    effortDelta[node - range.lowerBound] += now.effort - then.effort
                    costDelta[node - range.lowerBound] += now.cost - then.cost
                    ancestor = plan.tasks[node].parent
                }
                // Earned value prices today's progress at the baseline's budget for the task.
                if let oldSlot = slot(baseline, oldIndex) {
                    plannedValue += then.cost * Analyzer.plannedFraction(oldSlot, today: today, calendar: oldCalendar)
                }
                earnedValue += then.cost * (task.state == .cancelled ? 0 : task.progress)
            }
            for index in oldRange where Analyzer.isLeaf(baseline.plan.tasks[index]) {
                budget += leafFigures(baseline, index, oldCalendar).cost
            }
            for index in range {
                guard let oldIndex = oldByID[plan.tasks[index].id], let now = slot(current, index), let then = slot(baseline, oldIndex) else { continue }
                variances.append(TaskVariance(task: index, baselineStart: then.start, baselineFinish: then.finish,
                                              startVariance: signedWorkingDays(from: then.start, to: now.start),
                                              finishVariance: signedWorkingDays(from: then.finish, to: now.finish),
                                              effortVariance: effortDelta[index - range.lowerBound],
                                              costVariance: costDelta[index - range.lowerBound]))
            }
            let removed = oldRange.filter { !matched.contains($0) }.map { baseline.plan.tasks[$0].title }

            let baselineFinish = baseline.schedule.projectFinish.indices.contains(old) ? baseline.schedule.projectFinish[old] : nil
            let currentFinish = current.schedule.projectFinish.indices.contains(projectIndex) ? current.schedule.projectFinish[projectIndex] : nil
            let finishVariance = baselineFinish.flatMap { then in currentFinish.map { signedWorkingDays(from: then, to: $0) } }
            let schedule = earnedSchedule(baseline: baseline, range: oldRange, calendar: oldCalendar, projectIndex: old,
                                          earned: earnedValue, today: today, leafCost: { leafFigures(baseline, $0, oldCalendar).cost })
            let figures = analysis.projects.indices.contains(projectIndex) ? analysis.projects[projectIndex] : nil
            return ProjectBaseline(projectIndex: projectIndex, baselineFinish: baselineFinish, finishVariance: finishVariance,
                                   budgetAtCompletion: budget, estimateAtCompletion: figures?.costForecast ?? 0,
                                   plannedValue: plannedValue, earnedValue: earnedValue, actualCost: figures?.actualCost ?? 0,
                                   earnedSchedule: schedule.earned, actualTime: schedule.actual,
                                   tasks: variances, added: added, removed: removed)
        }
    }

    /// Earned schedule (Lipke): walk the baseline's working days from its start, accumulating the
    /// value it planned to earn each day (each leaf's budget spread evenly over its working days);
    /// ES is the count of whole days whose cumulative planned value is within what has been earned,
    /// plus the fraction of the next day. AT counts the working days from the baseline's start to
    /// today. Linear in the baseline's task-days.
    static func earnedSchedule(baseline: PlanSnapshot, range: Range<Int>, calendar: WorkingCalendar, projectIndex: Int,
                               earned: Double, today: Day, leafCost: (Int) -> Double) -> (earned: Double, actual: Int) {
        guard let start = baseline.schedule.projectStart.indices.contains(projectIndex) ? baseline.schedule.projectStart[projectIndex] : nil,
              let finish = baseline.schedule.projectFinish.indices.contains(projectIndex) ? baseline.schedule.projectFinish[projectIndex] : nil,
              finish >= start else { return (0, 0) }
        let days = finish.ordinal - start.ordinal + 1
        var perDay = [Double](repeating: 0, count: days)
        for index in range where Analyzer.isLeaf(baseline.plan.tasks[index]) {
            guard baseline.schedule.tasks.indices.contains(index) else { continue }
            let slot = baseline.schedule.tasks[index]
            let cost = leafCost(index)
            guard cost > 0 else { continue }
            let working = (slot.start.ordinal...slot.finish.ordinal).filter { calendar.isWorkingDay(Day(ordinal: $0)) }
            let spread = working.isEmpty ? [slot.finish.ordinal] : working
            for ordinal in spread where ordinal >= start.ordinal && ordinal <= finish.ordinal {
                perDay[ordinal - start.ordinal] += cost / Double(spread.count)
            }
        }
        var cumulative = 0.0, earnedDays = 0.0
        var workingIndex = 0
        for offset in 0..<days where calendar.isWorkingDay(start.adding(days: offset)) || perDay[offset] > 0 {
            let next = cumulative + perDay[offset]
            if next <= earned + 1e-9 {
                cumulative = next
                workingIndex += 1
                earnedDays = Double(workingIndex)
            } else {
                earnedDays = Double(workingIndex) + (perDay[offset] > 0 ? max(earned - cumulative, 0) / perDay[offset] : 0)
                break
            }
        }
        let actual = today > start ? calendar.workingDays(after: start.adding(days: -1), through: today.adding(days: -1)) : 0
        return (earnedDays, actual)
    }
}

/// The baseline a report compares with: which version it is, and each project against it.
public struct Baseline: Sendable {
    /// As the settings file or `--baseline` named it: `v1.0`, `main~3`, `2026-06-24`.
    public var reference: String
    public var commit: String
    /// The commit's day: the baseline's schedule is the one the plan had on that day.
    public var day: Day
    /// Parallel to the current `Plan.projects`; nil for a project the baseline does not have.
    public var projects: [ProjectBaseline?]
    public init(reference: String, commit: String, day: Day, projects: [ProjectBaseline?]) {
        self.reference = reference; self.commit = commit; self.day = day; self.projects = projects
    }

    /// `v1.0 (3f2a1bc, 2026-06-24)`.
    public var label: String { reference == commit ? "\(commit) (\(day.iso))" : "\(reference) (\(commit), \(day.iso))" }
}
