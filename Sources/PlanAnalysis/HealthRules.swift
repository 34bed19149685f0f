import PlanModel

/// The rules that rate a project green, amber or red. Deterministic, and each rule that fires
/// adds one sentence to the reasons, red rules first.
///
/// Red when any of:
/// - the forecast finish is more than 5 working days after the project deadline;
/// - an open milestone is missed (its due date passed) or forecast late by more than 5 working days;
/// - the cost forecast (actual cost + planned cost of the remaining work) exceeds 110 % of the budget;
/// - the schedule or cost performance index (SPI = EV/PV, CPI = EV/AC) is below 0.80;
/// - the latest journal entry is rated red.
///
/// Amber when any of:
/// - the forecast finish is after the deadline at all, or a milestone is missed or forecast late at all;
/// - an open task is late (`Analyzer.isLate`);
/// - a task is blocked;
/// - a person or pool is booked beyond capacity on some day;
/// - an open or watched risk scores 9 or more (likelihood x impact, each 1...4);
/// - the cost forecast exceeds the budget;
/// - the schedule or cost performance index is below 0.90;
/// - the latest journal entry is rated amber.
///
/// Green otherwise. A fact that fires a red rule is not repeated as amber.
///
/// A closed project is rated on its outcome instead, since its schedule and risks are history:
/// green when every objective and success criterion with a result is met; amber when any is
/// partly met or missed, or has no result recorded; red when more than half are missed.
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

    struct Verdict { var rating: Rating; var reasons: [String] }

    static func evaluate(_ analysis: ProjectAnalysis, project: Project, plan: Plan,
                         milestones: [MilestoneSlip]) -> Verdict {
        if project.phase == .closed { return evaluateOutcome(project) }
        var red: [String] = []
        var amber: [String] = []

        if let finish = analysis.forecastFinish, let deadline = analysis.deadline, finish > deadline {
            let working = analysis.slipWorkingDays ?? 0
            let sentence = "Forecast finish \(finish.iso) is \(count(working, "working day")) after the deadline \(deadline.iso)"
            if working > redSlipWorkingDays { red.append(sentence) } else { amber.append(sentence) }
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
            if worst.1.workingDays > redSlipWorkingDays { red.append(sentence) } else { amber.append(sentence) }
        }

        if let budget = analysis.budget, budget.amount > 0 {
            let ratio = analysis.costForecast / budget.amount
            if ratio > 1 + 1e-9 {
                let currency = budget.currency ?? analysis.currency
                let sentence = "Cost forecast \(NumberText.money(analysis.costForecast, currency: currency)) is \(NumberText.percent(ratio)) of the budget \(NumberText.money(budget.amount, currency: currency))"
                if ratio > redCostRatio + 1e-9 { red.append(sentence) } else { amber.append(sentence) }
            }
        }

        // Earned value behind plan or over cost: judged on the index as every output shows it (two
        // decimals), so "SPI 0.90" never comes with a reason that says it is below 0.90.
        let indices: [(Double?, String, String)] = [
            (analysis.schedulePerformanceIndex, "Schedule performance", "earned value behind plan"),
            (analysis.costPerformanceIndex, "Cost performance", "earned value below actual cost"),
        ]
        for case let (value?, name, meaning) in indices {
            let shown = (value * 100).rounded() / 100
            guard shown < amberPerformanceIndex - 1e-9 else { continue }
            let sentence = "\(name) \(NumberText.twoDecimals(value)) (\(meaning))"
            if shown < redPerformanceIndex - 1e-9 { red.append(sentence) } else { amber.append(sentence) }
        }

        if let index = analysis.latestJournal, let rating = project.journal[index].rating, rating != .green {
            let entry = project.journal[index]
            let sentence = "Latest journal entry \(entry.date.iso) is \(rating.rawValue): \(entry.headline)"
            if rating == .red { red.append(sentence) } else { amber.append(sentence) }
        }

        if !analysis.lateTasks.isEmpty {
            let noun = analysis.lateTasks.count == 1 ? "open task is late" : "open tasks are late"
            amber.append("\(analysis.lateTasks.count) \(noun): \(titles(analysis.lateTasks, plan))")
        }
        if !analysis.blockedTasks.isEmpty {
            let noun = analysis.blockedTasks.count == 1 ? "task is blocked" : "tasks are blocked"
            amber.append("\(analysis.blockedTasks.count) \(noun): \(titles(analysis.blockedTasks, plan))")
        }
        if !analysis.overAllocations.isEmpty {
            amber.append(overAllocationSentence(analysis.overAllocations, plan))
        }
        let riskyRisks = analysis.topRisks.filter { project.risks[$0].score >= riskScoreThreshold }
        if !riskyRisks.isEmpty {
            let listed = riskyRisks.prefix(3).map { "\(project.risks[$0].title) (\(project.risks[$0].score))" }
            let more = riskyRisks.count > 3 ? " and \(riskyRisks.count - 3) more" : ""
            let noun = riskyRisks.count == 1 ? "open risk scores" : "open risks score"
            amber.append("\(riskyRisks.count) \(noun) \(riskScoreThreshold) or more: \(listed.joined(separator: ", "))\(more)")
        }

        let rating: Rating = !red.isEmpty ? .red : !amber.isEmpty ? .amber : .green
        return Verdict(rating: rating, reasons: red + amber)
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
        return Verdict(rating: rating, reasons: reasons)
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
