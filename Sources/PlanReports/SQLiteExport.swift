import PlanAnalysis
import PlanModel
import PlanSQLite

/// `planc export --format sqlite`: the compiled plan as a SQLite database (docs/sqlite.md), for
/// questions a report does not answer. Built as data here (`DatabaseContents`); `SQLiteFile`
/// writes it. Rows go in a fixed order, so the same plan and `--today` give the same bytes.
public enum SQLiteExport {
    /// Stored in `meta`; bumped on any change that could break a query (a removed or renamed
    /// table or column, a changed meaning). Added tables and columns do not bump it.
    public static let schemaVersion = 1

    public static let schema: [String] = [
        """
        CREATE TABLE meta (
          key TEXT PRIMARY KEY,
          value TEXT
        )
        """,
        """
        CREATE TABLE calendars (
          name TEXT PRIMARY KEY,
          working_days TEXT NOT NULL,
          hours_per_day REAL NOT NULL,
          based_on TEXT REFERENCES calendars(name) DEFERRABLE INITIALLY DEFERRED
        )
        """,
        """
        CREATE TABLE holidays (
          id INTEGER PRIMARY KEY,
          calendar TEXT NOT NULL REFERENCES calendars(name),
          first_day TEXT NOT NULL,
          last_day TEXT NOT NULL,
          name TEXT NOT NULL
        )
        """,
        """
        CREATE TABLE people (
          id TEXT PRIMARY KEY,
          name TEXT NOT NULL,
          role TEXT,
          availability REAL NOT NULL,
          day_rate REAL,
          currency TEXT,
          calendar TEXT REFERENCES calendars(name),
          file TEXT NOT NULL,
          line INTEGER NOT NULL
        )
        """,
        """
        CREATE TABLE time_off (
          id INTEGER PRIMARY KEY,
          person TEXT NOT NULL REFERENCES people(id),
          first_day TEXT NOT NULL,
          last_day TEXT NOT NULL
        )
        """,
        """
        CREATE TABLE pools (
          id TEXT PRIMARY KEY,
          name TEXT NOT NULL,
          size INTEGER NOT NULL,
          day_rate REAL,
          currency TEXT,
          file TEXT NOT NULL,
          line INTEGER NOT NULL
        )
        """,
        """
        CREATE TABLE projects (
          id TEXT PRIMARY KEY,
          title TEXT NOT NULL,
          file TEXT NOT NULL,
          owner TEXT REFERENCES people(id),
          owner_name TEXT,
          sponsor TEXT,
          phase TEXT NOT NULL,
          start TEXT,
          deadline TEXT,
          budget REAL,
          currency TEXT,
          calendar TEXT REFERENCES calendars(name),
          scheduled_start TEXT,
          scheduled_finish TEXT,
          health TEXT,
          percent_complete INTEGER,
          slip_working_days INTEGER,
          planned_cost REAL,
          actual_cost REAL,
          earned_value REAL,
          planned_value REAL,
          baseline_finish TEXT,
          baseline_finish_variance INTEGER
        )
        """,
        """
        CREATE TABLE tasks (
          id TEXT PRIMARY KEY,
          project TEXT NOT NULL REFERENCES projects(id),
          local_id TEXT NOT NULL,
          wbs TEXT NOT NULL,
          title TEXT NOT NULL,
          parent TEXT REFERENCES tasks(id) DEFERRABLE INITIALLY DEFERRED,
          level INTEGER NOT NULL,
          kind TEXT NOT NULL,
          state TEXT NOT NULL,
          progress_percent INTEGER,
          effort_days REAL,
          duration_days REAL,
          not_before TEXT,
          deadline TEXT,
          priority INTEGER NOT NULL,
          planned_cost REAL NOT NULL,
          actual_start TEXT,
          actual_finish TEXT,
          spent_days REAL,
          owner TEXT REFERENCES people(id),
          start TEXT,
          finish TEXT,
          early_start TEXT,
          early_finish TEXT,
          late_start TEXT,
          late_finish TEXT,
          total_slack INTEGER,
          free_slack INTEGER,
          critical INTEGER,
          late INTEGER NOT NULL,
          driven_by TEXT,
          driven_by_task TEXT REFERENCES tasks(id) DEFERRABLE INITIALLY DEFERRED,
          explanation TEXT,
          baseline_start TEXT,
          baseline_finish TEXT,
          start_variance INTEGER,
          finish_variance INTEGER,
          tags TEXT NOT NULL,
          file TEXT NOT NULL,
          line INTEGER NOT NULL
        )
        """,
        """
        CREATE TABLE dependencies (
          id INTEGER PRIMARY KEY,
          task TEXT NOT NULL REFERENCES tasks(id),
          predecessor TEXT NOT NULL REFERENCES tasks(id),
          type TEXT NOT NULL,
          lag_days REAL NOT NULL
        )
        """,
        """
        CREATE TABLE assignments (
          id INTEGER PRIMARY KEY,
          task TEXT NOT NULL REFERENCES tasks(id),
          resource TEXT NOT NULL,
          person TEXT REFERENCES people(id),
          pool TEXT REFERENCES pools(id),
          units REAL NOT NULL,
          CHECK ((person IS NULL) <> (pool IS NULL))
        )
        """,
        """
        CREATE TABLE resource_load (
          id INTEGER PRIMARY KEY,
          resource TEXT NOT NULL,
          person TEXT REFERENCES people(id),
          pool TEXT REFERENCES pools(id),
          day TEXT NOT NULL,
          load REAL NOT NULL,
          capacity REAL NOT NULL
        )
        """,
        """
        CREATE TABLE risks (
          project TEXT NOT NULL REFERENCES projects(id),
          id TEXT NOT NULL,
          title TEXT NOT NULL,
          likelihood TEXT,
          impact TEXT,
          score INTEGER NOT NULL,
          owner TEXT REFERENCES people(id),
          mitigation TEXT,
          contingency TEXT,
          status TEXT NOT NULL,
          review TEXT,
          PRIMARY KEY (project, id)
        )
        """,
        """
        CREATE TABLE issues (
          project TEXT NOT NULL REFERENCES projects(id),
          id TEXT NOT NULL,
          title TEXT NOT NULL,
          owner TEXT REFERENCES people(id),
          status TEXT NOT NULL,
          severity TEXT,
          raised TEXT,
          due TEXT,
          escalated TEXT,
          PRIMARY KEY (project, id)
        )
        """,
        """
        CREATE TABLE decisions (
          project TEXT NOT NULL REFERENCES projects(id),
          id TEXT NOT NULL,
          title TEXT NOT NULL,
          status TEXT NOT NULL,
          date TEXT,
          due TEXT,
          owner TEXT REFERENCES people(id),
          PRIMARY KEY (project, id)
        )
        """,
        """
        CREATE TABLE journal (
          id INTEGER PRIMARY KEY,
          project TEXT NOT NULL REFERENCES projects(id),
          date TEXT NOT NULL,
          rating TEXT,
          headline TEXT NOT NULL,
          text TEXT NOT NULL
        )
        """,
        """
        CREATE TABLE diagnostics (
          id INTEGER PRIMARY KEY,
          code TEXT NOT NULL,
          severity TEXT NOT NULL,
          message TEXT NOT NULL,
          hint TEXT,
          file TEXT,
          line INTEGER,
          column INTEGER
        )
        """,
    ]

    /// Indexes on the join columns, and the views (docs/sqlite.md says what each answers).
    public static let afterRows: [String] = [
        "CREATE INDEX tasks_project ON tasks(project)",
        "CREATE INDEX tasks_parent ON tasks(parent)",
        "CREATE INDEX tasks_owner ON tasks(owner)",
        "CREATE INDEX tasks_driven_by_task ON tasks(driven_by_task)",
        "CREATE INDEX calendars_based_on ON calendars(based_on)",
        "CREATE INDEX people_calendar ON people(calendar)",
        "CREATE INDEX projects_owner ON projects(owner)",
        "CREATE INDEX projects_calendar ON projects(calendar)",
        "CREATE INDEX decisions_owner ON decisions(owner)",
        "CREATE INDEX dependencies_task ON dependencies(task)",
        "CREATE INDEX dependencies_predecessor ON dependencies(predecessor)",
        "CREATE INDEX assignments_task ON assignments(task)",
        "CREATE INDEX assignments_person ON assignments(person)",
        "CREATE INDEX assignments_pool ON assignments(pool)",
        "CREATE INDEX resource_load_person_day ON resource_load(person, day)",
        "CREATE INDEX resource_load_pool_day ON resource_load(pool, day)",
        "CREATE INDEX holidays_calendar ON holidays(calendar)",
        "CREATE INDEX time_off_person ON time_off(person)",
        "CREATE INDEX risks_owner ON risks(owner)",
        "CREATE INDEX issues_owner ON issues(owner)",
        "CREATE INDEX journal_project_date ON journal(project, date)",
        """
        CREATE VIEW late_tasks AS
          SELECT t.project, t.id AS task, t.title, t.state, t.finish, t.deadline,
                 CAST(julianday(t.finish) - julianday(t.deadline) AS INTEGER) AS days_past_deadline,
                 t.owner, t.explanation
          FROM tasks t
          WHERE t.late = 1
          ORDER BY t.finish, t.id
        """,
        """
        CREATE VIEW load_by_person_week AS
          SELECT l.person, date(l.day, '-6 days', 'weekday 1') AS week,
                 round(sum(l.load), 2) AS work_days, count(*) AS days_loaded,
                 max(l.load) AS peak_load, l.capacity,
                 sum(l.load > l.capacity + 0.000001) AS days_over_capacity
          FROM resource_load l
          WHERE l.person IS NOT NULL
          GROUP BY l.person, week
          ORDER BY l.person, week
        """,
        """
        CREATE VIEW open_risks_by_score AS
          SELECT r.project, r.id AS risk, r.title, r.likelihood, r.impact, r.score, r.owner, r.status, r.review
          FROM risks r
          WHERE r.status IN ('open', 'watching')
          ORDER BY r.score DESC, r.project, r.id
        """,
        """
        CREATE VIEW milestones_vs_baseline AS
          SELECT t.project, t.id AS milestone, t.title, t.state, t.deadline, t.finish AS forecast,
                 t.baseline_finish AS baseline, t.finish_variance AS variance_working_days,
                 CASE WHEN t.deadline IS NULL THEN NULL
                      ELSE CAST(julianday(t.finish) - julianday(t.deadline) AS INTEGER) END AS days_past_deadline
          FROM tasks t
          WHERE t.kind = 'milestone'
          ORDER BY t.finish, t.id
        """,
        """
        CREATE VIEW critical_path AS
          SELECT t.project, t.id AS task, t.title, t.start, t.finish, t.total_slack
          FROM tasks t
          WHERE t.critical = 1 AND t.kind <> 'summary'
          ORDER BY t.project, t.start, t.finish, t.id
        """,
        """
        CREATE VIEW open_issues AS
          SELECT i.project, i.id AS issue, i.title, i.severity, i.owner, i.raised, i.due, i.escalated
          FROM issues i
          WHERE i.status = 'open'
          ORDER BY i.due IS NULL, i.due, i.project, i.id
        """,
        """
        CREATE VIEW open_decisions AS
          SELECT d.project, d.id AS decision, d.title, d.owner, d.due
          FROM decisions d
          WHERE d.status = 'open'
          ORDER BY d.due IS NULL, d.due, d.project, d.id
        """,
    ]

    public static func contents(_ context: ReportContext, projects: [Int]? = nil, diagnostics: [Diagnostic] = []) -> DatabaseContents {
        let plan = context.plan
        let projectIndices = projects ?? Array(plan.projects.indices)
        let calendarName: (Int?) -> SQLValue = { index in
            guard let index, plan.calendars.indices.contains(index) else { return .null }
            return .text(plan.calendars[index].name)
        }
        let personID: (Int?) -> SQLValue = { index in
            guard let index, plan.people.indices.contains(index) else { return .null }
            return .text(plan.people[index].id)
        }
        func day(_ value: Day?) -> SQLValue { value.map { .text($0.iso) } ?? .null }

        var meta = DatabaseContents.Table(name: "meta", columns: ["key", "value"])
        meta.rows = [
            [.text("schema_version"), .text(String(schemaVersion))],
            [.text("generator"), .text("planc")],
            [.text("today"), .text(context.schedule.today.iso)],
            [.text("baseline"), .optional(context.baseline?.reference)],
            [.text("baseline_commit"), .optional(context.baseline?.commit)],
            [.text("baseline_day"), .optional(context.baseline?.day.iso)],
        ]

        var calendars = DatabaseContents.Table(name: "calendars", columns: ["name", "working_days", "hours_per_day", "based_on"])
        var holidays = DatabaseContents.Table(name: "holidays", columns: ["calendar", "first_day", "last_day", "name"])
        for spec in plan.calendars {
            let days = spec.workingDays.sorted { $0.rawValue < $1.rawValue }.map(\.shortName).joined(separator: " ")
            calendars.rows.append([.text(spec.name), .text(days), .real(spec.hoursPerDay), calendarName(spec.base)])
            for holiday in spec.holidays {
                holidays.rows.append([.text(spec.name), .text(holiday.days.first.iso), .text(holiday.days.last.iso), .text(holiday.name)])
            }
        }

        var people = DatabaseContents.Table(name: "people", columns: ["id", "name", "role", "availability", "day_rate", "currency", "calendar", "file", "line"])
        var timeOff = DatabaseContents.Table(name: "time_off", columns: ["person", "first_day", "last_day"])
        for person in plan.people {
            people.rows.append([.text(person.id), .text(person.name), .optional(person.role), .real(person.availability),
                                .optional(person.rate?.amount), .optional(person.rate?.currency), calendarName(person.calendarIndex),
                                .text(person.range.file), .integer(person.range.start.line)])
            for range in person.timeOff {
                timeOff.rows.append([.text(person.id), .text(range.first.iso), .text(range.last.iso)])
            }
        }
        var pools = DatabaseContents.Table(name: "pools", columns: ["id", "name", "size", "day_rate", "currency", "file", "line"])
        for pool in plan.pools {
            pools.rows.append([.text(pool.id), .text(pool.name), .integer(pool.size), .optional(pool.rate?.amount),
                               .optional(pool.rate?.currency), .text(pool.range.file), .integer(pool.range.start.line)])
        }

        var projectTable = DatabaseContents.Table(name: "projects", columns: [
            "id", "title", "file", "owner", "owner_name", "sponsor", "phase", "start", "deadline", "budget", "currency",
            "calendar", "scheduled_start", "scheduled_finish", "health", "percent_complete", "slip_working_days",
            "planned_cost", "actual_cost", "earned_value", "planned_value", "baseline_finish", "baseline_finish_variance",
        ])
        var tasks = DatabaseContents.Table(name: "tasks", columns: [
            "id", "project", "local_id", "wbs", "title", "parent", "level", "kind", "state", "progress_percent",
            "effort_days", "duration_days", "not_before", "deadline", "priority", "planned_cost", "actual_start",
            "actual_finish", "spent_days", "owner", "start", "finish", "early_start", "early_finish", "late_start",
            "late_finish", "total_slack", "free_slack", "critical", "late", "driven_by", "driven_by_task", "explanation",
            "baseline_start", "baseline_finish", "start_variance", "finish_variance", "tags", "file", "line",
        ])
        var dependencies = DatabaseContents.Table(name: "dependencies", columns: ["task", "predecessor", "type", "lag_days"])
        var assignments = DatabaseContents.Table(name: "assignments", columns: ["task", "resource", "person", "pool", "units"])
        var risks = DatabaseContents.Table(name: "risks", columns: [
            "project", "id", "title", "likelihood", "impact", "score", "owner", "mitigation", "contingency", "status", "review",
        ])
        var issues = DatabaseContents.Table(name: "issues", columns: [
            "project", "id", "title", "owner", "status", "severity", "raised", "due", "escalated",
        ])
        var decisions = DatabaseContents.Table(name: "decisions", columns: ["project", "id", "title", "status", "date", "due", "owner"])
        var journal = DatabaseContents.Table(name: "journal", columns: ["project", "date", "rating", "headline", "text"])

        let words = DateExplanationText(context)
        let exported = Set(projectIndices)
        let taskExported: (Int) -> Bool = { plan.tasks.indices.contains($0) && exported.contains(plan.tasks[$0].projectIndex) }
        for index in projectIndices {
            let project = plan.projects[index]
            let analysis = context.projectAnalysis(index)
            let measured = context.baseline.flatMap { $0.projects.indices.contains(index) ? $0.projects[index] : nil }
            let start: Day? = context.schedule.projectStart.indices.contains(index) ? context.schedule.projectStart[index] : nil
            let finish: Day? = context.schedule.projectFinish.indices.contains(index) ? context.schedule.projectFinish[index] : nil
            projectTable.rows.append([
                .text(project.id), .text(project.title), .text(project.file), personID(project.ownerIndex),
                .optional(project.ownerName ?? project.ownerIndex.flatMap { plan.people.indices.contains($0) ? plan.people[$0].name : nil }),
                .optional(project.sponsor), .text((project.phase ?? .planning).rawValue), day(project.start), day(project.deadline),
                .optional(project.budget?.amount), .optional(project.currency ?? project.budget?.currency),
                calendarName(project.calendarIndex), day(start), day(finish),
                .optional(analysis?.health.rawValue), .optional(analysis.map { Int(($0.percentComplete * 100).rounded()) }),
                .optional(analysis?.slipWorkingDays), .optional(analysis.map { money($0.plannedCost) }),
                .optional(analysis.map { money($0.actualCost) }), .optional(analysis.map { money($0.earnedValue) }),
                .optional(analysis.map { money($0.plannedValue) }),
                day(measured?.baselineFinish), .optional(measured?.finishVariance),
            ])
            for taskIndex in project.taskRange.clamped(to: plan.tasks.indices) {
                let task = plan.tasks[taskIndex]
                let id = context.qualifiedID(taskIndex)
                let slot = context.slot(taskIndex)
                let variance = context.variance(taskIndex)
                var drivenBy = SQLValue.null, drivenByTask = SQLValue.null
                if let explanation = words.explanation(taskIndex) {
                    let (kind, other) = driver(explanation.driver)
                    drivenBy = .text(kind)
                    if let other, taskExported(other) { drivenByTask = .text(context.qualifiedID(other)) }
                }
                let parent: SQLValue = task.parent.flatMap { taskExported($0) ? SQLValue.text(context.qualifiedID($0)) : nil } ?? .null
                tasks.rows.append([
                    .text(id), .text(project.id), .text(task.id), .text(context.outlineNumbers[taskIndex]), .text(task.title),
                    parent, .integer(task.level), .text(task.kind.rawValue), .text(context.states[taskIndex].rawValue),
                    .optional(context.progressPercent(taskIndex)), .optional(task.effortDays), .optional(task.durationDays),
                    day(task.notBefore), day(task.deadline), .integer(task.priority), .real(money(context.plannedCost[taskIndex])),
                    day(task.actualStart), day(task.actualFinish), .optional(task.spentDays), personID(task.ownerIndex),
                    day(slot?.start), day(slot?.finish), day(slot?.earlyStart), day(slot?.earlyFinish),
                    day(slot?.lateStart), day(slot?.lateFinish), .optional(slot?.totalSlack), .optional(slot?.freeSlack),
                    slot.map { .bool($0.isCritical) } ?? .null, .bool(context.isLate(taskIndex)),
                    drivenBy, drivenByTask, .optional(words.sentence(taskIndex)),
                    day(variance?.baselineStart), day(variance?.baselineFinish),
                    .optional(variance?.startVariance), .optional(variance?.finishVariance),
                    .text(task.tags.joined(separator: " ")), .text(task.range.file), .integer(task.range.start.line),
                ])
                for dependency in task.dependencies where taskExported(dependency.predecessor) {
                    dependencies.rows.append([.text(id), .text(context.qualifiedID(dependency.predecessor)),
                                              .text(dependency.kind.rawValue), .real(dependency.lagDays)])
                }
                for assignment in task.assignments {
                    let (person, pool) = resourceColumns(assignment.resource, plan)
                    if person == .null && pool == .null { continue }
                    assignments.rows.append([.text(id), .text(Figures.resourceID(assignment.resource, plan)), person, pool,
                                             .real(assignment.units)])
                }
            }
            for risk in project.risks {
                risks.rows.append([.text(project.id), .text(risk.id), .text(risk.title), .optional(risk.likelihood?.rawValue),
                                   .optional(risk.impact?.rawValue), .integer(risk.score), personID(risk.ownerIndex),
                                   .optional(risk.mitigation), .optional(risk.contingency), .text(risk.status.rawValue), day(risk.review)])
            }
            for issue in project.issues {
                issues.rows.append([.text(project.id), .text(issue.id), .text(issue.title), personID(issue.ownerIndex),
                                    .text(issue.status.rawValue), .optional(issue.severity?.rawValue), day(issue.raised),
                                    day(issue.due), day(issue.escalated)])
            }
            for decision in project.decisions {
                decisions.rows.append([.text(project.id), .text(decision.id), .text(decision.title), .text(decision.status.rawValue),
                                       day(decision.date), day(decision.due), personID(decision.ownerIndex)])
            }
            for entry in project.journal {
                journal.rows.append([.text(project.id), .text(entry.date.iso), .optional(entry.rating?.rawValue),
                                     .text(entry.headline), .text(entry.text)])
            }
        }

        var load = DatabaseContents.Table(name: "resource_load", columns: ["resource", "person", "pool", "day", "load", "capacity"])
        for resourceLoad in context.schedule.resourceLoad {
            let (person, pool) = resourceColumns(resourceLoad.resource, plan)
            if person == .null && pool == .null { continue }
            let id = Figures.resourceID(resourceLoad.resource, plan)
            for entry in resourceLoad.days {
                load.rows.append([.text(id), person, pool, .text(entry.day.iso), .real(entry.load), .real(resourceLoad.capacity)])
            }
        }

        var diagnosticTable = DatabaseContents.Table(name: "diagnostics", columns: ["code", "severity", "message", "hint", "file", "line", "column"])
        for diagnostic in diagnostics {
            diagnosticTable.rows.append([.text(diagnostic.code.rawValue), .text(diagnostic.severity.rawValue), .text(diagnostic.message),
                                         .optional(diagnostic.hint), .optional(diagnostic.range?.file),
                                         .optional(diagnostic.range?.start.line), .optional(diagnostic.range?.start.column)])
        }

        return DatabaseContents(schema: schema, tables: [
            meta, calendars, holidays, people, timeOff, pools, projectTable, tasks, dependencies, assignments, load,
            risks, issues, decisions, journal, diagnosticTable,
        ], afterRows: afterRows)
    }

    /// Money to the cent, so sums read as amounts (`365468.33`, not `365468.333333333`).
    static func money(_ amount: Double) -> Double { (amount * 100).rounded() / 100 }

    static func resourceColumns(_ resource: ResourceRef, _ plan: Plan) -> (person: SQLValue, pool: SQLValue) {
        switch resource {
        case .person(let index): return (plan.people.indices.contains(index) ? .text(plan.people[index].id) : .null, .null)
        case .pool(let index): return (.null, plan.pools.indices.contains(index) ? .text(plan.pools[index].id) : .null)
        }
    }

    /// The `drivenBy.kind` word of the JSON export, and the task it names, if any.
    static func driver(_ driver: StartDriver) -> (String, Int?) {
        switch driver {
        case .projectStart: return ("projectStart", nil)
        case .today: return ("today", nil)
        case .inProgress: return ("inProgress", nil)
        case .blocked: return ("blocked", nil)
        case .notBefore: return ("notBefore", nil)
        case .pinned: return ("pinned", nil)
        case .actual: return ("actual", nil)
        case .predecessor(let task, _, _): return ("predecessor", task)
        case .resource(_, let busyWith): return ("resource", busyWith)
        case .workPackage(let package): return ("workPackage", package)
        }
    }
}
