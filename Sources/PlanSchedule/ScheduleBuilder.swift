import PlanModel

/// Turns leveled activity times back into the plan's terms: per-task dates, slack measured on
/// the leveled schedule (resource links included), critical paths, daily loads and the
/// schedule diagnostics.
struct ScheduleBuilder {
    let plan: Plan
    let built: PlanNetwork
    let analysis: TimeAnalysis
    let leveled: LevelingSearch.Result
    let today: Day
    var network: SchedulingNetwork { built.network }
    var times: ActivityTimes { leveled.times }
    /// The network plus resource links: for every task, a finish-to-start link from the task that
    /// last used one of its people or pools before it started, placed earlier in the serial
    /// order that made the schedule. Every link goes forward in that order, so the result has no
    /// cycle, and every link holds in the leveled schedule.
    private var linked: SchedulingNetwork
    /// Latest times on the linked network: how far each task can slip without moving its
    /// project's finish, missing a deadline, or taking a person someone after it needs.
    private var late: ActivityTimes
    private let drivers: StartDrivers
    private var scheduleCache: Schedule?

    init(plan: Plan, built: PlanNetwork, analysis: TimeAnalysis, leveled: LevelingSearch.Result, today: Day) {
        self.plan = plan; self.built = built; self.analysis = analysis; self.leveled = leveled; self.today = today
        drivers = StartDrivers(plan: plan, built: built, leveled: leveled)
        linked = ScheduleBuilder.withResourceLinks(built.network, leveled: leveled, holders: drivers.resourceLinks)
        // Elastic work takes as long as the share its people had left made it: slipping it keeps
        // that length (in working days of its project calendar), not the length at full units,
        // else a task slowed by a shared person would show finish slack it does not have.
        for j in 0..<min(plan.tasks.count, linked.count) where linked.isElastic(j) && leveled.times.end[j] > leveled.times.start[j] {
            let calendar = built.taskCalendar[j]
            let days = max(1, linked.calendars[calendar].workingDays(from: leveled.times.start[j], to: leveled.times.end[j]))
            linked.shapes[j] = .span(calendar: Int32(calendar), days: Int32(clamping: days))
        }
        let ends = ScheduleBuilder.workEnds(plan: plan, built: built, times: leveled.times)
        var limits = [Int](repeating: 0, count: linked.count)
        for j in 0..<linked.count { limits[j] = min(ends[Int(linked.group[j])], linked.due[j]) }
        var scheduler = SerialScheduler(network: linked, horizon: 0..<1)
        let zero = [Int](repeating: 0, count: linked.count)
        late = scheduler.backward(linked.list(keys: zero, forward: false), limit: Int.max, resources: false,
                                  limits: limits)
    }

    /// Each project's finish for slack: the end of its work, leaving out fixed-date events (a
    /// level-of-effort task pinned to the deadline must not give every task its slack), unless
    /// a project has nothing else.
    static func workEnds(plan: Plan, built: PlanNetwork, times: ActivityTimes) -> [Int] {
        let network = built.network
        var ends = [Int](repeating: Int.min, count: network.groupCount)
        var fixedEnds = ends
        for j in 0..<min(plan.tasks.count, network.count) where built.startGate[j] == nil && built.progress[j] != .cancelled {
            let g = Int(network.group[j])
            if built.fixedDate[j] { fixedEnds[g] = max(fixedEnds[g], times.end[j]) } else { ends[g] = max(ends[g], times.end[j]) }
        }
        for g in ends.indices where ends[g] == Int.min { ends[g] = fixedEnds[g] }
        let all = network.groupEnds(times)
        for g in ends.indices where ends[g] == Int.min { ends[g] = all[g] }
        return ends
    }

    static func withResourceLinks(_ network: SchedulingNetwork, leveled: LevelingSearch.Result,
                                  holders: [(from: Int, to: Int)]) -> SchedulingNetwork {
        let times = leveled.times
        var position = [Int](repeating: -1, count: network.count)   // pinned: -1, placed first
        for (index, j) in leveled.order.enumerated() { position[Int(j)] = index }
        var byResource: [[(end: Int, activity: Int)]] = Array(repeating: [], count: network.capacities.count)
        for j in 0..<network.count where times.end[j] > times.start[j] {
            for u in network.useRange(j) { byResource[Int(network.uses[u].resource)].append((times.end[j], j)) }
        }
        for r in byResource.indices {
            byResource[r].sort { $0.end != $1.end ? $0.end < $1.end : $0.activity < $1.activity }
        }
        var links: [(from: Int, to: Int, kind: LinkKind, lag: Int, calendar: Int)] = []
        for j in 0..<network.count {
            for index in network.predecessorRange(j) {
                let link = network.predecessors[index]
                links.append((Int(link.other), j, link.kind, Int(link.lag), Int(link.calendar)))
            }
        }
        var heldBy: [Int: Int] = [:]
        for link in holders { heldBy[link.to] = link.from }
        for k in 0..<network.count where !network.isPinned(k) && times.end[k] > times.start[k] {
            var added = Set<Int>()
            if let holder = heldBy[k] {
                added.insert(holder)
                links.append((holder, k, .finishToStart, 0, 0))
            }
            for u in network.useRange(k) {
                let list = byResource[Int(network.uses[u].resource)]
                // Last entry ending at or before k's start that was placed before k.
                var lowIndex = 0, highIndex = list.count
                while lowIndex < highIndex {
                    let mid = (lowIndex + highIndex) / 2
                    if list[mid].end <= times.start[k] { lowIndex = mid + 1 } else { highIndex = mid }
                }
                var index = lowIndex - 1, steps = 0
                while index >= 0 && steps < 16 && (list[index].activity == k || position[list[index].activity] >= position[k]) {
                    index -= 1; steps += 1
                }
                guard index >= 0, steps < 16, added.insert(list[index].activity).inserted else { continue }
                links.append((list[index].activity, k, .finishToStart, 0, 0))
            }
        }
        var result = network
        result.setLinks(links)
        return result
    }

    // MARK: Dates

    func projectOf(_ task: Int) -> Int {
        let p = plan.tasks[task].projectIndex
        return built.projectStart.indices.contains(p) ? p : 0
    }

    /// The inclusive days shown for activity times: an instant is the day at whose end it happens.
    func display(_ j: Int, start: Int, end: Int) -> (start: Day, finish: Day) {
        if j < plan.tasks.count, built.progress[j] == .cancelled {
            return (Day(ordinal: start), Day(ordinal: start))
        }
        if network.isInstant(j), !network.isPinned(j), end == network.release[j] {
            // Held only by its release (a start of day): it happens on that day.
            return (Day(ordinal: end), Day(ordinal: end))
        }
        if network.isInstant(j) {
            let floor = built.projectStart.isEmpty ? end : built.projectStart[projectOf(built.taskOfActivity[j])]
            let day = max(end - 1, min(end, floor))
            return (Day(ordinal: day), Day(ordinal: day))
        }
        return (Day(ordinal: start), Day(ordinal: max(end - 1, start)))
    }

    func workingDays(_ task: Int, from: Int, to: Int) -> Int {
        let calendar = network.calendars[built.taskCalendar[task]]
        return calendar.workingDays(from: from, to: to)
    }

    // MARK: The schedule

    mutating func schedule() -> Schedule {
        if let scheduleCache { return scheduleCache }
        let tasks = plan.tasks
        var result: [TaskSchedule] = []
        result.reserveCapacity(tasks.count)
        for i in tasks.indices {
            var shown = display(i, start: times.start[i], end: times.end[i])
            if built.progress[i] == .inProgress, let actual = tasks[i].actualStart, actual < shown.start {
                shown.start = actual
            }
            let early = display(i, start: analysis.early.start[i], end: analysis.early.end[i])
            let latest = display(i, start: analysis.late.start[i], end: analysis.late.end[i])
            // Slack: the smaller of start and finish slack, as MS Project takes it.
            let startSlack = workingDays(i, from: times.start[i], to: late.start[i])
            let finishSlack = workingDays(i, from: times.end[i], to: late.end[i])
            let total = min(startSlack, finishSlack)
            var free = total
            for index in linked.successorRange(i) {
                let link = linked.successors[index]
                let q = Int(link.other)
                let bound = linked.predecessorBound(link, successorStart: times.start[q], successorEnd: times.end[q],
                                                    successorInstant: linked.linksBoundEnd(q))
                let reference = link.kind.fromPredecessorEnd ? times.end[i] : times.start[i]
                free = min(free, workingDays(i, from: reference, to: bound))
            }
            let finished = built.progress[i] == .done || built.progress[i] == .cancelled
            let fixed = built.fixedDate[i]
            // Done work keeps its actual finish, so a task finished after its due date stays late.
            let isLate = built.progress[i] != .cancelled && tasks[i].deadline.map { shown.finish > $0 } == true
            result.append(TaskSchedule(
                start: shown.start, finish: shown.finish, earlyStart: early.start, earlyFinish: early.finish,
                lateStart: latest.start, lateFinish: latest.finish, totalSlack: total, freeSlack: max(min(free, total), min(total, 0)),
                isCritical: total <= 0 && !finished && !fixed, isLate: isLate, isFixedDate: fixed && !finished))
        }
        let slack = result.map(\.totalSlack)
        let paths = plan.projects.indices.map { drivers.criticalPath($0, slack: slack) }
        rollUpSummaries(&result)

        var projectStart = [Day?](repeating: nil, count: plan.projects.count)
        var projectFinish = [Day?](repeating: nil, count: plan.projects.count)
        for i in tasks.indices where plan.projects.indices.contains(tasks[i].projectIndex) && tasks[i].kind != .summary {
            let p = tasks[i].projectIndex
            projectStart[p] = min(projectStart[p] ?? result[i].start, result[i].start)
            projectFinish[p] = max(projectFinish[p] ?? result[i].finish, result[i].finish)
        }
        let schedule = Schedule(tasks: result, projectFinish: projectFinish, projectStart: projectStart, today: today,
                                resourceLoad: resourceLoads(), criticalPaths: paths,
                                explanations: drivers.explanations())
        scheduleCache = schedule
        return schedule
    }

    /// Summary dates span their children; slack is the smallest child slack.
    private func rollUpSummaries(_ result: inout [TaskSchedule]) {
        let tasks = plan.tasks
        // Children have larger indices than their parent in work breakdown order, but do not
        // rely on it: visit in post-order explicitly.
        var order: [Int] = []
        var state = [UInt8](repeating: 0, count: tasks.count)
        for root in tasks.indices where tasks[root].kind == .summary && state[root] == 0 {
            var stack = [(root, false)]
            while let (node, expanded) = stack.popLast() {
                if expanded { order.append(node); continue }
                guard state[node] == 0 else { continue }
                state[node] = 1
                stack.append((node, true))
                for child in tasks[node].children where tasks.indices.contains(child) && tasks[child].kind == .summary {
                    stack.append((child, false))
                }
            }
        }
        for s in order {
            let children = tasks[s].children.filter { tasks.indices.contains($0) && $0 != s }
            guard !children.isEmpty else { continue }
            var rolled = result[children[0]]
            for child in children.dropFirst() {
                let c = result[child]
                rolled.start = min(rolled.start, c.start); rolled.finish = max(rolled.finish, c.finish)
                rolled.earlyStart = min(rolled.earlyStart, c.earlyStart); rolled.earlyFinish = max(rolled.earlyFinish, c.earlyFinish)
                rolled.lateStart = min(rolled.lateStart, c.lateStart); rolled.lateFinish = max(rolled.lateFinish, c.lateFinish)
                rolled.totalSlack = min(rolled.totalSlack, c.totalSlack); rolled.freeSlack = min(rolled.freeSlack, c.freeSlack)
                rolled.isCritical = rolled.isCritical || c.isCritical
            }
            rolled.isLate = tasks[s].deadline.map { rolled.finish > $0 } == true && built.progress[s] != .cancelled
            result[s] = rolled
        }
    }

    private func resourceLoads() -> [ResourceLoad] {
        let personCount = plan.people.count
        var perResource: [[(day: Int, amount: Int)]] = Array(repeating: [], count: network.capacities.count)
        for booking in leveled.bookings where booking.amount > 0 {
            perResource[Int(booking.resource)].append((booking.day, Int(booking.amount)))
        }
        var loads: [ResourceLoad] = []
        for r in perResource.indices {
            let entries = perResource[r].sorted { $0.day < $1.day }
            var days: [(day: Day, load: Double)] = []
            var index = 0
            while index < entries.count {
                let day = entries[index].day
                var total = 0
                while index < entries.count && entries[index].day == day { total += entries[index].amount; index += 1 }
                days.append((Day(ordinal: day), Double(total) / Double(PlanNetwork.unit)))
            }
            let resource: ResourceRef = r < personCount ? .person(r) : .pool(r - personCount)
            loads.append(ResourceLoad(resource: resource,
                                      capacity: Double(network.capacities[r]) / Double(PlanNetwork.unit), days: days))
        }
        return loads
    }

    // MARK: Diagnostics

    mutating func diagnostics() -> [Diagnostic] {
        let schedule = schedule()
        let tasks = plan.tasks
        var found: [Diagnostic] = []
        for i in tasks.indices {
            let task = tasks[i]
            guard built.progress[i] != .cancelled, built.progress[i] != .done else { continue }
            let dates = schedule.tasks[i]
            if let deadline = task.deadline, dates.finish > deadline {
                let late = max(workingDays(i, from: deadline.ordinal + 1, to: dates.finish.ordinal + 1), 1)
                let days = late == 1 ? "1 working day" : "\(late) working days"
                if task.kind == .milestone && deadline < today {
                    let missed = max(workingDays(i, from: deadline.ordinal + 1, to: today.ordinal + 1), 1)
                    found.append(Diagnostic(.milestoneMissed,
                                            "milestone '\(task.id)' is missed by \(missed == 1 ? "1 working day" : "\(missed) working days"): due \(deadline.iso), not done; forecast for \(dates.finish.iso)",
                                            at: task.range, hint: "mark it done with 'finished:' if it happened, or re-plan it with a new due date"))
                } else if task.kind == .milestone {
                    found.append(Diagnostic(.milestoneMissed,
                                            "milestone '\(task.id)' is forecast late by \(days): forecast for \(dates.finish.iso), due \(deadline.iso)",
                                            at: task.range, hint: "speed up the tasks before it or move the due date"))
                } else {
                    found.append(Diagnostic(.deadlineMissed,
                                            "'\(task.id)' is forecast to finish \(dates.finish.iso), \(days) after its due date \(deadline.iso)",
                                            at: task.range,
                                            hint: "add people, raise its priority, cut scope or move the due date"))
                }
            }
            if network.isPinned(i), built.progress[i] == .unstarted {
                found.append(contentsOf: fixedDateConflicts(i))
            }
        }
        for (p, project) in plan.projects.enumerated() {
            if let deadline = project.deadline, let finish = schedule.projectFinish[p], finish > deadline {
                found.append(Diagnostic(.projectLate,
                                        "project '\(project.id)' is forecast to finish \(finish.iso), after its deadline \(deadline.iso)",
                                        at: project.range,
                                        hint: "see its critical path with 'planc schedule'; shorten it or move the deadline"))
            }
        }
        return found
    }

    /// A fixed start or finish that the task's predecessors (as scheduled) do not allow.
    private func fixedDateConflicts(_ j: Int) -> [Diagnostic] {
        let task = plan.tasks[j]
        var notes: [Diagnostic.Note] = []
        var worst = Int.min
        for index in network.predecessorRange(j) {
            let link = network.predecessors[index]
            let q = Int(link.other)
            let (_, bound, startSide) = network.scheduledBound(link, of: j, times: times)
            let violated = startSide ? bound > times.start[j] : bound > times.end[j]
            guard violated else { continue }
            let predecessorTask = built.taskOfActivity[q]
            worst = max(worst, bound)
            let range = task.dependencies.first { $0.predecessor == predecessorTask }?.range
            let shown = display(q, start: times.start[q], end: times.end[q])
            notes.append(Diagnostic.Note("'\(plan.tasks[predecessorTask].id)' is scheduled to finish \(shown.finish.iso)",
                                         at: range))
        }
        guard !notes.isEmpty else { return [] }
        let fixed = task.fixedStart.map { "start \($0.iso)" } ?? task.fixedFinish.map { "finish \($0.iso)" } ?? "dates"
        return [Diagnostic(.fixedDateConflict, "'\(task.id)' is fixed to \(fixed) but its predecessors end later",
                           at: task.range, notes: notes,
                           hint: "move the fixed date, or remove it and let planc schedule the task")]
    }
}
