import PlanModel
import PlanTestSupport

// A second, deliberately simple implementation of the time analysis, written from the rules of
// docs/scheduling.md and not from `Sources/PlanSchedule`: calendars are walked day by day, and
// the early dates are longest paths on an event graph, relaxed until nothing moves.
//
// Time is measured at day boundaries. A boundary is stored as the ordinal of the day it opens
// ("the start of day d" = "the end of day d - 1"). `idx(b)` is the number of working days before
// boundary `b` in a given calendar, so a task working `n` days from working day `w_k` has the
// start boundary `idx = k` and the end boundary `idx = k + n`.

/// A working calendar as the docs define it: working weekdays minus holidays, asked day by day.
struct NaiveCalendar {
    var workingDays: Set<Weekday>
    /// Ordinals of every holiday, ranges written out.
    var holidays: Set<Int> = []

    init(_ spec: CalendarSpec) {
        // A calendar without working days is used as Monday to Friday (P404).
        workingDays = spec.workingDays.isEmpty ? [.monday, .tuesday, .wednesday, .thursday, .friday] : spec.workingDays
        for holiday in spec.holidays where holiday.days.first <= holiday.days.last {
            holidays.formUnion(holiday.days.first.ordinal...holiday.days.last.ordinal)
        }
    }

    func isWorking(_ day: Day) -> Bool {
        workingDays.contains(day.weekday) && !holidays.contains(day.ordinal)
    }
}

/// Working-day numbering of one calendar over a window of days, counted one day at a time.
struct WorkingDayIndex {
    let calendar: NaiveCalendar
    let origin: Int
    /// `before[k]`: working days in `origin ..< origin + k`.
    private var before: [Int] = [0]
    /// Ordinals of the working days from `origin` on, in order.
    private var days: [Int] = []

    init(_ calendar: NaiveCalendar, origin: Int, length: Int) {
        self.calendar = calendar
        self.origin = origin
        for offset in 0..<length {
            let day = Day(ordinal: origin + offset)
            if calendar.isWorking(day) { days.append(day.ordinal) }
            before.append(days.count)
        }
    }

    /// Working days before the boundary that opens day `ordinal`.
    func idx(_ ordinal: Int) -> Int {
        precondition(ordinal >= origin && ordinal - origin < before.count, "boundary outside the oracle's window")
        return before[ordinal - origin]
    }

    /// The working day with `k` working days before it.
    func workingDay(_ k: Int) -> Int {
        precondition(k >= 0 && k < days.count, "working day outside the oracle's window")
        return days[k]
    }
}

/// Early dates of every task by the docs' rules, for plans of open (not started) tasks, pins on
/// working days at or after the release: FS/SS/FF/SF with lags in working days of the successor's project calendar, effort
/// without people (one per working day), durations, milestones, zero-work tasks, not-before,
/// project start and today, summaries with start and finish gates.
struct TimeAnalysisOracle {
    struct Dates: Equatable {
        var start: Day
        var finish: Day
    }

    let plan: Plan
    let today: Day
    private var index: [WorkingDayIndex] = []
    /// Leaves under each task (itself for a leaf), worked out once: the passes ask often.
    private var leavesUnder: [[Int]] = []

    init(plan: Plan, today: Day) {
        self.plan = plan
        self.today = today
        let earliest = ([today] + plan.projects.compactMap(\.start) + plan.tasks.compactMap(\.notBefore)).min()!
        let origin = earliest.ordinal - 40
        index = plan.calendars.map { WorkingDayIndex(NaiveCalendar($0), origin: origin, length: 800) }
        func collect(_ task: Int) -> [Int] {
            let children = plan.tasks[task].children
            return children.isEmpty ? [task] : children.flatMap(collect)
        }
        leavesUnder = plan.tasks.indices.map(collect)
    }

    /// Working days before the boundary that opens day `ordinal`, in the task's project calendar.
    func idx(_ ordinal: Int, of task: Int) -> Int { calendar(of: task).idx(ordinal) }

    /// The working day with `k` working days before it, in the task's project calendar.
    func workingDay(_ k: Int, of task: Int) -> Int { calendar(of: task).workingDay(k) }

    private func calendar(of task: Int) -> WorkingDayIndex {
        index[plan.projects[plan.tasks[task].projectIndex].calendarIndex]
    }

    /// Whole working days a leaf occupies; 0 for instants (milestones and tasks without work).
    func workingDays(of task: PlanTask) -> Int { Self.workingDays(of: task) }

    static func workingDays(of task: PlanTask) -> Int {
        if task.kind == .milestone { return 0 }
        if let duration = task.durationDays { return Int((duration - 1e-9).rounded(.up)) }
        if let effort = task.effortDays { return Int((effort - 1e-9).rounded(.up)) }
        return 1  // P309: a task without an estimate is one working day
    }

    /// Lags count whole working days, fractions rounded to the nearest.
    func lag(_ dependency: Dependency) -> Int { Int(dependency.lagDays.rounded()) }

    func ancestors(of task: Int) -> [Int] {
        var result: [Int] = [], current = plan.tasks[task].parent
        while let parent = current { result.append(parent); current = plan.tasks[parent].parent }
        return result
    }

    func leaves(under task: Int) -> [Int] { leavesUnder[task] }

    /// The earliest boundary a task of project `project` may start at: project start, today,
    /// and its own not-before (lowering already pushed a package's down to its tasks).
    func release(_ task: Int) -> Int {
        max(projectRelease(task), plan.tasks[task].notBefore?.ordinal ?? Int.min)
    }

    /// The first working day (project calendar) on or after the release: where an open instant
    /// held by nothing else happens, at the start of that day (MS Project's 8:00).
    func firstDay(_ task: Int) -> Int {
        let calendar = calendar(of: task)
        return calendar.workingDay(calendar.idx(release(task)))
    }

    /// The project's first day for open work: its start, or today when that is later.
    private func projectRelease(_ task: Int) -> Int {
        max(plan.projects[plan.tasks[task].projectIndex].start ?? today, today).ordinal
    }

    /// Lower bounds a dependency puts on its successor, as `(idx on the start, idx on the end)`
    /// in the successor's calendar; nil when the predecessor has no time yet.
    private func bound(_ dependency: Dependency, on calendar: WorkingDayIndex,
                       startBoundary: [Int?], endBoundary: [Int?]) -> (start: Int?, end: Int?) {
        let p = dependency.predecessor
        switch dependency.kind {
        case .finishToStart: return (endBoundary[p].map { calendar.idx($0) + lag(dependency) }, nil)
        case .startToStart: return (startBoundary[p].map { calendar.idx($0) + lag(dependency) }, nil)
        case .finishToFinish: return (nil, endBoundary[p].map { calendar.idx($0) + lag(dependency) })
        case .startToFinish: return (nil, startBoundary[p].map { calendar.idx($0) + lag(dependency) })
        }
    }

    /// The start-side and finish-side bounds (idx in the task's calendar) that dependencies and
    /// summaries put on a task, given the boundaries of everything else. For a summary this is
    /// its start gate's bound only.
    func bounds(of task: Int, startBoundary: [Int?], endBoundary: [Int?]) -> (start: Int, end: Int) {
        let t = plan.tasks[task]
        let calendar = calendar(of: task)
        var low = t.kind == .summary || workingDays(of: t) > 0 ? calendar.idx(release(task)) : -1_000_000
        var lowEnd = -1_000_000
        func add(_ b: (start: Int?, end: Int?)) {
            if let s = b.start { low = max(low, s) }
            if let e = b.end { lowEnd = max(lowEnd, e) }
        }
        for dependency in t.dependencies {
            add(bound(dependency, on: calendar, startBoundary: startBoundary, endBoundary: endBoundary))
        }
        // The parent's start gate already holds every FS/SS of the packages above it.
        if let parent = t.parent, let gate = startBoundary[parent] { low = max(low, calendar.idx(gate)) }
        // Each package's own FF and SF hold for each of its leaves.
        if t.kind != .summary {
            for ancestor in ancestors(of: task) {
                for dependency in plan.tasks[ancestor].dependencies where dependency.kind == .finishToFinish || dependency.kind == .startToFinish {
                    add(bound(dependency, on: calendar, startBoundary: startBoundary, endBoundary: endBoundary))
                }
            }
        }
        return (low, lowEnd)
    }

    /// Places one leaf from its bounds: its start and end boundaries and the dates shown.
    func place(_ task: Int, bounds: (start: Int, end: Int)) -> (startBoundary: Int, endBoundary: Int, dates: Dates) {
        let calendar = calendar(of: task)
        let t = plan.tasks[task]
        let n = workingDays(of: t)
        if let pin = t.fixedStart ?? t.fixedFinish {
            // Pinned: the dates written, whatever the dependencies say; the other end follows
            // from the working days (a pinned instant happens at the end of its day).
            if let first = t.fixedStart, let last = t.fixedFinish, t.kind != .milestone {
                return (first.ordinal, last.ordinal + 1, Dates(start: first, finish: last))  // both pin both
            }
            if n == 0 { return (pin.ordinal + 1, pin.ordinal + 1, Dates(start: pin, finish: pin)) }
            let first = t.fixedStart?.ordinal ?? calendar.workingDay(calendar.idx(pin.ordinal + 1) - n)
            let last = t.fixedFinish?.ordinal ?? calendar.workingDay(calendar.idx(first) + n - 1)
            return (first, last + 1, Dates(start: Day(ordinal: first), finish: Day(ordinal: last)))
        }
        if n == 0 {
            // An instant at the end of the day shown. Dependencies bound the instant; the
            // release (project start, today, not-before) bounds the day shown, which is what
            // "start no earlier than" means to a reader. Held by the release alone, it is shown
            // on the first working day on or after the release and happens at that day's
            // beginning, so work after it may start the same day.
            let m = max(bounds.start, bounds.end)
            let first = firstDay(task)
            if m <= calendar.idx(first) {
                return (first, first, Dates(start: Day(ordinal: first), finish: Day(ordinal: first)))
            }
            let day = calendar.workingDay(m - 1)
            return (day + 1, day + 1, Dates(start: Day(ordinal: day), finish: Day(ordinal: day)))
        }
        let k = max(bounds.start, bounds.end - n)
        let first = calendar.workingDay(k), last = calendar.workingDay(k + n - 1)
        return (first, last + 1, Dates(start: Day(ordinal: first), finish: Day(ordinal: last)))
    }

    /// Bellman-Ford style: runs `round` (which sets its flag when any event moved) until nothing
    /// moves; on an acyclic plan that takes at most one round per task.
    private func relaxUntilStable(_ round: (inout Bool) -> Void) {
        for _ in 0...(plan.tasks.count + 2) {
            var changed = false
            round(&changed)
            if !changed { return }
        }
        preconditionFailure("the oracle did not converge: a cycle?")
    }

    /// Early start and finish of every task (summaries span their leaves).
    func earlyDates() -> [Dates] { earlyTimes().dates }

    /// Early dates, with the end boundary of every leaf (an instant shown on a day may happen
    /// at its beginning or at its end).
    func earlyTimes() -> (dates: [Dates], end: [Int?]) {
        let count = plan.tasks.count
        var startBoundary = [Int?](repeating: nil, count: count)
        var endBoundary = [Int?](repeating: nil, count: count)
        var dates = [Dates?](repeating: nil, count: count)
        relaxUntilStable { changed in
            for task in 0..<count {
                let b = bounds(of: task, startBoundary: startBoundary, endBoundary: endBoundary)
                var newStart: Int?, newEnd: Int?
                if plan.tasks[task].kind == .summary {
                    newStart = calendar(of: task).workingDay(b.start)
                    let ends = leaves(under: task).compactMap { endBoundary[$0] }
                    newEnd = ends.count == leaves(under: task).count ? ends.max() : nil
                } else {
                    let placed = place(task, bounds: b)
                    newStart = placed.startBoundary; newEnd = placed.endBoundary
                    dates[task] = placed.dates
                }
                if newStart != startBoundary[task] || newEnd != endBoundary[task] {
                    startBoundary[task] = newStart; endBoundary[task] = newEnd
                    changed = true
                }
            }
        }
        for task in 0..<count where plan.tasks[task].kind == .summary {
            let spans = leaves(under: task).map { dates[$0]! }
            dates[task] = Dates(start: spans.map(\.start).min()!, finish: spans.map(\.finish).max()!)
        }
        return (dates.map { $0! }, endBoundary)
    }

    /// Late start and finish of every leaf with work (nil for packages and instants) by a backward
    /// pass from each project's early finish, for plans without pins and deadlines: the mirror of
    /// the forward rules, each link read in its successor's calendar. A bound `k` there allows the
    /// predecessor's boundary up to the start of that calendar's working day `k`.
    func lateDates() -> [Dates?] {
        let earlyEnd = earlyTimes().end
        let count = plan.tasks.count
        let isLeaf = plan.tasks.map { $0.kind != .summary }
        var projectEnd: [Int] = plan.projects.map { _ in Int.min }
        for t in 0..<count where isLeaf[t] {
            let p = plan.tasks[t].projectIndex
            projectEnd[p] = max(projectEnd[p], earlyEnd[t]!)
        }
        // Latest boundaries: of a leaf's start and end, of a package's start gate.
        var lateStart = [Int?](repeating: nil, count: count), lateEnd = lateStart
        var dates = [Dates?](repeating: nil, count: count)
        relaxUntilStable { changed in
            var startBound = [Int](repeating: Int.max, count: count), endBound = startBound
            for t in 0..<count where isLeaf[t] { endBound[t] = idx(projectEnd[plan.tasks[t].projectIndex], of: t) }
            for s in 0..<count {
                for dependency in plan.tasks[s].dependencies {
                    let p = dependency.predecessor
                    let startSide = dependency.kind == .finishToStart || dependency.kind == .startToStart
                    // The successor's latest boundary on the linked side, in its own calendar.
                    let sides: [Int?] = startSide ? [lateStart[s]]
                        : (isLeaf[s] ? [lateEnd[s]] : leaves(under: s).map { lateEnd[$0] })
                    guard !sides.contains(where: { $0 == nil }) else { continue }
                    let k = sides.map { idx($0!, of: s) }.min()! - lag(dependency)
                    let latest = workingDay(k, of: s)
                    let fromEnd = dependency.kind == .finishToStart || dependency.kind == .finishToFinish
                    // An end (and an instant) may lie at `latest`; a start must be a working day
                    // on or before it.
                    for q in fromEnd && !isLeaf[p] ? leaves(under: p) : [p] {
                        if fromEnd { endBound[q] = min(endBound[q], idx(latest, of: q)) }
                        else if isLeaf[q] && workingDays(of: plan.tasks[q]) == 0 { startBound[q] = min(startBound[q], idx(latest, of: q)) }
                        else { startBound[q] = min(startBound[q], idx(latest + 1, of: q) - 1) }
                    }
                }
            }
            for t in (0..<count).reversed() {
                var newStart: Int?, newEnd: Int?
                if !isLeaf[t] {
                    // A start gate is no later than what it holds.
                    let held = plan.tasks[t].children.map { lateStart[$0] }
                    guard !held.contains(where: { $0 == nil }) else { continue }
                    newStart = workingDay(min(startBound[t], held.map { idx($0!, of: t) }.min()!), of: t)
                } else {
                    let n = workingDays(of: plan.tasks[t])
                    let endIdx = min(endBound[t], startBound[t] == Int.max ? Int.max : startBound[t] + n)
                    if n == 0 {
                        // The latest boundary with that index: just before the next working day.
                        // How the engine shows a late instant is left open (nil).
                        newStart = workingDay(endIdx, of: t); newEnd = newStart
                    } else {
                        newStart = workingDay(endIdx - n, of: t); newEnd = workingDay(endIdx - 1, of: t) + 1
                        dates[t] = Dates(start: Day(ordinal: newStart!), finish: Day(ordinal: newEnd! - 1))
                    }
                }
                if newStart != lateStart[t] || newEnd != lateEnd[t] {
                    lateStart[t] = newStart; lateEnd[t] = newEnd
                    changed = true
                }
            }
        }
        return dates
    }
}

// MARK: - Editing and describing plans, for shrinking a failure to something a person can read

extension Plan {
    /// The plan without `task` and everything beneath it; nil when that would leave a work
    /// package empty. Dependencies on removed tasks are dropped.
    func removing(task: Int) -> Plan? {
        var removed: Set<Int> = [task], stack = [task]
        while let t = stack.popLast() { for c in tasks[t].children { removed.insert(c); stack.append(c) } }
        if let parent = tasks[task].parent, tasks[parent].children.allSatisfy(removed.contains) { return nil }
        var newIndex = [Int?](repeating: nil, count: tasks.count), next = 0
        for i in tasks.indices where !removed.contains(i) { newIndex[i] = next; next += 1 }
        var copy = self
        copy.tasks = tasks.indices.filter { !removed.contains($0) }.map { i in
            var t = tasks[i]
            t.parent = t.parent.flatMap { newIndex[$0] }
            t.children = t.children.compactMap { newIndex[$0] }
            t.dependencies = t.dependencies.compactMap { d in
                newIndex[d.predecessor].map { var d = d; d.predecessor = $0; return d }
            }
            return t
        }
        // Projects own contiguous slices, in project order.
        for p in copy.projects.indices {
            let lower = copy.tasks.filter { $0.projectIndex < p }.count
            copy.projects[p].taskRange = lower..<(lower + copy.tasks.filter { $0.projectIndex == p }.count)
        }
        return copy
    }

    /// Every smaller plan one step away: one task (with its subtree) or one dependency less.
    func oneStepSmaller() -> [Plan] {
        var result: [Plan] = []
        for t in tasks.indices.reversed() { if let smaller = removing(task: t) { result.append(smaller) } }
        for t in tasks.indices {
            for d in tasks[t].dependencies.indices {
                var copy = self
                copy.tasks[t].dependencies.remove(at: d)
                result.append(copy)
            }
        }
        return result
    }

    /// Removes tasks and dependencies while `fails` still holds (a greedy shrink).
    func shrunk(while fails: (Plan) -> Bool) -> Plan {
        var current = self
        var progress = true
        while progress {
            progress = false
            for candidate in current.oneStepSmaller() where fails(candidate) {
                current = candidate
                progress = true
                break
            }
        }
        return current
    }

    /// One line per calendar, project, person, pool and task, for failure messages.
    func oracleDescription(today: Day) -> String {
        var lines = ["today \(today.iso)"]
        for (i, c) in calendars.enumerated() {
            let days = Weekday.allCases.filter(c.workingDays.contains).map(\.shortName).joined(separator: ",")
            let holidays = c.holidays.map { "\($0.days.first.iso)..\($0.days.last.iso)" }.joined(separator: " ")
            lines.append("calendar \(i) \(c.name): \(days)\(holidays.isEmpty ? "" : " holidays \(holidays)")")
        }
        for (i, p) in projects.enumerated() {
            lines.append("project \(i) \(p.id) start \(p.start?.iso ?? "-") calendar \(p.calendarIndex)"
                         + (p.deadline.map { " deadline \($0.iso)" } ?? "") + " tasks \(p.taskRange)")
        }
        for (i, p) in people.enumerated() {
            let off = p.timeOff.map { "\($0.first.iso)..\($0.last.iso)" }.joined(separator: " ")
            lines.append("person \(i) \(p.id) availability \(p.availability)"
                         + (p.calendarIndex.map { " calendar \($0)" } ?? "") + (off.isEmpty ? "" : " off \(off)"))
        }
        for (i, p) in pools.enumerated() { lines.append("pool \(i) \(p.id) size \(p.size)") }
        for (i, t) in tasks.enumerated() {
            var words = ["[\(i)] \(t.id) p\(t.projectIndex) \(t.kind.rawValue)"]
            if let parent = t.parent { words.append("in [\(parent)]") }
            if let e = t.effortDays { words.append("effort \(e)") }
            if let d = t.durationDays { words.append("duration \(d)") }
            for d in t.dependencies { words.append("\(d.kind.rawValue)[\(d.predecessor)]\(d.lagDays >= 0 ? "+" : "")\(d.lagDays)") }
            for a in t.assignments {
                switch a.resource {
                case let .person(p): words.append("@\(people[p].id):\(a.units)")
                case let .pool(p): words.append("@\(pools[p].id):\(a.units)")
                }
            }
            if t.priority != 500 { words.append("priority \(t.priority)") }
            if let d = t.notBefore { words.append("not-before \(d.iso)") }
            if let d = t.fixedStart { words.append("start \(d.iso)") }
            if let d = t.fixedFinish { words.append("finish \(d.iso)") }
            if let d = t.deadline { words.append("due \(d.iso)") }
            if t.state != .todo { words.append(t.state.rawValue) }
            lines.append(words.joined(separator: " "))
        }
        return lines.joined(separator: "\n")
    }
}
