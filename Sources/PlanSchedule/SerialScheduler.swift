/// Start and end boundaries of every activity of a network.
struct ActivityTimes: Sendable, Equatable {
    var start: [Int]
    var end: [Int]
}

/// The serial schedule generation scheme, forward and backward, over a `SchedulingNetwork`.
///
/// Activities are taken one at a time in the order of an activity list and each is placed at the
/// earliest (forward) or latest (backward) time that its links and the resource profile allow.
/// Pinned activities are placed first, at their pinned times, whatever the profile says.
/// The profile is left empty after every pass, so one scheduler serves many passes.
struct SerialScheduler: Sendable {
    let network: SchedulingNetwork
    private var profile: ResourceProfile
    /// Passes run so far (every forward or backward pass is one generated schedule).
    private(set) var passes = 0
    private let pinned: [Int]

    init(network: SchedulingNetwork, horizon: Range<Int>) {
        self.network = network
        profile = ResourceProfile(resourceCount: network.capacities.count, from: horizon.lowerBound,
                                  to: horizon.upperBound)
        pinned = (0..<network.count).filter { network.isPinned($0) }
    }

    /// Times of a pinned activity.
    func pinnedTimes(_ j: Int) -> (start: Int, end: Int) {
        let fixedStart = network.pinnedStart[j], fixedEnd = network.pinnedEnd[j]
        if fixedStart != Int.min && fixedEnd != Int.min { return (fixedStart, max(fixedStart, fixedEnd)) }
        if fixedStart != Int.min {
            let s = network.snapStart(j, fixedStart)
            return (s, network.end(j, from: s))
        }
        let e = network.snapEnd(j, fixedEnd)
        return (network.start(j, to: e), e)
    }

    // MARK: Passes

    /// Places every activity as early as possible, in list order (pinned ones first).
    /// `list` must hold every unpinned activity after all its unpinned predecessors.
    /// `precedenceStart`, when given, receives each activity's start before resource delays.
    mutating func forward(_ list: [Int32], resources: Bool = true,
                          precedenceStart: UnsafeMutableBufferPointer<Int>? = nil) -> ActivityTimes {
        passes += 1
        var start = [Int](repeating: 0, count: network.count)
        var end = [Int](repeating: 0, count: network.count)
        for j in pinned {
            let times = pinnedTimes(j)
            start[j] = times.start; end[j] = times.end
            precedenceStart?[j] = times.start
            if resources { reserve(j, times.start, times.end, sign: 1) }
        }
        for item in list {
            let j = Int(item)
            let bounds = network.forwardBounds(j, start: start, end: end)
            var (s, e) = network.earliestPlacement(j, startBound: bounds.start, endBound: bounds.end)
            precedenceStart?[j] = s
            if resources && network.useOffsets[j] != network.useOffsets[j + 1] && e > s {
                while let conflict = latestConflict(j, s, e) {
                    s = network.snapStart(j, conflict + 1)
                    e = network.end(j, from: s)
                }
                reserve(j, s, e, sign: 1)
            }
            start[j] = s; end[j] = e
        }
        if resources { release(start: start, end: end) }
        return ActivityTimes(start: start, end: end)
    }

    /// Places every activity as late as possible, in list order (pinned ones first), with no
    /// end after `limit` (or `limits[j]`). `list` must hold every unpinned activity after all its
    /// unpinned successors. Release dates are ignored: the result only orders the next forward pass.
    mutating func backward(_ list: [Int32], limit: Int, resources: Bool = true,
                           limits: [Int]? = nil) -> ActivityTimes {
        passes += 1
        var start = [Int](repeating: 0, count: network.count)
        var end = [Int](repeating: 0, count: network.count)
        for j in pinned {
            let times = pinnedTimes(j)
            start[j] = times.start; end[j] = times.end
            if resources { reserve(j, times.start, times.end, sign: 1) }
        }
        for item in list {
            let j = Int(item)
            let bounds = network.backwardBounds(j, limit: limits?[j] ?? limit, start: start, end: end)
            var (s, e) = network.latestPlacement(j, startBound: bounds.start, endBound: bounds.end)
            if resources && network.useOffsets[j] != network.useOffsets[j + 1] && e > s {
                while let conflict = earliestConflict(j, s, e) {
                    e = network.snapEnd(j, conflict)
                    s = network.start(j, to: e)
                }
                reserve(j, s, e, sign: 1)
            }
            start[j] = s; end[j] = e
        }
        if resources { release(start: start, end: end) }
        return ActivityTimes(start: start, end: end)
    }

    /// Empties the profile after a pass: zeroing the touched window when it is small (PSPLIB),
    /// taking each activity back out when the window is wide and sparse (plans).
    private mutating func release(start: [Int], end: [Int]) {
        var low = Int.max, high = Int.min, busyDays = 0
        for j in 0..<network.count where network.useOffsets[j] != network.useOffsets[j + 1] && end[j] > start[j] {
            low = min(low, start[j]); high = max(high, end[j])
            busyDays += (end[j] - start[j]) * Int(network.useOffsets[j + 1] - network.useOffsets[j])
        }
        guard low < high else { return }
        if (high - low) * profile.resourceCount <= 4 * busyDays {
            profile.clear(low, high)
        } else {
            for j in 0..<network.count where network.useOffsets[j] != network.useOffsets[j + 1] && end[j] > start[j] {
                reserve(j, start[j], end[j], sign: -1)
            }
        }
    }

    // MARK: Resource profile

    private mutating func reserve(_ j: Int, _ s: Int, _ e: Int, sign: Int32) {
        guard e > s else { return }
        profile.cover(s, e)
        let length = profile.length, lo = profile.lo
        for u in network.useRange(j) {
            let use = network.uses[u]
            let amount = use.amount * sign
            let base = Int(use.resource) * length - lo
            let calendar = Int(use.calendar)
            if calendar == 0 {
                for day in s..<e { profile.load[base + day] += amount }
            } else {
                for day in s..<e where network.calendars[calendar].isWorking(day) { profile.load[base + day] += amount }
            }
        }
    }

    /// The latest day in `s ..< e` on which placing `j` would overload a resource.
    private mutating func latestConflict(_ j: Int, _ s: Int, _ e: Int) -> Int? {
        profile.cover(s, e)
        var latest = Int.min
        let length = profile.length, lo = profile.lo
        for u in network.useRange(j) {
            let use = network.uses[u]
            let room = network.capacities[Int(use.resource)] - use.amount
            let base = Int(use.resource) * length - lo
            let calendar = Int(use.calendar)
            let everyDay = calendar == 0
            var day = e - 1
            while day >= s && day > latest {
                if profile.load[base + day] > room && (everyDay || network.calendars[calendar].isWorking(day)) {
                    latest = day; break
                }
                day -= 1
            }
        }
        return latest == Int.min ? nil : latest
    }

    /// The earliest day in `s ..< e` on which placing `j` would overload a resource.
    private mutating func earliestConflict(_ j: Int, _ s: Int, _ e: Int) -> Int? {
        profile.cover(s, e)
        var earliest = Int.max
        let length = profile.length, lo = profile.lo
        for u in network.useRange(j) {
            let use = network.uses[u]
            let room = network.capacities[Int(use.resource)] - use.amount
            let base = Int(use.resource) * length - lo
            let calendar = Int(use.calendar)
            let everyDay = calendar == 0
            var day = s
            while day < e && day < earliest {
                if profile.load[base + day] > room && (everyDay || network.calendars[calendar].isWorking(day)) {
                    earliest = day; break
                }
                day += 1
            }
        }
        return earliest == Int.max ? nil : earliest
    }
}
