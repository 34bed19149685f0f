import PlanModel

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
    /// What the current pass booked, so the profile can be emptied exactly after it.
    private var log: [Booking] = []
    /// The bookings of the last pass that asked to keep them (`keepBookings`).
    private(set) var bookings: [Booking] = []
    /// Activities that could not finish with their people (everyone left the project) in the
    /// last pass: their remaining work was placed on the project calendar without them.
    private(set) var stranded: Set<Int> = []

    /// One day of one resource given to one activity.
    struct Booking: Sendable {
        var activity: Int32
        var resource: Int32
        var day: Int
        var amount: Int32
    }

    /// How far a jump over blocked days may look at once (a bound on one step, not on a search).
    static let strandedAfter = 3660
    /// No elastic search runs outside the planning window, so no input makes a pass loop forever
    /// (work that would end past it is reported by the pipeline, P607).
    static let horizonEnd = Day.planningWindow.upperBound.ordinal + 1
    static let horizonStart = Day.planningWindow.lowerBound.ordinal
    /// Per activity, the first day from which none of its people or pools has any capacity
    /// again (they all left), or `Int.max`: work not done by then is stranded.
    private let goneFrom: [Int]

    init(network: SchedulingNetwork, horizon: Range<Int>) {
        self.network = network
        profile = ResourceProfile(resourceCount: network.capacities.count, from: horizon.lowerBound,
                                  to: horizon.upperBound)
        pinned = (0..<network.count).filter { network.isPinned($0) }
        logsBookings = network.logsBookings || network.elastic.contains(true) || !network.capacitySteps.isEmpty
        goneFrom = (0..<network.count).map { j in
            var gone = Int.min
            for u in network.useRange(j) {
                let r = Int(network.uses[u].resource)
                let steps = network.capacitySteps.isEmpty ? [] : network.capacitySteps[r]
                if let last = steps.last {
                    gone = max(gone, last.capacity > 0 ? Int.max : last.from)
                } else {
                    gone = max(gone, network.capacities[r] > 0 ? Int.max : Int.min)
                }
            }
            return gone == Int.min ? Int.max : gone
        }
    }

    /// Jumps over blocked days found in this pass, per lane (a resource on one calendar) and
    /// direction: from a blocked day (full, or not a working day of the lane's calendar) to the
    /// next day not known to be blocked. Loads only grow during a pass, so a blocked day stays
    /// blocked until the pass ends and the table is emptied.
    private var jumps: [Int: Int32] = [:]

    /// Whether passes log every booking (plans with elastic work or changing capacity); PSPLIB's
    /// constant requests are released by clearing the window instead.
    private let logsBookings: Bool

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
                          precedenceStart: UnsafeMutableBufferPointer<Int>? = nil,
                          keepBookings: Bool = false) -> ActivityTimes {
        passes += 1
        stranded.removeAll(keepingCapacity: true)
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
            if !network.ceiling.isEmpty, network.ceiling[j] < e {
                e = network.snapEnd(j, network.ceiling[j]); s = min(s, network.start(j, to: e))
            }
            precedenceStart?[j] = s
            if resources && network.useOffsets[j] != network.useOffsets[j + 1] && e > s {
                if network.isElastic(j) {
                    (s, e) = placeElastic(j, from: s, endBound: bounds.end)
                } else {
                    while let conflict = latestConflict(j, s, e) {
                        s = network.snapStart(j, conflict + 1)
                        e = network.end(j, from: s)
                    }
                    reserve(j, s, e, sign: 1)
                }
            }
            start[j] = s; end[j] = e
        }
        if keepBookings { bookings = log }
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
                if network.isElastic(j) {
                    (s, e) = placeElasticBackward(j, endBound: e, startBound: bounds.start)
                } else {
                    while let conflict = earliestConflict(j, s, e) {
                        e = network.snapEnd(j, conflict)
                        s = network.start(j, to: e)
                    }
                    reserve(j, s, e, sign: 1)
                }
            }
            start[j] = s; end[j] = e
        }
        if resources { release(start: start, end: end) }
        return ActivityTimes(start: start, end: end)
    }

    // MARK: Elastic work

    /// What activity `j` can take of use `u` on `day`: up to its units, no more than the resource
    /// has left, nothing on the days its calendar does not work.
    @inline(__always) private mutating func room(_ j: Int, use u: Int, on day: Int) -> Int32 {
        let use = network.uses[u]
        let calendar = Int(use.calendar)
        if calendar != 0 && !network.calendars[calendar].isWorking(day) { return 0 }
        let r = Int(use.resource)
        profile.cover(day, day + 1)
        let left = network.capacity(r, on: day) - profile.load[profile.index(r, day)]
        return max(0, min(use.amount, left))
    }

    @inline(__always) private mutating func book(_ j: Int, use u: Int, day: Int, amount: Int32) {
        guard amount > 0 else { return }
        let r = Int(network.uses[u].resource)
        profile.cover(day, day + 1)
        profile.load[profile.index(r, day)] += amount
        log.append(Booking(activity: Int32(j), resource: Int32(r), day: day, amount: amount))
    }

    /// What all of `j`'s resources together can give it on `day`.
    @inline(__always) private mutating func roomAll(_ j: Int, on day: Int) -> Int32 {
        var total: Int32 = 0
        for u in network.useRange(j) { total += room(j, use: u, on: day) }
        return total
    }

    /// Whether any of `j`'s resources works on `day` (a day when the work should progress).
    @inline(__always) private func anyWorking(_ j: Int, on day: Int) -> Bool {
        for u in network.useRange(j) {
            let calendar = Int(network.uses[u].calendar)
            if calendar == 0 || network.calendars[calendar].isWorking(day) { return true }
        }
        return false
    }

    /// The nearest day after `day` (before it, going backward) on which some resource of `j`
    /// has room, jumping over runs of blocked days and remembering the jumps for this pass.
    private mutating func openDay(_ j: Int, after day: Int, forward: Bool) -> Int {
        var best = forward ? Int.max : Int.min
        for u in network.useRange(j) {
            let next = nextOpen(use: u, from: forward ? day + 1 : day - 1, forward: forward)
            best = forward ? min(best, next) : max(best, next)
        }
        return best
    }

    /// The first day from `day` on on which every resource of `j` has room.
    private mutating func openDayForAll(_ j: Int, from day: Int) -> Int {
        var candidate = day
        for u in network.useRange(j) { candidate = max(candidate, nextOpen(use: u, from: day, forward: true)) }
        return candidate
    }

    /// The first day from `day` (forward or backward) on which use `u`'s resource works and
    /// is not full. Path-compressed, so a person's thousandth task costs what the first did.
    private mutating func nextOpen(use u: Int, from day: Int, forward: Bool) -> Int {
        let use = network.uses[u]
        let r = Int(use.resource), calendar = Int(use.calendar)
        let lane = (r << 21 | calendar << 1 | (forward ? 1 : 0)) << 32
        var d = day, visited: [Int] = []
        let step = forward ? 1 : -1
        for _ in 0...SerialScheduler.strandedAfter {
            let working = calendar == 0 || network.calendars[calendar].isWorking(d)
            if working {
                profile.cover(d, d + 1)
                if profile.load[profile.index(r, d)] < network.capacity(r, on: d) { break }
            }
            visited.append(d)
            let jump = Int(jumps[lane | (d & 0xFFFF_FFFF)] ?? 0)
            d += jump > 0 ? jump * step : step
        }
        for v in visited { jumps[lane | (v & 0xFFFF_FFFF)] = Int32(clamping: abs(d - v)) }
        return d
    }

    /// Whether every resource of `j` has something left on `day` (a duration task's first day).
    private mutating func everyoneHasRoom(_ j: Int, on day: Int) -> Bool {
        for u in network.useRange(j) where room(j, use: u, on: day) <= 0 { return false }
        return true
    }

    /// Places elastic activity `j` as early as possible from progress day `s0`: effort work takes
    /// each day what its people have left (up to their units) until it is done; a duration task
    /// starts on the first day all its people have some room and books what they have left.
    private mutating func placeElastic(_ j: Int, from s0: Int, endBound: Int) -> (start: Int, end: Int) {
        switch network.shapes[j] {
        case let .effort(work, _):
            // Work never splits: it starts on a day from which it progresses on every working
            // day until done; a working day with no room starts the search again after it.
            var done = 0, day = s0, first: Int? = nil
            while done < work {
                if day >= goneFrom[j] || day > SerialScheduler.horizonEnd {
                    // Nobody on the task will ever have time again: finish without them.
                    stranded.insert(j)
                    let rest = (work + PlanNetwork.unit - 1) / PlanNetwork.unit
                    let calendar = network.calendars[Int(network.uses[network.useRange(j).lowerBound].calendar)]
                    let from = calendar.nextWorking(onOrAfter: first ?? s0) ?? s0
                    let last = calendar.day(at: calendar.count(before: from) + max(rest, 1) - 1) ?? from
                    return (from, max(last + 1, from + 1))
                }
                let progress = roomAll(j, on: day)
                if progress > 0 {
                    first = first ?? day; done += Int(progress)
                } else if anyWorking(j, on: day) {
                    // No room for anyone: start again after the run of days that are blocked for
                    // every resource of the task (jumped over, not walked, so a busy person's
                    // thousandth task costs no more than the first).
                    first = nil; done = 0
                    day = max(day + 1, openDay(j, after: day, forward: true))
                    continue
                }
                day += 1
            }
            let start = first ?? s0, e = day
            if e < endBound {
                // A finish-side link wants it to end later: fill from that end instead.
                return placeElasticBackward(j, endBound: network.snapEnd(j, endBound), startBound: Int.max)
            }
            bookWhatIsLeft(j, start, e)
            return (start, e)
        default:
            var s = s0
            while !everyoneHasRoom(j, on: s) {
                if s >= goneFrom[j] || s > SerialScheduler.horizonEnd { stranded.insert(j); s = s0; break }
                s = network.snapStart(j, max(s + 1, openDayForAll(j, from: s + 1)))
            }
            var e = network.end(j, from: s)
            if e < endBound {
                (s, e) = network.earliestPlacement(j, startBound: s, endBound: endBound)
            }
            bookWhatIsLeft(j, s, e)
            return (s, e)
        }
    }

    /// Places elastic activity `j` as late as possible, ending by `endBound`, starting by
    /// `startBound`, taking each day what its people have left.
    private mutating func placeElasticBackward(_ j: Int, endBound: Int, startBound: Int) -> (start: Int, end: Int) {
        switch network.shapes[j] {
        case let .effort(work, _):
            var bound = endBound
            for _ in 0..<64 {
                var done = 0, day = bound - 1, last: Int? = nil
                while done < work && day >= SerialScheduler.horizonStart {
                    let progress = roomAll(j, on: day)
                    if progress > 0 {
                        last = last ?? day; done += Int(progress)
                    } else if anyWorking(j, on: day) {
                        last = nil; done = 0
                        day = min(day - 1, openDay(j, after: day, forward: false))
                        continue
                    }
                    if done >= work { break }
                    day -= 1
                }
                let e = (last ?? bound - 1) + 1
                if done < work { return (day, e) }
                if day <= startBound { bookWhatIsLeft(j, day, e); return (day, e) }
                // Starts later than a start-side link allows: end earlier.
                bound = e - (day - startBound)
            }
            let e = network.snapEnd(j, bound), s = network.start(j, to: e)
            return (s, e)
        default:
            var e = endBound, s = network.start(j, to: e)
            while (s > startBound || !everyoneHasRoom(j, on: s)) && s > SerialScheduler.horizonStart {
                e = network.snapEnd(j, e - 1); s = network.start(j, to: e)
            }
            bookWhatIsLeft(j, s, e)
            return (s, e)
        }
    }

    /// Books each of `j`'s resources for what it has left, up to its units, on `s ..< e`.
    private mutating func bookWhatIsLeft(_ j: Int, _ s: Int, _ e: Int) {
        guard e > s else { return }
        for day in s..<e {
            for u in network.useRange(j) { book(j, use: u, day: day, amount: room(j, use: u, on: day)) }
        }
    }

    /// Empties the profile after a pass: zeroing the touched window when it is small (PSPLIB),
    /// taking each activity back out when the window is wide and sparse (plans).
    private mutating func release(start: [Int], end: [Int]) {
        defer { log.removeAll(keepingCapacity: true); jumps.removeAll(keepingCapacity: true) }
        if logsBookings {
            for booking in log { profile.load[profile.index(Int(booking.resource), booking.day)] -= booking.amount }
            return
        }
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
        let logged = sign > 0 && logsBookings
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
            if logged {
                for day in s..<e where calendar == 0 || network.calendars[calendar].isWorking(day) {
                    log.append(Booking(activity: Int32(j), resource: use.resource, day: day, amount: use.amount))
                }
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
            let steps = !network.capacitySteps.isEmpty && !network.capacitySteps[Int(use.resource)].isEmpty
            let room = network.capacities[Int(use.resource)] - use.amount
            let base = Int(use.resource) * length - lo
            let calendar = Int(use.calendar)
            let everyDay = calendar == 0
            var day = e - 1
            while day >= s && day > latest {
                let limit = steps ? network.capacity(Int(use.resource), on: day) - use.amount : room
                if profile.load[base + day] > limit && (everyDay || network.calendars[calendar].isWorking(day)) {
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
            let steps = !network.capacitySteps.isEmpty && !network.capacitySteps[Int(use.resource)].isEmpty
            let room = network.capacities[Int(use.resource)] - use.amount
            let base = Int(use.resource) * length - lo
            let calendar = Int(use.calendar)
            let everyDay = calendar == 0
            var day = s
            while day < e && day < earliest {
                let limit = steps ? network.capacity(Int(use.resource), on: day) - use.amount : room
                if profile.load[base + day] > limit && (everyDay || network.calendars[calendar].isWorking(day)) {
                    earliest = day; break
                }
                day += 1
            }
        }
        return earliest == Int.max ? nil : earliest
    }
}
