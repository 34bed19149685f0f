import PlanModel

/// A plan turned into a `SchedulingNetwork`, with what is needed to map times back to tasks.
///
/// Activity `i` is task `i` for every task of the plan: a leaf's own work, or for a summary
/// task its finish gate (an instant after all its leaves). Each summary also has a start gate
/// (an instant before all its leaves) at `startGate[i]`, past the tasks. Dependencies on or from
/// a summary go through its gates, so no dependency is copied to every leaf pair.
struct PlanNetwork {
    enum Progress { case unstarted, inProgress, done, cancelled }

    /// What an activity's release (earliest start boundary) comes from, for explanations.
    enum ReleaseReason: Equatable { case projectStart, today, notBefore, inProgress, blocked }

    var network = SchedulingNetwork()
    var diagnostics: [Diagnostic] = []
    /// Per task.
    var progress: [Progress] = []
    /// Network calendar of each task's project (lags and slack are counted in it).
    var taskCalendar: [Int] = []
    /// Start gate activity of each summary task (nil for leaves).
    var startGate: [Int?] = []
    /// Task of each activity (gates map to their summary).
    var taskOfActivity: [Int] = []
    /// First day (ordinal) each project may use.
    var projectStart: [Int] = []
    /// Network calendar of each project.
    var projectCalendar: [Int] = []
    /// Per activity: where its release comes from.
    var releaseReason: [ReleaseReason] = []
    /// Per task: pinned by the plan's `start:`/`finish:` (a fixed-date event), not by actuals.
    var fixedDate: [Bool] = []
    /// Per task: blocked with no date to resume (no `not-before:`).
    var blockedOpen: [Bool] = []

    /// Units are stored in thousandths so that capacity checks are exact integer arithmetic.
    static let unit = 1000

    /// A link before it enters the network: activities, kind, lag in working days of `calendar`.
    typealias PendingLink = (from: Int, to: Int, kind: LinkKind, lag: Int, calendar: Int)

    /// The plan lowered step by step; each step reads what the ones before it set.
    init(plan: Plan, today: Day) {
        buildCalendars(plan)
        projectStarts(plan, today: today)
        resources(plan)
        workBreakdownGates(plan.tasks)
        activities(plan, today: today)
        let links = workBreakdownLinks(plan.tasks) + dependencyLinks(plan.tasks)
        network.setLinks(breakCycles(links, tasks: plan.tasks))
        network.computeRanks()
    }

    // MARK: Steps of init

    /// Network calendar `c + 1` is plan calendar `c` (0 is the continuous calendar), made by the
    /// one calendar factory. Here, unlike in the checker and the reports, a calendar without
    /// working days is read as Monday to Friday (P404), so that the plan still gets dates.
    private mutating func buildCalendars(_ plan: Plan) {
        for index in 0..<max(plan.calendars.count, 1) {
            network.calendars.append(WorkingCalendar(plan: plan, calendarIndex: index, emptyWeek: .workweek))
            guard plan.calendars.indices.contains(index), plan.calendars[index].workingDays.isEmpty else { continue }
            let spec = plan.calendars[index]
            diagnostics.append(Diagnostic(
                .noWorkingDays, "calendar '\(spec.name)' has no working days", at: spec.range,
                hint: "list working days such as 'working-days: mon-fri'; planc uses mon-fri meanwhile"))
        }
        projectCalendar = plan.projects.map { PlanNetwork.networkCalendar(plan, $0.calendarIndex) }
        taskCalendar = plan.tasks.map { task in
            plan.projects.indices.contains(task.projectIndex) ? projectCalendar[task.projectIndex] : 1
        }
    }

    /// The network calendar of plan calendar `index`, read as the factory reads it.
    private static func networkCalendar(_ plan: Plan, _ index: Int) -> Int {
        plan.calendars.isEmpty ? 1 : plan.calendarIndex(resolving: index) + 1
    }

    /// Nothing of a project is scheduled before its start: the stated start, else the earliest
    /// fixed or actual date of its tasks, else today.
    private mutating func projectStarts(_ plan: Plan, today: Day) {
        projectStart = plan.projects.map { $0.start?.ordinal ?? Int.max }
        var earliest = [Int](repeating: today.ordinal, count: plan.projects.count)
        for task in plan.tasks where plan.projects.indices.contains(task.projectIndex) {
            for day in [task.fixedStart, task.actualStart, task.fixedFinish, task.actualFinish].compactMap({ $0 }) {
                earliest[task.projectIndex] = min(earliest[task.projectIndex], day.ordinal)
            }
        }
        for p in projectStart.indices where projectStart[p] == Int.max { projectStart[p] = earliest[p] }
    }

    /// Resources are people first, then pools; a person's capacity follows their availability
    /// changes (steps only exist when someone has one, so most plans pay nothing for them).
    /// People's calendars are made when their open work is placed (`personCalendar`).
    private mutating func resources(_ plan: Plan) {
        network.capacities = plan.people.map { PlanNetwork.units($0.availability) }
            + plan.pools.map { Int32(clamping: $0.size * PlanNetwork.unit) }
        guard plan.people.contains(where: { !$0.changes.isEmpty }) else { return }
        network.capacitySteps = Array(repeating: [], count: network.capacities.count)
        for (r, person) in plan.people.enumerated() {
            var steps: [(from: Int, capacity: Int32)] = []
            for change in person.changes.sorted(by: { $0.from < $1.from }) {
                guard let share = change.availability else { continue }
                if let last = steps.last, last.from == change.from.ordinal { steps.removeLast() }
                steps.append((change.from.ordinal, PlanNetwork.units(share)))
            }
            network.capacitySteps[r] = steps
        }
    }

    /// A share (1 = a full day) in thousandths.
    private static func units(_ share: Double) -> Int32 {
        Int32(clamping: Int((max(share, 0) * Double(unit)).rounded()))
    }

    /// Whether a person ever has time: now or from a later change on.
    private func everAvailable(_ r: Int) -> Bool {
        network.capacities[r] > 0 || (!network.capacitySteps.isEmpty && network.capacitySteps[r].contains { $0.capacity > 0 })
    }

    /// The most a person ever gives in a day, in thousandths.
    private func mostCapacity(_ r: Int) -> Int32 {
        var most = network.capacities[r]
        if !network.capacitySteps.isEmpty {
            for step in network.capacitySteps[r] { most = max(most, step.capacity) }
        }
        return most
    }

    /// Summaries get a start gate each, past the tasks, so that a dependency on or from a package
    /// costs two links instead of one per pair of leaves (the finish gate is the summary's own
    /// activity).
    private mutating func workBreakdownGates(_ tasks: [PlanModel.PlanTask]) {
        progress = tasks.map(PlanNetwork.progress)
        startGate = Array(repeating: nil, count: tasks.count)
        var activityCount = tasks.count
        for i in tasks.indices where tasks[i].kind == .summary {
            startGate[i] = activityCount; activityCount += 1
        }
        taskOfActivity = Array(tasks.indices)
        for i in tasks.indices where startGate[i] != nil { taskOfActivity.append(i) }
    }

    /// Every activity's defaults: an instant, free, in group 0 at normal priority.
    private mutating func allocateActivities(taskCount: Int, projectCount: Int) {
        let activityCount = taskOfActivity.count
        network.shapes = Array(repeating: .instant, count: activityCount)
        network.release = Array(repeating: Int.min, count: activityCount)
        network.due = Array(repeating: Int.max, count: activityCount)
        network.pinnedStart = Array(repeating: Int.min, count: activityCount)
        network.pinnedEnd = Array(repeating: Int.min, count: activityCount)
        network.group = Array(repeating: 0, count: activityCount)
        network.priority = Array(repeating: 500, count: activityCount)
        network.elastic = Array(repeating: false, count: activityCount)
        network.ceiling = Array(repeating: Int.max, count: activityCount)
        network.groupCount = max(projectCount, 1)
        network.logsBookings = true
        network.startSideCalendar = Array(repeating: 0, count: activityCount)
        releaseReason = Array(repeating: .projectStart, count: activityCount)
        fixedDate = Array(repeating: false, count: taskCount)
        blockedOpen = Array(repeating: false, count: taskCount)
    }

    /// Per task: its release and the reason for it, then (for a leaf) its shape, the people and
    /// pools it uses and its pins. Releases come first because pins and shapes are read on the
    /// working days they select.
    private mutating func activities(_ plan: Plan, today: Day) {
        let tasks = plan.tasks
        allocateActivities(taskCount: tasks.count, projectCount: plan.projects.count)
        let underWay = packagesUnderWay(tasks)
        var usesOf: [[ResourceUse]] = Array(repeating: [], count: taskOfActivity.count)
        var personCalendars = PersonCalendars()
        for (i, task) in tasks.enumerated() {
            let project = plan.projects.indices.contains(task.projectIndex) ? task.projectIndex : 0
            let start = projectStart.indices.contains(project) ? projectStart[project] : today.ordinal
            network.group[i] = Int32(project)
            network.priority[i] = Int32(clamping: task.priority)
            if let deadline = task.deadline { network.due[i] = deadline.ordinal + 1 }
            if let gate = startGate[i] {
                releasePackage(i, gate: gate, task, project: project, start: start, underWay: underWay[i], today: today)
                continue
            }
            releaseLeaf(i, task, start: start, today: today)
            let state = progress[i]
            let projectDays = network.calendars[taskCalendar[i]]
            if state == .cancelled {
                // No work and no effect on anything after it: an instant at the start of the
                // first working day it could have begun (shown on that day).
                network.release[i] = projectDays.nextWorking(onOrAfter: network.release[i]) ?? network.release[i]
                continue
            }
            if task.kind == .milestone {
                if state != .done {
                    // An open milestone held only by its release happens at the start of the first
                    // working day it may happen on (never before today), as MS Project puts it at
                    // 8:00 with its successors the same day; one after a task, at that task's end.
                    network.release[i] = projectDays.nextWorking(onOrAfter: network.release[i]) ?? network.release[i]
                }
                pinMilestone(i, task, state: state, today: today)
                if network.isPinned(i) { fixedDate[i] = state != .done; releaseReason[i] = .projectStart }
                continue
            }
            var parts: [(calendar: Int32, rate: Int)] = []
            if state != .done {
                (parts, usesOf[i]) = resourceUses(task, plan: plan, calendar: taskCalendar[i], personCalendars: &personCalendars)
            }
            network.shapes[i] = PlanNetwork.shape(of: task, state: state, parts: parts, calendar: taskCalendar[i],
                                                  elastic: !usesOf[i].isEmpty, rateParts: &network.rateParts)
            if case .instant = network.shapes[i], state != .done {
                // No work (left): it is done on a working day, today at the earliest.
                network.release[i] = projectDays.nextWorking(onOrAfter: network.release[i]) ?? network.release[i]
            }
            pin(i, task, state: state, today: today)
            if state == .done { usesOf[i] = [] }
            network.elastic[i] = !usesOf[i].isEmpty && !network.isPinned(i)
        }
        var offsets: [Int32] = [0]
        for list in usesOf { network.uses.append(contentsOf: list); offsets.append(Int32(network.uses.count)) }
        network.useOffsets = offsets
    }

    /// Packages with a leaf under way or done: their leaves no longer wait for today.
    private func packagesUnderWay(_ tasks: [PlanModel.PlanTask]) -> [Bool] {
        var underWay = [Bool](repeating: false, count: tasks.count)
        for (i, task) in tasks.enumerated() where startGate[i] == nil && (progress[i] == .inProgress || progress[i] == .done) {
            var parent = task.parent, seen = Set<Int>()
            while let p = parent, tasks.indices.contains(p), seen.insert(p).inserted { underWay[p] = true; parent = tasks[p].parent }
        }
        return underWay
    }

    /// The start gate is the earliest the package's leaves may start: the first working day of
    /// the project calendar on or after the project start, today while none of them has started,
    /// and the package's not-before. Its finish gate (the summary's activity) is released at the
    /// project start.
    private mutating func releasePackage(_ i: Int, gate: Int, _ task: PlanModel.PlanTask, project: Int, start: Int,
                                         underWay: Bool, today: Day) {
        let calendar = taskCalendar[i]
        network.group[gate] = Int32(project)
        network.priority[gate] = Int32(clamping: task.priority)
        let first = underWay ? start : max(start, today.ordinal)
        if first > start { releaseReason[gate] = .today }
        if let notBefore = task.notBefore, notBefore.ordinal > first { releaseReason[gate] = .notBefore }
        let earliest = max(first, task.notBefore?.ordinal ?? Int.min)
        network.release[gate] = network.calendars[calendar].nextWorking(onOrAfter: earliest) ?? earliest
        network.startSideCalendar[gate] = Int32(calendar)
        network.release[i] = start
    }

    /// A leaf waits for its project's start, open work for today (the rest of work under way is
    /// forecast from today), and anything not done for its not-before.
    private mutating func releaseLeaf(_ i: Int, _ task: PlanModel.PlanTask, start: Int, today: Day) {
        let state = progress[i]
        let todayOrdinal = today.ordinal
        network.release[i] = start
        if state == .unstarted && todayOrdinal > start {
            network.release[i] = todayOrdinal
            releaseReason[i] = .today
            if task.state == .blocked && task.notBefore == nil { releaseReason[i] = .blocked; blockedOpen[i] = true }
        }
        if state == .inProgress {
            network.release[i] = max(todayOrdinal, task.actualStart?.ordinal ?? todayOrdinal)
            releaseReason[i] = .inProgress
            if task.state == .blocked && task.notBefore == nil { releaseReason[i] = .blocked; blockedOpen[i] = true }
        }
        // Not-before holds for started and blocked work too: the rest resumes no earlier.
        if let notBefore = task.notBefore, state != .done, notBefore.ordinal > network.release[i] {
            network.release[i] = notBefore.ordinal
            releaseReason[i] = .notBefore
        }
    }

    /// Who does the remaining work of an open leaf, and at what rate each: people at their units
    /// (never above what they ever give) on their own calendars, pools at the heads asked for
    /// (never above their size, P403) on the project's. People without working time are left out.
    private mutating func resourceUses(_ task: PlanModel.PlanTask, plan: Plan, calendar: Int,
                                       personCalendars: inout PersonCalendars)
        -> (parts: [(calendar: Int32, rate: Int)], uses: [ResourceUse]) {
        var parts: [(calendar: Int32, rate: Int)] = []
        var uses: [ResourceUse] = []
        for assignment in task.assignments {
            switch assignment.resource {
            case let .person(person) where plan.people.indices.contains(person):
                guard let own = personCalendar(person, base: calendar, plan: plan, known: &personCalendars) else { continue }
                let rate = min(Int((assignment.units * Double(PlanNetwork.unit)).rounded()), Int(mostCapacity(person)))
                guard rate > 0 else { continue }
                parts.append((Int32(own), rate))
                uses.append(ResourceUse(resource: Int32(person), amount: Int32(rate), calendar: Int32(own)))
            case let .pool(pool) where plan.pools.indices.contains(pool):
                let heads = Int((assignment.units * Double(PlanNetwork.unit)).rounded())
                let size = plan.pools[pool].size * PlanNetwork.unit
                if heads > size {
                    diagnostics.append(Diagnostic(
                        .poolTooSmall,
                        "'\(task.id)' needs \(NumberText.plain(assignment.units)) of '\(plan.pools[pool].id)', which has \(plan.pools[pool].size)",
                        at: assignment.range,
                        hint: "enlarge the pool or ask for fewer heads; planc schedules it with \(plan.pools[pool].size)"))
                }
                let rate = min(heads, size)
                guard rate > 0 else { continue }
                parts.append((Int32(calendar), rate))
                uses.append(ResourceUse(resource: Int32(plan.people.count + pool), amount: Int32(rate), calendar: Int32(calendar)))
            default: continue
            }
        }
        return (parts, uses)
    }

    /// People's network calendars, made on first use so that only people with open work get one
    /// (and a P404 when they have no working time, once each).
    private struct PersonCalendars {
        struct Key: Hashable { var person: Int; var base: Int }
        var known: [Key: Int?] = [:]
        var reported: Set<Int> = []
    }

    /// The network calendar a person works on under a task of network calendar `base`: their own
    /// calendar, else the project's, minus their time off (made by the calendar factory). A
    /// person without time off shares the plan calendar's network calendar, so work whose people
    /// all share it keeps a fixed length. Nil for someone who never has working time.
    private mutating func personCalendar(_ person: Int, base: Int, plan: Plan, known: inout PersonCalendars) -> Int? {
        let key = PersonCalendars.Key(person: person, base: base)
        if let calendar = known.known[key] { return calendar }
        let who = plan.people[person]
        var calendar = who.calendarIndex.map { PlanNetwork.networkCalendar(plan, $0) } ?? base
        if !who.timeOff.isEmpty && everAvailable(person) {
            network.calendars.append(WorkingCalendar(plan: plan, person: person, fallback: base - 1, emptyWeek: .workweek))
            calendar = network.calendars.count - 1
        }
        guard network.calendars[calendar].hasWorkingDays, everAvailable(person) else {
            if known.reported.insert(person).inserted {
                diagnostics.append(Diagnostic(
                    .noWorkingDays, "'\(who.id)' has no working time", at: who.range,
                    hint: "give '\(who.id)' an availability above 0% and a calendar with working days; their tasks are scheduled without them"))
            }
            known.known[key] = .some(nil)
            return nil
        }
        known.known[key] = calendar
        return calendar
    }

    /// A summary's start gate precedes its children, its finish gate follows them.
    private func workBreakdownLinks(_ tasks: [PlanModel.PlanTask]) -> [PendingLink] {
        var links: [PendingLink] = []
        for (i, task) in tasks.enumerated() {
            guard let gate = startGate[i] else { continue }
            for child in task.children where tasks.indices.contains(child) && child != i {
                // Work under way no longer waits for its package to start (like its own FS/SS).
                if let childGate = startGate[child] {
                    links.append((gate, childGate, .startToStart, 0, 0))
                } else if progress[child] != .inProgress {
                    // The gate is the start of a working day; a milestone held by it happens at
                    // the end of the working day before, as after an FS link (read in the
                    // package's calendar), never on a day off.
                    links.append((gate, child, .startToStart, 0, network.linksBoundEnd(child) ? taskCalendar[i] : 0))
                }
                links.append((child, i, .finishToFinish, 0, 0))
            }
        }
        return links
    }

    /// Dependencies, in the successor's project calendar: on a package, from its finish gate (or
    /// its start gate for SS and SF); into a package, to its start gate (FS, SS) or each of its
    /// leaves (FF, SF). Work under way keeps only its finish-side dependencies.
    private func dependencyLinks(_ tasks: [PlanModel.PlanTask]) -> [PendingLink] {
        var links: [PendingLink] = []
        var leavesCache: [Int: [Int]] = [:]
        func leaves(of summary: Int) -> [Int] {
            if let known = leavesCache[summary] { return known }
            var found: [Int] = [], stack = [summary], seen = Set<Int>()
            while let next = stack.popLast() {
                guard seen.insert(next).inserted else { continue }
                if startGate[next] == nil { found.append(next) } else { stack.append(contentsOf: tasks[next].children.reversed()) }
            }
            leavesCache[summary] = found
            return found
        }
        for (i, task) in tasks.enumerated() {
            for dependency in task.dependencies where tasks.indices.contains(dependency.predecessor) && dependency.predecessor != i {
                let kind = LinkKind(dependency.kind)
                let lag = Int(dependency.lagDays.rounded(.toNearestOrAwayFromZero))
                let p = dependency.predecessor
                let from = kind.fromPredecessorEnd ? p : (startGate[p] ?? p)
                if let gate = startGate[i] {
                    if kind.constrainsSuccessorStart {
                        links.append((from, gate, kind, lag, taskCalendar[i]))
                    } else {
                        for leaf in leaves(of: i) { links.append((from, leaf, kind, lag, taskCalendar[i])) }
                    }
                } else {
                    if progress[i] == .inProgress && kind.constrainsSuccessorStart { continue }
                    links.append((from, i, kind, lag, taskCalendar[i]))
                }
            }
        }
        return links
    }

    /// Pins of a leaf task. Done work keeps its actual dates (a missing one falls back on the
    /// plan's pin); a window of `start:` and `finish:` holds in every state, so a level-of-effort
    /// task (project management at 50 % for the whole project) books its people over it; a lone
    /// `finish:` is a must-finish-on date; a lone `start:` holds until the work has started.
    private mutating func pin(_ i: Int, _ task: PlanModel.PlanTask, state: Progress, today: Day) {
        let todayOrdinal = today.ordinal
        switch state {
        case .done:
            let pinnedStart = task.actualStart ?? (task.actualFinish == nil ? task.fixedStart : nil)
            let pinnedFinish = task.actualFinish ?? (task.actualStart == nil ? task.fixedFinish : nil)
            if let start = pinnedStart { network.pinnedStart[i] = start.ordinal }
            if let finish = pinnedFinish {
                network.pinnedEnd[i] = finish.ordinal + 1
                // Without a start the work ends on its finish date (kept even when that is not a
                // working day) and began its duration of working days before.
                if pinnedStart == nil {
                    network.pinnedStart[i] = network.start(i, to: network.snapEnd(i, finish.ordinal + 1))
                }
            } else if let start = pinnedStart {
                // Started, done, no finish date: its planned finish or today, whichever is earlier.
                let planned = network.end(i, from: network.snapStart(i, start.ordinal))
                network.pinnedEnd[i] = max(start.ordinal + 1, min(planned, todayOrdinal + 1))
            } else {
                // No dates at all: scheduled as planned, but never finishing after today.
                network.ceiling[i] = todayOrdinal + 1
            }
        case .unstarted, .inProgress:
            let window = task.fixedStart != nil && task.fixedFinish != nil
            if window, let first = task.fixedStart, let last = task.fixedFinish, last >= first {
                if last.ordinal >= todayOrdinal || state == .inProgress {
                    network.pinnedStart[i] = first.ordinal
                    network.pinnedEnd[i] = last.ordinal + 1
                    fixedDate[i] = true
                    return
                }
                diagnostics.append(Diagnostic(
                    .overdueStart, "'\(task.id)' was fixed to \(first.iso)..\(last.iso) but has not started",
                    at: task.range, hint: "mark its progress or move its dates; planc forecasts it from \(today.iso)"))
                return
            }
            if let fixed = task.fixedStart, state == .unstarted {
                if fixed.ordinal >= todayOrdinal {
                    // Work starts at the beginning of the day; a task without work happens on
                    // its date like a milestone with `start:`, at the end of that day (else it
                    // would be shown on the day before).
                    network.pinnedStart[i] = fixed.ordinal + (network.isInstant(i) ? 1 : 0)
                    fixedDate[i] = true
                } else {
                    diagnostics.append(Diagnostic(
                        .overdueStart, "'\(task.id)' was fixed to start \(fixed.iso) but has not started",
                        at: task.range, hint: "mark it started, or move its start; planc forecasts it from \(today.iso)"))
                }
            }
            if let fixed = task.fixedFinish, !window {
                let end = network.snapEnd(i, fixed.ordinal + 1)
                if state == .unstarted && network.start(i, to: end) < todayOrdinal {
                    diagnostics.append(Diagnostic(
                        .overdueStart, "'\(task.id)' must start before today to finish on \(fixed.iso)",
                        at: task.range, hint: "move its finish or mark its progress; planc forecasts it from \(today.iso)"))
                } else if fixed.ordinal >= todayOrdinal {
                    network.pinnedEnd[i] = fixed.ordinal + 1
                    fixedDate[i] = true
                }
            }
        case .cancelled:
            break
        }
    }

    /// A milestone happens at the end of the day it is shown on, so its pins are the boundary
    /// after that day: a done one on its `finished:` (else `started:`) date, one not yet reached
    /// on its fixed date unless that is already past.
    private mutating func pinMilestone(_ i: Int, _ task: PlanModel.PlanTask, state: Progress, today: Day) {
        switch state {
        case .done:
            guard let day = task.actualFinish ?? task.actualStart else { return }
            network.pinnedStart[i] = day.ordinal + 1
            network.pinnedEnd[i] = day.ordinal + 1
        case .unstarted:
            guard let day = task.fixedFinish ?? task.fixedStart else { return }
            if day >= today {
                network.pinnedStart[i] = day.ordinal + 1
                network.pinnedEnd[i] = day.ordinal + 1
            } else {
                diagnostics.append(Diagnostic(
                    .overdueStart, "milestone '\(task.id)' was fixed to \(day.iso) but is not done",
                    at: task.range, hint: "mark it done with 'finished:', or move its date; planc forecasts it from \(today.iso)"))
            }
        case .inProgress, .cancelled:
            break
        }
    }

    /// Removes links until the network has no cycle, reporting P604 at each task where one was
    /// cut (the front end rejects cycles; this only keeps a slipped-through one from hanging).
    private mutating func breakCycles(_ links: [PendingLink], tasks: [PlanModel.PlanTask]) -> [PendingLink] {
        let n = network.count
        var waiting = [Int](repeating: 0, count: n)
        var outgoing: [[Int]] = Array(repeating: [], count: n)
        for (index, link) in links.enumerated() { waiting[link.to] += 1; outgoing[link.from].append(index) }
        var removed = Set<Int>()
        var done = [Bool](repeating: false, count: n)
        var queue = (0..<n).filter { waiting[$0] == 0 }
        var head = 0, finished = 0
        var incoming: [[Int]]? = nil
        while finished < n {
            while head < queue.count {
                let j = queue[head]; head += 1
                done[j] = true; finished += 1
                for index in outgoing[j] where !removed.contains(index) {
                    let next = links[index].to
                    waiting[next] -= 1
                    if waiting[next] == 0 { queue.append(next) }
                }
            }
            guard finished < n else { break }
            // Stuck on a cycle: cut every remaining link into the first blocked activity.
            if incoming == nil {
                var lists: [[Int]] = Array(repeating: [], count: n)
                for (index, link) in links.enumerated() { lists[link.to].append(index) }
                incoming = lists
            }
            guard let blocked = (0..<n).first(where: { !done[$0] && waiting[$0] > 0 }) else { break }
            for index in incoming![blocked] where !removed.contains(index) && !done[links[index].from] {
                removed.insert(index)
            }
            waiting[blocked] = 0
            queue.append(blocked)
            let task = tasks[taskOfActivity[blocked]]
            diagnostics.append(Diagnostic(
                .unschedulable, "'\(task.id)' is part of a dependency cycle", at: task.range,
                hint: "remove one of the dependencies in the cycle; planc ignored the ones into this task"))
        }
        return removed.isEmpty ? links : links.enumerated().filter { !removed.contains($0.offset) }.map(\.element)
    }

    /// The model's reading of the task's progress (`TaskStateRule`), in the network's terms.
    static func progress(_ task: PlanModel.PlanTask) -> Progress {
        switch task.workStage {
        case .unstarted: return .unstarted
        case .inProgress: return .inProgress
        case .done: return .done
        case .cancelled: return .cancelled
        }
    }

    /// How long the (remaining) work of a leaf takes.
    static func shape(of task: PlanModel.PlanTask, state: Progress, parts: [(calendar: Int32, rate: Int)], calendar: Int,
                      elastic: Bool = false, rateParts: inout [(calendar: Int32, rate: Int)]) -> ActivityShape {
        if let duration = task.durationDays, duration.isFinite {
            var days = max(duration, 0)
            if state == .inProgress { days *= 1 - task.progress }
            let whole = Int(days.rounded(.up))
            return whole > 0 ? .span(calendar: Int32(calendar), days: Int32(clamping: whole)) : .instant
        }
        var effort = task.effortDays.flatMap { $0.isFinite ? max($0, 0) : nil }
            ?? ((task.fixedStart != nil && task.fixedFinish != nil) ? 0 : 1)
        if state == .inProgress {
            if task.percentComplete != nil { effort *= 1 - task.progress }
            else if let spent = task.spentDays, spent.isFinite { effort = max(effort - spent, 0) }
        }
        let work = Int((effort * Double(unit)).rounded())
        if work <= 0 {
            return (task.fixedStart != nil && task.fixedFinish != nil) ? .span(calendar: Int32(calendar), days: 1) : .instant
        }
        guard !parts.isEmpty else {
            return .span(calendar: Int32(calendar), days: Int32(clamping: (work + unit - 1) / unit))
        }
        // Elastic work progresses by what its people have left each day: always by the day.
        if !elastic && parts.allSatisfy({ $0.calendar == parts[0].calendar }) {
            let rate = parts.reduce(0) { $0 + $1.rate }
            return .span(calendar: parts[0].calendar, days: Int32(clamping: (work + rate - 1) / rate))
        }
        let first = rateParts.count
        rateParts.append(contentsOf: parts)
        return .effort(work: work, parts: first..<rateParts.count)
    }
}
