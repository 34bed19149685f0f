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
        var memo = LevelingMemo()
        return schedule(plan, today: today, options: options, memo: &memo)
    }

    /// The same, taking the leveling from `memo` when the plan's scheduling network is the one
    /// leveled last (an editor's session, `planc serve`), and leaving this one's there.
    public static func schedule(_ plan: Plan, today: Day, options: ScheduleOptions = .init(),
                                memo: inout LevelingMemo) -> (schedule: Schedule, diagnostics: [Diagnostic]) {
        var built = PlanNetwork(plan: plan, today: today)
        let network = built.network
        var diagnostics = built.diagnostics
        let low = min(network.release.filter { $0 != Int.min }.min() ?? today.ordinal, today.ordinal)
        let budget = max(1, min(options.samples, options.workBudget / max(network.count, 1)))
        let key = LevelingMemo.Key(network: network, low: low, budget: budget, seed: options.seed, requiredGain: options.requiredGain)
        let remembered = memo.level(key) {
            var scheduler = SerialScheduler(network: network, horizon: low..<(low + 730))
            let analysis = TimeAnalysis(network: network, scheduler: &scheduler)
            let leveled = LevelingSearch.run(network: network, analysis: analysis, scheduler: &scheduler,
                                             budget: budget, seed: options.seed,
                                             requiredGain: options.requiredGain)
            return (analysis, leveled)
        }
        let analysis = remembered.0
        var leveled = remembered.1
        Scheduler.followPackageStarts(plan: plan, built: &built, leveled: &leveled)
        for j in leveled.stranded.sorted() where plan.tasks.indices.contains(j) {
            let task = plan.tasks[j]
            diagnostics.append(Diagnostic(
                .unschedulable, "the people on '\(task.id)' have no time left to finish it",
                at: task.range,
                hint: "assign someone who stays on the project; planc schedules the rest on the project calendar without them"))
        }
        var result = ScheduleBuilder(plan: plan, built: built, analysis: analysis, leveled: leveled, today: today)
        diagnostics.append(contentsOf: result.diagnostics())
        let schedule = result.schedule()
        return (schedule, diagnostics.sorted(by: Scheduler.order))
    }

    /// SS and SF links *from* a work package follow the package's scheduled start after leveling
    /// (as MS Project does), not the earliest its tasks could start: the package's start gate is
    /// released no earlier than its first task's leveled start, and the chosen order is replayed.
    /// A few rounds settle it (each can only move work later); the bound keeps it linear.
    static func followPackageStarts(plan: Plan, built: inout PlanNetwork, leveled: inout LevelingSearch.Result) {
        var gates: [(summary: Int, gate: Int, leaves: [Int])] = []
        for (i, task) in plan.tasks.enumerated() {
            guard let gate = built.startGate[i] else { continue }
            let network = built.network
            let drivesOthers = network.successorRange(gate).contains { index in
                let to = Int(network.successors[index].other)
                return !(to < plan.tasks.count ? plan.tasks[to].parent == i : plan.tasks[built.taskOfActivity[to]].parent == i)
            }
            guard drivesOthers else { continue }
            var leaves: [Int] = [], stack = task.children, seen = Set<Int>()
            while let next = stack.popLast() {
                guard plan.tasks.indices.contains(next), seen.insert(next).inserted else { continue }
                if built.startGate[next] == nil { if built.progress[next] != .cancelled { leaves.append(next) } }
                else { stack.append(contentsOf: plan.tasks[next].children) }
            }
            gates.append((i, gate, leaves))
        }
        guard !gates.isEmpty else { return }
        for _ in 0..<4 {
            var changed = false
            for entry in gates {
                guard let first = entry.leaves.map({ leveled.times.start[$0] }).min() else { continue }
                if first > leveled.times.start[entry.gate] && first > built.network.release[entry.gate] {
                    built.network.release[entry.gate] = first
                    changed = true
                }
            }
            guard changed else { return }
            let network = built.network
            let low = min(network.release.filter { $0 != Int.min }.min() ?? 0, leveled.times.start.min() ?? 0)
            var scheduler = SerialScheduler(network: network, horizon: low..<(low + 730))
            var precedenceStart = leveled.precedenceStart
            let order = network.list(keys: leveled.times.start, forward: true)
            let times = precedenceStart.withUnsafeMutableBufferPointer { buffer in
                scheduler.forward(order, precedenceStart: buffer, keepBookings: true)
            }
            leveled = LevelingSearch.Result(times: times, precedenceStart: precedenceStart, schedules: leveled.schedules + 1,
                                            objective: network.objective(times), bookings: scheduler.bookings,
                                            stranded: scheduler.stranded, order: order)
        }
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
