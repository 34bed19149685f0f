import PlanModel

/// Why each activity of the leveled schedule starts when it does, read off the final forward
/// pass: the link, release, pin or resource that holds it there. The critical path and every
/// "why" in the outputs come from this one analysis, so they cannot disagree.
struct StartDrivers {
    /// What holds one activity where it is.
    enum Driver: Equatable {
        case release(PlanNetwork.ReleaseReason)
        case pinned
        /// Predecessor link `index` into the activity (an index into `network.predecessors`).
        case link(Int)
        /// Resource `resource` was given to activity `holder` on the working day before.
        case resource(resource: Int, holder: Int)
    }

    let plan: Plan
    let built: PlanNetwork
    let times: ActivityTimes
    let precedenceStart: [Int]
    private(set) var drivers: [Driver] = []
    /// Per activity: the raw day its driver allowed, before non-working days moved it.
    private(set) var allowed: [Int] = []
    /// Activities that had no room because one of their people was off, with that person.
    private var offDuring: [Int: Int] = [:]
    private var network: SchedulingNetwork { built.network }

    init(plan: Plan, built: PlanNetwork, leveled: LevelingSearch.Result) {
        self.plan = plan; self.built = built; times = leveled.times
        precedenceStart = leveled.precedenceStart
        let n = built.network.count
        drivers = Array(repeating: .release(.projectStart), count: n)
        allowed = Array(repeating: 0, count: n)
        var delayed: [Int] = []
        for j in 0..<n {
            let (driver, day) = driverIgnoringResources(j)
            drivers[j] = driver; allowed[j] = day
            if !network.isPinned(j), !network.isInstant(j), times.start[j] > precedenceStart[j],
               network.useOffsets[j] != network.useOffsets[j + 1] {
                delayed.append(j)
            }
        }
        resolveResourceDelays(delayed, bookings: leveled.bookings)
    }

    // MARK: Precedence and release

    /// The constraint that gives the latest earliest start, from links and the release alone.
    private func driverIgnoringResources(_ j: Int) -> (Driver, Int) {
        if network.isPinned(j) { return (.pinned, times.start[j]) }
        let instant = network.isInstant(j)
        var best: (start: Int, driver: Driver, day: Int)
        let release = network.release[j]
        if release == Int.min {
            best = (Int.min, .release(.projectStart), times.start[j])
        } else {
            best = (instant ? release : network.snapStart(j, release), .release(built.releaseReason[j]), release)
        }
        for index in network.predecessorRange(j) {
            let link = network.predecessors[index]
            let (_, bound, startSide) = network.scheduledBound(link, of: j, times: times)
            let candidate: Int
            if instant {
                candidate = bound
            } else if startSide {
                candidate = network.snapStart(j, bound)
            } else {
                let from = release == Int.min ? bound : min(release, bound)
                candidate = network.earliestPlacement(j, startBound: from, endBound: bound).start
            }
            // Later wins; on a tie a link beats the release, and a dependency beats the work
            // package's structural link (it says more).
            let better: Bool
            if candidate != best.start { better = candidate > best.start }
            else if case .release = best.driver { better = !isStructural(index, into: j) || best.start == Int.min }
            else if case let .link(other) = best.driver { better = isStructural(other, into: j) && !isStructural(index, into: j) }
            else { better = false }
            if better { best = (candidate, .link(index), startSide || instant ? bound : network.start(j, to: bound)) }
        }
        return (best.driver, best.day)
    }

    /// Whether predecessor link `index` of `j` is the work breakdown's own (a summary's start gate
    /// to its child), not a dependency someone wrote.
    func isStructural(_ index: Int, into j: Int) -> Bool {
        let link = network.predecessors[index]
        let from = Int(link.other)
        guard from >= plan.tasks.count, link.kind == .startToStart, link.lag == 0 else { return false }
        let child = built.taskOfActivity[j]
        return plan.tasks[child].parent == built.taskOfActivity[from]
    }

    // MARK: Resources

    /// For each activity that resources delayed, the one that held a resource it needed on the
    /// last working day before it started (the largest share that day; then the later finish).
    private mutating func resolveResourceDelays(_ delayed: [Int], bookings: [SerialScheduler.Booking]) {
        guard !delayed.isEmpty else { return }
        var wanted: [Int: [Int]] = [:]   // (resource, day) key -> delayed activities asking
        var asked: [(activity: Int, keys: [(resource: Int, day: Int, key: Int)])] = []
        let dayRange = 1 << 32
        for j in delayed {
            var keys: [(resource: Int, day: Int, key: Int)] = []
            for u in network.useRange(j) {
                let use = network.uses[u]
                let calendar = network.calendars[Int(use.calendar)]
                guard let day = calendar.previousWorking(onOrBefore: times.start[j] - 1), day >= precedenceStart[j] - 1 else { continue }
                let key = Int(use.resource) * dayRange + (day & (dayRange - 1))
                keys.append((Int(use.resource), day, key))
                wanted[key, default: []].append(j)
            }
            asked.append((j, keys))
        }
        var holders: [Int: (activity: Int, amount: Int32)] = [:]
        for booking in bookings {
            let key = Int(booking.resource) * dayRange + (booking.day & (dayRange - 1))
            guard wanted[key] != nil else { continue }
            let a = Int(booking.activity)
            if let known = holders[key] {
                // The one that made room (ended by then) first, then the largest share.
                let released = times.end[a] <= times.start[wanted[key]![0]]
                let knownReleased = times.end[known.activity] <= times.start[wanted[key]![0]]
                let better = released != knownReleased ? released
                    : booking.amount > known.amount
                    || (booking.amount == known.amount && (times.end[a] > times.end[known.activity]
                        || (times.end[a] == times.end[known.activity] && a < known.activity)))
                if better { holders[key] = (a, booking.amount) }
            } else {
                holders[key] = (a, booking.amount)
            }
        }
        for (j, keys) in asked {
            var found: (resource: Int, holder: Int, day: Int)?
            for entry in keys {
                guard let holder = holders[entry.key], holder.activity != j else { continue }
                if found == nil || entry.day > found!.day { found = (entry.resource, holder.activity, entry.day) }
            }
            if let found {
                drivers[j] = .resource(resource: found.resource, holder: found.holder)
                allowed[j] = precedenceStart[j]
            } else if let person = offPerson(j, on: precedenceStart[j]) {
                offDuring[j] = person
                allowed[j] = precedenceStart[j]
            }
        }
    }

    /// A person on activity `j` who is off on `day` (time off, or their own calendar's holiday).
    private func offPerson(_ j: Int, on day: Int) -> Int? {
        let task = plan.tasks[built.taskOfActivity[j]]
        for assignment in task.assignments {
            guard case let .person(p) = assignment.resource, plan.people.indices.contains(p) else { continue }
            if plan.people[p].timeOff.contains(where: { $0.first.ordinal <= day && day <= $0.last.ordinal }) { return p }
        }
        return nil
    }

    // MARK: The driving chain

    /// The activity whose times hold `j` where it is, if another activity does and it had
    /// finished by then (a resource shared with work still running is no chain).
    func drivingActivity(_ j: Int) -> Int? {
        switch drivers[j] {
        case let .link(index): return Int(network.predecessors[index].other)
        case let .resource(_, holder): return times.end[holder] <= times.start[j] ? holder : nil
        default: return nil
        }
    }

    /// Resource holders that finished before the task they held back started: links for slack.
    var resourceLinks: [(from: Int, to: Int)] {
        drivers.indices.compactMap { j in
            guard case .resource = drivers[j], let holder = drivingActivity(j) else { return nil }
            return (holder, j)
        }
    }

    /// The chain that determines the end of project `p`: from its last-finishing task (fixed-date
    /// events only when nothing else is left) back through the links and resources that held
    /// each task where it is, to a release or a pin.
    /// The chain ends where a driver has more slack than the task it drives (it did not hold
    /// it after all), so every task on it has the project's least slack.
    func criticalPath(_ p: Int, slack: [Int]) -> [Int] {
        let tasks = plan.tasks
        var last: Int?
        for fixedAllowed in [false, true] where last == nil {
            for i in plan.projects[p].taskRange where tasks.indices.contains(i) && tasks[i].kind != .summary
                && built.progress[i] != .cancelled && (fixedAllowed || !built.fixedDate[i]) {
                if last == nil || times.end[i] >= times.end[last!] { last = i }
            }
        }
        guard var current = last else { return [] }
        var chain = [current]
        var visited: Set<Int> = [current]
        while let next = drivingActivity(current), visited.insert(next).inserted {
            current = next
            if current < tasks.count && tasks[current].kind != .summary {
                if built.fixedDate[current] || slack[current] > slack[chain[chain.count - 1]] { break }
                chain.append(current)
            }
        }
        return chain.reversed()
    }

    // MARK: Explanations in the model's terms

    func explanations() -> [DateExplanation] {
        let tasks = plan.tasks
        let blocked = blockedDependencies()
        var result: [DateExplanation] = tasks.indices.map { i in
            let j = built.startGate[i] ?? i
            var explanation = DateExplanation(driver: startDriver(j, task: i), dependsOnBlocked: blocked[j].filter { $0 != i })
            explanation.shift = shift(j, task: i)
            return explanation
        }
        // A work package starts when its first task does: it is explained by that task, unless
        // the task is only held by the package itself (then by what holds the package's start).
        for i in tasks.indices where built.startGate[i] != nil {
            var first: Int?, stack = tasks[i].children, seen = Set<Int>()
            while let next = stack.popLast() {
                guard tasks.indices.contains(next), seen.insert(next).inserted else { continue }
                if built.startGate[next] != nil { stack.append(contentsOf: tasks[next].children); continue }
                guard built.progress[next] != .cancelled else { continue }
                if first == nil || times.start[next] < times.start[first!] || (times.start[next] == times.start[first!] && next < first!) {
                    first = next
                }
            }
            guard let leaf = first else { continue }
            if case .workPackage = result[leaf].driver { continue }
            result[i] = result[leaf]
        }
        return result
    }

    private func startDriver(_ j: Int, task i: Int) -> StartDriver {
        let task = plan.tasks[i]
        switch drivers[j] {
        case .pinned:
            if built.progress[i] == .done { return .actual(start: task.actualStart, finish: task.actualFinish) }
            return .pinned(start: task.fixedStart, finish: task.fixedFinish)
        case let .release(reason):
            switch reason {
            case .projectStart: return .projectStart(Day(ordinal: boundaryDay(j, network.release[j])))
            case .today: return .today(Day(ordinal: boundaryDay(j, network.release[j])))
            case .notBefore: return .notBefore(task.notBefore ?? Day(ordinal: boundaryDay(j, network.release[j])))
            case .inProgress: return .inProgress(actualStart: task.actualStart)
            case .blocked: return .blocked
            }
        case let .link(index):
            let link = network.predecessors[index]
            let from = Int(link.other)
            let predecessor = built.taskOfActivity[from]
            if isStructural(index, into: j) { return .workPackage(predecessor) }
            return .predecessor(task: predecessor, kind: DependencyKind(link.kind), lagDays: Double(link.lag))
        case let .resource(resource, holder):
            let personCount = plan.people.count
            let ref: ResourceRef = resource < personCount ? .person(resource) : .pool(resource - personCount)
            return .resource(ref, busyWith: built.taskOfActivity[holder])
        }
    }

    /// The day a release boundary means for display: the day it starts.
    private func boundaryDay(_ j: Int, _ boundary: Int) -> Int {
        boundary == Int.min ? times.start[j] : boundary
    }

    /// Non-working time between the day the driver allowed and the day the task starts.
    private func shift(_ j: Int, task i: Int) -> CalendarShift? {
        guard !network.isPinned(j), !network.isInstant(j), allowed[j] < times.start[j] else { return nil }
        let day = allowed[j]
        if let person = offDuring[j] { return CalendarShift(from: Day(ordinal: day), person: person, holiday: nil) }
        if let person = offPerson(j, on: day) { return CalendarShift(from: Day(ordinal: day), person: person, holiday: nil) }
        let project = plan.projects.indices.contains(plan.tasks[i].projectIndex) ? plan.tasks[i].projectIndex : 0
        let calendarIndex = plan.projects.indices.contains(project) ? plan.projects[project].calendarIndex : 0
        // Lowering has merged a based-on calendar's holidays into it: no base to follow.
        guard plan.calendars.indices.contains(calendarIndex),
              let holiday = plan.calendars[calendarIndex].holidays.first(where: { $0.days.first.ordinal <= day && day <= $0.days.last.ordinal })
        else { return nil }
        return CalendarShift(from: Day(ordinal: day), person: nil, holiday: holiday.name)
    }

    /// Per activity, the blocked tasks without a resume date that its dates depend on, through
    /// any chain of links (at most a few names each: outputs say "depends on blocked …").
    private func blockedDependencies() -> [[Int]] {
        let n = network.count
        var result: [[Int]] = Array(repeating: [], count: n)
        guard built.blockedOpen.contains(true) else { return result }
        let limit = 5
        let order = network.list(keys: [Int](repeating: 0, count: n), forward: true, ranked: false)
        for j in order.map(Int.init) {
            var found: [Int] = []
            for index in network.predecessorRange(j) {
                let from = Int(network.predecessors[index].other)
                for b in result[from] where !found.contains(b) && found.count < limit { found.append(b) }
            }
            if j < plan.tasks.count, built.blockedOpen[j], !found.contains(j), found.count < limit { found.append(j) }
            result[j] = found
        }
        return result
    }
}

extension DependencyKind {
    init(_ kind: LinkKind) {
        switch kind {
        case .finishToStart: self = .finishToStart
        case .startToStart: self = .startToStart
        case .finishToFinish: self = .finishToFinish
        case .startToFinish: self = .startToFinish
        }
    }
}
