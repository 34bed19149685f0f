import PlanModel
@testable import PlanSchedule

/// Builds `Plan` values by hand: one project (or more) on the default calendar, tasks in file
/// order, each task's source line = its index + 10.
struct PlanFixture {
    var plan = Plan()

    init(start: String = "2026-01-05", calendar: CalendarSpec? = nil) {
        plan.calendars = [calendar ?? CalendarSpec(name: "default")]
        addProject("p", start: start)
    }

    static func day(_ text: String) -> Day { Day(iso: text)! }

    static func range(_ line: Int) -> SourceRange { SourceRange(file: "plan.md", line: line, column: 3, length: 5) }

    @discardableResult
    mutating func addProject(_ id: String, start: String?, deadline: String? = nil) -> Int {
        var project = Project(id: id, title: id, range: PlanFixture.range(plan.projects.count + 1), file: "plan.md")
        project.start = start.map(PlanFixture.day)
        project.deadline = deadline.map(PlanFixture.day)
        project.taskRange = plan.tasks.count..<plan.tasks.count
        plan.projects.append(project)
        return plan.projects.count - 1
    }

    @discardableResult
    mutating func person(_ id: String, availability: Double = 1, off: [(String, String)] = []) -> Int {
        var person = Person(id: id, name: id, range: PlanFixture.range(900 + plan.people.count))
        person.availability = availability
        person.timeOff = off.map { DayRange(first: PlanFixture.day($0.0), last: PlanFixture.day($0.1)) }
        plan.people.append(person)
        return plan.people.count - 1
    }

    @discardableResult
    mutating func pool(_ id: String, size: Int) -> Int {
        plan.pools.append(Pool(id: id, name: id, size: size, range: PlanFixture.range(950 + plan.pools.count)))
        return plan.pools.count - 1
    }

    func index(_ id: String) -> Int { plan.tasks.firstIndex { $0.id == id }! }

    /// Adds a task to the last project. `after` entries are `(id, kind, lag)`; `people` are
    /// `(id, units)` with units nil meaning the person's availability; `pools` are `(id, heads)`.
    @discardableResult
    mutating func task(_ id: String, effort: Double? = nil, duration: Double? = nil, milestone: Bool = false,
                       summary: Bool = false, parent: String? = nil,
                       after: [(String, DependencyKind, Double)] = [], people: [(String, Double?)] = [],
                       pools: [(String, Double)] = [], priority: Int = 500,
                       fixedStart: String? = nil, fixedFinish: String? = nil, notBefore: String? = nil,
                       due: String? = nil, state: TaskState = .todo, percent: Double? = nil,
                       started: String? = nil, finished: String? = nil) -> Int {
        let index = plan.tasks.count
        let parentIndex = parent.map { self.index($0) }
        let kind: TaskKind = summary ? .summary : (milestone ? .milestone : .task)
        var task = Task(id: id, projectIndex: plan.projects.count - 1, title: id, range: PlanFixture.range(index + 10),
                        parent: parentIndex, level: parentIndex.map { plan.tasks[$0].level + 1 } ?? 0, kind: kind)
        task.effortDays = effort ?? ((duration == nil && !milestone && !summary) ? 1 : nil)
        task.durationDays = duration
        task.priority = priority
        task.fixedStart = fixedStart.map(PlanFixture.day)
        task.fixedFinish = fixedFinish.map(PlanFixture.day)
        task.notBefore = notBefore.map(PlanFixture.day)
        task.deadline = due.map(PlanFixture.day)
        task.state = state
        task.percentComplete = percent
        task.actualStart = started.map(PlanFixture.day)
        task.actualFinish = finished.map(PlanFixture.day)
        for (offset, dependency) in after.enumerated() {
            task.dependencies.append(Dependency(predecessor: self.index(dependency.0), kind: dependency.1,
                                                lagDays: dependency.2, range: SourceRange(file: "plan.md", line: index + 10,
                                                                                          column: 20 + offset, length: 3)))
        }
        for (who, units) in people {
            let p = plan.people.firstIndex { $0.id == who }!
            task.assignments.append(Assignment(resource: .person(p), units: units ?? plan.people[p].availability,
                                               range: PlanFixture.range(index + 10)))
        }
        for (who, heads) in pools {
            let p = plan.pools.firstIndex { $0.id == who }!
            task.assignments.append(Assignment(resource: .pool(p), units: heads, range: PlanFixture.range(index + 10)))
        }
        plan.tasks.append(task)
        if let parentIndex {
            plan.tasks[parentIndex].children.append(index)
        }
        plan.projects[plan.projects.count - 1].taskRange = plan.projects[plan.projects.count - 1].taskRange.lowerBound..<plan.tasks.count
        return index
    }

    func schedule(today: String = "2026-01-05", samples: Int = 200) -> (schedule: Schedule, diagnostics: [Diagnostic]) {
        Scheduler.schedule(plan, today: PlanFixture.day(today), options: ScheduleOptions(samples: samples))
    }
}

extension Schedule {
    /// `start..finish` of a task as ISO days, for compact expectations.
    func span(_ fixture: PlanFixture, _ id: String) -> String {
        let t = tasks[fixture.index(id)]
        return "\(t.start.iso)..\(t.finish.iso)"
    }
}
