import PlanModel
import PlanSchedule

/// Builds `Plan` values by hand, so a test does not depend on the parser (and, with dates set by
/// hand, not on the scheduler either). Dates are ISO strings to keep tests readable.
///
/// Two ways to start:
/// - `PlanFixture()` (or `start:`, `calendar:`): one project `p` for the scheduler; tasks added
///   with `task(_:effort:…)` get no dates, `schedule(today:)` runs the real scheduler.
/// - `PlanFixture(today:)`: no project yet (add them with `project`); tasks added with
///   `task(_:_:_:…)` carry their scheduled `start` and `finish`, and `schedule` is the hand-made
///   schedule, so analysis and renderers see exactly those dates.
///
/// Source ranges, all in plan.md: projects on lines 1, 2, …; a scheduler task on line index + 10
/// (its links from column 20); a task with hand-set dates on line index + 1 unless given; people
/// from line 900, pools from line 950.
public struct PlanFixture {
    public var plan = Plan()
    /// The hand-set schedule entries, one per task added with its dates.
    public var slots: [TaskSchedule] = []
    public var loads: [ResourceLoad] = []
    public var today: Day

    /// A plan for the scheduler: one project `p` starting on `start`.
    public init(start: String = "2026-01-05", calendar: CalendarSpec? = nil) {
        today = Self.day(start)
        plan.calendars = [calendar ?? CalendarSpec(name: "default")]
        project("p", title: "p", file: "plan.md", start: start)
    }

    /// A plan whose schedule is set by hand, reported on `today`; add projects with `project`.
    public init(today: String) {
        self.today = Self.day(today)
        plan.calendars = [CalendarSpec(name: "default")]
    }

    public static func day(_ text: String) -> Day { PlanTestSupport.day(text) }

    public static func range(_ line: Int) -> SourceRange { SourceRange(file: "plan.md", line: line, column: 3, length: 5) }

    /// The index of the task `id`.
    public func index(_ id: String) -> Int { plan.tasks.firstIndex { $0.id == id }! }

    /// Adds a project; later tasks go to it. The title defaults to the id in title case, the file
    /// to `ID.md`.
    @discardableResult
    public mutating func project(_ id: String, title: String? = nil, file: String? = nil, start: String? = nil,
                                 deadline: String? = nil, budget: Double? = nil, currency: String = "EUR") -> Int {
        var project = Project(id: id, title: title ?? id.titled, range: PlanFixture.range(plan.projects.count + 1),
                              file: file ?? "\(id).md")
        project.start = start.map(Self.day)
        project.deadline = deadline.map(Self.day)
        project.budget = budget.map { Money(amount: $0, currency: currency) }
        project.currency = currency
        project.taskRange = plan.tasks.count..<plan.tasks.count
        plan.projects.append(project)
        return plan.projects.count - 1
    }

    /// Adds a person (named after the id in title case); `off` are time-off ranges, `rate` is per day in EUR.
    @discardableResult
    public mutating func person(_ id: String, availability: Double = 1, off: [(String, String)] = [],
                                rate: Double? = nil) -> Int {
        var person = Person(id: id, name: id.titled, range: PlanFixture.range(900 + plan.people.count))
        person.availability = availability
        person.timeOff = off.map { DayRange(first: Self.day($0.0), last: Self.day($0.1)) }
        person.rate = rate.map { Money(amount: $0, currency: "EUR") }
        plan.people.append(person)
        return plan.people.count - 1
    }

    @discardableResult
    public mutating func pool(_ id: String, size: Int) -> Int {
        plan.pools.append(Pool(id: id, name: id, size: size, range: PlanFixture.range(950 + plan.pools.count)))
        return plan.pools.count - 1
    }

    /// Adds a task for the scheduler to the last project. `after` entries are `(id, kind, lag)`;
    /// `people` are `(id, units)` with units nil meaning the person's availability; `pools` are
    /// `(id, heads)`. A task without effort or duration has one day of effort.
    @discardableResult
    public mutating func task(_ id: String, effort: Double? = nil, duration: Double? = nil, milestone: Bool = false,
                              summary: Bool = false, parent: String? = nil,
                              after: [(String, DependencyKind, Double)] = [], people: [(String, Double?)] = [],
                              pools: [(String, Double)] = [], priority: Int = 500,
                              fixedStart: String? = nil, fixedFinish: String? = nil, notBefore: String? = nil,
                              due: String? = nil, state: TaskState = .todo, percent: Double? = nil,
                              started: String? = nil, finished: String? = nil) -> Int {
        let index = plan.tasks.count
        let line = index + 10
        let kind: TaskKind = summary ? .summary : (milestone ? .milestone : .task)
        var task = newTask(id, title: id, kind: kind, parent: parent.map { self.index($0) }, range: PlanFixture.range(line))
        task.effortDays = effort ?? ((duration == nil && !milestone && !summary) ? 1 : nil)
        task.durationDays = duration
        task.priority = priority
        task.fixedStart = fixedStart.map(Self.day)
        task.fixedFinish = fixedFinish.map(Self.day)
        task.notBefore = notBefore.map(Self.day)
        task.deadline = due.map(Self.day)
        task.state = state
        task.percentComplete = percent
        task.actualStart = started.map(Self.day)
        task.actualFinish = finished.map(Self.day)
        for (offset, dependency) in after.enumerated() {
            task.dependencies.append(Dependency(predecessor: self.index(dependency.0), kind: dependency.1, lagDays: dependency.2,
                                                range: SourceRange(file: "plan.md", line: line, column: 20 + offset, length: 3)))
        }
        for (who, units) in people {
            let p = plan.people.firstIndex { $0.id == who }!
            task.assignments.append(Assignment(resource: .person(p), units: units ?? plan.people[p].availability,
                                               range: PlanFixture.range(line)))
        }
        for (who, heads) in pools {
            let p = plan.pools.firstIndex { $0.id == who }!
            task.assignments.append(Assignment(resource: .pool(p), units: heads, range: PlanFixture.range(line)))
        }
        return append(task)
    }

    /// Adds a task scheduled by hand from `start` to `finish` to the last project. `parent`,
    /// `after` and `people` are indexes; a parent that was a plain task becomes a work package.
    /// `slack` defaults to 0 on critical tasks and 5 elsewhere; `range` to line index + 1 of plan.md.
    @discardableResult
    public mutating func task(_ id: String, _ start: String, _ finish: String, kind: TaskKind = .task, title: String? = nil,
                              parent: Int? = nil, effort: Double? = nil, state: TaskState = .todo,
                              percent: Double? = nil, deadline: String? = nil, spent: Double? = nil,
                              cost: Double? = nil, people: [Int] = [], isLate: Bool = false, critical: Bool = false,
                              slack: Int? = nil, after: [Int] = [], tags: [String] = [], notes: String = "",
                              range: SourceRange? = nil) -> Int {
        let range = range ?? SourceRange(file: "plan.md", line: plan.tasks.count + 1, column: 1)
        var task = newTask(id, title: title ?? id.titled, kind: kind, parent: parent, range: range)
        task.effortDays = effort
        task.state = state
        task.percentComplete = percent
        task.deadline = deadline.map(Self.day)
        task.spentDays = spent
        task.tags = tags
        task.notes = notes
        task.dependencies = after.map { Dependency(predecessor: $0, kind: .finishToStart, lagDays: 0, range: range) }
        task.cost = cost.map { Money(amount: $0, currency: "EUR") }
        task.assignments = people.map { Assignment(resource: .person($0), units: 1, range: range) }
        if let parent, plan.tasks[parent].kind == .task { plan.tasks[parent].kind = .summary }
        let s = Self.day(start), f = Self.day(finish)
        slots.append(TaskSchedule(start: s, finish: f, earlyStart: s, earlyFinish: f, lateStart: s, lateFinish: f,
                                  totalSlack: slack ?? (critical ? 0 : 5), freeSlack: 0, isCritical: critical, isLate: isLate))
        return append(task)
    }

    /// The hand-set daily load of a person.
    public mutating func load(person: Int, capacity: Double = 1, _ days: [(String, Double)]) {
        loads.append(ResourceLoad(resource: .person(person), capacity: capacity, days: days.map { (Self.day($0.0), $0.1) }))
    }

    public mutating func journal(_ date: String, _ rating: Rating?, _ headline: String, text: String = "") {
        plan.projects[plan.projects.count - 1].journal.append(
            JournalEntry(date: Self.day(date), rating: rating, headline: headline, text: text, range: nextRange))
    }

    public mutating func risk(_ id: String, _ likelihood: Level, _ impact: Level, status: Risk.Status = .open) {
        var risk = Risk(id: id, title: id.titled, range: nextRange)
        risk.likelihood = likelihood
        risk.impact = impact
        risk.status = status
        plan.projects[plan.projects.count - 1].risks.append(risk)
    }

    /// The schedule set by hand (tasks added with their dates): each project from its first start
    /// to its last finish, no critical paths.
    public var schedule: Schedule {
        let finishes: [Day?] = plan.projects.map { project in project.taskRange.map { slots[$0].finish }.max() }
        let starts: [Day?] = plan.projects.map { project in project.taskRange.map { slots[$0].start }.min() }
        return Schedule(tasks: slots, projectFinish: finishes, projectStart: starts, today: today,
                        resourceLoad: loads, criticalPaths: plan.projects.map { _ in [] })
    }

    /// The plan run through the real scheduler.
    public func schedule(today: String = "2026-01-05", samples: Int = 200) -> (schedule: Schedule, diagnostics: [Diagnostic]) {
        Scheduler.schedule(plan, today: Self.day(today), options: ScheduleOptions(samples: samples))
    }

    private var nextRange: SourceRange { SourceRange(file: "plan.md", line: plan.tasks.count + 1, column: 1) }

    private func newTask(_ id: String, title: String, kind: TaskKind, parent: Int?, range: SourceRange) -> PlanTask {
        PlanTask(id: id, projectIndex: plan.projects.count - 1, title: title, range: range, parent: parent,
             level: parent.map { plan.tasks[$0].level + 1 } ?? 0, kind: kind)
    }

    /// Appends `task` to the last project and to its parent's children.
    private mutating func append(_ task: PlanTask) -> Int {
        let index = plan.tasks.count
        plan.tasks.append(task)
        if let parent = task.parent { plan.tasks[parent].children.append(index) }
        let project = plan.projects.count - 1
        plan.projects[project].taskRange = plan.projects[project].taskRange.lowerBound..<plan.tasks.count
        return index
    }
}

extension Schedule {
    /// `start..finish` of a task as ISO days, for compact expectations.
    public func span(_ fixture: PlanFixture, _ id: String) -> String {
        let t = tasks[fixture.index(id)]
        return "\(t.start.iso)..\(t.finish.iso)"
    }
}

/// The day of an ISO date written in a test; a typo stops the test run.
public func day(_ text: String) -> Day {
    guard let value = Day(iso: text) else { preconditionFailure("bad fixture date \(text)") }
    return value
}

extension String {
    /// `sign-off` -> `Sign-Off`: readable titles from fixture ids without Foundation.
    public var titled: String {
        var out = ""
        var atWordStart = true
        for character in self {
            out += atWordStart ? character.uppercased() : String(character)
            atWordStart = !(character.isLetter || character.isNumber)
        }
        return out
    }
}
