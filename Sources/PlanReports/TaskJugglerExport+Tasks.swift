import PlanAnalysis
import PlanModel

/// Tasks of the TaskJuggler export: dependencies, dates, work and progress.
///
/// TaskJuggler schedules forward from each task's start and takes a fixed `start` as binding (a
/// predecessor that ends later is an error, not a later start). So every planc rule that bounds
/// a task's start or finish is turned into something TaskJuggler holds the same way, decided on
/// planc's own schedule where the two differ (a not-before date that the predecessors overtake is
/// left out, not written as a `start` tj3 would reject).
extension TaskJugglerExport.Writer {
    /// How far along a leaf is, as the scheduler reads it (`PlanNetwork.progress`).
    enum Progress { case unstarted, inProgress, done }

    func progress(_ task: PlanTask) -> Progress {
        switch task.state {
        case .done: return .done
        case .inProgress: return .inProgress
        case .cancelled, .todo, .blocked:
            if task.actualFinish != nil && (task.percentComplete ?? 0) >= 100 { return .done }
            if task.actualStart != nil || (task.percentComplete ?? 0) > 0 || (task.spentDays ?? 0) > 0 { return .inProgress }
            return .unstarted
        }
    }

    /// Working days a leaf takes whoever works on it (a duration, effort with nobody assigned, a
    /// milestone's none): the tasks whose finish follows from their start, so a link on their
    /// finish can be written as one on their start. Nil for work that depends on people.
    func fixedLength(_ index: Int) -> Int? {
        let task = context.plan.tasks[index]
        guard Analyzer.isLeaf(task), progress(task) == .unstarted, task.fixedStart == nil || task.fixedFinish == nil else { return nil }
        if task.kind == .milestone { return 0 }
        if let duration = task.durationDays { return max(Int(duration.rounded(.up)), 1) }
        if let effort = task.effortDays, allocations(task).isEmpty { return max(Int(effort.rounded(.up)), 1) }
        return nil
    }

    /// A planc link as TaskJuggler's only kind, a bound on the successor's start from the
    /// predecessor's start (`onstart`) or end, with a gap of working days; or why there is none.
    ///
    /// FF and SF links on a task of fixed length n are SS and FS links with n days less gap
    /// (`ff:a+1d` on a 3-day task is `after:a-2d`); a milestone is an instant, so FF is FS and SF
    /// is SS on it. A negative gap from a predecessor of fixed length m is a gap of m days more
    /// from its start. SS from a milestone is written as FS, the same instant: tj3's loop check
    /// walks through a milestone from its start to its end and reports a loop that is not there.
    func startLink(_ dependency: Dependency, of index: Int) -> (line: String?, reason: String?) {
        let plan = context.plan
        let predecessor = dependency.predecessor
        let name = plan.tasks.indices.contains(predecessor) ? context.qualifiedID(predecessor) : "?"
        guard let path = paths[index], let predecessorPath = paths[predecessor] else {
            let cancelled = plan.tasks.indices.contains(predecessor) && !isExported(predecessor)
            return (nil, "\(dependency.kind.rawValue) link on \(name)" + (cancelled ? ": cancelled, left out" : " (not exported)"))
        }
        // TaskJuggler rejects links between a task and its own ancestors or descendants.
        if path.hasPrefix(predecessorPath + ".") || predecessorPath.hasPrefix(path + ".") {
            return (nil, "\(dependency.kind.rawValue) link on \(name): a parent-child link TaskJuggler does not allow")
        }
        let task = plan.tasks[index]
        let isMilestone = task.kind == .milestone
        let lag = Int(dependency.lagDays.rounded(.toNearestOrAwayFromZero))
        var fromEnd: Bool
        var gap = lag
        switch dependency.kind {
        case .finishToStart: fromEnd = true
        case .startToStart: fromEnd = false
        case .finishToFinish, .startToFinish:
            fromEnd = dependency.kind == .finishToFinish
            if !isMilestone {
                guard Analyzer.isLeaf(task), let length = fixedLength(index) else {
                    return (nil, "\(dependency.kind.rawValue) link on \(name): TaskJuggler has no such link, and this task's length depends on its people")
                }
                gap -= length
            }
        }
        if !fromEnd && plan.tasks[predecessor].kind == .milestone { fromEnd = true }
        if gap < 0, fromEnd, let length = fixedLength(predecessor), length > 0 {
            fromEnd = false
            gap += length
        }
        if gap < 0 {
            return (nil, "\(dependency.kind.rawValue) link on \(name) with a lead of \(-gap)d: TaskJuggler has no negative gaps")
        }
        var options: [String] = []
        if !fromEnd { options.append("onstart") }
        if gap > 0 { options.append("gaplength \(gap)d") }
        return ("depends \(predecessorPath)" + (options.isEmpty ? "" : " { \(options.joined(separator: " ")) }"), nil)
    }

    /// Whether a link holds, by planc's dates of its predecessor, when the task occupies
    /// `start ... finish` (a milestone: happens at the end of `finish`). Counted as the scheduler
    /// counts (docs/scheduling.md, Dependencies), on the successor's project calendar.
    func holds(_ dependency: Dependency, of index: Int, start: Day, finish: Day) -> Bool {
        let plan = context.plan
        guard let before = context.slot(dependency.predecessor) else { return true }
        let task = plan.tasks[index]
        let calendar = context.calendars.indices.contains(task.projectIndex) ? context.calendars[task.projectIndex] : .standard
        let predecessorIsInstant = plan.tasks[dependency.predecessor].kind == .milestone
        let fromEnd = dependency.kind == .finishToStart || dependency.kind == .finishToFinish
        let reference = fromEnd || predecessorIsInstant ? before.finish.ordinal + 1 : before.start.ordinal
        let required = calendar.count(before: reference) + Int(dependency.lagDays.rounded(.toNearestOrAwayFromZero))
        let startSide = (dependency.kind == .finishToStart || dependency.kind == .startToStart) && task.kind != .milestone
        return calendar.count(before: startSide ? start.ordinal : finish.ordinal + 1) >= required
    }

    mutating func writeTask(_ index: Int, depth: Int) {
        let plan = context.plan
        let task = plan.tasks[index]
        let pad = String(repeating: "  ", count: depth)
        guard let path = paths[index] else {
            lines.append("\(pad)# \(context.qualifiedID(index)) \(TaskJugglerExport.quoted(task.title)): cancelled, left out")
            return
        }
        let localID = String(path.split(separator: ".").last ?? "_")
        lines.append("\(pad)task \(localID) \(TaskJugglerExport.quoted(task.title)) {")
        let inner = pad + "  "
        if Analyzer.isLeaf(task) {
            lines.append(contentsOf: leafBody(index).map { inner + $0 })
        } else {
            for dependency in task.dependencies {
                lines.append("\(inner)# \(dependency.kind.rawValue) link on \(context.qualifiedID(dependency.predecessor)): held by each task inside")
            }
            if task.priority != 500 { lines.append("\(inner)priority \(min(max(task.priority, 1), 1000))") }
            if let deadline = task.deadline { lines.append("\(inner)# due \(deadline.iso)") }
            for child in task.children where plan.tasks.indices.contains(child) {
                writeTask(child, depth: depth + 1)
            }
        }
        lines.append("\(pad)}")
    }

    /// A leaf's links and those of the work packages around it, which hold for every task
    /// inside. They are written on the leaves: tj3 would pass a package's links down itself, but
    /// also onto work that is started, done or pinned, and then reject the plan.
    func dependencies(of index: Int) -> [Dependency] {
        let plan = context.plan
        var all = plan.tasks[index].dependencies
        var parent = plan.tasks[index].parent
        var depth = 0
        while let step = parent, plan.tasks.indices.contains(step), depth < plan.tasks.count {
            all += plan.tasks[step].dependencies
            parent = plan.tasks[step].parent
            depth += 1
        }
        return all
    }

    /// When a leaf happens, in TaskJuggler's terms: its dates, the links that bound it, what is
    /// left out and why, and whether its effort or length is written (a fixed window is the work).
    struct Timing {
        var dates: [String] = []
        var links: [String] = []
        var comments: [String] = []
        var writesWork = true
    }

    func leafBody(_ index: Int) -> [String] {
        let task = context.plan.tasks[index]
        let state = progress(task)
        let timing: Timing
        switch state {
        case .done: timing = doneTiming(index)
        case .inProgress: timing = startedTiming(index)
        case .unstarted: timing = unstartedTiming(index)
        }
        var body = timing.links + timing.comments
        if task.priority != 500 { body.append("priority \(min(max(task.priority, 1), 1000))") }
        if let deadline = task.deadline { body.append("# due \(deadline.iso)") }
        body.append(contentsOf: timing.dates)
        if task.kind != .milestone {
            if timing.writesWork { body.append(contentsOf: workLines(task, remaining: state == .inProgress)) }
            if state != .done { body.append(contentsOf: allocationLines(task)) }
        }
        if let cost = task.cost {
            body.append("chargeset cost")
            body.append("charge \(NumberText.plain(cost.amount)) onstart")
        }
        if state == .done {
            body.append("complete 100")
        } else if let percent = task.percentComplete, percent > 0 {
            body.append("complete \(NumberText.plain(min(percent, 100)))")
        }
        return body
    }

    /// Actual dates stand whatever the predecessors say, and done work holds nobody. A link
    /// between two done tasks that the actual dates kept is shown, the others are not.
    func doneTiming(_ index: Int) -> Timing {
        let plan = context.plan
        let task = plan.tasks[index]
        let slot = context.slot(index)
        var timing = Timing(writesWork: false)
        let first: Day, last: Day
        if task.kind == .milestone {
            first = task.actualFinish ?? task.actualStart ?? slot?.finish ?? context.schedule.today
            last = first
            timing.dates = ["milestone", "start \(workingDay.end(of: first))"]
        } else {
            first = task.actualStart ?? slot?.start ?? context.schedule.today
            last = task.actualFinish ?? slot?.finish ?? first
            timing.dates = ["start \(first.iso)", "end \(workingDay.end(of: last))"]
        }
        for dependency in dependencies(of: index) {
            let predecessor = dependency.predecessor
            let bothDone = plan.tasks.indices.contains(predecessor) && Analyzer.isLeaf(plan.tasks[predecessor])
                && progress(plan.tasks[predecessor]) == .done
            if bothDone, holds(dependency, of: index, start: first, finish: last), let line = startLink(dependency, of: index).line,
               !line.contains("onstart") {
                timing.links.append(line)
            } else {
                timing.comments.append("# \(dependency.kind.rawValue) link on \(context.qualifiedID(predecessor)): done, its actual dates stand")
            }
        }
        return timing
    }

    /// Started work schedules what remains from today; its start links are behind it.
    func startedTiming(_ index: Int) -> Timing {
        let task = context.plan.tasks[index]
        var timing = Timing()
        let started = task.actualStart.map { "started \($0.iso)" } ?? "started"
        let done = task.percentComplete.map { ", \(NumberText.plain($0))% done" }
            ?? task.spentDays.map { ", \(NumberText.plain($0))d spent" } ?? ""
        timing.comments.append("# \(started)\(done): the remaining work is scheduled from today")
        for dependency in dependencies(of: index) {
            timing.comments.append("# \(dependency.kind.rawValue) link on \(context.qualifiedID(dependency.predecessor)): not exported for work in progress")
        }
        timing.dates = (task.kind == .milestone ? ["milestone"] : []) + ["start \(context.schedule.today.iso)"]
        return timing
    }

    /// Work not started: pins, not-before dates and links, each held the way tj3 holds it.
    func unstartedTiming(_ index: Int) -> Timing {
        let task = context.plan.tasks[index]
        let slot = context.slot(index)
        var timing = Timing()
        var candidates: [(dependency: Dependency, line: String)] = []
        for dependency in dependencies(of: index) {
            let link = startLink(dependency, of: index)
            if let line = link.line { candidates.append((dependency, line)) } else { timing.comments.append("# \(link.reason ?? "")") }
        }
        /// Links that hold for a pinned task; the others are P603 and would make tj3 fail, as
        /// would a link on a predecessor's start to a task with a fixed end.
        func keep(start: Day, finish: Day, fixedEnd: Bool = false) {
            for candidate in candidates {
                if !holds(candidate.dependency, of: index, start: start, finish: finish) {
                    timing.comments.append("# \(candidate.line): ends too late for the pinned dates (P603), left out")
                } else if fixedEnd && candidate.line.contains("onstart") {
                    timing.comments.append("# \(candidate.line): holds; tj3 takes links on a start only for tasks without a fixed end")
                } else {
                    timing.links.append(candidate.line)
                }
            }
        }
        let floor = openWorkFloor(task.projectIndex)
        if task.kind == .milestone {
            timing.dates = ["milestone"]
            if let day = task.fixedStart ?? task.fixedFinish {
                timing.dates.append("start \(workingDay.end(of: day))")
                keep(start: day, finish: day)
            } else if candidates.isEmpty {
                // Nothing before it: planc releases it at the start of the project's first day or
                // of its not-before date, as TaskJuggler does with a bare date.
                if let day = [task.notBefore, floor].compactMap({ $0 }).max(), day > projectStart { timing.dates.append("start \(day.iso)") }
            } else {
                timing.links = candidates.map(\.line)
                if let notBefore = task.notBefore { timing.comments.append("# not before \(notBefore.iso)") }
            }
        } else if let first = task.fixedStart, let last = task.fixedFinish {
            timing.dates = ["start \(first.iso)", "end \(workingDay.end(of: last))"]
            keep(start: first, finish: last, fixedEnd: true)
            timing.writesWork = false
        } else if let first = task.fixedStart {
            timing.dates = ["start \(first.iso)"]
            keep(start: first, finish: slot?.finish ?? first)
        } else if let last = task.fixedFinish {
            // planc ends it on the last working day at or before the pin.
            let finish = slot?.finish ?? last
            if let slot, !dependencies(of: index).isEmpty {
                timing.comments.append("# finish \(last.iso) with predecessors: the window planc computed")
                timing.dates = ["start \(slot.start.iso)", "end \(workingDay.end(of: finish))"]
                keep(start: slot.start, finish: finish, fixedEnd: true)
                timing.writesWork = false
            } else {
                // TaskJuggler schedules a task with only an end backwards from it, as planc does.
                timing.dates = ["end \(workingDay.end(of: finish))"]
            }
        } else {
            timing.links = candidates.map(\.line)
            if let anchor = [task.notBefore, floor > projectStart ? floor : nil].compactMap({ $0 }).max() {
                if candidates.allSatisfy({ holds($0.dependency, of: index, start: anchor, finish: slot?.finish ?? anchor) }) {
                    timing.dates = ["start \(anchor.iso)"]
                } else if let notBefore = task.notBefore {
                    timing.comments.append("# not before \(notBefore.iso): the predecessors end later")
                }
            }
        }
        return timing
    }

    /// The earliest day open work of a project may start in planc: its start, and never before
    /// today.
    func openWorkFloor(_ projectIndex: Int) -> Day {
        let schedule = context.schedule
        let scheduled = schedule.projectStart.indices.contains(projectIndex) ? schedule.projectStart[projectIndex] : nil
        return max(schedule.today, context.plan.projects[projectIndex].start ?? scheduled ?? schedule.today)
    }

    /// `effort` for work done by people, else `length` in whole working days as planc schedules
    /// them; for work in progress, what remains.
    func workLines(_ task: PlanTask, remaining: Bool) -> [String] {
        var share = 1.0
        if remaining {
            if let percent = task.percentComplete { share = max(1 - percent / 100, 0) }
        }
        if let effort = task.effortDays, !allocations(task).isEmpty {
            var left = effort * share
            if remaining, task.percentComplete == nil, let spent = task.spentDays { left = max(effort - spent, 0) }
            return ["effort \(NumberText.plain(max(left, 0.1)))d"]
        }
        guard let days = task.durationDays ?? task.effortDays else { return ["length 1d"] }
        var lines: [String] = []
        if task.durationDays == nil { lines.append("# effort \(NumberText.plain(days))d with nobody assigned: exported as length") }
        var left = days * share
        if remaining, task.durationDays == nil, task.percentComplete == nil, let spent = task.spentDays { left = max(days - spent, 0) }
        let whole = max(Int(left.rounded(.up)), 1)
        if Double(whole) != left { lines.append("# \(NumberText.plain(left))d: planc schedules whole working days") }
        lines.append("length \(whole)d")
        return lines
    }

    /// `allocate` and the part-time limits of a task's people.
    func allocationLines(_ task: PlanTask) -> [String] {
        let allocations = allocations(task)
        guard !allocations.isEmpty else { return [] }
        var lines = ["allocate \(allocations.joined(separator: ", "))"]
        // Part-time assignments as daily limits, all in one block: a second `limits` would replace the first.
        let hoursPerDay = workingDay.hours
        var limits: [String] = []
        for assignment in task.assignments {
            if case .person(let person) = assignment.resource, assignment.units > 0, assignment.units < 1, let id = personIDs[person] {
                limits.append("dailymax \(NumberText.plain(assignment.units * hoursPerDay))h { resources \(id) }")
            }
        }
        if !limits.isEmpty { lines.append("limits { \(limits.joined(separator: " ")) }") }
        return lines
    }

    /// One allocation per person, and per head of a pool one member with the others as
    /// alternatives, so that TaskJuggler picks free members per task as planc counts heads.
    func allocations(_ task: PlanTask) -> [String] {
        var allocations: [String] = []
        var seen: Set<String> = []
        for assignment in task.assignments {
            switch assignment.resource {
            case .person(let index):
                if let id = personIDs[index], seen.insert(id).inserted { allocations.append(id) }
            case .pool(let index):
                let members = poolMembers[index] ?? []
                let heads = min(max(Int(assignment.units.rounded(.up)), 1), members.count)
                for member in members.prefix(heads) where seen.insert(member).inserted {
                    let others = members.filter { $0 != member }
                    allocations.append(others.isEmpty ? member : "\(member) { alternative \(others.joined(separator: ", ")) }")
                }
            }
        }
        return allocations
    }
}
