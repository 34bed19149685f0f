import PlanModel

/// The rules that rate a project green, amber or red, each dimension apart (schedule, cost,
/// scope, resources, risk). Deterministic; each rule that fires adds one sentence to the reasons
/// of its dimension. The overall rating is the worst of the five and of the latest journal
/// entry's own rating; its reasons are every dimension's, red before amber.
///
/// **Schedule** red when the forecast finish is more than 5 working days after the deadline, an
/// open milestone is missed (its due date passed) or forecast late by more than 5 working days,
/// or the schedule performance index (SPI = EV/PV) is below 0.80. Amber when the forecast finish
/// is after the deadline at all, a milestone is missed or forecast late at all, an open task is
/// late (`Analyzer.isLate`), a task is blocked, or SPI is below 0.90.
///
/// **Cost** red when the cost forecast (actual cost + planned cost of the remaining work) exceeds
/// 110 % of the budget or the cost performance index (CPI = EV/AC) is below 0.80; amber when the
/// forecast exceeds the budget at all or CPI is below 0.90.
///
/// **Scope** red when more than half of the objectives and success criteria are recorded as
/// missed while the project runs; amber when any is recorded as missed or partly met, or open
/// work has no estimate (no effort, duration or dates: scheduled as one day, so the plan does not
/// know its size).
///
/// **Resources** amber when a person or pool is booked beyond capacity on some day, or open work
/// is assigned to someone who leaves (availability 0) before it is scheduled to finish.
///
/// **Risk** (risks, issues and decisions) red when an open issue or occurred risk of very high
/// severity is past its due date; amber when an open or watched risk scores 9 or more
/// (likelihood x impact, each 1...4), an open issue or occurred risk is of high or very high
/// severity, or an open decision is past the day it was needed by.
///
/// A fact that fires a red rule is not repeated as amber.
///
/// A closed project is rated on its outcome instead, since its schedule and risks are history:
/// green when every objective and success criterion with a result is met; amber when any is
/// partly met or missed, or has no result recorded; red when more than half are missed. It has
/// no dimension ratings.
public enum HealthRules {
    /// Slips beyond this many working days turn a project red.
    public static let redSlipWorkingDays = 5
    /// Cost forecasts beyond this share of the budget turn a project red.
    public static let redCostRatio = 1.10
    /// Open risks scoring this or more turn a project amber.
    public static let riskScoreThreshold = 9
    /// A schedule or cost performance index (as shown, to two decimals) below this turns a project amber…
    public static let amberPerformanceIndex = 0.90
    /// …and below this red.
    public static let redPerformanceIndex = 0.80

    struct Verdict {
        var rating: Rating
        var reasons: [HealthReason]
        /// Empty for a closed project.
        var dimensions: [HealthDimension: Rating]
    }

    static func evaluate(_ analysis: ProjectAnalysis, project: Project, plan: Plan,
                         milestones: [MilestoneSlip], today: Day) -> Verdict {
        if project.phase == .closed { return evaluateOutcome(project) }
        var reasons: [HealthReason] = []
        func fire(_ dimension: HealthDimension?, _ rating: Rating, _ text: String) {
            reasons.append(HealthReason(dimension: dimension, rating: rating, text: text))
        }
        func fire(_ dimension: HealthDimension?, red: Bool, _ text: String) { fire(dimension, red ? .red : .amber, text) }

        // Schedule.
        if let finish = analysis.forecastFinish, let deadline = analysis.deadline, finish > deadline {
            let working = analysis.slipWorkingDays ?? 0
            fire(.schedule, red: working > redSlipWorkingDays,
                 "Forecast finish \(finish.iso) is \(count(working, "working day")) after the deadline \(deadline.iso)")
        }
        // Missed milestones before forecast-late ones, each kind with its worst first.
        for kind in [MilestoneSlip.Kind.missed, .forecastLate] {
            let indices = kind == .missed ? analysis.missedMilestones : analysis.forecastLateMilestones
            let pairs = zip(indices, milestones.filter { $0.kind == kind })
            guard let worst = pairs.max(by: { ($0.1.workingDays, $1.0) < ($1.1.workingDays, $0.0) }) else { continue }
            let title = plan.tasks[worst.0].title
            var sentence = kind == .missed
                ? "Milestone \(title) was due \(worst.1.due.iso) and is not done: \(worst.1.phrase)"
                : "Milestone \(title) is forecast for \(worst.1.forecast.iso): \(worst.1.phrase) (due \(worst.1.due.iso))"
            let others = indices.count - 1
            if others > 0 { sentence += " (\(others) more milestone\(others == 1 ? "" : "s") \(kind == .missed ? "missed" : "forecast late"))" }
            fire(.schedule, red: worst.1.workingDays > redSlipWorkingDays, sentence)
        }

        // Cost.
        if let budget = analysis.budget, budget.amount > 0 {
            let ratio = analysis.costForecast / budget.amount
            if ratio > 1 + 1e-9 {
                let currency = budget.currency ?? analysis.currency
                fire(.cost, red: ratio > redCostRatio + 1e-9,
                     "Cost forecast \(NumberText.money(analysis.costForecast, currency: currency)) is \(NumberText.percent(ratio)) of the budget \(NumberText.money(budget.amount, currency: currency))")
            }
        }

        // Earned value behind plan or over cost: judged on the index as every output shows it (two
        // decimals), so "SPI 0.90" never comes with a reason that says it is below 0.90.
        let indices: [(Double?, HealthDimension, String, String)] = [
            (analysis.schedulePerformanceIndex, .schedule, "Schedule performance", "earned value behind plan"),
            (analysis.costPerformanceIndex, .cost, "Cost performance", "earned value below actual cost"),
        ]
        for case let (value?, dimension, name, meaning) in indices {
            let shown = (value * 100).rounded() / 100
            guard shown < amberPerformanceIndex - 1e-9 else { continue }
            fire(dimension, red: shown < redPerformanceIndex - 1e-9, "\(name) \(NumberText.twoDecimals(value)) (\(meaning))")
        }

        // The project manager's own rating in the latest journal entry counts for the whole.
        if let index = analysis.latestJournal, let rating = project.journal[index].rating, rating != .green {
            let entry = project.journal[index]
            fire(nil, rating, "Latest journal entry \(entry.date.iso) is \(rating.rawValue): \(entry.headline)")
        }

        if !analysis.lateTasks.isEmpty {
            let noun = analysis.lateTasks.count == 1 ? "open task is late" : "open tasks are late"
            fire(.schedule, .amber, "\(analysis.lateTasks.count) \(noun): \(titles(analysis.lateTasks, plan))")
        }
        if !analysis.blockedTasks.isEmpty {
            let noun = analysis.blockedTasks.count == 1 ? "task is blocked" : "tasks are blocked"
            fire(.schedule, .amber, "\(analysis.blockedTasks.count) \(noun): \(titles(analysis.blockedTasks, plan))")
        }

        // Scope.
        let goals = project.objectives + project.successCriteria
        let missedGoals = goals.filter { $0.result == .missed }
        let partlyGoals = goals.filter { $0.result == .partly }
        if !missedGoals.isEmpty || !partlyGoals.isEmpty {
            var parts: [String] = []
            if !missedGoals.isEmpty { parts.append("missed: " + missedGoals.map(\.text).joined(separator: "; ")) }
            if !partlyGoals.isEmpty { parts.append("partly met: " + partlyGoals.map(\.text).joined(separator: "; ")) }
            fire(.scope, red: missedGoals.count * 2 > goals.count,
                 "\(count(missedGoals.count + partlyGoals.count, "objective")) recorded as not met (\(parts.joined(separator: "; ")))")
        }
        if !analysis.unestimatedTasks.isEmpty {
            let noun = analysis.unestimatedTasks.count == 1 ? "open task has" : "open tasks have"
            fire(.scope, .amber, "\(analysis.unestimatedTasks.count) \(noun) no estimate (scheduled as one day each): \(titles(analysis.unestimatedTasks, plan))")
        }

        // Resources.
        if !analysis.overAllocations.isEmpty {
            fire(.resources, .amber, overAllocationSentence(analysis.overAllocations, plan))
        }
        if !analysis.tasksWithDepartedPeople.isEmpty {
            let words = analysis.tasksWithDepartedPeople.count == 1 ? "open task is assigned to someone who leaves before it finishes"
                : "open tasks are assigned to people who leave before they finish"
            fire(.resources, .amber, "\(analysis.tasksWithDepartedPeople.count) \(words): \(titles(analysis.tasksWithDepartedPeople, plan))")
        }

        // Risk: risks, issues and decisions.
        let riskyRisks = analysis.topRisks.filter { project.risks[$0].score >= riskScoreThreshold }
        if !riskyRisks.isEmpty {
            let listed = riskyRisks.prefix(3).map { "\(project.risks[$0].title) (\(project.risks[$0].score))" }
            let more = riskyRisks.count > 3 ? " and \(riskyRisks.count - 3) more" : ""
            let noun = riskyRisks.count == 1 ? "open risk scores" : "open risks score"
            fire(.risk, .amber, "\(riskyRisks.count) \(noun) \(riskScoreThreshold) or more: \(listed.joined(separator: ", "))\(more)")
        }
        let severeIssues = analysis.issues.filter { $0.isOpen && ($0.severity ?? .low) >= .high }
        let overdueCritical = severeIssues.filter { $0.severity == .veryHigh && ($0.due.map { $0 < today } ?? false) }
        if let worst = overdueCritical.first {
            let more = overdueCritical.count > 1 ? " (\(overdueCritical.count - 1) more)" : ""
            fire(.risk, .red, "\(issueTitle(worst, project)) is of very high severity and still open after its due date \(worst.due?.iso ?? "")\(more)")
        }
        let amberIssues = severeIssues.filter { item in !overdueCritical.contains(item) }
        if !amberIssues.isEmpty {
            let listed = amberIssues.prefix(3).map { issueTitle($0, project) }.joined(separator: ", ")
            let more = amberIssues.count > 3 ? " and \(amberIssues.count - 3) more" : ""
            let noun = amberIssues.count == 1 ? "open issue is" : "open issues are"
            fire(.risk, .amber, "\(amberIssues.count) \(noun) of high severity or above: \(listed)\(more)")
        }
        let overdueDecisions = analysis.decisionsNeeded.filter { project.decisions[$0].due.map { $0 < today } ?? false }
        if let first = overdueDecisions.first {
            let more = overdueDecisions.count > 1 ? " (\(overdueDecisions.count - 1) more overdue)" : ""
            fire(.risk, .amber, "Decision \(project.decisions[first].title) was needed by \(project.decisions[first].due?.iso ?? "") and is still open\(more)")
        }

        // Red reasons first, then amber; within each, in rule order.
        let ordered = reasons.filter { $0.rating == .red } + reasons.filter { $0.rating == .amber }
        var dimensions: [HealthDimension: Rating] = [:]
        for dimension in HealthDimension.allCases {
            dimensions[dimension] = reasons.filter { $0.dimension == dimension }.map(\.rating).max() ?? .green
        }
        return Verdict(rating: ordered.map(\.rating).max() ?? .green, reasons: ordered, dimensions: dimensions)
    }

    private static func issueTitle(_ item: IssueItem, _ project: Project) -> String {
        switch item.source {
        case .issue(let index): project.issues[index].title
        case .occurredRisk(let index): "occurred risk " + project.risks[index].title
        }
    }

    /// The closure rule: how the objectives and success criteria turned out.
    static func evaluateOutcome(_ project: Project) -> Verdict {
        let goals = project.objectives + project.successCriteria
        let met = goals.filter { $0.result == .met }
        let partly = goals.filter { $0.result == .partly }
        let missed = goals.filter { $0.result == .missed }
        let open = goals.filter { $0.result == nil }
        var reasons = ["Closed: \(met.count) of \(goals.count) objectives and success criteria met"]
        if !partly.isEmpty { reasons.append("Partly met: " + partly.map(\.text).joined(separator: "; ")) }
        if !missed.isEmpty { reasons.append("Missed: " + missed.map(\.text).joined(separator: "; ")) }
        if !open.isEmpty { reasons.append("No result recorded for: " + open.map(\.text).joined(separator: "; ")) }
        let rating: Rating = missed.count * 2 > goals.count ? .red : (partly.isEmpty && missed.isEmpty && open.isEmpty) ? .green : .amber
        return Verdict(rating: rating, reasons: reasons.map { HealthReason(dimension: nil, rating: rating, text: $0) }, dimensions: [:])
    }

    private static func count(_ value: Int, _ noun: String) -> String {
        "\(value) \(noun)\(value == 1 ? "" : "s")"
    }

    private static func titles(_ indices: [Int], _ plan: Plan) -> String {
        let listed = indices.prefix(3).map { plan.tasks[$0].title }.joined(separator: ", ")
        return indices.count > 3 ? "\(listed) and \(indices.count - 3) more" : listed
    }

    private static func overAllocationSentence(_ runs: [OverAllocation], _ plan: Plan) -> String {
        // One clause per resource, in people-then-pools order, with its total over-booked days.
        var order: [ResourceRef] = []
        var totals: [ResourceRef: (days: Int, first: Day, peak: Double, capacity: Double)] = [:]
        for run in runs {
            if let total = totals[run.resource] {
                totals[run.resource] = (total.days + run.days, min(total.first, run.firstDay),
                                        max(total.peak, run.peakLoad), run.capacity)
            } else {
                order.append(run.resource)
                totals[run.resource] = (run.days, run.firstDay, run.peakLoad, run.capacity)
            }
        }
        if order.count == 1, let resource = order.first, let total = totals[resource] {
            let peak = total.capacity > 0 ? " (peak \(NumberText.percent(total.peak / total.capacity)) of capacity)" : ""
            return "\(Figures.resourceName(resource, plan)) is over-allocated on \(count(total.days, "day")) from \(total.first.iso)\(peak)"
        }
        let listed = order.prefix(3).map { "\(Figures.resourceName($0, plan)) (\(count(totals[$0]?.days ?? 0, "day")))" }
        let more = order.count > 3 ? " and \(order.count - 3) more" : ""
        return "\(order.count) people or pools are over-allocated: \(listed.joined(separator: ", "))\(more)"
    }
}
