import PlanAnalysis
import PlanModel
import PlanTestSupport
@testable import PlanSite

/// A small hand-built plan and schedule: two work packages, milestones, dependencies, a blocked
/// task, an over-allocated person, risks, issues, decisions and journal entries, built with the
/// shared `PlanFixture` (tasks scheduled by hand) and placed in `crm.md`.
enum Fixture {
    static let today = Day(iso: "2026-03-04")!

    static func range(_ line: Int) -> SourceRange { SourceRange(file: "crm.md", line: line, column: 1) }

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
        var fixture = PlanFixture(today: today.iso)
        fixture.plan.calendars[0].holidays = [Holiday(days: DayRange(first: day("2026-04-03"), last: day("2026-04-06")), name: "Easter")]
        fixture.person("dana")
        fixture.person("omar")
        fixture.plan.people[0].name = "Dana Whitfield"
        fixture.plan.people[0].role = "Project manager"
        fixture.plan.people[1].name = "Omar Haddad"
        fixture.plan.people[0].range = range(1)
        fixture.plan.people[1].range = range(2)
        fixture.project("crm", title: title, file: "crm.md")

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

        var project = fixture.plan.projects[0]
        project.range = range(1)
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

        fixture.plan.projects[0] = project
        var parent: Int?
        for (index, row) in rows.enumerated() {
            if row.level == 0 { parent = nil }
            let deadline = row.kind == .milestone && row.title == "Design sign-off" ? "2026-03-02" : nil
            fixture.task(HTMLIDs.derive(row.title), row.start, row.finish, kind: row.kind, title: row.title,
                         parent: row.level == 0 ? nil : parent, effort: row.effort, state: row.state, percent: row.percent,
                         deadline: deadline, people: row.people, isLate: row.late, critical: row.critical,
                         slack: row.critical ? 0 : 3, after: row.after, notes: row.notes, range: range(10 + index))
            if row.kind == .summary { parent = index }
        }

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
            tasks: fixture.slots, projectFinish: [day("2026-04-17")], projectStart: [day("2026-02-02")], today: today,
            resourceLoad: [ResourceLoad(resource: .person(0), capacity: 1, days: danaDays),
                           ResourceLoad(resource: .person(1), capacity: 1, days: omarDays)],
            criticalPaths: [[1, 2, 3, 5, 6, rows.count - 1]])
        return (fixture.plan, schedule)
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
