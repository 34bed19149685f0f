import PlanModel

/// Builds small plans and schedules by hand, so analysis tests do not depend on the parser or
/// the scheduler. Dates are ISO strings to keep tests readable.
struct PlanFixture {
    var plan = Plan()
    var slots: [TaskSchedule] = []
    var loads: [ResourceLoad] = []
    var today: Day

    init(today: String = "2026-09-15") {
        self.today = day(today)
        plan.calendars = [CalendarSpec(name: "default")]
    }

    @discardableResult
    mutating func project(_ id: String, deadline: String? = nil, budget: Double? = nil,
                          currency: String = "EUR") -> Int {
        var project = Project(id: id, title: id.titled, range: range(), file: "\(id).md")
        project.deadline = deadline.map(day)
        project.budget = budget.map { Money(amount: $0, currency: currency) }
        project.currency = currency
        project.taskRange = plan.tasks.count..<plan.tasks.count
        plan.projects.append(project)
        return plan.projects.count - 1
    }

    @discardableResult
    mutating func person(_ id: String, rate: Double? = nil) -> Int {
        var person = Person(id: id, name: id.titled, range: range())
        person.rate = rate.map { Money(amount: $0, currency: "EUR") }
        plan.people.append(person)
        return plan.people.count - 1
    }

    /// Adds a task to the last project; `start`/`finish` are the scheduled days.
    @discardableResult
    mutating func task(_ id: String, _ start: String, _ finish: String, kind: TaskKind = .task,
                       parent: Int? = nil, effort: Double? = nil, state: TaskState = .todo,
                       percent: Double? = nil, deadline: String? = nil, spent: Double? = nil,
                       cost: Double? = nil, people: [Int] = [], isLate: Bool = false) -> Int {
        let projectIndex = plan.projects.count - 1
        let index = plan.tasks.count
        let level = parent.map { plan.tasks[$0].level + 1 } ?? 0
        var task = Task(id: id, projectIndex: projectIndex, title: id.titled, range: range(),
                        parent: parent, level: level, kind: kind)
        task.effortDays = effort
        task.state = state
        task.percentComplete = percent
        task.deadline = deadline.map(day)
        task.spentDays = spent
        task.cost = cost.map { Money(amount: $0, currency: "EUR") }
        task.assignments = people.map { Assignment(resource: .person($0), units: 1, range: range()) }
        plan.tasks.append(task)
        if let parent {
            plan.tasks[parent].children.append(index)
            if plan.tasks[parent].kind == .task { plan.tasks[parent].kind = .summary }
        }
        plan.projects[projectIndex].taskRange = plan.projects[projectIndex].taskRange.lowerBound..<(index + 1)
        let s = day(start), f = day(finish)
        slots.append(TaskSchedule(start: s, finish: f, earlyStart: s, earlyFinish: f, lateStart: s, lateFinish: f,
                                  totalSlack: 0, freeSlack: 0, isCritical: false, isLate: isLate))
        return index
    }

    mutating func load(person: Int, capacity: Double = 1, _ days: [(String, Double)]) {
        loads.append(ResourceLoad(resource: .person(person), capacity: capacity,
                                  days: days.map { (day($0.0), $0.1) }))
    }

    mutating func journal(_ date: String, _ rating: Rating?, _ headline: String) {
        plan.projects[plan.projects.count - 1].journal.append(
            JournalEntry(date: day(date), rating: rating, headline: headline, text: "", range: range()))
    }

    mutating func risk(_ id: String, _ likelihood: Level, _ impact: Level, status: Risk.Status = .open) {
        var risk = Risk(id: id, title: id.titled, range: range())
        risk.likelihood = likelihood
        risk.impact = impact
        risk.status = status
        plan.projects[plan.projects.count - 1].risks.append(risk)
    }

    var schedule: Schedule {
        let finishes: [Day?] = plan.projects.map { project in
            project.taskRange.map { slots[$0].finish }.max()
        }
        let starts: [Day?] = plan.projects.map { project in
            project.taskRange.map { slots[$0].start }.min()
        }
        return Schedule(tasks: slots, projectFinish: finishes, projectStart: starts, today: today,
                        resourceLoad: loads, criticalPaths: plan.projects.map { _ in [] })
    }

    private func range() -> SourceRange { SourceRange(file: "plan.md", line: plan.tasks.count + 1, column: 1) }
}

func day(_ text: String) -> Day {
    guard let value = Day(iso: text) else { preconditionFailure("bad fixture date \(text)") }
    return value
}

extension String {
    /// `sign-off` -> `Sign-Off`: readable titles from fixture ids without Foundation.
    var titled: String {
        var out = ""
        var atWordStart = true
        for character in self {
            out += atWordStart ? character.uppercased() : String(character)
            atWordStart = !(character.isLetter || character.isNumber)
        }
        return out
    }
}
