import PlanAnalysis
import PlanModel
@testable import PlanSite

/// A small hand-built plan and schedule: two work packages, milestones, dependencies, a blocked
/// task, an over-allocated person, risks, issues, decisions and journal entries.
enum Fixture {
    static let today = Day(iso: "2026-03-04")!

    static func range(_ line: Int) -> SourceRange { SourceRange(file: "crm.md", line: line, column: 1) }

    static func day(_ text: String) -> Day { Day(iso: text)! }

    struct Row {
        var title: String
        var level: Int
        var kind: TaskKind
        var start: String
        var finish: String
        var after: [Int] = []
        var state: TaskState = .todo
        var percent: Double? = nil
        var critical = false
        var late = false
        var people: [Int] = []
        var effort: Double? = nil
        var notes = ""
    }

    static func make(title: String = "CRM Migration", taskTitle: String = "Data audit", notes: String = "",
                     extraRows: Int = 0) -> (Plan, Schedule) {
        var plan = Plan()
        var calendar = CalendarSpec(name: "default")
        calendar.holidays = [Holiday(days: DayRange(first: day("2026-04-03"), last: day("2026-04-06")), name: "Easter")]
        plan.calendars = [calendar]
        var dana = Person(id: "dana", name: "Dana Whitfield", range: range(1))
        dana.role = "Project manager"
        plan.people = [dana, Person(id: "omar", name: "Omar Haddad", range: range(2))]

        var rows: [Row] = [
            Row(title: "Discovery", level: 0, kind: .summary, start: "2026-02-02", finish: "2026-03-06"),
            Row(title: "Stakeholder interviews", level: 1, kind: .task, start: "2026-02-02", finish: "2026-02-06",
                state: .done, critical: true, people: [0], effort: 5),
            Row(title: taskTitle, level: 1, kind: .task, start: "2026-02-09", finish: "2026-03-06", after: [1],
                state: .inProgress, percent: 40, critical: true, people: [1], effort: 20, notes: notes),
            Row(title: "Design sign-off", level: 1, kind: .milestone, start: "2026-03-06", finish: "2026-03-06",
                after: [2], critical: true, late: true),
            Row(title: "Build", level: 0, kind: .summary, start: "2026-03-09", finish: "2026-04-17"),
            Row(title: "Customer API", level: 1, kind: .task, start: "2026-03-09", finish: "2026-04-03", after: [3],
                critical: true, people: [1, 0], effort: 30),
            Row(title: "Load test", level: 1, kind: .task, start: "2026-04-07", finish: "2026-04-17", after: [5],
                state: .blocked, critical: true, people: [1], effort: 8),
        ]
        for extra in 0..<extraRows {
            let start = day("2026-03-09").adding(days: (extra % 40))
            rows.append(Row(title: "Generated task \(extra)", level: 1, kind: .task, start: start.iso,
                            finish: start.adding(days: 3).iso, after: extra > 0 ? [rows.count - 1] : [3], people: [0], effort: 2))
        }
        rows.append(Row(title: "Go-live", level: 0, kind: .milestone, start: "2026-04-17", finish: "2026-04-17",
                        after: [6], critical: true))

        var project = Project(id: "crm", title: title, range: range(1), file: "crm.md")
        project.ownerIndex = 0
        project.sponsor = "Maria Keller, CFO"
        project.stakeholders = ["Sales", "IT Operations"]
        project.deadline = day("2026-04-10")
        project.budget = Money(amount: 180_000, currency: "EUR")
        project.phase = .execution
        project.description = "Move **all** accounts to the new CRM.\n\n" + notes
        project.objectives = [Objective(id: "retire", text: "Retire the legacy CRM", result: nil, notes: "", range: range(3))]
        project.scopeIn = ["Accounts, contacts"]
        project.scopeOut = ["Marketing automation"]
        var risk = Risk(id: "r-api", title: "Legacy export API is throttled", range: range(40))
        risk.likelihood = .high; risk.impact = .medium; risk.ownerIndex = 1
        risk.mitigation = "Nightly batch exports"
        var risk2 = Risk(id: "r-key", title: "Key user unavailable", range: range(41))
        risk2.likelihood = .veryHigh; risk2.impact = .veryHigh
        var risk3 = Risk(id: "r-unrated", title: "Vendor delay", range: range(42))
        risk3.status = .watching
        project.risks = [risk, risk2, risk3]
        var issue = IssueEntry(id: "test-data", title: "Test data contains personal data", range: range(50))
        issue.severity = .high; issue.raised = day("2026-02-10")
        project.issues = [issue]
        var decision = Decision(id: "vendor-tool", title: "Migrate with the vendor's tool", range: range(60))
        decision.date = day("2026-02-03")
        decision.notes = "Cheaper than a custom ETL."
        project.decisions = [decision]
        project.journal = [
            JournalEntry(date: day("2026-02-13"), rating: .amber, headline: "Data audit slips", text: "Export is *slow*.", range: range(70)),
            JournalEntry(date: day("2026-03-02"), rating: .green, headline: "Back on track", text: "Audit nearly done.", range: range(72)),
        ]

        var tasks: [Task] = []
        var entries: [TaskSchedule] = []
        var parent: Int?
        for (index, row) in rows.enumerated() {
            if row.level == 0 { parent = nil }
            var task = Task(id: HTMLIDs.derive(row.title), projectIndex: 0, title: row.title, range: range(10 + index),
                            parent: row.level == 0 ? nil : parent, level: row.level, kind: row.kind)
            task.state = row.state
            task.percentComplete = row.percent
            task.effortDays = row.effort
            task.notes = row.notes
            task.dependencies = row.after.map { Dependency(predecessor: $0, kind: .finishToStart, lagDays: 0, range: range(10 + index)) }
            task.assignments = row.people.map { Assignment(resource: .person($0), units: 1, range: range(10 + index)) }
            if row.kind == .milestone, row.title == "Design sign-off" { task.deadline = day("2026-03-02") }
            if let owner = task.parent { tasks[owner].children.append(index) }
            if row.kind == .summary { parent = index }
            tasks.append(task)
            let start = day(row.start), finish = day(row.finish)
            entries.append(TaskSchedule(start: start, finish: finish, earlyStart: start, earlyFinish: finish,
                                        lateStart: start, lateFinish: finish, totalSlack: row.critical ? 0 : 3,
                                        freeSlack: 0, isCritical: row.critical, isLate: row.late))
        }
        project.taskRange = 0..<tasks.count
        plan.projects = [project]
        plan.tasks = tasks

        // Daily load: Dana at 1.0 on interviews, both on the API (Dana at 1.5 one week: over-allocated).
        var danaDays: [(day: Day, load: Double)] = []
        var omarDays: [(day: Day, load: Double)] = []
        var cursor = day("2026-02-02")
        while cursor <= day("2026-04-17") {
            if cursor.weekday.rawValue < 5 {
                if cursor <= day("2026-02-06") { danaDays.append((cursor, 1)) }
                if cursor >= day("2026-03-09"), cursor <= day("2026-03-13") { danaDays.append((cursor, 1.5)) }
                if cursor >= day("2026-02-09") { omarDays.append((cursor, 1)) }
            }
            cursor = cursor.adding(days: 1)
        }
        let schedule = Schedule(
            tasks: entries, projectFinish: [day("2026-04-17")], projectStart: [day("2026-02-02")], today: today,
            resourceLoad: [ResourceLoad(resource: .person(0), capacity: 1, days: danaDays),
                           ResourceLoad(resource: .person(1), capacity: 1, days: omarDays)],
            criticalPaths: [[1, 2, 3, 5, 6, rows.count - 1]])
        return (plan, schedule)
    }

    static func site(_ plan: Plan, _ schedule: Schedule, options: SiteOptions? = nil, theme: Theme? = nil) throws -> [String: String] {
        let builder = try SiteBuilder(plan: plan, schedule: schedule, analysis: Analyzer.analyze(plan, schedule),
                                      theme: theme ?? Theme.builtIn(), options: options ?? SiteOptions(today: today, commit: "abc1234"))
        var result: [String: String] = [:]
        for file in try builder.build(planJSON: "{}\n") { result[file.path] = String(decoding: file.contents, as: UTF8.self) }
        return result
    }
}

enum HTMLIDs {
    static func derive(_ title: String) -> String {
        var result = ""
        var dash = false
        for character in title.lowercased() {
            if character.isLetter || character.isNumber { result.append(character); dash = false }
            else if !dash, !result.isEmpty { result.append("-"); dash = true }
        }
        while result.hasSuffix("-") { result.removeLast() }
        return result
    }
}
