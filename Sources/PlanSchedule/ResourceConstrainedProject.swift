/// A classic single-mode resource-constrained project (RCPSP, as in PSPLIB): integer durations,
/// finish-to-start successors, constant per-period requests of renewable resources.
///
/// It is scheduled by the same network, serial scheme and leveling search as plans, on the
/// continuous calendar (every period works).
public struct ResourceConstrainedProject: Sendable {
    public var durations: [Int]
    /// Successors of each activity (indices).
    public var successors: [[Int]]
    /// `requests[j][r]`: units of resource `r` that activity `j` uses in every period it runs.
    public var requests: [[Int]]
    public var capacities: [Int]

    public init(durations: [Int], successors: [[Int]], requests: [[Int]], capacities: [Int]) {
        self.durations = durations; self.successors = successors
        self.requests = requests; self.capacities = capacities
    }

    public struct Solution: Sendable {
        /// Start period of each activity.
        public var starts: [Int]
        public var makespan: Int
        /// Schedules generated (every forward or backward pass counts).
        public var schedules: Int
        /// Critical-path length without resource limits.
        public var criticalPathLength: Int
    }

    /// Levels the project with at most `schedules` generated schedules.
    public func solve(schedules budget: Int = 1000, seed: UInt64 = 0x5EED) -> Solution {
        var network = SchedulingNetwork()
        let n = durations.count
        var useOffsets: [Int32] = [0]
        for j in 0..<n {
            network.shapes.append(durations[j] > 0 ? .span(calendar: 0, days: Int32(durations[j])) : .instant)
            for (r, amount) in requests[j].enumerated() where amount > 0 && r < capacities.count {
                network.uses.append(ResourceUse(resource: Int32(r), amount: Int32(min(amount, capacities[r])),
                                                calendar: 0))
            }
            useOffsets.append(Int32(network.uses.count))
        }
        network.useOffsets = useOffsets
        network.capacities = capacities.map { Int32($0) }
        network.release = Array(repeating: 0, count: n)
        network.due = Array(repeating: Int.max, count: n)
        network.pinnedStart = Array(repeating: Int.min, count: n)
        network.pinnedEnd = Array(repeating: Int.min, count: n)
        network.group = Array(repeating: 0, count: n)
        network.priority = Array(repeating: 500, count: n)
        var links: [(from: Int, to: Int, kind: LinkKind, lag: Int, calendar: Int)] = []
        for (j, next) in successors.enumerated() {
            for q in next where q >= 0 && q < n { links.append((j, q, .finishToStart, 0, 0)) }
        }
        network.setLinks(links)
        var scheduler = SerialScheduler(network: network, horizon: 0..<(durations.reduce(0, +) + 1))
        let analysis = TimeAnalysis(network: network, scheduler: &scheduler)
        let result = LevelingSearch.run(network: network, analysis: analysis, scheduler: &scheduler,
                                        budget: budget, seed: seed, recordPrecedence: false)
        return Solution(starts: result.times.start, makespan: result.objective,
                        schedules: result.schedules, criticalPathLength: network.objective(analysis.early))
    }
}
