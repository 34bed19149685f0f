/// Time analysis without resource limits: the critical path method over a network.
struct TimeAnalysis: Sendable {
    /// Earliest times (forward pass).
    var early: ActivityTimes
    /// Latest times against each group's early end and each activity's due date (backward pass).
    var late: ActivityTimes
    /// Early end of each group (project).
    var groupEnd: [Int]

    init(network: SchedulingNetwork, scheduler: inout SerialScheduler) {
        let zero = [Int](repeating: 0, count: network.count)
        early = scheduler.forward(network.list(keys: zero, forward: true), resources: false)
        groupEnd = network.groupEnds(early)
        var limits = [Int](repeating: 0, count: network.count)
        for j in 0..<network.count {
            limits[j] = min(groupEnd[Int(network.group[j])], network.due[j])
        }
        late = scheduler.backward(network.list(keys: zero, forward: false), limit: Int.max, resources: false,
                                  limits: limits)
    }
}

extension SchedulingNetwork {
    /// The latest end of each group (`Int.min` for an empty group).
    func groupEnds(_ times: ActivityTimes) -> [Int] {
        var ends = [Int](repeating: Int.min, count: groupCount)
        for j in 0..<count where times.end[j] > ends[Int(group[j])] { ends[Int(group[j])] = times.end[j] }
        return ends
    }

    /// What the leveling search minimizes: the sum of the group (project) ends.
    func objective(_ times: ActivityTimes) -> Int {
        groupEnds(times).reduce(0) { $0 + ($1 == Int.min ? 0 : $1) }
    }
}

/// Resource leveling: the serial scheme with a priority rule, improved by forward-backward
/// passes (justification) and biased random sampling, within a budget of generated schedules.
///
/// The first schedule comes from the priority rule alone (higher explicit priority first, then
/// earlier latest finish, then lower index). Every other schedule replaces the best one only when
/// it is strictly better, so when sampling finds nothing shorter the plan keeps the schedule of
/// the priority rule, which moves little when one task changes.
struct LevelingSearch: Sendable {
    struct Result: Sendable {
        var times: ActivityTimes
        /// Start of each activity before resource delays, in the returned schedule.
        var precedenceStart: [Int]
        var schedules: Int
        var objective: Int
    }

    static func run(network: SchedulingNetwork, analysis: TimeAnalysis, scheduler: inout SerialScheduler,
                    budget: Int, seed: UInt64, recordPrecedence: Bool = true,
                    requiredGain: Double = 0) -> Result {
        let values = priorityValues(network: network, analysis: analysis)
        let lowerBound = network.objective(analysis.early)
        let hasResources = !network.uses.isEmpty
        let firstPass = scheduler.passes
        var best = scheduler.forward(network.list(keys: values, forward: true))
        var bestObjective = network.objective(best)
        var generator = SplitMix64(seed: seed)
        // A searched schedule must beat the priority rule's by this much (a share of its span)
        // before it replaces it: small gains are not worth reshuffling a plan people know.
        let ruleObjective = bestObjective
        var groupStart = [Int](repeating: Int.max, count: network.groupCount)
        for j in 0..<network.count {
            groupStart[Int(network.group[j])] = min(groupStart[Int(network.group[j])], analysis.early.start[j])
        }
        let ruleEnds = network.groupEnds(best)
        var span = 0
        for g in 0..<network.groupCount where groupStart[g] != Int.max && ruleEnds[g] != Int.min {
            span += ruleEnds[g] - groupStart[g]
        }
        let threshold = ruleObjective - Int((Double(max(span, 0)) * requiredGain).rounded(.up))
        func consider(_ candidate: ActivityTimes) {
            let value = network.objective(candidate)
            if value < bestObjective && (value <= threshold || bestObjective < ruleObjective) {
                best = candidate; bestObjective = value
            }
        }
        func justified(_ times: ActivityTimes) -> ActivityTimes {
            let ends = network.groupEnds(times)
            var limits = [Int](repeating: 0, count: network.count)
            var keys = [Int](repeating: 0, count: network.count)
            for j in 0..<network.count { limits[j] = ends[Int(network.group[j])]; keys[j] = -times.end[j] }
            let right = scheduler.backward(network.list(keys: keys, forward: false), limit: Int.max, limits: limits)
            return scheduler.forward(network.list(keys: right.start, forward: true))
        }

        if hasResources && bestObjective > lowerBound && budget >= 3 {
            consider(justified(best))
            let reserve = recordPrecedence ? 1 : 0
            var samplingValues = values
            var switched = false
            while scheduler.passes - firstPass + 3 + reserve <= budget && bestObjective > lowerBound {
                // After the first 30 % of the budget, sample around the best schedule found so far
                // (its start times as priority values) instead of around the latest-finish rule.
                if !switched && (scheduler.passes - firstPass) * 10 >= budget * 3 { switched = true }
                if switched { samplingValues = best.start }
                let sample = scheduler.forward(network.sampledList(values: samplingValues, generator: &generator,
                                                                         exponent: switched ? 2 : 1))
                consider(sample)
                consider(justified(sample))
            }
        }
        var precedenceStart = best.start
        guard recordPrecedence else {
            return Result(times: best, precedenceStart: precedenceStart,
                          schedules: scheduler.passes - firstPass, objective: bestObjective)
        }
        // One more resource-aware pass over the best schedule's own order records why each
        // activity starts when it does (the critical chain needs it); it reproduces the schedule.
        let order = network.list(keys: best.start, forward: true)
        let replay = precedenceStart.withUnsafeMutableBufferPointer { buffer in
            scheduler.forward(order, precedenceStart: buffer)
        }
        if network.objective(replay) <= bestObjective {
            best = replay; bestObjective = network.objective(replay)
        } else {
            precedenceStart = best.start
        }
        return Result(times: best, precedenceStart: precedenceStart,
                      schedules: scheduler.passes - firstPass, objective: bestObjective)
    }

    /// Lower is scheduled earlier: explicit priority dominates, then the latest finish.
    static func priorityValues(network: SchedulingNetwork, analysis: TimeAnalysis) -> [Int] {
        var low = Int.max, high = Int.min
        for end in analysis.late.end { low = min(low, end); high = max(high, end) }
        let width = high >= low ? high - low + 1 : 1
        return (0..<network.count).map { j in
            (1000 - Int(network.priority[j])) * width + (analysis.late.end[j] - (low == Int.max ? 0 : low))
        }
    }
}
