import PlanModel

/// The figures a status report needs for one project, computed from the plan and its schedule.
///
/// Every list holds indices (into `Plan.tasks`, `Project.risks` or `Project.journal`) so renderers
/// look up names, dates and sources themselves and nothing is copied twice.
public struct ProjectAnalysis: Sendable {
    public var projectIndex: Int
    /// Green, amber or red by the rules in `HealthRules` (see docs/terminal.md): the worst of
    /// the dimension ratings and of the latest journal entry's rating.
    public var health: Rating
    /// Every rule that fired, red rules before amber ones, each with its dimension.
    public var reasons: [HealthReason]
    /// One sentence per rule that fired, red rules before amber ones.
    public var healthReasons: [String] { reasons.map(\.text) }
    /// Schedule, cost, scope, resources and risk, in that order, each with its rating, reasons and
    /// trend against the previous report. Empty for a closed project (rated on its outcome).
    public var ratings: [DimensionRating]
    /// The previous report: the latest journal entry dated before today. Trends compare against it.
    public var previousReport: Int?
    /// The overall rating against the previous report's own rating.
    public var healthTrend: Trend?
    /// Open decisions the project waits for, by the day they are needed (none last), then as written.
    public var decisionsNeeded: [Int]
    /// Open issues escalated for help (`escalated:DATE`), by due date (none last), then as written.
    public var helpNeeded: [Int]
    /// Open leaf tasks (not milestones) with no effort, duration or dates: scheduled as one day.
    public var unestimatedTasks: [Int]
    /// Open leaf tasks assigned to a person whose availability is 0 (who has left) on the day the
    /// task is scheduled to finish: the work outlasts the person.
    public var tasksWithDepartedPeople: [Int]

    /// The ratings to record in this report's journal heading, so the next report's trend arrows
    /// compare against them: `schedule:green cost:green scope:amber resources:green risk:amber`.
    public var ratingsRecord: String? {
        ratings.isEmpty ? nil : ratings.map { "\($0.dimension.rawValue):\($0.rating.rawValue)" }.joined(separator: " ")
    }
    /// 0...1, completed effort over planned effort of the open and finished leaf tasks (cancelled
    /// tasks are left out). Effort is `effort`, else `duration` x assigned units, else one day.
    public var percentComplete: Double
    public var plannedEffortDays: Double
    public var completedEffortDays: Double
    public var forecastFinish: Day?
    public var deadline: Day?
    /// Calendar days the forecast finish is past the deadline; negative when ahead.
    public var slipDays: Int?
    /// Working days (project calendar) the forecast finish is past the deadline; 0 when on time.
    public var slipWorkingDays: Int?
    /// Working days (project calendar) after the forecast finish up to the deadline; nil unless
    /// the forecast is before the deadline.
    public var bufferWorkingDays: Int?

    /// The forecast against the deadline in words, the same in every output: `5 working days of
    /// buffer before the deadline`, `3 working days past the deadline`, `on the deadline`.
    public var deadlineStanding: String? {
        guard let slip = slipDays else { return nil }
        func days(_ count: Int) -> String { "\(count) working day\(count == 1 ? "" : "s")" }
        if slip > 0 { return days(slipWorkingDays ?? slip) + " past the deadline" }
        if slip < 0, let buffer = bufferWorkingDays, buffer > 0 { return days(buffer) + " of buffer before the deadline" }
        return "on the deadline"
    }
    /// Open milestones, soonest first, at most five.
    public var nextMilestones: [Int]
    /// Every milestone of the project (done, open and cancelled) by date: the day it was reached
    /// when done, else its forecast (`Analyzer.milestoneDate`), then in work breakdown order.
    public var milestones: [Int]
    /// Open milestones whose due date has passed, by forecast date.
    public var missedMilestones: [Int]
    /// Open milestones not yet due but forecast after their due date, by forecast date.
    public var forecastLateMilestones: [Int]
    /// Open leaf tasks forecast to finish after their deadline, or that should have finished before today.
    public var lateTasks: [Int]
    /// Every task not yet finished that `Analyzer.isLate` calls late, as the Gantt charts mark
    /// them: leaves, milestones and work packages, in work breakdown order.
    public var lateWork: [Int]
    /// Finished tasks (done; a work package once all its work is done or cancelled) that finished
    /// after their due date: history, not open late work. Work breakdown order.
    public var finishedLate: [Int]
    /// Tasks with status blocked, in work breakdown order.
    public var blockedTasks: [Int]
    /// Open and watched risks by score, highest first, then by review date (soonest first, none
    /// last), then as written. Renderers show a prefix; the risk matrix places exactly these.
    public var topRisks: [Int]
    /// The risk register: `topRisks`, then closed risks in the same order. Occurred risks are not
    /// in it: they are listed with the issues.
    public var riskRegister: [Int]
    /// Issues and occurred risks, open ones first, each part by severity (an occurred risk's
    /// impact), highest first, then by due date (its review date), soonest first.
    public var issues: [IssueItem]
    public var overAllocations: [OverAllocation]
    public var budget: Money?
    /// The currency costs are summed in: the project's, else the budget's, else the first rate's.
    public var currency: String?
    /// People's rates x planned effort + fixed costs, in `currency`.
    public var plannedCost: Double
    /// Spent effort (spentDays, or progress x effort when not tracked) x rates + fixed costs of started tasks.
    public var actualCost: Double
    /// Planned cost of the work done (EV) and of the work scheduled to be done by today (PV).
    public var earnedValue: Double
    public var plannedValue: Double
    /// EV - AC.
    public var costVariance: Double
    /// EV - PV.
    public var scheduleVariance: Double
    /// Estimate at completion: actual cost + planned cost of the remaining work.
    public var costForecast: Double
    public var latestJournal: Int?
    /// Open milestones against their due dates, as `missedMilestones` then `forecastLateMilestones`
    /// list them (for the health rules).
    var milestoneSlips: [MilestoneSlip] = []
    /// Whether EV and PV are the baseline's (`Analyzer.measure(_:against:plan:today:)`) rather than
    /// against today's own plan.
    public var measuredAgainstBaseline = false

    /// SPI = EV / PV; nil while nothing was planned to be done yet.
    public var schedulePerformanceIndex: Double? { plannedValue > 0 ? earnedValue / plannedValue : nil }
    /// CPI = EV / AC; nil while nothing was spent.
    public var costPerformanceIndex: Double? { actualCost > 0 ? earnedValue / actualCost : nil }
}

/// One rule that fired: its sentence, its rating and the dimension it rates (nil for the
/// journal entry's own rating, which counts for the whole project).
public struct HealthReason: Sendable, Hashable {
    public var dimension: HealthDimension?
    public var rating: Rating
    public var text: String
    public init(dimension: HealthDimension?, rating: Rating, text: String) {
        self.dimension = dimension; self.rating = rating; self.text = text
    }
}

/// A rating now against the one the previous report gave.
public enum Trend: String, Sendable {
    case better, same, worse
    public init(from previous: Rating, to current: Rating) {
        self = current < previous ? .better : current > previous ? .worse : .same
    }
    /// `↑`, `→`, `↓` (`^`, `=`, `v` in ASCII).
    public func symbol(ascii: Bool = false) -> String {
        switch self {
        case .better: ascii ? "^" : "↑"
        case .same: ascii ? "=" : "→"
        case .worse: ascii ? "v" : "↓"
        }
    }
    /// `better than`, `same as`, `worse than`: followed by the previous report's date.
    public var comparison: String {
        switch self { case .better: "better than"; case .same: "same as"; case .worse: "worse than" }
    }
}

/// One dimension of a status report (schedule, cost, scope, resources, risk).
public struct DimensionRating: Sendable {
    public var dimension: HealthDimension
    public var rating: Rating
    /// The sentences of the rules that rated it, red first.
    public var reasons: [String]
    /// The rating the previous report recorded for it (`ProjectAnalysis.previousReport`), if any.
    public var previous: Rating?
    public var trend: Trend? { previous.map { Trend(from: $0, to: rating) } }
}

/// How an open milestone stands against its due date (`Analyzer.milestoneSlip`).
public struct MilestoneSlip: Sendable, Hashable {
    public enum Kind: String, Sendable {
        /// The due date has passed and it is not done.
        case missed
        /// The due date is still ahead, but the forecast is after it.
        case forecastLate = "forecast-late"
    }
    public var kind: Kind
    /// Working days (project calendar) since the due date when missed, else from the due date to the forecast.
    public var workingDays: Int
    public var due: Day
    public var forecast: Day

    /// `missed by 3 working days` or `forecast late by 4 working days`.
    public var phrase: String {
        let days = "\(workingDays) working day\(workingDays == 1 ? "" : "s")"
        return kind == .missed ? "missed by \(days)" : "forecast late by \(days)"
    }
}

public struct OverAllocation: Sendable, Hashable {
    public var resource: ResourceRef
    public var firstDay: Day
    public var lastDay: Day
    /// Over-booked working days in the run.
    public var days: Int
    public var peakLoad: Double
    public var capacity: Double

    public init(resource: ResourceRef, firstDay: Day, lastDay: Day, days: Int, peakLoad: Double, capacity: Double) {
        self.resource = resource; self.firstDay = firstDay; self.lastDay = lastDay
        self.days = days; self.peakLoad = peakLoad; self.capacity = capacity
    }
}

public struct PortfolioAnalysis: Sendable {
    /// Parallel to `Plan.projects`.
    public var projects: [ProjectAnalysis]
    public init(projects: [ProjectAnalysis]) { self.projects = projects }

    /// The worst project health; green for an empty portfolio.
    public var health: Rating { projects.map(\.health).max() ?? .green }
}
