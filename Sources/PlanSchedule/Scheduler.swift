import PlanModel

public struct ScheduleOptions: Sendable {
    /// Budget of generated schedules for leveling (every forward or backward pass counts).
    /// Large plans get fewer: at most `workBudget / activities`, and never fewer than one.
    public var samples: Int
    /// Activity placements the sampling may spend in total (bounds time on large plans).
    public var workBudget: Int
    /// Seed of the sampling generator; the same seed gives the same schedule everywhere.
    public var seed: UInt64
    /// Stability margin, as a share of the span of each independent part of the plan (work joined
    /// by dependencies or shared people): a part keeps the priority rule's schedule unless the
    /// search beats it by more than this, and otherwise gets the first schedule generated within
    /// this margin of the best one found, so small gains do not reshuffle the plan.
    public var requiredGain: Double

    public init(samples: Int = 200, workBudget: Int = 200_000, seed: UInt64 = 0x706C_616E_63,
                requiredGain: Double = 0.03) {
        self.samples = samples; self.workBudget = workBudget; self.seed = seed; self.requiredGain = requiredGain
    }
}

/// The schedule phase: working calendars, time analysis, resource leveling and the forecast
/// from progress, over all projects of a plan at once (people may work in several).
public enum Scheduler {
    public static func schedule(_ plan: Plan, today: Day,
                                options: ScheduleOptions = .init()) -> (schedule: Schedule, diagnostics: [Diagnostic]) {
        let built = PlanNetwork(plan: plan, today: today)
        let network = built.network
        var diagnostics = built.diagnostics
        let low = min(network.release.filter { $0 != Int.min }.min() ?? today.ordinal, today.ordinal)
        var scheduler = SerialScheduler(network: network, horizon: low..<(low + 730))
        let analysis = TimeAnalysis(network: network, scheduler: &scheduler)
        let budget = max(1, min(options.samples, options.workBudget / max(network.count, 1)))
        let leveled = LevelingSearch.run(network: network, analysis: analysis, scheduler: &scheduler,
                                         budget: budget, seed: options.seed,
                                         requiredGain: options.requiredGain)
        var result = ScheduleBuilder(plan: plan, built: built, analysis: analysis, leveled: leveled, today: today)
        diagnostics.append(contentsOf: result.diagnostics())
        let schedule = result.schedule()
        return (schedule, diagnostics.sorted(by: Scheduler.order))
    }

    /// Position first (as people read them), then code and message, so the order never depends
    /// on the order in which checks ran.
    static func order(_ a: Diagnostic, _ b: Diagnostic) -> Bool {
        switch (a.range, b.range) {
        case let (x?, y?) where x != y: return x < y
        case (nil, _?): return true
        case (_?, nil): return false
        default:
            if a.code != b.code { return a.code.rawValue < b.code.rawValue }
            return a.message < b.message
        }
    }
}
