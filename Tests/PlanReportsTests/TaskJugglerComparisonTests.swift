import Foundation
import PlanAnalysis
import PlanCompiler
import PlanModel
import PlanTestSupport
import Testing
@testable import PlanReports

/// tj3 schedules the TJP export of small plans to the same days as planc: the plans where the
/// two tools' semantics coincide (docs/terminal.md, "TaskJuggler"). Each plan is compiled as
/// `planc` does, exported, run through tj3 with a CSV report of every task's start and end, and
/// every exported task's dates are compared with planc's.
///
/// tj3 reports instants, planc days. A task's start is the instant it may begin (the end of its
/// predecessor's last day, or 9:00 when people start work), its end the instant work stops; the
/// comparison reads an instant at or after the close of the working day as the next working day
/// for a start, and one at or before the opening as the previous working day for an end. A
/// milestone is the day at whose end it happens, except one at the very start of the project.
@Suite struct TaskJugglerComparisonTests {
    struct Fixture: CustomTestStringConvertible, Sendable {
        var name: String
        var today: String
        var files: [String: String]
        /// Tasks whose start tj3 reports differently by design (work in progress starts today).
        var startsFromToday: Set<String> = []
        /// Exported tasks (leaves and milestones) that must agree.
        var tasks: Int
        var testDescription: String { name }
    }

    /// A project file: the title, the metadata planc needs, then the work breakdown.
    static func plan(_ title: String, id: String, start: String, calendar: String? = nil, work: String) -> String {
        "# \(title)\n\n- project: \(id)\n- start: \(start)\n" + (calendar.map { "- calendar: \($0)\n" } ?? "") + "\n## Work\n" + work
    }

    static func calendar(_ title: String, name: String, days: String, hours: Int, holidays: [String]) -> String {
        "# \(title)\n\n- calendar: \(name)\n- working-days: \(days)\n- hours-per-day: \(hours)\n\n## Holidays\n"
            + holidays.map { "- \($0)\n" }.joined()
    }

    static func team(_ people: String = "") -> String { """
        # Team

        - team: t

        ## People
        - Dana — id:dana
        \(people)

        ## Pools
        - Backend developers — id:backend size:3

        """ }

    static let fixtures: [Fixture] = [
        // All four link kinds with lags on a Monday-to-Thursday calendar of 6-hour days with a
        // holiday; one person doing two tasks in a row.
        Fixture(name: "links", today: "2026-03-02", files: [
            "plan.md": plan("Links", id: "links", start: "2026-03-02", calendar: "short", work: """
                - [ ] Design — 3d @ann
                - [ ] Build — 4d @ann after:design+2d
                - [ ] Review — duration:2d ss:build+1d
                - [ ] Docs — duration:1d ff:build+1d
                - [ ] Handover — duration:2d sf:build+3d
                - [ ] Release — milestone after:build
                - [ ] Announce — duration:1d after:release
                - [ ] Party — duration:1d ss:release
                - [ ] Fixed — duration:2d start:2026-03-04
                - [ ] Gate — milestone start:2026-03-13
                - [ ] After gate — duration:1d after:gate

                """),
            "calendar.md": calendar("Short weeks", name: "short", days: "mon-thu", hours: 6, holidays: [
                "2026-03-10 Town festival"
            ]),
            "team.md": team("- Ann — id:ann calendar:short"),
        ], tasks: 11),
        // Pins with and without predecessors, finish pins, not-before dates that hold and that
        // the predecessors overtake, milestones (first, pinned, SS and FF on them), leads, a
        // work package with a dependency, Easter holidays.
        Fixture(name: "pins", today: "2026-04-06", files: [
            "plan.md": plan("Pins", id: "pins", start: "2026-04-06", work: """
                - [ ] Kickoff — milestone
                - [ ] Spec — duration:3d ss:kickoff
                - [ ] Spec review — milestone ss:spec+1d
                - [ ] Prototype — duration:4d after:spec-1d
                - [ ] Sign-off — milestone ff:prototype
                - [ ] Pilot — duration:2d after:sign-off+2d
                - [ ] Audit — duration:5d after:spec start:2026-04-20 finish:2026-04-24
                - [ ] Training — duration:2d after:spec start:2026-04-15
                - [ ] Report — duration:2d finish:2026-04-30
                - [ ] Review board — duration:2d after:prototype finish:2026-05-08
                - [ ] Late start — duration:2d after:spec not-before:2026-04-27
                - [ ] Early start — duration:2d after:prototype not-before:2026-04-07
                - [ ] Board date — milestone start:2026-04-17
                - [ ] Board follow-up — duration:1d ss:board-date
                - [ ] Wrap-up — duration:2d sf:pilot+3d
                - [ ] Rollout done — milestone after:rollout
                ### Rollout — after:sign-off
                - [ ] Wave 1 — duration:3d
                - [ ] Wave 2 — duration:2d after:wave-1+1d

                """),
            "calendar.md": calendar("Calendar", name: "default", days: "mon-fri", hours: 8, holidays: [
                "2026-04-10 Good Friday",
                "2026-04-13 Easter Monday",
                "2026-05-01 Labour Day"
            ]),
        ], tasks: 18),
        // SS links to and from milestones, inside and on work packages: the old export made tj3
        // abort with "Dependency loop detected" here.
        Fixture(name: "ss-milestones", today: "2026-03-02", files: [
            "plan.md": plan("SS milestones", id: "loop", start: "2026-03-02", work: """
                - [ ] Kickoff — milestone
                - [ ] A — 2d ss:kickoff
                - [ ] M2 — milestone ss:a
                - [ ] B — 2d after:m2
                ### Pkg — ss:kickoff
                - [ ] C — 2d
                - [ ] M3 — milestone ss:c
                - [ ] D — 1d ss:m3
                ### Pkg2
                - [ ] E — 2d ss:pkg
                - [ ] M4 — milestone start:2026-03-05
                - [ ] F — 1d ss:m4

                """),
        ], tasks: 10),
        // Two projects on two calendars, one with a holiday the other works on, and a link
        // between them.
        Fixture(name: "two-calendars", today: "2026-03-02", files: [
            "office.md": plan("Office", id: "office", start: "2026-03-02", work: """
                - [ ] Plan — duration:3d
                - [ ] Order — 2d @dana after:plan
                - [ ] Delivered — milestone after:order

                """),
            "site.md": plan("Site", id: "site", start: "2026-03-02", calendar: "short", work: """
                - [ ] Survey — duration:3d
                - [ ] Fit-out — duration:4d after:survey,office/delivered
                - [ ] Handover — milestone after:fit-out

                """),
            "calendar.md": calendar("Short weeks", name: "short", days: "mon-thu", hours: 8, holidays: [
                "2026-03-10 Town festival"
            ]),
            "team.md": team(),
        ], tasks: 6),
        // A pool of three: three one-head tasks side by side, then a two-head task; a cancelled
        // task left out, with a milestone after it.
        Fixture(name: "pools", today: "2026-06-01", files: [
            "plan.md": plan("Pools", id: "pools", start: "2026-06-01", work: """
                - [ ] API — 5d @backend
                - [ ] UI — 5d @backend
                - [ ] Batch — 3d @backend
                - [ ] Integration — 4d @backend:2 after:api,ui
                - [ ] Docs — 2d @dana after:integration
                - [ ] Old plan — 10d @backend:3 status:cancelled
                - [ ] Launch — milestone after:docs,old-plan

                """),
            "team.md": team(),
        ], tasks: 6),
        // Done work on its actual dates, work in progress finishing its remaining effort from
        // today, what follows it, and work done early in a package whose predecessor is still
        // open (tj3 rejected the plan when the package's link was inherited by it).
        Fixture(name: "progress", today: "2026-06-15", files: [
            "plan.md": plan("Progress", id: "progress", start: "2026-06-01", work: """
                - [x] Interviews — 5d @dana started:2026-06-01 finished:2026-06-05
                - [ ] Analysis — 10d @dana after:interviews started:2026-06-08 40%
                - [ ] Report — duration:3d after:analysis
                - [ ] Sign-off — milestone after:report
                ### Rollout — after:analysis
                - [x] Early rollout — duration:2d started:2026-06-10 finished:2026-06-11
                - [ ] Late rollout — duration:2d

                """),
            "team.md": team(),
        ], startsFromToday: ["progress/analysis"], tasks: 6),
    ]

    @Test(arguments: fixtures)
    func tj3SchedulesTheExportOnPlancsDays(fixture: Fixture) throws {
        try #require(TaskJugglerTool.path != nil, "tj3 is not installed (CI installs it: apt-get install tj3)")
        let today = try #require(Day(iso: fixture.today))
        let compiled = try withTemporaryFolder("tjp-\(fixture.name)") { folder in
            try write(fixture.files, into: folder)
            return Pipeline.compile(CompileOptions(path: folder.path, today: today))
        }
        let problems = compiled.diagnostics.filter { $0.severity != .note }
        #expect(problems.isEmpty, "\(problems)")
        let schedule = try #require(compiled.schedule)
        let context = ReportContext(plan: compiled.plan, schedule: schedule, analysis: Analyzer.analyze(compiled.plan, schedule))
        let export = TaskJugglerExport.render(context, projects: Array(context.plan.projects.indices))
        let result = try TaskJugglerTool.schedule(export)
        #expect(result.status == 0, "\(result.output)\n\(export)")
        let dates = try #require(result.dates, "\(result.output)")

        let plan = context.plan
        var compared = 0
        for index in plan.tasks.indices where Analyzer.isLeaf(plan.tasks[index]) && plan.tasks[index].state != .cancelled {
            let id = context.qualifiedID(index)
            let project = plan.tasks[index].projectIndex
            let calendar = context.calendars[project]
            let day = TaskJugglerExport.WorkingDay(hoursPerDay: plan.calendars[plan.projects[project].calendarIndex].hoursPerDay)
            let projectStart = try #require(schedule.projectStart[project])
            let reported = try #require(dates[Self.taskJugglerID(index, plan)], "tj3 did not report \(id)")
            let slot = schedule.tasks[index]
            let start: Day, finish: Day
            if plan.tasks[index].kind == .milestone {
                start = Self.milestoneDay(reported.end, day, calendar, projectStart: projectStart)
                finish = start
            } else {
                start = Self.startDay(reported.start, day, calendar)
                finish = Self.finishDay(reported.end, day, calendar)
            }
            if !fixture.startsFromToday.contains(id) {
                #expect(start == slot.start, "\(fixture.name): \(id) starts \(slot.start) in planc, \(start) in tj3\n\(export)")
            }
            #expect(finish == slot.finish, "\(fixture.name): \(id) finishes \(slot.finish) in planc, \(finish) in tj3\n\(export)")
            compared += 1
        }
        #expect(compared == fixture.tasks)
    }

    /// `pins.rollout.wave_1`: the export's path of a task in a plan without clashing ids.
    static func taskJugglerID(_ index: Int, _ plan: Plan) -> String {
        var parts: [String] = []
        var current: Int? = index
        while let step = current {
            parts.append(TaskJugglerExport.identifier(plan.tasks[step].id))
            current = plan.tasks[step].parent
        }
        parts.append(TaskJugglerExport.identifier(plan.projects[plan.tasks[index].projectIndex].id))
        return parts.reversed().joined(separator: ".")
    }

    /// A tj3 instant: the day and the minutes after midnight.
    struct Instant { var day: Day; var minutes: Int }

    static func startDay(_ instant: Instant, _ hours: TaskJugglerExport.WorkingDay, _ calendar: WorkingCalendar) -> Day {
        let from = instant.minutes >= hours.closes ? instant.day.adding(days: 1) : instant.day
        return Day(ordinal: calendar.nextWorking(onOrAfter: from.ordinal) ?? from.ordinal)
    }

    static func finishDay(_ instant: Instant, _ hours: TaskJugglerExport.WorkingDay, _ calendar: WorkingCalendar) -> Day {
        guard instant.minutes <= hours.opens else { return instant.day }
        let before = instant.day.adding(days: -1)
        return Day(ordinal: calendar.previousWorking(onOrBefore: before.ordinal) ?? before.ordinal)
    }

    static func milestoneDay(_ instant: Instant, _ hours: TaskJugglerExport.WorkingDay, _ calendar: WorkingCalendar,
                             projectStart: Day) -> Day {
        if instant.minutes <= hours.opens && instant.day == projectStart { return instant.day }
        return finishDay(instant, hours, calendar)
    }
}

extension TaskJugglerTool {
    /// tj3's schedule of `project`: start and end of every task, by TaskJuggler id, from a CSV
    /// report appended to the file.
    static func schedule(_ project: String) throws -> (status: Int32, output: String,
                                                      dates: [String: (start: TaskJugglerComparisonTests.Instant, end: TaskJugglerComparisonTests.Instant)]?) {
        let report = "\ntaskreport dates \"planc-dates\" { formats csv columns id, start, end timeformat \"%Y-%m-%d %H:%M\" }\n"
        let result = try run(project + report, reading: "planc-dates.csv")
        guard let csv = result.report else { return (result.status, result.output, nil) }
        var dates: [String: (start: TaskJugglerComparisonTests.Instant, end: TaskJugglerComparisonTests.Instant)] = [:]
        for line in csv.split(separator: "\n").dropFirst() {
            let fields = line.split(separator: ";").map { $0.trimmingCharacters(in: CharacterSet(charactersIn: "\"\r")) }
            guard fields.count == 3, let start = instant(fields[1]), let end = instant(fields[2]) else { continue }
            dates[fields[0]] = (start, end)
        }
        return (result.status, result.output, dates)
    }

    /// `2026-04-06 17:00`.
    static func instant(_ text: String) -> TaskJugglerComparisonTests.Instant? {
        let parts = text.split(separator: " ")
        guard parts.count == 2, let day = Day(iso: String(parts[0])) else { return nil }
        let clock = parts[1].split(separator: ":").compactMap { Int($0) }
        guard clock.count == 2 else { return nil }
        return TaskJugglerComparisonTests.Instant(day: day, minutes: clock[0] * 60 + clock[1])
    }
}
