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

/// Resource leveling: the serial scheme with a priority rule, improved by random-key sampling,
/// forward-backward passes (justification) and recombination of the best schedules, within a
/// budget of generated schedules.
///
/// Stability comes first for plans. Sampled activity lists are random keys: each activity's key
/// is its priority value plus noise drawn from (seed, sample number, activity), so a local edit
/// changes only the keys of activities whose latest finish it moves, and sample `k` after the
/// edit is nearly sample `k` before it. The choice is made per component (activities joined by links or shared
/// people) and is the first schedule generated, in a fixed order starting with the priority
/// rule's, that is within `requiredGain` of the best one found: a schedule of one component is
/// replaced only by a clearly better one, and an edit in one component cannot change another's.
struct LevelingSearch: Sendable {
    struct Result: Sendable {
        var times: ActivityTimes
        /// Start of each activity before resource delays, in the returned schedule.
        var precedenceStart: [Int]
        var schedules: Int
        var objective: Int
        /// What each resource gives to each activity on each day (plans only).
        var bookings: [SerialScheduler.Booking] = []
        /// Activities whose people left before their work was done.
        var stranded: Set<Int> = []
        /// The activity list that generated `times` (pinned activities are placed before it).
        var order: [Int32] = []
    }

    static func run(network: SchedulingNetwork, analysis: TimeAnalysis, scheduler: inout SerialScheduler,
                    budget: Int, seed: UInt64, recordPrecedence: Bool = true,
                    requiredGain: Double = 0) -> Result {
        let tuning = Tuning()
        let firstPass = scheduler.passes
        let components = LevelingComponents(network: network)
        let keys = SamplingKeys(network: network, analysis: analysis, noise: tuning.noise)
        let rule = scheduler.forward(network.list(keys: keys.rule, forward: true))
        var choice = ComponentChoice(components: components, rule: rule, early: analysis.early,
                                     requiredGain: requiredGain)
        choice.consider(rule)
        let reserve = recordPrecedence ? 1 : 0
        func left(_ scheduler: SerialScheduler) -> Int { budget - (scheduler.passes - firstPass) - reserve }

        if !network.uses.isEmpty && !choice.reachedBounds && budget >= 3 {
            var elite = ElitePool(capacity: tuning.elite)
            /// Forward-backward passes until they stop helping; every schedule met is a candidate.
            func improve(_ times: ActivityTimes, _ scheduler: inout SerialScheduler) -> (times: ActivityTimes, value: Int) {
                var current = times, value = network.objective(times)
                while left(scheduler) >= 2 {
                    let next = justified(current, network: network, scheduler: &scheduler)
                    let nextValue = network.objective(next)
                    choice.consider(next)
                    guard nextValue < value else { break }
                    current = next; value = nextValue
                }
                return (current, value)
            }
            let improved = improve(rule, &scheduler)
            elite.offer(value: improved.value, starts: improved.times.start)
            var sample = 0, sampleSum = 0, sampled = 0
            let samplingEnd = Int(Double(budget) * tuning.samplingShare)
            var generator = SplitMix64(seed: seed ^ 0x5EC0_4D)
            while left(scheduler) >= 1 && !choice.reachedBounds {
                sample += 1
                let recombining = scheduler.passes - firstPass >= samplingEnd && elite.count >= 2
                let list: [Int32]
                if recombining {
                    list = network.list(keys: elite.child(generator: &generator, bias: tuning.bias), forward: true)
                } else {
                    list = network.list(keys: keys.sample(sample, seed: seed), forward: true)
                }
                let times = scheduler.forward(list)
                choice.consider(times)
                let value = network.objective(times)
                sampleSum += value; sampled += 1
                // Justification pays off on the better half of the samples (Tormos and Lova 2003).
                if tuning.justifyAll || recombining || value * sampled <= sampleSum {
                    let better = improve(times, &scheduler)
                    elite.offer(value: better.value, starts: better.times.start)
                } else {
                    elite.offer(value: value, starts: times.start)
                }
            }
        }
        var best = choice.chosen(or: rule)
        var bestObjective = network.objective(best)
        var precedenceStart = best.start
        guard recordPrecedence else {
            return Result(times: best, precedenceStart: precedenceStart,
                          schedules: scheduler.passes - firstPass, objective: bestObjective)
        }
        // One more resource-aware pass over the chosen schedule's own order records why each
        // activity starts when it does and what each person gives it each day; it is the
        // schedule returned (the chosen one, regenerated from its order).
        let order = network.list(keys: best.start, forward: true)
        let replay = precedenceStart.withUnsafeMutableBufferPointer { buffer in
            scheduler.forward(order, precedenceStart: buffer, keepBookings: true)
        }
        best = replay; bestObjective = network.objective(replay)
        return Result(times: best, precedenceStart: precedenceStart,
                      schedules: scheduler.passes - firstPass, objective: bestObjective,
                      bookings: scheduler.bookings, stranded: scheduler.stranded, order: order)
    }

    /// Right-justifies in order of decreasing finish, then left-justifies in order of
    /// increasing start (two passes).
    static func justified(_ times: ActivityTimes, network: SchedulingNetwork,
                          scheduler: inout SerialScheduler) -> ActivityTimes {
        let ends = network.groupEnds(times)
        var limits = [Int](repeating: 0, count: network.count)
        var keys = [Int](repeating: 0, count: network.count)
        for j in 0..<network.count { limits[j] = ends[Int(network.group[j])]; keys[j] = -times.end[j] }
        let right = scheduler.backward(network.list(keys: keys, forward: false), limit: Int.max, limits: limits)
        return scheduler.forward(network.list(keys: right.start, forward: true))
    }

    /// Settings of the search, tuned on PSPLIB j60 (each changes the average by about 0.1 %).
    struct Tuning {
        /// Sampling noise in mean activity lengths: wide, the samples seed the recombination.
        var noise = 10.0
        /// Justify every sample, not only those at least as good as the average sample.
        var justifyAll = false
        /// Share of the budget spent on sampling before recombination starts.
        var samplingShare = 0.3
        /// Schedules kept for recombination.
        var elite = 16
        /// Chance that a child takes an activity's start from the better parent.
        var bias = 0.7
    }
}

/// Priority values as list keys: explicit priority dominates, then the latest finish from the
/// time analysis, then (by the list's tie rule) the lower index. Sampled keys add noise of up
/// to `noise` mean activity lengths to the latest finish, never across priority levels.
struct SamplingKeys: Sendable {
    /// Keys of the priority rule.
    let rule: [Int]
    /// Noise range in key units.
    let spread: Int
    static let resolution = 64

    init(network: SchedulingNetwork, analysis: TimeAnalysis, noise: Double) {
        var low = Int.max, high = Int.min, lengthSum = 0, lengthCount = 0
        for j in 0..<network.count {
            low = min(low, analysis.late.end[j]); high = max(high, analysis.late.end[j])
            if !network.isInstant(j) && !network.isPinned(j) {
                lengthSum += analysis.early.end[j] - analysis.early.start[j]; lengthCount += 1
            }
        }
        let width = high >= low ? high - low + 1 : 1
        let meanLength = lengthCount > 0 ? Double(lengthSum) / Double(lengthCount) : 1
        let spread = Int((noise * meanLength * Double(SamplingKeys.resolution)).rounded())
        let level = width * SamplingKeys.resolution + spread + 1
        rule = (0..<network.count).map { j in
            (1000 - Int(network.priority[j])) * level + (analysis.late.end[j] - low) * SamplingKeys.resolution
        }
        self.spread = spread
    }

    /// Keys of sample `k`: the same activity gets the same noise in sample `k` of any plan.
    func sample(_ k: Int, seed: UInt64) -> [Int] {
        let draw = seed &+ UInt64(k) &* 0xD1B5_4A32_D192_ED03
        return rule.indices.map { j in
            var generator = SplitMix64(seed: draw ^ (UInt64(j) &* 0x9E37_79B9_7F4A_7C15))
            return rule[j] + Int(generator.unit() * Double(spread))
        }
    }
}

/// The per-component choice among the schedules generated so far (see `LevelingSearch`).
struct ComponentChoice {
    let components: LevelingComponents
    let tolerance: [Int]
    let lowerBound: [Int]
    /// Per component, in generation order: each schedule that improved on all before it.
    private var records: [[(value: Int, times: ActivityTimes)]]

    init(components: LevelingComponents, rule: ActivityTimes, early: ActivityTimes, requiredGain: Double) {
        self.components = components
        tolerance = components.spans(rule, from: early).map { Int((Double($0) * requiredGain).rounded(.up)) }
        lowerBound = components.objectives(early)
        records = Array(repeating: [], count: components.count)
    }

    var reachedBounds: Bool {
        (0..<components.count).allSatisfy { c in records[c].last.map { $0.value <= lowerBound[c] } ?? false }
    }

    mutating func consider(_ times: ActivityTimes) {
        let values = components.objectives(times)
        for c in 0..<components.count {
            if let last = records[c].last, last.value <= values[c] { continue }
            records[c].append((values[c], times))
            // Records far above the best can never be chosen again: the band only moves down.
            let limit = values[c] + tolerance[c]
            if let keep = records[c].firstIndex(where: { $0.value <= limit }), keep > 0 {
                records[c].removeFirst(keep)
            }
        }
    }

    /// Per component the first record within its tolerance of the best, put together.
    func chosen(or fallback: ActivityTimes) -> ActivityTimes {
        guard components.count > 0 else { return fallback }
        guard components.count > 1 else { return records[0][0].times }
        var result = records[0][0].times
        for j in result.start.indices {
            let c = Int(components.componentOf[j])
            let times = records[c][0].times
            result.start[j] = times.start[j]; result.end[j] = times.end[j]
        }
        return result
    }
}

/// The best distinct schedules found, as start times, for recombination.
struct ElitePool {
    let capacity: Int
    private var members: [(value: Int, starts: [Int])] = []

    init(capacity: Int) { self.capacity = max(capacity, 2) }

    var count: Int { members.count }

    mutating func offer(value: Int, starts: [Int]) {
        if members.count >= capacity, let worst = members.last, worst.value <= value { return }
        if members.contains(where: { $0.value == value && $0.starts == starts }) { return }
        let at = members.firstIndex { $0.value > value } ?? members.count
        members.insert((value, starts), at: at)
        if members.count > capacity { members.removeLast() }
    }

    /// Keys of a child: each activity takes its start from the better of two parents drawn by
    /// tournament with probability `bias`, else from the other one.
    func child(generator: inout SplitMix64, bias: Double) -> [Int] {
        func pick(_ generator: inout SplitMix64) -> Int {
            let a = Int(generator.next() % UInt64(members.count)), b = Int(generator.next() % UInt64(members.count))
            return min(a, b)
        }
        var first = pick(&generator), second = pick(&generator)
        if first == second { second = (second + 1) % members.count }
        if second < first { swap(&first, &second) }
        let better = members[first].starts, other = members[second].starts
        var keys = [Int](repeating: 0, count: better.count)
        for j in keys.indices {
            // The low bit breaks ties between equal starts at random.
            let source = generator.unit() < bias ? better[j] : other[j]
            keys[j] = source * 2 + (generator.next() & 1 == 0 ? 0 : 1)
        }
        return keys
    }
}
