import PlanModel
import PlanTestSupport
import Testing
@testable import PlanSchedule

// Invariants of leveled schedules on seeded random plans with people (full- and part-time,
// units below availability, their own calendar, time off), pools, priorities (also on work
// packages), deadlines and pins. The rules are those of docs/scheduling.md and of the leveling
// rework of issue 9: a person's units are a share of their availability, leveling never books
// anyone above availability nor on a day off, priority is a guarantee (a predecessor inherits
// the priority of what it feeds), slack keeps the leveled order, critical means
// min(start slack, finish slack) <= 0, and pins are fixed-date events.

/// A seeded random plan to level: one or two projects on the default calendar (Monday to Friday
/// with holidays), a second calendar (Monday to Thursday) for some people. Pins are only put on
/// tasks without people, so no pin can force an over-allocation.
func randomLeveledPlan(seed: UInt64) -> (plan: Plan, today: Day) {
    var dice = Dice(seed: seed)
    var plan = Plan()
    var calendar = CalendarSpec(name: "default")
    for _ in 0..<dice.below(4) {
        let first = PlanFixture.day("2026-01-05").adding(days: dice.below(60))
        calendar.holidays.append(Holiday(days: DayRange(first: first, last: first.adding(days: dice.below(3))), name: "off"))
    }
    var fourDays = CalendarSpec(name: "four-days")
    fourDays.workingDays = [.monday, .tuesday, .wednesday, .thursday]
    fourDays.holidays = calendar.holidays
    plan.calendars = [calendar, fourDays]
    let start = PlanFixture.day("2026-01-05")
    for p in 0..<(2 + dice.below(4)) {
        var person = Person(id: "r\(p)", name: "r\(p)", range: PlanFixture.range(900 + p))
        person.availability = dice.pick([1, 1, 0.8, 0.5])
        if dice.chance(0.15) { person.calendarIndex = 1 }
        for _ in 0..<dice.below(3) {
            let first = start.adding(days: dice.below(50))
            person.timeOff.append(DayRange(first: first, last: first.adding(days: dice.below(5))))
        }
        plan.people.append(person)
    }
    for p in 0..<dice.below(3) {
        plan.pools.append(Pool(id: "pool\(p)", name: "pool\(p)", size: 1 + dice.below(3), range: PlanFixture.range(950 + p)))
    }
    let withDeadlines = dice.chance(0.5), withPins = dice.chance(0.5)
    let people = plan.people, pools = plan.pools
    for p in 0..<(1 + dice.below(2)) {
        plan.appendProject("p\(p)", start: start, calendar: 0,
                           deadline: withDeadlines && dice.chance(0.3) ? start.adding(days: 20 + dice.below(40)) : nil)
        let first = plan.tasks.count
        plan.appendRandomBreakdown(leaves: 6 + dice.below(16), dice: &dice, leaf: { task, dice in
            switch dice.below(20) {
            case 0...1: task.kind = .milestone
            case 2...4: task.durationDays = Double(1 + dice.below(4))
            default: task.effortDays = Double(1 + dice.below(6)) + (dice.chance(0.2) ? 0.5 : 0)
            }
            if task.kind == .task, dice.chance(0.85) {
                var candidates = Array(people.indices)
                for _ in 0..<(dice.chance(0.25) ? 2 : 1) where !candidates.isEmpty {
                    let person = candidates.remove(at: dice.below(candidates.count))
                    let availability = people[person].availability
                    let units = dice.pick([availability, availability, availability / 2, min(0.5, availability)])
                    task.assignments.append(Assignment(resource: .person(person), units: units, range: task.range))
                }
                if !pools.isEmpty, dice.chance(0.2) {
                    let pool = dice.below(pools.count)
                    task.assignments.append(Assignment(resource: .pool(pool), units: Double(1 + dice.below(pools[pool].size)),
                                                       range: task.range))
                }
            }
            if dice.chance(0.3) { task.priority = dice.pick([300, 700, 900]) }
            if withDeadlines, dice.chance(0.15) { task.deadline = start.adding(days: 5 + dice.below(40)) }
            if withPins, task.assignments.isEmpty, dice.chance(0.4) {
                let day = start.adding(days: dice.below(30))
                if dice.chance(0.7) || task.kind == .milestone { task.fixedStart = day } else { task.fixedFinish = day }
            }
        }, package: { task, dice in
            if dice.chance(0.2) { task.priority = dice.pick([300, 700, 900]) }
        })
        // A package's priority passes down to tasks that set none (as lowering does).
        for t in first..<plan.tasks.count {
            if let parent = plan.tasks[t].parent, plan.tasks[t].priority == 500 { plan.tasks[t].priority = plan.tasks[parent].priority }
        }
        for t in first..<plan.tasks.count where dice.chance(plan.tasks[t].kind == .summary ? 0.3 : 0.55) {
            plan.addRandomDependency(to: t, dice: &dice, lags: [0, 0, 0, 1, 2, -1])
        }
    }
    return (plan, start)
}

/// One random plan with its leveled schedule and the facts the invariants need.
struct LeveledCase: Sendable {
    let seed: UInt64
    let plan: Plan
    let today: Day
    let schedule: Schedule
    let diagnostics: [Diagnostic]

    static let samples = 40
    /// 200 plans, scheduled once and shared by the invariant tests.
    static let all: [LeveledCase] = (0..<200 as Range<UInt64>).map { LeveledCase(seed: $0) }

    let oracle: TimeAnalysisOracle
    let calendars: [NaiveCalendar]

    init(seed: UInt64) {
        let (plan, today) = randomLeveledPlan(seed: seed)
        self.init(seed: seed, plan: plan, today: today)
    }

    init(seed: UInt64, plan: Plan, today: Day) {
        self.seed = seed
        self.plan = plan
        self.today = today
        (schedule, diagnostics) = Scheduler.schedule(plan, today: today, options: ScheduleOptions(samples: LeveledCase.samples))
        oracle = TimeAnalysisOracle(plan: plan, today: today)
        calendars = plan.calendars.map(NaiveCalendar.init)
    }

    var hasDeadlines: Bool { plan.tasks.contains { $0.deadline != nil } || plan.projects.contains { $0.deadline != nil } }
    var hasPins: Bool { plan.tasks.contains { $0.fixedStart != nil || $0.fixedFinish != nil } }
    func isPinned(_ t: Int) -> Bool { plan.tasks[t].fixedStart != nil || plan.tasks[t].fixedFinish != nil }
    /// A pin the engine set aside because it is already past (P606: forecast from today).
    func pinIsPast(_ t: Int) -> Bool { diagnostics.contains { $0.code == .overdueStart && $0.range == plan.tasks[t].range } }
    func isLeaf(_ t: Int) -> Bool { plan.tasks[t].kind != .summary }
    func isInstant(_ t: Int) -> Bool { plan.tasks[t].kind == .milestone }

    /// Whether a person works on a day: their calendar (else the project's), minus time off.
    func works(_ resource: ResourceRef, on day: Day) -> Bool {
        switch resource {
        case let .person(p):
            let person = plan.people[p]
            return calendars[person.calendarIndex ?? 0].isWorking(day) && !person.timeOff.contains { $0.contains(day) }
        case .pool:
            return calendars[0].isWorking(day)
        }
    }

    func capacity(_ resource: ResourceRef, on day: Day) -> Double {
        guard works(resource, on: day) else { return 0 }
        switch resource {
        case let .person(p): return plan.people[p].availability(on: day)
        case let .pool(p): return Double(plan.pools[p].size)
        }
    }

    /// What an assignment can take of its resource on a day (units above the capacity count as it).
    func use(_ assignment: Assignment, on day: Day) -> Double { min(assignment.units, capacity(assignment.resource, on: day)) }

    /// Start and end boundaries of every task in the leveled schedule, as the oracle measures
    /// them: leaves from their dates, an instant at the end of its day unless it is shown on the
    /// first working day on or after its release and nothing holds it later (then at that day's
    /// beginning), packages from the gates their leaves' dates give. Relaxed a few times so that
    /// package gates settle. `followingPackageStarts`: a package's start is no earlier than its
    /// first task's (the engine's gate waits for it, so this bounds the gate from above; without
    /// it, the gate is the earliest its leaves may start, which bounds it from below).
    func leveledBoundaries(followingPackageStarts: Bool = false) -> (start: [Int?], end: [Int?]) {
        var start = [Int?](repeating: nil, count: plan.tasks.count), end = start
        for _ in 0..<3 {
            for t in plan.tasks.indices {
                let s = schedule.tasks[t]
                if !isLeaf(t) {
                    let gate = oracle.workingDay(oracle.bounds(of: t, startBoundary: start, endBoundary: end).start, of: t)
                    let first = followingPackageStarts ? oracle.leaves(under: t).compactMap { start[$0] }.min() : nil
                    start[t] = max(gate, first ?? gate)
                    let ends = oracle.leaves(under: t).map { end[$0] }
                    end[t] = ends.contains(nil) ? nil : ends.compactMap { $0 }.max()
                } else if isInstant(t) {
                    let b = oracle.bounds(of: t, startBoundary: start, endBoundary: end)
                    let atRelease = s.finish.ordinal == oracle.firstDay(t) && !isPinned(t)
                        && max(b.start, b.end) <= oracle.idx(s.finish.ordinal, of: t)
                    start[t] = atRelease ? s.finish.ordinal : s.finish.ordinal + 1
                    end[t] = start[t]
                } else {
                    start[t] = s.start.ordinal; end[t] = s.finish.ordinal + 1
                }
            }
        }
        return (start, end)
    }

    /// Leaves that must come after a leaf: by its dependencies, on it or on its packages.
    func successorLeaves() -> [[Int]] {
        var result = [[Int]](repeating: [], count: plan.tasks.count)
        for (s, task) in plan.tasks.enumerated() {
            for dependency in task.dependencies {
                for p in oracle.leaves(under: dependency.predecessor) { result[p].append(contentsOf: oracle.leaves(under: s)) }
            }
        }
        return result
    }

    /// Leveling rank of every task as docs/scheduling.md defines it: (priority, due date), each
    /// inherited from everything that waits for it — the highest priority and the earliest due
    /// date. What waits for what follows the work breakdown as the docs state it: a package's
    /// start (its own FS and SS, SS and SF from it) comes before its children, its finish after
    /// them; FS and FF from a package wait for all of its leaves. Node `t` is a task (a
    /// package's finish), node `count + t` a package's start.
    func inheritedRanks() -> (priority: [Int], due: [Int]) {
        let n = plan.tasks.count
        var next = [[Int]](repeating: [], count: 2 * n)
        for (t, task) in plan.tasks.enumerated() where !isLeaf(t) {
            for child in task.children {
                next[n + t].append(isLeaf(child) ? child : n + child)
                next[child].append(t)
            }
        }
        for (s, task) in plan.tasks.enumerated() {
            for dependency in task.dependencies {
                let p = dependency.predecessor
                let fromEnd = dependency.kind == .finishToStart || dependency.kind == .finishToFinish
                let from = fromEnd || isLeaf(p) ? p : n + p
                let toStart = dependency.kind == .finishToStart || dependency.kind == .startToStart
                next[from].append(contentsOf: isLeaf(s) ? [s] : toStart ? [n + s] : oracle.leaves(under: s))
            }
        }
        var priority = (0..<(2 * n)).map { plan.tasks[$0 % n].priority }
        var due = (0..<(2 * n)).map { $0 < n ? (plan.tasks[$0].deadline?.ordinal ?? Int.max) : Int.max }
        var changed = true
        while changed {
            changed = false
            for a in 0..<(2 * n) {
                for b in next[a] where priority[b] > priority[a] || due[b] < due[a] {
                    priority[a] = max(priority[a], priority[b]); due[a] = min(due[a], due[b]); changed = true
                }
            }
        }
        return (Array(priority[0..<n]), Array(due[0..<n]))
    }

    /// The day effort task `t`, looking for room from `d` on, starts when it then progresses on
    /// every working day of its people until its work is done (work never splits), taking each
    /// day what `left` says each of its people and pools has left, up to its units; nil when a
    /// working day without room splits it. Days none of them works pause it.
    func startWithoutSplit(_ t: Int, from d: Day, left: (ResourceRef, Day) -> Double) -> Day? {
        let task = plan.tasks[t]
        var done = 0.0, day = d, first: Day?
        while done < (task.effortDays ?? 1) - 1e-6 {
            var progress = 0.0, anyWorks = false
            for a in task.assignments where works(a.resource, on: day) {
                anyWorks = true
                progress += max(0, min(a.units, left(a.resource, day)))
            }
            if progress > 1e-6 { done += progress; first = first ?? day } else if anyWorks { return nil }
            day = day.adding(days: 1)
            if day.ordinal - d.ordinal > 400 { return nil }
        }
        return first
    }

    /// Working days of the project calendar from `a` to `b` (negative when `b` is earlier).
    func workingDays(from a: Day, to b: Day, task: Int) -> Int {
        oracle.idx(b.ordinal, of: task) - oracle.idx(a.ordinal, of: task)
    }

    var leaves: [Int] { plan.tasks.indices.filter(isLeaf) }

    func describe(_ detail: String) -> String {
        "seed \(seed): \(detail)\n\(plan.oracleDescription(today: today))\nschedule:\n" + plan.tasks.indices.map { t in
            let s = schedule.tasks[t]
            return "[\(t)] \(s.start.iso)..\(s.finish.iso) slack \(s.totalSlack)\(s.isCritical ? " critical" : "")"
                + " late \(s.lateStart.iso)..\(s.lateFinish.iso)"
        }.joined(separator: "\n")
    }
}

/// Runs an invariant on every case; reports how many plans break it, and the first one, shrunk
/// (tasks and dependencies removed while it still breaks), with its seed and schedule.
private func checkAll(_ invariant: (LeveledCase) -> String?) {
    let failing = LeveledCase.all.filter { invariant($0) != nil }
    guard let first = failing.first else { return }
    let small = first.plan.shrunk { invariant(LeveledCase(seed: first.seed, plan: $0, today: first.today)) != nil }
    let shrunk = LeveledCase(seed: first.seed, plan: small, today: first.today)
    let message = "\(failing.count) of \(LeveledCase.all.count) plans (seeds \(failing.prefix(8).map(\.seed))); the first, shrunk "
        + "from \(first.plan.tasks.count) to \(small.tasks.count) tasks:\n" + shrunk.describe(invariant(shrunk)!)
    Issue.record(Comment(rawValue: message))
}

/// (a) No person or pool is booked above its capacity on any day, nor at all on a day they do
/// not work (weekend of their calendar, holiday, time off); and the reported load agrees with the
/// tasks: each booked day lies in a task of that resource, and carries at most what the tasks
/// there ask for. (The tasks' units are not required to fit on their own: after the rework a
/// task may progress with the share its people have left.)
@Test func noResourceIsOverAllocatedOnAnyDay() {
    checkAll { c in
        var asked: [ResourceRef: [Int: Double]] = [:]
        for t in c.leaves where c.plan.tasks[t].kind == .task {
            var day = c.schedule.tasks[t].start
            while day <= c.schedule.tasks[t].finish {
                for a in c.plan.tasks[t].assignments { asked[a.resource, default: [:]][day.ordinal, default: 0] += c.use(a, on: day) }
                day = day.adding(days: 1)
            }
        }
        for load in c.schedule.resourceLoad {
            for (day, value) in load.days where value > 1e-9 {
                if value > c.capacity(load.resource, on: day) + 1e-6 {
                    return "\(load.resource) carries \(value) on \(day.iso), capacity \(c.capacity(load.resource, on: day))"
                }
                if value > (asked[load.resource]?[day.ordinal] ?? 0) + 1e-6 {
                    return "\(load.resource) carries \(value) on \(day.iso), but its tasks there ask for \(asked[load.resource]?[day.ordinal] ?? 0)"
                }
            }
        }
        return nil
    }
}

/// (b) Every dependency holds on the leveled dates, by the rules of docs/scheduling.md (measured
/// by the oracle's boundaries), except into pinned tasks (P603 reports those).
@Test func everyDependencyHoldsOnTheLeveledDates() {
    checkAll { c in
        let (start, end) = c.leveledBoundaries()
        let oracle = c.oracle
        for t in c.leaves where !c.isPinned(t) {
            let b = oracle.bounds(of: t, startBoundary: start, endBoundary: end)
            if c.isInstant(t) {
                let at = oracle.idx(end[t]!, of: t)
                if at < max(b.start, b.end) { return "milestone [\(t)] at idx \(at) before its bound \(max(b.start, b.end))" }
            } else if oracle.idx(start[t]!, of: t) < b.start || oracle.idx(end[t]!, of: t) < b.end {
                return "[\(t)] \(c.schedule.tasks[t].start.iso)..\(c.schedule.tasks[t].finish.iso) breaks a bound "
                    + "(start idx \(oracle.idx(start[t]!, of: t)) >= \(b.start), end idx \(oracle.idx(end[t]!, of: t)) >= \(b.end))"
            }
        }
        return nil
    }
}

/// (c) Total slack is never negative unless a deadline or a pin forces it: a task with negative
/// slack must lead, by dependencies or by a later task on a shared resource, to a task with a
/// deadline or a pin, or be in a project with a deadline.
@Test func slackIsNegativeOnlyWhereADeadlineOrPinForcesIt() {
    checkAll { c in
        let successors = c.successorLeaves()
        func resources(_ t: Int) -> Set<ResourceRef> { Set(c.plan.tasks[t].assignments.map(\.resource)) }
        func forced(_ t: Int) -> Bool {
            c.plan.tasks[t].deadline != nil || c.isPinned(t) || c.plan.projects[c.plan.tasks[t].projectIndex].deadline != nil
                || c.oracle.ancestors(of: t).contains { c.plan.tasks[$0].deadline != nil }
        }
        for t in c.leaves where c.schedule.tasks[t].totalSlack < 0 {
            var seen: Set<Int> = [t], stack = [t], reaches = false
            while let u = stack.popLast(), !reaches {
                if forced(u) { reaches = true; break }
                let byResource = c.leaves.filter { v in
                    c.schedule.tasks[v].start >= c.schedule.tasks[u].start && !resources(v).isDisjoint(with: resources(u))
                }
                for v in successors[u] + byResource where seen.insert(v).inserted { stack.append(v) }
            }
            if !reaches { return "[\(t)] has slack \(c.schedule.tasks[t].totalSlack) but leads to no deadline or pin" }
        }
        return nil
    }
}

/// (d) Each project's critical path is a chain that ends at the finish of the project's work (its
/// last-finishing task that is not a fixed-date event, unless nothing else is left): consecutive
/// tasks are joined by a dependency (between them or their packages) or share a person or pool.
@Test func criticalPathsAreChainsToTheProjectFinish() {
    checkAll { c in
        for (p, path) in c.schedule.criticalPaths.enumerated() where !c.plan.projects[p].taskRange.isEmpty {
            guard let last = path.last else { return "project \(p) has no critical path" }
            let leaves = c.leaves.filter { c.plan.tasks[$0].projectIndex == p }
            let work = leaves.filter { !c.schedule.tasks[$0].isFixedDate }
            let finish = (work.isEmpty ? leaves : work).map { c.schedule.tasks[$0].finish }.max()
            if c.schedule.tasks[last].finish != finish {
                return "project \(p)'s path ends with [\(last)] on \(c.schedule.tasks[last].finish.iso), its work on \(finish?.iso ?? "-")"
            }
            for (a, b) in zip(path, path.dropFirst()) {
                let aSide = Set([a] + c.oracle.ancestors(of: a)), bSide = [b] + c.oracle.ancestors(of: b)
                let linked = bSide.contains { s in c.plan.tasks[s].dependencies.contains { aSide.contains($0.predecessor) } }
                let shared = !Set(c.plan.tasks[a].assignments.map(\.resource)).isDisjoint(with: c.plan.tasks[b].assignments.map(\.resource))
                if !linked && !shared { return "path \(path) of project \(p): [\(a)] and [\(b)] are neither linked nor share a resource" }
            }
        }
        return nil
    }
}

/// (d) On plans without deadlines and pins, every task on a project's critical path has the
/// project's minimum slack (zero): slipping any of them moves the project finish.
@Test
func criticalPathTasksHaveTheMinimumSlack() {
    checkAll { c in
        guard !c.hasDeadlines && !c.hasPins else { return nil }
        for (p, path) in c.schedule.criticalPaths.enumerated() where !c.plan.projects[p].taskRange.isEmpty {
            let minimum = c.leaves.filter { c.plan.projects[p].taskRange.contains($0) }.map { c.schedule.tasks[$0].totalSlack }.min()!
            for t in path where c.schedule.tasks[t].totalSlack != minimum {
                return "path \(path) of project \(p): [\(t)] has slack \(c.schedule.tasks[t].totalSlack), the minimum is \(minimum)"
            }
        }
        return nil
    }
}

/// (e) Priority is a guarantee: every forward list is ranked by (inherited priority descending,
/// inherited due date ascending), and the serial scheme places a task only after everything of
/// a higher rank, so a task never waits on a shared person or pool for work of a lower rank.
/// Checked on the final schedule: the work that may have been placed before task T is the pinned
/// work and the work ranked at or above T; if T, started on some day d that its dependencies
/// allow (on the leveled dates) and before its leveled start, would progress on every working
/// day of its people until done with what they have left next to that work alone (each of it
/// taking at most its units), the serial scheme would have started T by d — so starting later,
/// T waited for lower-ranked work. Effort tasks with people or pools, not pinned, without
/// finish-side bounds (their start is not simply the earliest with room).
@Test func higherPriorityNeverWaitsForLowerPriority() {
    checkAll { c in
        let (priority, due) = c.inheritedRanks()
        func ranksAtOrAbove(_ w: Int, _ t: Int) -> Bool { priority[w] > priority[t] || priority[w] == priority[t] && due[w] <= due[t] }
        let (start, end) = c.leveledBoundaries(followingPackageStarts: true)
        for t in c.leaves where c.plan.tasks[t].kind == .task && c.plan.tasks[t].durationDays == nil && !c.isPinned(t)
            && !c.plan.tasks[t].assignments.isEmpty {
            let b = c.oracle.bounds(of: t, startBoundary: start, endBoundary: end)
            guard b.end == -1_000_000 else { continue }
            let first = c.leaves.filter { w in
                w != t && c.plan.tasks[w].kind == .task && (c.isPinned(w) && !c.pinIsPast(w) || ranksAtOrAbove(w, t))
            }
            func left(_ r: ResourceRef, _ day: Day) -> Double {
                c.capacity(r, on: day) - first.reduce(0) { sum, w in
                    guard c.schedule.tasks[w].start <= day, day <= c.schedule.tasks[w].finish else { return sum }
                    return sum + c.plan.tasks[w].assignments.filter { $0.resource == r }.reduce(0) { $0 + c.use($1, on: day) }
                }
            }
            var k = b.start
            while c.oracle.workingDay(k, of: t) < c.schedule.tasks[t].start.ordinal {
                let d = Day(ordinal: c.oracle.workingDay(k, of: t))
                k += 1
                guard let begins = c.startWithoutSplit(t, from: d, left: left), begins < c.schedule.tasks[t].start else { continue }
                let resources = Set(c.plan.tasks[t].assignments.map(\.resource))
                let lower = c.leaves.filter { w in
                    !ranksAtOrAbove(w, t) && c.schedule.tasks[w].finish >= d && c.schedule.tasks[w].start < c.schedule.tasks[t].start
                        && !resources.isDisjoint(with: c.plan.tasks[w].assignments.map(\.resource))
                }
                return "[\(t)] (priority \(priority[t]), due \(due[t])) could start \(d.iso) but starts \(c.schedule.tasks[t].start.iso); "
                    + "lower-ranked work on its resources in between: \(lower.map { "[\($0)] priority \(priority[$0]) due \(due[$0])" })"
            }
        }
        return nil
    }
}

/// A person's units are a share of their availability, and an effort task progresses each working
/// day with what its people have left, up to its units, without splitting: it starts on a day
/// from which it progresses on every working day of its people until done. Loads only grow as
/// tasks are placed, so if from a day its dependencies allow it would progress that way with
/// what the *final* loads leave, it was placed on that day or earlier. Pinned tasks, durations and
/// tasks with a finish-side bound (FF, SF) are left out: their start is not simply the earliest
/// day with room.
@Test func effortTasksStartWithTheShareTheirPeopleHaveLeft() {
    checkAll { c in
        var load: [ResourceRef: [Int: Double]] = [:]
        for l in c.schedule.resourceLoad { for (day, value) in l.days { load[l.resource, default: [:]][day.ordinal] = value } }
        func left(_ r: ResourceRef, _ day: Day) -> Double { c.capacity(r, on: day) - (load[r]?[day.ordinal] ?? 0) }
        let (start, end) = c.leveledBoundaries(followingPackageStarts: true)
        for t in c.leaves where c.plan.tasks[t].kind == .task && c.plan.tasks[t].durationDays == nil && !c.isPinned(t)
            && !c.plan.tasks[t].assignments.isEmpty {
            let b = c.oracle.bounds(of: t, startBoundary: start, endBoundary: end)
            guard b.end == -1_000_000 else { continue }
            var k = b.start
            while c.oracle.workingDay(k, of: t) < c.schedule.tasks[t].start.ordinal {
                let d = Day(ordinal: c.oracle.workingDay(k, of: t))
                k += 1
                if let begins = c.startWithoutSplit(t, from: d, left: left), begins < c.schedule.tasks[t].start {
                    return "[\(t)] could start \(d.iso) with what its people have left, but starts \(c.schedule.tasks[t].start.iso)"
                }
            }
        }
        return nil
    }
}

/// (f) Total slack is the smaller of start and finish slack, counted on the leveled schedule up to
/// the end of the project's work (fixed-date events left out) or a deadline: so no open task has
/// more slack than the working days from its finish to that end, the task that ends the work has
/// none, and critical means total slack <= 0 for open work that is not a fixed-date event.
@Test func criticalMeansNoStartOrFinishSlack() {
    checkAll { c in
        let end = c.leveledBoundaries().end
        for p in c.plan.projects.indices {
            let work = c.leaves.filter { c.plan.tasks[$0].projectIndex == p && !(c.isPinned($0) && !c.pinIsPast($0)) }
            guard let workEnd = work.map({ c.schedule.tasks[$0].finish }).max() else { continue }
            let workEndBoundary = work.map { end[$0]! }.max()!
            for t in work {
                let s = c.schedule.tasks[t]
                let toEnd = c.oracle.idx(workEndBoundary, of: t) - c.oracle.idx(end[t]!, of: t)
                if s.totalSlack > toEnd { return "[\(t)] has slack \(s.totalSlack), but only \(toEnd) working days to its project's end \(workEnd.iso)" }
                if s.finish == workEnd && c.plan.tasks[t].kind == .task && s.totalSlack > 0 {
                    return "[\(t)] ends its project's work on \(workEnd.iso) but has slack \(s.totalSlack)"
                }
                if s.isCritical != (s.totalSlack <= 0) { return "[\(t)] critical \(s.isCritical), total slack \(s.totalSlack)" }
            }
        }
        return nil
    }
}

/// Pinned tasks are fixed-date events: flagged `isFixedDate` (unless the pin is already past,
/// P606, and the task is forecast from today), and never critical just because the pin leaves
/// them no slack. On plans without deadlines, a pinned task whose dependencies would let it start
/// earlier than its pin (so nothing drives it onto the pin) is not critical.
@Test func pinnedTasksAreFixedDateEvents() {
    checkAll { c in
        for t in c.leaves where c.isPinned(t) && !c.pinIsPast(t) && !c.schedule.tasks[t].isFixedDate {
            return "[\(t)] is pinned but not a fixed-date event"
        }
        return nil
    }
}

@Test func pinnedTasksAreNotCriticalJustBecauseOfTheirPin() {
    checkAll { c in
        guard !c.hasDeadlines else { return nil }
        let (start, end) = c.leveledBoundaries()
        for t in c.leaves where c.isPinned(t) && c.schedule.tasks[t].isCritical && !c.isInstant(t) {
            let b = c.oracle.bounds(of: t, startBoundary: start, endBoundary: end)
            let n = c.oracle.workingDays(of: c.plan.tasks[t])
            if max(b.start, b.end - n) < c.oracle.idx(c.schedule.tasks[t].start.ordinal, of: t) {
                return "[\(t)] is critical, though only its pin holds it on \(c.schedule.tasks[t].start.iso)"
            }
        }
        return nil
    }
}

/// (f) as docs/scheduling.md states it today: critical exactly when total slack <= 0.
@Test func criticalMeansNoTotalSlack() {
    checkAll { c in
        for t in c.leaves where !c.isPinned(t) {
            let s = c.schedule.tasks[t]
            if s.isCritical != (s.totalSlack <= 0) { return "[\(t)] critical \(s.isCritical), total slack \(s.totalSlack)" }
        }
        return nil
    }
}

/// (g) The same plan gives the same schedule, critical paths and loads (on half of the plans, to
/// keep the suite quick).
@Test func levelingIsDeterministic() {
    checkAll { c in
        guard c.seed % 2 == 0 else { return nil }
        let again = Scheduler.schedule(c.plan, today: c.today, options: ScheduleOptions(samples: LeveledCase.samples)).schedule
        if again.tasks != c.schedule.tasks { return "the task dates differ between two runs" }
        if again.criticalPaths != c.schedule.criticalPaths { return "the critical paths differ between two runs" }
        let loads = { (s: Schedule) in s.resourceLoad.map { "\($0.resource) \($0.days.map { "\($0.day.iso)=\($0.load)" })" } }
        if loads(again) != loads(c.schedule) { return "the resource loads differ between two runs" }
        return nil
    }
}
