import PlanAnalysis
import PlanModel

/// Why a task's dates are what they are, in plain words: the one text that `planc why`, the JSON
/// export, the terminal Gantt, `planc status` and the site print, so they never disagree.
///
/// "starts Mon 12 Jan 2027 because 'Kick-off workshop' finishes Fri 9 Jan (finish-to-start)".
/// Days near the task's own date leave out the year. A schedule without explanations (made by
/// hand, or by a scheduler that records none) gives nil everywhere: outputs then say nothing.
public struct DateExplanationText: Sendable {
    public let plan: Plan
    public let schedule: Schedule

    public init(plan: Plan, schedule: Schedule) { self.plan = plan; self.schedule = schedule }

    public init(_ context: ReportContext) { self.init(plan: context.plan, schedule: context.schedule) }

    public func explanation(_ task: Int) -> DateExplanation? {
        schedule.explanations.indices.contains(task) && schedule.tasks.indices.contains(task) ? schedule.explanations[task] : nil
    }

    /// The reason on its own, as a table cell or a step of the driving chain shows it:
    /// "'Kick-off workshop' finishes Fri 9 Jan (finish-to-start); moved past the holiday 'Whit Monday'".
    public func reason(_ task: Int) -> String? {
        guard let explanation = explanation(task) else { return nil }
        return ([phrase(task, explanation.driver).text] + (shift(task).map { [$0] } ?? [])).joined(separator: "; ")
    }

    /// The whole sentence: "starts Mon 12 Jan 2027 because 'Kick-off workshop' finishes Fri 9 Jan
    /// (finish-to-start); moved past Sarah's time off (15–19 Feb)".
    public func sentence(_ task: Int) -> String? {
        guard let explanation = explanation(task) else { return nil }
        let phrase = phrase(task, explanation.driver)
        var text = verb(task) + " " + DayText.weekday(shownDay(task)) + phrase.clause
        if let shift = shift(task) { text += "; " + shift }
        return text
    }

    /// "moved past Sarah's time off (15–19 Feb)", "moved past the holiday 'Whit Monday'".
    public func shift(_ task: Int) -> String? {
        guard let shift = explanation(task)?.shift else { return nil }
        let reference = shownDay(task)
        if let person = shift.person, plan.people.indices.contains(person) {
            let name = plan.people[person].name
            if let off = plan.people[person].timeOff.first(where: { $0.contains(shift.from) }) {
                return "moved past \(name)'s time off (\(DayText.range(off.first, off.last, yearUnlessSameAs: reference)))"
            }
            return "moved past \(name)'s days off from \(DayText.weekday(shift.from, yearUnlessSameAs: reference))"
        }
        if let holiday = shift.holiday { return "moved past the holiday '\(holiday)'" }
        return "moved past non-working days from \(DayText.weekday(shift.from, yearUnlessSameAs: reference))"
    }

    /// Blocked tasks without a resume date that this task's dates depend on, in plan order;
    /// with `includingItself`, the task too when it is one (for a project finish or a milestone
    /// list, where the blocked task may itself be the date shown).
    public func blockers(of task: Int, includingItself: Bool = false) -> [Int] {
        guard let explanation = explanation(task) else { return [] }
        var found = Set(explanation.dependsOnBlocked.filter { plan.tasks.indices.contains($0) && $0 != task })
        if includingItself, explanation.driver == .blocked { found.insert(task) }
        return found.sorted()
    }

    /// Blocked tasks the project's forecast finish depends on: those of the tasks that finish last.
    public func finishBlockers(ofProject project: Int) -> [Int] {
        guard plan.projects.indices.contains(project), schedule.projectFinish.indices.contains(project),
              let finish = schedule.projectFinish[project] else { return [] }
        var found = Set<Int>()
        for task in plan.projects[project].taskRange where schedule.tasks.indices.contains(task)
            && schedule.tasks[task].finish == finish && Analyzer.isLeaf(plan.tasks[task]) {
            found.formUnion(blockers(of: task, includingItself: true))
        }
        return found.sorted()
    }

    /// "depends on blocked 'Telephony integration'", or nil when nothing blocked holds the dates.
    public func blockedNote(_ blockers: [Int]) -> String? {
        guard !blockers.isEmpty else { return nil }
        let names = blockers.prefix(3).map { "'\(plan.tasks[$0].title)'" }
        var list = names.count == 1 ? names[0] : names.dropLast().joined(separator: ", ") + " and " + names.last!
        if blockers.count > 3 { list = names.joined(separator: ", ") + " and \(blockers.count - 3) more" }
        return "depends on blocked " + list
    }

    /// `blockedNote(blockers(of: task))`.
    public func blockedNote(task: Int, includingItself: Bool = false) -> String? {
        blockedNote(blockers(of: task, includingItself: includingItself))
    }

    // MARK: Links

    /// `FS`, `SS+2d`, `FS-1d`, `FF+0.5d`: the link kind with its lag, as the Gantt hints write it.
    public static func linkLabel(_ kind: DependencyKind, lagDays: Double) -> String {
        kind.rawValue + lag(lagDays)
    }

    /// `+2d`, `-1d` (a lead), or empty for no lag.
    public static func lag(_ days: Double) -> String {
        days == 0 ? "" : (days > 0 ? "+" : "") + NumberText.decimal(days) + "d"
    }

    public static func linkName(_ kind: DependencyKind) -> String {
        switch kind {
        case .finishToStart: "finish-to-start"
        case .startToStart: "start-to-start"
        case .finishToFinish: "finish-to-finish"
        case .startToFinish: "start-to-finish"
        }
    }

    // MARK: Phrases

    /// The day a sentence names: a milestone's day, else the start.
    func shownDay(_ task: Int) -> Day {
        plan.tasks[task].kind == .milestone ? schedule.tasks[task].finish : schedule.tasks[task].start
    }

    func verb(_ task: Int) -> String {
        if plan.tasks[task].kind == .milestone { return plan.tasks[task].state == .done ? "happened" : "happens" }
        return schedule.tasks[task].start < schedule.today ? "started" : "starts"
    }

    func title(_ task: Int) -> String {
        plan.tasks.indices.contains(task) ? "'\(plan.tasks[task].title)'" : "task \(task)"
    }

    /// `text` stands alone; `clause` follows "starts Mon 12 Jan 2027" in a sentence.
    struct Phrase {
        var text: String
        var clause: String
        static func because(_ text: String) -> Phrase { Phrase(text: text, clause: " because " + text) }
        static func comma(_ text: String) -> Phrase { Phrase(text: text, clause: ", " + text) }
    }

    func phrase(_ task: Int, _ driver: StartDriver) -> Phrase {
        let reference = shownDay(task)
        func day(_ day: Day) -> String { DayText.weekday(day, yearUnlessSameAs: reference) }
        func span(_ start: Day?, _ finish: Day?) -> String? {
            guard let start, let finish else { return nil }
            return DayText.range(start, finish, yearUnlessSameAs: reference)
        }
        switch driver {
        case .projectStart(let start):
            return .because("the project starts \(day(start))")
        case .today(let today):
            return .because("open work is not forecast before today (\(day(today)))")
        case .inProgress(let actualStart):
            let since = actualStart.map { " since \(day($0))" } ?? ""
            return Phrase(text: "in progress\(since): the remaining work is forecast from today",
                          clause: ": in progress, the remaining work is forecast from today")
        case .blocked:
            return .comma("blocked: forecast from today until a resume date is set (not-before:)")
        case .notBefore(let date):
            return .comma("not before \(DayText.long(date)) (not-before)")
        case let .pinned(start, finish):
            if let both = span(start, finish) { return .comma("pinned to \(both)") }
            if let start { return .comma("pinned to start on \(day(start))") }
            if let finish { return .comma("pinned to finish on \(day(finish))") }
            return .comma("pinned")
        case let .actual(start, finish):
            if let both = span(start, finish) { return .comma("done: actual dates \(both)") }
            if let finish { return .comma("done: finished \(day(finish)) (actual date)") }
            if let start { return .comma("actual start \(day(start))") }
            return .comma("done")
        case let .predecessor(predecessor, kind, lagDays):
            return predecessorPhrase(predecessor, kind, lagDays, day: day)
        case let .resource(resource, busyWith):
            let who = Figures.resourceName(resource, plan) + " (@" + Figures.resourceID(resource, plan) + ")"
            let until = schedule.tasks.indices.contains(busyWith) ? " until \(day(schedule.tasks[busyWith].finish))" : ""
            let text = "waits for \(who), busy with \(title(busyWith))\(until)"
            return Phrase(text: text, clause: " because it " + text)
        case .workPackage(let package):
            let start = schedule.tasks.indices.contains(package) ? " starts \(day(schedule.tasks[package].start))" : " starts then"
            return .because("its work package \(title(package))\(start)")
        }
    }

    /// FS and SS hold the start; FF and SF hold the finish, and the start follows from the work.
    func predecessorPhrase(_ predecessor: Int, _ kind: DependencyKind, _ lagDays: Double, day: (Day) -> String) -> Phrase {
        let fromStart = kind == .startToStart || kind == .startToFinish
        var event = title(predecessor)
        if schedule.tasks.indices.contains(predecessor), plan.tasks.indices.contains(predecessor) {
            let slot = schedule.tasks[predecessor]
            let reached = plan.tasks[predecessor].kind == .milestone ? "is reached" : fromStart ? "starts" : "finishes"
            event += " \(reached) \(day(fromStart ? slot.start : slot.finish))"
        }
        let link = "(\(Self.linkName(kind))\(lagDays == 0 ? "" : " " + Self.lag(lagDays)))"
        var offset = ""
        if lagDays != 0 {
            let amount = NumberText.decimal(abs(lagDays))
            offset = "\(amount) working \(abs(lagDays) == 1 ? "day" : "days") \(lagDays > 0 ? "after" : "before") "
        }
        let core = offset + event + " " + link
        if kind == .finishToFinish || kind == .startToFinish {
            let text = "finishes no earlier than " + core
            return Phrase(text: text, clause: " so that it " + text)
        }
        return lagDays == 0 ? .because(core) : .comma(core)
    }
}
