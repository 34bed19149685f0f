import PlanModel

/// How a dependency's lag is measured and which ends it ties (`DependencyKind` as a small integer
/// for the inner loops).
enum LinkKind: UInt8, Sendable {
    case finishToStart, startToStart, finishToFinish, startToFinish

    init(_ kind: DependencyKind) {
        switch kind {
        case .finishToStart: self = .finishToStart
        case .startToStart: self = .startToStart
        case .finishToFinish: self = .finishToFinish
        case .startToFinish: self = .startToFinish
        }
    }

    /// The predecessor's end (rather than its start) is the reference.
    var fromPredecessorEnd: Bool { self == .finishToStart || self == .finishToFinish }
    /// The successor's start (rather than its end) is constrained.
    var constrainsSuccessorStart: Bool { self == .finishToStart || self == .startToStart }
}

/// One precedence link as seen from one side: `other` is the predecessor in a predecessor list
/// and the successor in a successor list. `lag` counts working days of `calendar`.
struct Link: Sendable, Equatable {
    var other: Int32
    var kind: LinkKind
    var lag: Int32
    var calendar: Int32
}

/// One resource an activity keeps busy: `amount` per day on the days `calendar` works, between
/// the activity's start and end.
struct ResourceUse: Sendable, Equatable {
    var resource: Int32
    var amount: Int32
    var calendar: Int32
}

/// How long an activity takes from a given start.
enum ActivityShape: Sendable, Equatable {
    /// Takes no time (milestones, cancelled tasks, summary gates).
    case instant
    /// `days` consecutive working days of one calendar.
    case span(calendar: Int32, days: Int32)
    /// `work` units progressing each day by the rates of the parts whose calendars work that day
    /// (several people on different calendars). `parts` indexes `SchedulingNetwork.rateParts`.
    case effort(work: Int, parts: Range<Int>)
}

/// The core scheduling problem both plans and PSPLIB instances are turned into: activities on
/// an integer day axis, generalized precedence links with lags in working days, renewable
/// resources of constant capacity used on the working days of each use's calendar.
///
/// Times are boundaries: an activity occupies days `start ..< end`. For a plan the axis is
/// `Day.ordinal`; for PSPLIB it is the period number with the continuous calendar.
struct SchedulingNetwork: Sendable {
    /// Index 0 is always `WorkingCalendar.continuous`; inner loops test for 0 instead of asking it.
    var calendars: [WorkingCalendar] = [.continuous]
    var shapes: [ActivityShape] = []
    var rateParts: [(calendar: Int32, rate: Int)] = []
    var useOffsets: [Int32] = [0]
    var uses: [ResourceUse] = []
    var predecessorOffsets: [Int32] = []
    var predecessors: [Link] = []
    var successorOffsets: [Int32] = []
    var successors: [Link] = []
    var capacities: [Int32] = []
    /// Earliest start boundary of each activity (`Int.min` when free).
    var release: [Int] = []
    /// Latest end boundary (deadlines; `Int.max` when none). Only the time analysis reads it.
    var due: [Int] = []
    /// Pinned activities keep these times whatever precedence or resources say (`Int.min` = not pinned).
    var pinnedStart: [Int] = []
    var pinnedEnd: [Int] = []
    /// Which makespan an activity counts toward (a project); the objective sums group ends.
    var group: [Int32] = []
    var groupCount = 1
    /// Leveling priority, higher first (plans: the task's `priority`, raised to that of any task
    /// that waits for it; PSPLIB: all equal).
    var priority: [Int32] = []
    /// Rank of each activity in every forward activity list, lower first (empty: all equal).
    /// Plans rank by priority, then by the earliest due date the activity feeds; the search
    /// only varies the order within a rank, so a task never waits for a lower-priority one.
    var rank: [Int32] = []
    /// Activities that take what their resources have left each day, up to their units (plans'
    /// unpinned tasks with people or pools), instead of waiting until the full units are free
    /// (PSPLIB, pins). Empty: none.
    var elastic: [Bool] = []
    /// Per resource, the capacity from a boundary on (sorted by `from`; empty: constant
    /// `capacities[r]`). A person whose availability changes, or who leaves the project.
    var capacitySteps: [[(from: Int, capacity: Int32)]] = []
    /// Latest end boundary an activity may get in a forward pass (done work without a finish
    /// date ends by today at the latest); `Int.max` when free. Empty: none.
    var ceiling: [Int] = []
    /// Log every booking in resource-aware passes (plans: loads and explanations read them).
    var logsBookings = false
    /// Per activity, the calendar of an instant that sits at the start of one of its working
    /// days, as a task's start does (work packages' start gates: "the earliest its leaves may
    /// start"), else 0. Links into such an instant bound a start, so an FS link gives the next
    /// working day, not the end of the predecessor's last day; other instants (milestones)
    /// happen at the end of a day. Empty: none (PSPLIB).
    var startSideCalendar: [Int32] = []

    var count: Int { shapes.count }

    @inline(__always) func isElastic(_ j: Int) -> Bool { !elastic.isEmpty && elastic[j] }

    /// Whether links into `j` bound its end (an instant at the end of a day) rather than its start.
    @inline(__always) func linksBoundEnd(_ j: Int) -> Bool {
        isInstant(j) && (startSideCalendar.isEmpty || startSideCalendar[j] == 0)
    }

    /// Capacity of resource `r` on `day`.
    @inline(__always) func capacity(_ r: Int, on day: Int) -> Int32 {
        guard !capacitySteps.isEmpty, !capacitySteps[r].isEmpty else { return capacities[r] }
        var value = capacities[r]
        for step in capacitySteps[r] { if step.from <= day { value = step.capacity } else { break } }
        return value
    }

    /// Ranks for forward lists from `priority` and `due`: activities inherit the highest priority
    /// and the earliest due date of everything after them, so a predecessor of urgent work is
    /// urgent too. Linear: one pass in reverse topological order.
    mutating func computeRanks() {
        guard count > 0 else { rank = []; return }
        var effectivePriority = priority
        var effectiveDue = due
        let order = list(keys: [Int](repeating: 0, count: count), forward: true, ranked: false)
        var inList = [Bool](repeating: false, count: count)
        for j in order { inList[Int(j)] = true }
        let all = order + (0..<count).filter { !inList[$0] }.map { Int32($0) }
        for j in all.reversed().map(Int.init) {
            for index in successorRange(j) {
                let q = Int(successors[index].other)
                effectivePriority[j] = max(effectivePriority[j], effectivePriority[q])
                effectiveDue[j] = min(effectiveDue[j], effectiveDue[q])
            }
        }
        priority = effectivePriority
        // Dense ranks: priority descending, then due ascending.
        let byUrgency = (0..<count).sorted {
            effectivePriority[$0] != effectivePriority[$1] ? effectivePriority[$0] > effectivePriority[$1]
                : effectiveDue[$0] < effectiveDue[$1]
        }
        var ranks = [Int32](repeating: 0, count: count)
        var current: Int32 = 0
        for (position, j) in byUrgency.enumerated() where position > 0 {
            let previous = byUrgency[position - 1]
            if effectivePriority[j] != effectivePriority[previous] || effectiveDue[j] != effectiveDue[previous] { current += 1 }
            ranks[j] = current
        }
        rank = current == 0 ? [] : ranks
    }

    @inline(__always) func isPinned(_ j: Int) -> Bool { pinnedStart[j] != Int.min || pinnedEnd[j] != Int.min }
    @inline(__always) func isInstant(_ j: Int) -> Bool {
        if case .instant = shapes[j] { return true }
        return false
    }

    /// Builds the predecessor and successor lists from `(predecessor, successor, link)` triples.
    mutating func setLinks(_ links: [(from: Int, to: Int, kind: LinkKind, lag: Int, calendar: Int)]) {
        var inCount = [Int32](repeating: 0, count: count + 1)
        var outCount = [Int32](repeating: 0, count: count + 1)
        for link in links { inCount[link.to + 1] += 1; outCount[link.from + 1] += 1 }
        for i in 0..<count { inCount[i + 1] += inCount[i]; outCount[i + 1] += outCount[i] }
        predecessorOffsets = inCount; successorOffsets = outCount
        let blank = Link(other: 0, kind: .finishToStart, lag: 0, calendar: 0)
        predecessors = Array(repeating: blank, count: links.count)
        successors = Array(repeating: blank, count: links.count)
        var nextIn = inCount, nextOut = outCount
        for link in links {
            predecessors[Int(nextIn[link.to])] = Link(other: Int32(link.from), kind: link.kind,
                                                      lag: Int32(clamping: link.lag), calendar: Int32(link.calendar))
            nextIn[link.to] += 1
            successors[Int(nextOut[link.from])] = Link(other: Int32(link.to), kind: link.kind,
                                                       lag: Int32(clamping: link.lag), calendar: Int32(link.calendar))
            nextOut[link.from] += 1
        }
    }

    @inline(__always) func predecessorRange(_ j: Int) -> Range<Int> {
        Int(predecessorOffsets[j])..<Int(predecessorOffsets[j + 1])
    }
    @inline(__always) func successorRange(_ j: Int) -> Range<Int> {
        Int(successorOffsets[j])..<Int(successorOffsets[j + 1])
    }
    @inline(__always) func useRange(_ j: Int) -> Range<Int> { Int(useOffsets[j])..<Int(useOffsets[j + 1]) }

    // MARK: Working-day arithmetic of one activity

    /// The first day at or after `day` on which the activity makes progress.
    func snapStart(_ j: Int, _ day: Int) -> Int {
        switch shapes[j] {
        case .instant: return day
        case let .span(calendar, _):
            return calendars[Int(calendar)].nextWorking(onOrAfter: day) ?? day
        case let .effort(_, parts):
            var best = Int.max
            for part in parts {
                if let next = calendars[Int(rateParts[part].calendar)].nextWorking(onOrAfter: day) { best = min(best, next) }
            }
            return best == Int.max ? day : best
        }
    }

    /// The latest end boundary at or before `boundary` whose last day is a progress day.
    func snapEnd(_ j: Int, _ boundary: Int) -> Int {
        switch shapes[j] {
        case .instant: return boundary
        case let .span(calendar, _):
            return (calendars[Int(calendar)].previousWorking(onOrBefore: boundary - 1) ?? boundary - 1) + 1
        case let .effort(_, parts):
            var best = Int.min
            for part in parts {
                if let last = calendars[Int(rateParts[part].calendar)].previousWorking(onOrBefore: boundary - 1) {
                    best = max(best, last)
                }
            }
            return best == Int.min ? boundary : best + 1
        }
    }

    /// The end boundary when starting on progress day `start`.
    func end(_ j: Int, from start: Int) -> Int {
        switch shapes[j] {
        case .instant: return start
        case let .span(calendar, days):
            if calendar == 0 { return start + Int(days) }
            let c = Int(calendar)
            return (calendars[c].day(at: calendars[c].count(before: start) + Int(days) - 1) ?? start) + 1
        case let .effort(work, parts):
            var done = 0, day = start
            while true {
                for part in parts where calendars[Int(rateParts[part].calendar)].isWorking(day) {
                    done += rateParts[part].rate
                }
                day += 1
                if done >= work { return day }
            }
        }
    }

    /// The latest start from which the activity is done by end boundary `end` (a snapped end).
    func start(_ j: Int, to end: Int) -> Int {
        switch shapes[j] {
        case .instant: return end
        case let .span(calendar, days):
            if calendar == 0 { return end - Int(days) }
            let c = Int(calendar)
            return calendars[c].day(at: calendars[c].count(before: end) - Int(days)) ?? end
        case let .effort(work, parts):
            var done = 0, day = end
            while true {
                day -= 1
                for part in parts where calendars[Int(rateParts[part].calendar)].isWorking(day) {
                    done += rateParts[part].rate
                }
                if done >= work { return day }
            }
        }
    }

    // MARK: Precedence bounds

    /// Earliest start and end boundaries of `j` from its scheduled predecessors (all of them
    /// must have times) and its release date.
    @inline(__always)
    func forwardBounds(_ j: Int, start: [Int], end: [Int]) -> (start: Int, end: Int) {
        var startBound = release[j], endBound = Int.min
        let instant = isInstant(j), endSide = linksBoundEnd(j)
        for index in predecessorRange(j) {
            let link = predecessors[index]
            let p = Int(link.other)
            let reference = link.kind.fromPredecessorEnd ? end[p] : start[p]
            let bound = successorBound(link, reference: reference,
                                       startSide: link.kind.constrainsSuccessorStart && !endSide)
            if link.kind.constrainsSuccessorStart && !endSide {
                if bound > startBound { startBound = bound }
            } else if bound > endBound { endBound = bound }
        }
        if instant { return (max(startBound, endBound), max(startBound, endBound)) }
        return (startBound, endBound)
    }

    /// What predecessor link `link` of activity `j` demands once both are scheduled at `times`:
    /// the predecessor's boundary it starts from, the bound it puts on `j`, and whether that bound
    /// is on `j`'s start (else on its end). The critical path and the fixed-date check both ask this.
    func scheduledBound(_ link: Link, of j: Int, times: ActivityTimes) -> (reference: Int, bound: Int, startSide: Bool) {
        let q = Int(link.other)
        let reference = link.kind.fromPredecessorEnd ? times.end[q] : times.start[q]
        let startSide = link.kind.constrainsSuccessorStart && !linksBoundEnd(j)
        return (reference, successorBound(link, reference: reference, startSide: startSide), startSide)
    }

    /// The bound a link puts on its successor given the predecessor's reference boundary.
    @inline(__always) func successorBound(_ link: Link, reference: Int, startSide: Bool) -> Int {
        if link.calendar == 0 { return reference + Int(link.lag) }
        let c = Int(link.calendar)
        let index = calendars[c].count(before: reference) + Int(link.lag)
        if startSide { return calendars[c].day(at: index) ?? reference }
        return (calendars[c].day(at: index - 1) ?? reference - 1) + 1
    }

    /// The bound a link puts on its predecessor's reference boundary given the successor's times.
    @inline(__always) func predecessorBound(_ link: Link, successorStart: Int, successorEnd: Int, successorInstant: Bool) -> Int {
        let c = Int(link.calendar)
        let startSide = link.kind.constrainsSuccessorStart && !successorInstant
        if c == 0 {
            return (link.kind.constrainsSuccessorStart ? successorStart : successorEnd) - Int(link.lag)
        }
        let index: Int
        if successorInstant { index = calendars[c].count(before: successorStart) }
        else if startSide { index = calendars[c].count(before: successorStart + 1) - 1 }
        else { index = calendars[c].count(before: successorEnd) }
        return calendars[c].day(at: index - Int(link.lag)) ?? (startSide ? successorStart : successorEnd)
    }

    /// Latest start and end boundaries of `j` from its scheduled successors and `limit`.
    @inline(__always)
    func backwardBounds(_ j: Int, limit: Int, start: [Int], end: [Int]) -> (start: Int, end: Int) {
        var startBound = Int.max, endBound = limit
        for index in successorRange(j) {
            let link = successors[index]
            let q = Int(link.other)
            let bound = predecessorBound(link, successorStart: start[q], successorEnd: end[q],
                                         successorInstant: linksBoundEnd(q))
            if link.kind.fromPredecessorEnd {
                if bound < endBound { endBound = bound }
            } else if bound < startBound { startBound = bound }
        }
        return (startBound, endBound)
    }

    /// Earliest placement (without resources) honouring a start bound and an end bound.
    func earliestPlacement(_ j: Int, startBound: Int, endBound: Int) -> (start: Int, end: Int) {
        if isInstant(j) { let b = max(startBound, endBound); return (b, b) }
        var s = snapStart(j, startBound)
        var e = end(j, from: s)
        if e < endBound {
            // The smallest start whose end reaches the bound: the start that ends exactly there,
            // or the next progress day after it when the bound falls on a day without progress.
            let target = snapStart(j, endBound - 1) + 1
            var candidate = max(start(j, to: target), s)
            while end(j, from: candidate) < endBound { candidate = snapStart(j, candidate + 1) }
            s = candidate; e = end(j, from: s)
        }
        return (s, e)
    }

    /// Latest placement (without resources) honouring a latest start and a latest end.
    func latestPlacement(_ j: Int, startBound: Int, endBound: Int) -> (start: Int, end: Int) {
        if isInstant(j) {
            guard !startSideCalendar.isEmpty && startSideCalendar[j] != 0 else { let b = min(startBound, endBound); return (b, b) }
            // A start gate sits at the start of a working day: the last one its successors allow.
            // An end limit (the project's end, a boundary after a working day) allows the start
            // of the next working day, which is the same moment of work.
            let calendar = calendars[Int(startSideCalendar[j])]
            let limit = endBound == Int.max ? Int.max : calendar.nextWorking(onOrAfter: endBound) ?? endBound
            let b = min(startBound, limit)
            let day = b == Int.max ? b : calendar.previousWorking(onOrBefore: b) ?? b
            return (day, day)
        }
        var e = snapEnd(j, endBound)
        var s = start(j, to: e)
        if s > startBound {
            s = startBound == Int.max ? s : lastProgressDay(j, onOrBefore: startBound)
            e = end(j, from: s)
        }
        return (s, e)
    }

    /// The last progress day at or before `day`.
    func lastProgressDay(_ j: Int, onOrBefore day: Int) -> Int { snapEnd(j, day + 1) - 1 }

    /// Whether the activity makes progress on `day` (instant activities never do).
    func isProgressDay(_ j: Int, _ day: Int) -> Bool {
        switch shapes[j] {
        case .instant: return false
        case let .span(calendar, _): return calendars[Int(calendar)].isWorking(day)
        case let .effort(_, parts):
            return parts.contains { calendars[Int(rateParts[$0].calendar)].isWorking(day) }
        }
    }
}

/// Equal networks give equal schedules: what lets an editor's keystroke in a title or a note skip
/// leveling (`LevelingMemo`). Written out because two fields hold tuples; every stored property
/// is compared (`SchedulingNetworkEqualityTests` fails when one is added and not listed here).
extension SchedulingNetwork: Equatable {
    static let comparedProperties = [
        "calendars", "shapes", "rateParts", "useOffsets", "uses", "predecessorOffsets", "predecessors",
        "successorOffsets", "successors", "capacities", "release", "due", "pinnedStart", "pinnedEnd", "group",
        "groupCount", "priority", "rank", "elastic", "capacitySteps", "ceiling", "logsBookings", "startSideCalendar",
    ]

    static func == (a: SchedulingNetwork, b: SchedulingNetwork) -> Bool {
        a.shapes == b.shapes && a.release == b.release && a.due == b.due
            && a.predecessorOffsets == b.predecessorOffsets && a.predecessors == b.predecessors
            && a.successorOffsets == b.successorOffsets && a.successors == b.successors
            && a.useOffsets == b.useOffsets && a.uses == b.uses && a.capacities == b.capacities
            && a.pinnedStart == b.pinnedStart && a.pinnedEnd == b.pinnedEnd
            && a.group == b.group && a.groupCount == b.groupCount && a.priority == b.priority && a.rank == b.rank
            && a.elastic == b.elastic && a.ceiling == b.ceiling && a.logsBookings == b.logsBookings
            && a.startSideCalendar == b.startSideCalendar && a.calendars == b.calendars
            && a.rateParts.elementsEqual(b.rateParts) { $0 == $1 }
            && a.capacitySteps.elementsEqual(b.capacitySteps) { $0.elementsEqual($1) { $0 == $1 } }
    }
}
