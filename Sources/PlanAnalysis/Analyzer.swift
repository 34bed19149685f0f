import PlanModel

/// Computes health, progress, cost and variance figures from a compiled plan and its schedule.
///
/// Pure and deterministic: the reporting date is `schedule.today`, lists come out in work
/// breakdown or date order, never in hash order. Each project costs time linear in its tasks
/// (plus the days its late items slip, for working-day counts).
public enum Analyzer {
    public static func analyze(_ plan: Plan, _ schedule: Schedule) -> PortfolioAnalysis {
        let runs = overAllocationRuns(schedule.resourceLoad)
        let projects = plan.projects.indices.map { analyzeProject($0, plan, schedule, overAllocationRuns: runs) }
        return PortfolioAnalysis(projects: projects)
    }

    /// Planned work of a leaf task in person-days: `effort`, else `duration` x assigned units
    /// (one unit when nobody is assigned), else the scheduled working days x units (a task with
    /// fixed dates or none at all, which is scheduled as one day). Milestones have none.
    public static func plannedEffort(of task: PlanTask, scheduled: TaskSchedule?, calendar: WorkingCalendar) -> Double {
        if task.kind == .milestone { return 0 }
        if let effort = task.effortDays { return max(effort, 0) }
        let assigned = task.assignments.reduce(0) { $0 + max($1.units, 0) }
        let units = assigned > 0 ? assigned : 1
        if let duration = task.durationDays { return max(duration, 0) * units }
        if let scheduled {
            let days = calendar.workingDays(after: scheduled.start.adding(days: -1), through: scheduled.finish)
            return Double(max(days, 1)) * units
        }
        return units
    }

    /// The one rule for "late", used by every output (schedule listing, tasks, exports, status,
    /// Gantt charts, site): a task is late when its finish is after its `due:` date (the forecast
    /// finish for open work, the actual finish for done work, which stays late), when it is open
    /// and its due date has passed, or when it is open, not a milestone, and was scheduled to
    /// finish before today. Cancelled tasks never are; a summary is late by its rolled-up finish.
    public static func isLate(_ task: PlanTask, _ slot: TaskSchedule?, today: Day) -> Bool {
        guard task.state != .cancelled, let slot else { return false }
        // A summary has no state of its own (its leaves do): it is late by its rolled-up finish only.
        let openLeaf = isLeaf(task) && isOpen(task)
        if let due = task.deadline, slot.finish > due || (openLeaf && due < today) { return true }
        return openLeaf && task.kind != .milestone && slot.finish < today
    }

    /// An open milestone's standing against its due date: *missed* once the due date has passed
    /// (by the working days since), *forecast late* when it is still ahead but the forecast is
    /// after it (by the working days between). Nil when on time, done, cancelled or without a due date.
    public static func milestoneSlip(_ task: PlanTask, _ slot: TaskSchedule, today: Day, calendar: WorkingCalendar) -> MilestoneSlip? {
        guard task.kind == .milestone, isOpen(task), let due = task.deadline else { return nil }
        if due < today {
            let behind = max(calendar.workingDays(after: due, through: today), 1)
            return MilestoneSlip(kind: .missed, workingDays: behind, due: due, forecast: slot.finish)
        }
        guard slot.finish > due else { return nil }
        return MilestoneSlip(kind: .forecastLate, workingDays: max(calendar.workingDays(after: due, through: slot.finish), 1),
                             due: due, forecast: slot.finish)
    }

    /// The day a milestone is listed by: when it was reached once done, else its forecast.
    public static func milestoneDate(_ task: PlanTask, _ slot: TaskSchedule) -> Day {
        task.state == .done ? (task.actualFinish ?? slot.finish) : slot.finish
    }

    /// Why a task is late, or nil when it is not (`isLate`): finished after its due date, open
    /// past its due date, forecast after it, or open and scheduled to finish before today.
    public static func lateness(_ task: PlanTask, _ slot: TaskSchedule?, today: Day, calendar: WorkingCalendar) -> Lateness? {
        guard let slot, isLate(task, slot, today: today) else { return nil }
        func days(_ due: Day) -> Int { max(calendar.workingDays(after: due, through: slot.finish), 1) }
        guard let due = task.deadline else { return Lateness(kind: .overdue, due: nil, finish: slot.finish, workingDays: 0) }
        if task.state == .done { return Lateness(kind: .finishedLate, due: due, finish: slot.finish, workingDays: days(due)) }
        if due < today { return Lateness(kind: .duePassed, due: due, finish: slot.finish, workingDays: max(calendar.workingDays(after: due, through: today), 1)) }
        if slot.finish > due { return Lateness(kind: .forecastLate, due: due, finish: slot.finish, workingDays: days(due)) }
        return Lateness(kind: .overdue, due: due, finish: slot.finish, workingDays: 0)
    }

    /// Whether a task still has work or an event ahead of it.
    public static func isOpen(_ task: PlanTask) -> Bool { task.state != .done && task.state != .cancelled }

    /// Planned cost of a leaf task, split into labour (its planned effort at its people's and
    /// pools' day rates: done work at the rates in force on the days it was done, the rest at those
    /// of its scheduled days from today on) and its fixed `cost:`. Zero for a cancelled task.
    /// The figure `planc status` sums into a project's planned cost.
    public static func plannedCost(of task: PlanTask, scheduled: TaskSchedule?, plan: Plan, today: Day,
                                   calendar: WorkingCalendar) -> (labour: Double, fixed: Double) {
        guard task.state != .cancelled, isLeaf(task) else { return (0, 0) }
        let effort = plannedEffort(of: task, scheduled: scheduled, calendar: calendar)
        let rates = dayRates(task, scheduled, plan, today: today, calendar: calendar)
        return (labourCost(effort: effort, progress: task.progress, rates: rates), task.cost?.amount ?? 0)
    }

    /// Done work at the rates in force when it was done, the rest at those of its scheduled days.
    private static func labourCost(effort: Double, progress: Double, rates: (done: Double, remaining: Double)) -> Double {
        effort * progress * rates.done + effort * (1 - progress) * rates.remaining
    }

    /// Leaves are the tasks that carry work; summaries only roll it up.
    public static func isLeaf(_ task: PlanTask) -> Bool { task.children.isEmpty && task.kind != .summary }

    static func analyzeProject(_ projectIndex: Int, _ plan: Plan, _ schedule: Schedule,
                               overAllocationRuns: [OverAllocation]) -> ProjectAnalysis {
        let project = plan.projects[projectIndex]
        let calendar = WorkingCalendar(plan: plan, calendarIndex: project.calendarIndex)
        let today = schedule.today
        let taskRange = project.taskRange.clamped(to: plan.tasks.indices)
        func scheduled(_ index: Int) -> TaskSchedule? {
            schedule.tasks.indices.contains(index) ? schedule.tasks[index] : nil
        }

        var plannedEffortSum = 0.0, completedEffort = 0.0
        var plannedCost = 0.0, actualCost = 0.0, earnedValue = 0.0, plannedValue = 0.0, remainingCost = 0.0
        var openMilestones: [(index: Int, day: Day)] = []
        var slipped: [(index: Int, slip: MilestoneSlip)] = []
        var milestones: [(index: Int, day: Day)] = []
        var late: [Int] = []
        var blocked: [Int] = []
        var lateWork: [Int] = [], finishedLate: [Int] = []
        var unestimated: [Int] = [], departed: [Int] = []
        // Each resource's first and last scheduled day in this project, to attribute
        // over-allocations of people shared between projects.
        var resourceSpans: [ResourceRef: DayRange] = [:]
        var firstRateCurrency: String?

        for index in taskRange {
            let task = plan.tasks[index]
            let slot = scheduled(index)
            if task.state == .blocked { blocked.append(index) }
            // Every task the Gantt charts mark late, summaries and milestones included: open ones
            // are late work, finished ones history.
            if isLate(task, slot, today: today) {
                if isFinished(index, plan) { finishedLate.append(index) } else { lateWork.append(index) }
            }
            guard isLeaf(task) else { continue }
            if let slot {
                for assignment in task.assignments {
                    let span = resourceSpans[assignment.resource]
                    resourceSpans[assignment.resource] = DayRange(
                        first: min(span?.first ?? slot.start, slot.start), last: max(span?.last ?? slot.finish, slot.finish))
                }
            }

            if task.kind == .milestone {
                if let slot { milestones.append((index, milestoneDate(task, slot))) }
                if isOpen(task), let slot {
                    openMilestones.append((index, slot.finish))
                    if let slip = milestoneSlip(task, slot, today: today, calendar: calendar) {
                        slipped.append((index, slip))
                    }
                }
            } else if isOpen(task), isLate(task, slot, today: today) {
                late.append(index)
            }
            if task.kind != .milestone, isOpen(task) {
                if task.effortDays == nil, task.durationDays == nil, task.fixedStart == nil || task.fixedFinish == nil {
                    unestimated.append(index)
                }
                if let slot, task.assignments.contains(where: { assignment in
                    guard case .person(let person) = assignment.resource, plan.people.indices.contains(person) else { return false }
                    return plan.people[person].availability(on: slot.finish) <= 0
                }) {
                    departed.append(index)
                }
            }

            // Cancelled work is no work: no effort, no cost, no progress.
            guard task.state != .cancelled else { continue }
            let effort = plannedEffort(of: task, scheduled: slot, calendar: calendar)
            let rates = dayRates(task, slot, plan, today: today, calendar: calendar)
            if firstRateCurrency == nil { firstRateCurrency = rateCurrency(task, plan) }
            let fixed = task.cost?.amount ?? 0
            let progress = task.progress
            let taskCost = labourCost(effort: effort, progress: progress, rates: rates) + fixed
            plannedEffortSum += effort
            completedEffort += effort * progress
            plannedCost += taskCost
            earnedValue += taskCost * progress
            if let slot { plannedValue += taskCost * plannedFraction(slot, today: today, calendar: calendar) }
            let spentEffort = task.spentDays ?? progress * effort
            actualCost += spentEffort * rates.done + (isStarted(task) ? fixed : 0)
            remainingCost += (effort * rates.remaining + fixed) * (1 - progress)
        }

        let forecastFinish = schedule.projectFinish.indices.contains(projectIndex) ? schedule.projectFinish[projectIndex] : nil
        let deadline = project.deadline
        var slipDays: Int?, slipWorkingDays: Int?, bufferWorkingDays: Int?
        if let forecastFinish, let deadline {
            slipDays = forecastFinish - deadline
            slipWorkingDays = max(calendar.workingDays(after: deadline, through: forecastFinish), 0)
            if forecastFinish < deadline { bufferWorkingDays = max(calendar.workingDays(after: forecastFinish, through: deadline), 0) }
        }

        openMilestones.sort { ($0.day, $0.index) < ($1.day, $1.index) }
        milestones.sort { ($0.day, $0.index) < ($1.day, $1.index) }
        // Missed and forecast-late milestones in date order too, their slips kept parallel.
        slipped.sort { ($0.slip.forecast, $0.index) < ($1.slip.forecast, $1.index) }
        let missed = slipped.filter { $0.slip.kind == .missed }.map(\.index)
        let forecastLate = slipped.filter { $0.slip.kind == .forecastLate }.map(\.index)
        let slips = slipped.map(\.slip)
        let overAllocations = overAllocationRuns.filter { run in
            guard let span = resourceSpans[run.resource] else { return false }
            return run.firstDay <= span.last && span.first <= run.lastDay
        }
        let latestJournal = project.journal.indices.max {
            (project.journal[$0].date, $0) < (project.journal[$1].date, $1)
        }

        // The previous report is the latest entry before today: an entry dated today is this report.
        let previousReport = project.journal.indices.filter { project.journal[$0].date < today }.max {
            (project.journal[$0].date, $0) < (project.journal[$1].date, $1)
        }
        let decisionsNeeded = project.decisions.indices.filter { project.decisions[$0].status == .open }.sorted {
            (project.decisions[$0].due?.ordinal ?? Int.max, $0) < (project.decisions[$1].due?.ordinal ?? Int.max, $1)
        }
        let helpNeeded = project.issues.indices.filter { project.issues[$0].status == .open && project.issues[$0].escalated != nil }.sorted {
            (project.issues[$0].due?.ordinal ?? Int.max, $0) < (project.issues[$1].due?.ordinal ?? Int.max, $1)
        }

        var analysis = ProjectAnalysis(
            projectIndex: projectIndex, health: .green, reasons: [], ratings: [],
            previousReport: previousReport, healthTrend: nil, decisionsNeeded: decisionsNeeded, helpNeeded: helpNeeded,
            unestimatedTasks: unestimated, tasksWithDepartedPeople: departed,
            percentComplete: plannedEffortSum > 0 ? min(max(completedEffort / plannedEffortSum, 0), 1) : (project.taskRange.isEmpty ? 0 : milestoneCompletion(taskRange, plan)),
            plannedEffortDays: plannedEffortSum, completedEffortDays: completedEffort,
            forecastFinish: forecastFinish, deadline: deadline, slipDays: slipDays, slipWorkingDays: slipWorkingDays, bufferWorkingDays: bufferWorkingDays,
            nextMilestones: Array(openMilestones.prefix(5).map(\.index)),
            milestones: milestones.map(\.index), missedMilestones: missed, forecastLateMilestones: forecastLate,
            lateTasks: late, lateWork: lateWork, finishedLate: finishedLate, blockedTasks: blocked, topRisks: Registers.activeRisks(project),
            riskRegister: Registers.riskRegister(project), issues: Registers.issues(project),
            overAllocations: overAllocations,
            budget: project.budget,
            currency: project.currency ?? project.budget?.currency ?? firstRateCurrency,
            plannedCost: plannedCost, actualCost: actualCost,
            earnedValue: earnedValue, plannedValue: plannedValue,
            costVariance: earnedValue - actualCost, scheduleVariance: earnedValue - plannedValue,
            costForecast: actualCost + max(remainingCost, 0),
            latestJournal: latestJournal)
        analysis.milestoneSlips = slips
        rate(&analysis, project: project, plan: plan, today: today)
        return analysis
    }

    /// Measures a portfolio's earned value against a baseline: PV and EV become the baseline's
    /// (`ProjectBaseline`), so SPI and CPI, their health rules and every output that shows them
    /// compare with what was agreed rather than with today's re-forecast. Projects the baseline
    /// does not have keep their own figures.
    public static func measure(_ portfolio: inout PortfolioAnalysis, against baseline: [ProjectBaseline?], plan: Plan, today: Day) {
        for index in portfolio.projects.indices where baseline.indices.contains(index) && plan.projects.indices.contains(index) {
            guard let measured = baseline[index] else { continue }
            var analysis = portfolio.projects[index]
            analysis.earnedValue = measured.earnedValue
            analysis.plannedValue = measured.plannedValue
            analysis.costVariance = measured.costVariance
            analysis.scheduleVariance = measured.scheduleVariance
            analysis.measuredAgainstBaseline = true
            rate(&analysis, project: plan.projects[index], plan: plan, today: today)
            portfolio.projects[index] = analysis
        }
    }

    /// The health rules over the figures: the overall rating, its reasons, and each dimension's
    /// rating with its trend against the previous report.
    static func rate(_ analysis: inout ProjectAnalysis, project: Project, plan: Plan, today: Day) {
        let verdict = HealthRules.evaluate(analysis, project: project, plan: plan, milestones: analysis.milestoneSlips, today: today)
        let previousReport = analysis.previousReport
        analysis.health = verdict.rating
        analysis.reasons = verdict.reasons
        let previous = previousReport.map { project.journal[$0] }
        analysis.ratings = HealthDimension.allCases.compactMap { dimension in
            verdict.dimensions[dimension].map { rating in
                DimensionRating(dimension: dimension, rating: rating,
                                reasons: verdict.reasons.filter { $0.dimension == dimension }.map(\.text),
                                previous: previous?.ratings[dimension])
            }
        }
        analysis.healthTrend = previous?.rating.map { Trend(from: $0, to: verdict.rating) }
    }

    /// With no effort anywhere (a plan of milestones only), progress is the share of milestones reached.
    private static func milestoneCompletion(_ range: Range<Int>, _ plan: Plan) -> Double {
        var total = 0, done = 0
        for index in range where isLeaf(plan.tasks[index]) && plan.tasks[index].state != .cancelled {
            total += 1
            if plan.tasks[index].state == .done { done += 1 }
        }
        return total > 0 ? Double(done) / Double(total) : 0
    }

    /// A leaf is finished when done; a summary when every leaf beneath it is done or cancelled.
    static func isFinished(_ index: Int, _ plan: Plan) -> Bool {
        let task = plan.tasks[index]
        if isLeaf(task) { return task.state == .done }
        return !task.children.isEmpty && task.children.allSatisfy { plan.tasks.indices.contains($0) && (plan.tasks[$0].state == .cancelled || isFinished($0, plan)) }
    }

    private static func isStarted(_ task: PlanTask) -> Bool {
        task.state == .inProgress || task.state == .done || task.actualStart != nil
            || (task.percentComplete ?? 0) > 0 || (task.spentDays ?? 0) > 0
    }

    /// Cost of one person-day on this task: the assigned people's and pools' day rates weighted by
    /// units, each person at the average of the rates in force on the working days `first...last`.
    static func dayRate(_ task: PlanTask, _ plan: Plan, from first: Day? = nil, through last: Day? = nil,
                        calendar: WorkingCalendar = .standard) -> Double {
        var units = 0.0, weighted = 0.0
        for assignment in task.assignments where assignment.units > 0 {
            units += assignment.units
            let amount: Double
            if case .person(let index) = assignment.resource, plan.people.indices.contains(index),
               !plan.people[index].changes.isEmpty, let first, let last {
                amount = averageRate(plan.people[index], from: first, through: last, calendar: calendar)
            } else {
                amount = rate(of: assignment.resource, plan)?.amount ?? 0
            }
            weighted += assignment.units * amount
        }
        return units > 0 ? weighted / units : 0
    }

    /// A person's day rate averaged over the working days `first...last`, one segment per rate
    /// change (constant time per change); the rate on `first` when the span has no working day.
    static func averageRate(_ person: Person, from first: Day, through last: Day, calendar: WorkingCalendar) -> Double {
        let inside = person.changes.map(\.from).filter { $0 > first && $0 <= last }
        let starts = [first] + inside
        var total = 0.0, days = 0
        for (offset, start) in starts.enumerated() {
            let end = offset + 1 < starts.count ? starts[offset + 1].adding(days: -1) : last
            let count = calendar.workingDays(in: start, through: end)
            total += Double(count) * (person.rate(on: start)?.amount ?? 0)
            days += count
        }
        return days > 0 ? total / Double(days) : person.rate(on: first)?.amount ?? 0
    }

    /// Day rates of the work done (its actual days: from the start to yesterday, or the whole task
    /// once done) and of the work remaining (its scheduled days from today on).
    static func dayRates(_ task: PlanTask, _ slot: TaskSchedule?, _ plan: Plan, today: Day,
                         calendar: WorkingCalendar) -> (done: Double, remaining: Double) {
        guard let slot else { let flat = dayRate(task, plan); return (flat, flat) }
        let doneEnd = task.state == .done ? slot.finish : min(slot.finish, today.adding(days: -1))
        let done = dayRate(task, plan, from: slot.start, through: max(doneEnd, slot.start), calendar: calendar)
        let aheadStart = max(slot.start, today)
        let remaining = aheadStart <= slot.finish
            ? dayRate(task, plan, from: aheadStart, through: slot.finish, calendar: calendar) : done
        return (done, remaining)
    }

    private static func rateCurrency(_ task: PlanTask, _ plan: Plan) -> String? {
        task.cost?.currency ?? task.assignments.lazy.compactMap { rate(of: $0.resource, plan)?.currency }.first
    }

    static func rate(of resource: ResourceRef, _ plan: Plan) -> Money? {
        switch resource {
        case .person(let index): return plan.people.indices.contains(index) ? plan.people[index].rate : nil
        case .pool(let index): return plan.pools.indices.contains(index) ? plan.pools[index].rate : nil
        }
    }

    /// Share of a task the schedule has done by the start of `today`, counted in working days.
    public static func plannedFraction(_ slot: TaskSchedule, today: Day, calendar: WorkingCalendar) -> Double {
        if today > slot.finish { return 1 }
        if today <= slot.start { return 0 }
        let total = calendar.workingDays(after: slot.start.adding(days: -1), through: slot.finish)
        guard total > 0 else { return 1 }
        let elapsed = calendar.workingDays(after: slot.start.adding(days: -1), through: today.adding(days: -1))
        return min(max(Double(elapsed) / Double(total), 0), 1)
    }

    /// Runs of consecutive booked days over capacity, per resource, people before pools.
    /// Days without load (weekends, holidays) inside a run do not break it.
    static func overAllocationRuns(_ loads: [ResourceLoad]) -> [OverAllocation] {
        var runs: [OverAllocation] = []
        for load in loads {
            var current: OverAllocation?
            for entry in load.days {
                if entry.load > load.capacity + 1e-9 {
                    if var run = current {
                        run.lastDay = entry.day
                        run.days += 1
                        run.peakLoad = max(run.peakLoad, entry.load)
                        current = run
                    } else {
                        current = OverAllocation(resource: load.resource, firstDay: entry.day, lastDay: entry.day,
                                                 days: 1, peakLoad: entry.load, capacity: load.capacity)
                    }
                } else if let run = current {
                    runs.append(run)
                    current = nil
                }
            }
            if let run = current { runs.append(run) }
        }
        return runs.sorted { a, b in
            let ka = resourceSortKey(a.resource), kb = resourceSortKey(b.resource)
            if ka != kb { return ka < kb }
            return a.firstDay < b.firstDay
        }
    }

    static func resourceSortKey(_ resource: ResourceRef) -> (Int, Int) {
        switch resource {
        case .person(let index): return (0, index)
        case .pool(let index): return (1, index)
        }
    }
}
