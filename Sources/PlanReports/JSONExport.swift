import PlanAnalysis
import PlanModel

/// `planc export --format json`: the whole compiled model with its schedule and analysis, under
/// the versioned schema in docs/json-schema.md (docs/plan.schema.json). Members are written in
/// the schema's order; the same plan and `--today` always give the same bytes.
public enum JSONExport {
    /// Bumped on any change that could break a reader: a removed or renamed key or a changed meaning.
    /// Added keys do not bump it.
    public static let schemaVersion = 2

    public static func render(_ context: ReportContext, projects: [Int]? = nil, diagnostics: [Diagnostic] = []) -> String {
        document(context, projects: projects, diagnostics: diagnostics).rendered()
    }

    public static func document(_ context: ReportContext, projects: [Int]? = nil, diagnostics: [Diagnostic] = []) -> JSONValue {
        let plan = context.plan
        let projectIndices = projects ?? Array(plan.projects.indices)
        return .object([
            ("schemaVersion", .int(schemaVersion)),
            ("generator", .string("planc")),
            ("today", .string(context.schedule.today.iso)),
            ("baseline", context.baseline.map { .object([("reference", .string($0.reference)), ("commit", .string($0.commit)),
                                                          ("day", .string($0.day.iso))]) } ?? .null),
            ("files", .array(plan.files.map { .string($0) })),
            ("calendars", .array(plan.calendars.map { calendar($0, plan) })),
            ("people", .array(plan.people.map { person($0, plan) })),
            ("pools", .array(plan.pools.map(pool))),
            ("projects", .array(projectIndices.map { project($0, context) })),
            ("resourceLoad", .array(context.schedule.resourceLoad.map { load($0, plan) })),
            ("diagnostics", .array(diagnostics.map(diagnostic))),
        ])
    }

    static func money(_ value: Money?) -> JSONValue {
        guard let value else { return .null }
        return .object([("amount", .number(value.amount)), ("currency", .optional(value.currency))])
    }

    static func source(_ range: SourceRange) -> JSONValue {
        .object([("file", .string(range.file)), ("line", .int(range.start.line)), ("column", .int(range.start.column))])
    }

    static func calendar(_ spec: CalendarSpec, _ plan: Plan) -> JSONValue {
        .object([
            ("name", .string(spec.name)),
            ("workingDays", .array(spec.workingDays.sorted { $0.rawValue < $1.rawValue }.map { .string($0.shortName) })),
            ("hoursPerDay", .number(spec.hoursPerDay)),
            ("basedOn", .optional(spec.base.flatMap { plan.calendars.indices.contains($0) ? plan.calendars[$0].name : nil })),
            ("holidays", .array(spec.holidays.map {
                .object([("first", .string($0.days.first.iso)), ("last", .string($0.days.last.iso)), ("name", .string($0.name))])
            })),
        ])
    }

    static func person(_ person: Person, _ plan: Plan) -> JSONValue {
        .object([
            ("id", .string(person.id)),
            ("name", .string(person.name)),
            ("role", .optional(person.role)),
            ("availability", .number(person.availability)),
            ("rate", money(person.rate)),
            ("timeOff", .array(person.timeOff.map { .object([("first", .string($0.first.iso)), ("last", .string($0.last.iso))]) })),
            ("changes", .array(person.changes.map {
                .object([("from", .string($0.from.iso)), ("availability", .optional($0.availability)), ("rate", money($0.rate))])
            })),
            ("calendar", .optional(person.calendarIndex.flatMap { plan.calendars.indices.contains($0) ? plan.calendars[$0].name : nil })),
            ("source", source(person.range)),
        ])
    }

    static func pool(_ pool: Pool) -> JSONValue {
        .object([("id", .string(pool.id)), ("name", .string(pool.name)), ("size", .int(pool.size)),
                 ("rate", money(pool.rate)), ("source", source(pool.range))])
    }

    static func personID(_ index: Int?, _ plan: Plan) -> JSONValue {
        guard let index, plan.people.indices.contains(index) else { return .null }
        return .string(plan.people[index].id)
    }

    static func objective(_ objective: Objective) -> JSONValue {
        .object([("id", .string(objective.id)), ("text", .string(objective.text)),
                 ("result", .optional(objective.result?.rawValue)), ("notes", .string(objective.notes))])
    }

    static func project(_ index: Int, _ context: ReportContext) -> JSONValue {
        let plan = context.plan
        let project = plan.projects[index]
        let schedule = context.schedule
        let tasks = project.taskRange.clamped(to: plan.tasks.indices)
        let ownerName: String? = project.ownerName ?? project.ownerIndex.flatMap { plan.people.indices.contains($0) ? plan.people[$0].name : nil }
        let calendarName: String? = plan.calendars.indices.contains(project.calendarIndex) ? plan.calendars[project.calendarIndex].name : nil
        let start: Day? = schedule.projectStart.indices.contains(index) ? schedule.projectStart[index] : nil
        let finish: Day? = schedule.projectFinish.indices.contains(index) ? schedule.projectFinish[index] : nil
        let path: [Int] = schedule.criticalPaths.indices.contains(index) ? schedule.criticalPaths[index] : []
        let criticalPath: [JSONValue] = path.filter { plan.tasks.indices.contains($0) }.map { .string(context.qualifiedID($0)) }
        let projectSchedule = JSONValue.object([("start", .optional(start)), ("finish", .optional(finish)),
                                                ("criticalPath", .array(criticalPath))])
        let decisions: [JSONValue] = project.decisions.map {
            .object([("id", .string($0.id)), ("title", .string($0.title)), ("status", .string($0.status.rawValue)),
                     ("date", .optional($0.date)), ("due", .optional($0.due)),
                     ("owner", personID($0.ownerIndex, plan)), ("notes", .string($0.notes))])
        }
        let journal: [JSONValue] = project.journal.map {
            .object([("date", .string($0.date.iso)), ("rating", .optional($0.rating?.rawValue)),
                     ("ratings", ratingsObject($0.ratings)),
                     ("headline", .string($0.headline)), ("text", .string($0.text))])
        }
        let analysisValue: JSONValue = context.projectAnalysis(index).map { analysis($0, project, context) } ?? .null

        var members: [(String, JSONValue)] = []
        members.append(("id", .string(project.id)))
        members.append(("title", .string(project.title)))
        members.append(("file", .string(project.file)))
        members.append(("owner", personID(project.ownerIndex, plan)))
        members.append(("ownerName", .optional(ownerName)))
        members.append(("sponsor", .optional(project.sponsor)))
        members.append(("stakeholders", .array(project.stakeholders.map { .string($0) })))
        members.append(("start", .optional(project.start)))
        members.append(("deadline", .optional(project.deadline)))
        members.append(("budget", money(project.budget)))
        members.append(("currency", .optional(project.currency)))
        members.append(("phase", .string((project.phase ?? .planning).rawValue)))
        members.append(("calendar", .optional(calendarName)))
        members.append(("tracksActuals", .bool(project.tracksActuals)))
        members.append(("description", .string(project.description)))
        members.append(("objectives", .array(project.objectives.map(objective))))
        members.append(("scopeIn", .array(project.scopeIn.map { .string($0) })))
        members.append(("scopeOut", .array(project.scopeOut.map { .string($0) })))
        members.append(("successCriteria", .array(project.successCriteria.map(objective))))
        members.append(("schedule", projectSchedule))
        members.append(("analysis", analysisValue))
        members.append(("baseline", projectBaseline(index, context)))
        members.append(("tasks", .array(tasks.map { task($0, context) })))
        members.append(("risks", .array(project.risks.map { risk($0, context) })))
        members.append(("issues", .array(project.issues.map { issue($0, context) })))
        members.append(("decisions", .array(decisions)))
        members.append(("journal", .array(journal)))
        members.append(("outcome", .string(project.outcome)))
        members.append(("lessons", .array(project.lessons.map { .string($0) })))
        members.append(("notes", .string(project.notes)))
        members.append(("source", source(project.range)))
        return .object(members)
    }

    /// `{"schedule": "amber", …}` in dimension order; only the dimensions given.
    static func ratingsObject(_ ratings: [HealthDimension: Rating]) -> JSONValue {
        .object(HealthDimension.allCases.compactMap { dimension in ratings[dimension].map { (dimension.rawValue, JSONValue.string($0.rawValue)) } })
    }

    static func analysis(_ analysis: ProjectAnalysis, _ project: Project, _ context: ReportContext) -> JSONValue {
        let ids: ([Int]) -> JSONValue = { .array($0.map { .string(context.qualifiedID($0)) }) }
        return .object([
            ("health", .string(analysis.health.rawValue)),
            ("healthReasons", .array(analysis.healthReasons.map { .string($0) })),
            ("healthTrend", .optional(analysis.healthTrend?.rawValue)),
            ("previousReport", .optional(analysis.previousReport.map { project.journal[$0].date })),
            ("ratings", .array(analysis.ratings.map {
                .object([("dimension", .string($0.dimension.rawValue)), ("rating", .string($0.rating.rawValue)),
                         ("previous", .optional($0.previous?.rawValue)), ("trend", .optional($0.trend?.rawValue)),
                         ("reasons", .array($0.reasons.map { .string($0) }))])
            })),
            ("decisionsNeeded", .array(analysis.decisionsNeeded.map { .string(project.decisions[$0].id) })),
            ("helpNeeded", .array(analysis.helpNeeded.map { .string(project.issues[$0].id) })),
            ("percentComplete", .number(analysis.percentComplete)),
            ("plannedEffortDays", .number(analysis.plannedEffortDays)),
            ("completedEffortDays", .number(analysis.completedEffortDays)),
            ("forecastFinish", .optional(analysis.forecastFinish)),
            ("slipDays", .optional(analysis.slipDays)),
            ("slipWorkingDays", .optional(analysis.slipWorkingDays)),
            ("nextMilestones", ids(analysis.nextMilestones)),
            ("missedMilestones", ids(analysis.missedMilestones)),
            ("forecastLateMilestones", ids(analysis.forecastLateMilestones)),
            ("lateTasks", ids(analysis.lateTasks)),
            ("blockedTasks", ids(analysis.blockedTasks)),
            ("topRisks", .array(analysis.topRisks.map { .string(project.risks[$0].id) })),
            ("overAllocations", .array(analysis.overAllocations.map {
                .object([("resource", .string(Figures.resourceID($0.resource, context.plan))),
                         ("firstDay", .string($0.firstDay.iso)), ("lastDay", .string($0.lastDay.iso)),
                         ("days", .int($0.days)), ("peakLoad", .number($0.peakLoad)), ("capacity", .number($0.capacity))])
            })),
            ("currency", .optional(analysis.currency)),
            ("plannedCost", .number(analysis.plannedCost)),
            ("actualCost", .number(analysis.actualCost)),
            ("earnedValue", .number(analysis.earnedValue)),
            ("plannedValue", .number(analysis.plannedValue)),
            ("costVariance", .number(analysis.costVariance)),
            ("scheduleVariance", .number(analysis.scheduleVariance)),
            ("costForecast", .number(analysis.costForecast)),
        ])
    }

    static func task(_ index: Int, _ context: ReportContext) -> JSONValue {
        let plan = context.plan
        let task = plan.tasks[index]
        let parent: JSONValue = task.parent.flatMap { plan.tasks.indices.contains($0) ? JSONValue.string(context.qualifiedID($0)) : nil } ?? .null
        let dependencies: [JSONValue] = task.dependencies.filter { plan.tasks.indices.contains($0.predecessor) }.map {
            .object([("task", .string(context.qualifiedID($0.predecessor))), ("type", .string($0.kind.rawValue)),
                     ("lagDays", .number($0.lagDays))])
        }
        let assignments: [JSONValue] = task.assignments.map {
            .object([("resource", .string(Figures.resourceID($0.resource, plan))), ("units", .number($0.units))])
        }
        var scheduled = JSONValue.null
        if let slot = context.slot(index) {
            let members: [(String, JSONValue)] = [
                ("start", .string(slot.start.iso)), ("finish", .string(slot.finish.iso)),
                ("earlyStart", .string(slot.earlyStart.iso)), ("earlyFinish", .string(slot.earlyFinish.iso)),
                ("lateStart", .string(slot.lateStart.iso)), ("lateFinish", .string(slot.lateFinish.iso)),
                ("totalSlack", .int(slot.totalSlack)), ("freeSlack", .int(slot.freeSlack)),
                ("critical", .bool(slot.isCritical)), ("late", .bool(context.isLate(index))),
            ]
            scheduled = .object(members)
        }
        var members: [(String, JSONValue)] = []
        members.append(("id", .string(context.qualifiedID(index))))
        members.append(("localId", .string(task.id)))
        members.append(("title", .string(task.title)))
        members.append(("wbs", .string(context.outlineNumbers[index])))
        members.append(("parent", parent))
        members.append(("level", .int(task.level)))
        members.append(("kind", .string(task.kind.rawValue)))
        members.append(("state", .string(context.states[index].rawValue)))
        members.append(("percentComplete", .optional(task.percentComplete)))
        members.append(("progress", context.progressPercent(index) == nil ? .null : .number(context.progress[index])))
        members.append(("effortDays", .optional(task.effortDays)))
        members.append(("durationDays", .optional(task.durationDays)))
        members.append(("fixedStart", .optional(task.fixedStart)))
        members.append(("fixedFinish", .optional(task.fixedFinish)))
        members.append(("notBefore", .optional(task.notBefore)))
        members.append(("deadline", .optional(task.deadline)))
        members.append(("dependencies", .array(dependencies)))
        members.append(("assignments", .array(assignments)))
        members.append(("priority", .int(task.priority)))
        members.append(("cost", money(task.cost)))
        members.append(("tags", .array(task.tags.map { .string($0) })))
        members.append(("notes", .string(task.notes)))
        members.append(("actualStart", .optional(task.actualStart)))
        members.append(("actualFinish", .optional(task.actualFinish)))
        members.append(("spentDays", .optional(task.spentDays)))
        members.append(("owner", personID(task.ownerIndex, plan)))
        members.append(("schedule", scheduled))
        members.append(("baseline", context.variance(index).map { variance in
            .object([("start", .string(variance.baselineStart.iso)), ("finish", .string(variance.baselineFinish.iso)),
                     ("startVariance", .int(variance.startVariance)), ("finishVariance", .int(variance.finishVariance)),
                     ("effortVariance", .number(variance.effortVariance)), ("costVariance", .number(variance.costVariance))])
        } ?? .null))
        members.append(("drivenBy", drivenBy(index, context)))
        members.append(("source", source(task.range)))
        return .object(members)
    }

    /// The project against the baseline (docs/json-schema.md, `baseline`); null without one.
    static func projectBaseline(_ index: Int, _ context: ReportContext) -> JSONValue {
        guard let baseline = context.baseline, baseline.projects.indices.contains(index), let measured = baseline.projects[index] else {
            return .null
        }
        return .object([
            ("finish", .optional(measured.baselineFinish)), ("finishVariance", .optional(measured.finishVariance)),
            ("budgetAtCompletion", .number(measured.budgetAtCompletion)),
            ("estimateAtCompletion", .number(measured.estimateAtCompletion)),
            ("estimateAtCompletionByCPI", .optional(measured.estimateAtCompletionByCPI)),
            ("plannedValue", .number(measured.plannedValue)), ("earnedValue", .number(measured.earnedValue)),
            ("actualCost", .number(measured.actualCost)),
            ("scheduleVariance", .number(measured.scheduleVariance)), ("costVariance", .number(measured.costVariance)),
            ("schedulePerformanceIndex", .optional(measured.schedulePerformanceIndex)),
            ("costPerformanceIndex", .optional(measured.costPerformanceIndex)),
            ("earnedSchedule", .number(measured.earnedSchedule)), ("actualTime", .int(measured.actualTime)),
            ("timePerformanceIndex", .optional(measured.timePerformanceIndex)), ("timeVariance", .number(measured.timeVariance)),
            ("added", .array(measured.added.map { .string(context.qualifiedID($0)) })),
            ("removed", .array(measured.removed.map { .string($0) })),
        ])
    }

    /// What sets the task's start (docs/json-schema.md, `drivenBy`); null when the schedule
    /// records no explanation.
    static func drivenBy(_ index: Int, _ context: ReportContext) -> JSONValue {
        let words = DateExplanationText(context)
        guard let explanation = words.explanation(index) else { return .null }
        let plan = context.plan
        func taskID(_ task: Int) -> JSONValue { plan.tasks.indices.contains(task) ? .string(context.qualifiedID(task)) : .null }
        var kind = "", task = JSONValue.null, resource = JSONValue.null, linkType = JSONValue.null
        var lagDays = JSONValue.null, date: Day?, finish: Day?
        switch explanation.driver {
        case .projectStart(let day): kind = "projectStart"; date = day
        case .today(let day): kind = "today"; date = day
        case .inProgress(let actualStart): kind = "inProgress"; date = actualStart
        case .blocked: kind = "blocked"
        case .notBefore(let day): kind = "notBefore"; date = day
        case let .pinned(start, end): kind = "pinned"; date = start; finish = end
        case let .actual(start, end): kind = "actual"; date = start; finish = end
        case let .predecessor(predecessor, link, lag):
            kind = "predecessor"; task = taskID(predecessor); linkType = .string(link.rawValue); lagDays = .number(lag)
        case let .resource(ref, busyWith):
            kind = "resource"; task = taskID(busyWith); resource = .string(Figures.resourceID(ref, plan))
        case .workPackage(let package): kind = "workPackage"; task = taskID(package)
        }
        let shift: JSONValue = explanation.shift.map { shift in
            .object([("from", .string(shift.from.iso)),
                     ("person", personID(shift.person, plan)),
                     ("holiday", .optional(shift.holiday))])
        } ?? .null
        return .object([
            ("kind", .string(kind)),
            ("task", task),
            ("resource", resource),
            ("linkType", linkType),
            ("lagDays", lagDays),
            ("date", .optional(date)),
            ("finish", .optional(finish)),
            ("shift", shift),
            ("dependsOnBlocked", .array(words.blockers(of: index).map { .string(context.qualifiedID($0)) })),
            ("text", .optional(words.sentence(index))),
        ])
    }

    static func risk(_ risk: Risk, _ context: ReportContext) -> JSONValue {
        .object([
            ("id", .string(risk.id)), ("title", .string(risk.title)),
            ("likelihood", .optional(risk.likelihood?.rawValue)), ("impact", .optional(risk.impact?.rawValue)),
            ("score", .int(risk.score)), ("owner", personID(risk.ownerIndex, context.plan)),
            ("mitigation", .optional(risk.mitigation)), ("contingency", .optional(risk.contingency)),
            ("status", .string(risk.status.rawValue)), ("review", .optional(risk.review)),
            ("tasks", .array(risk.taskIndices.filter { context.plan.tasks.indices.contains($0) }.map { .string(context.qualifiedID($0)) })),
            ("notes", .string(risk.notes)),
        ])
    }

    static func issue(_ issue: IssueEntry, _ context: ReportContext) -> JSONValue {
        .object([
            ("id", .string(issue.id)), ("title", .string(issue.title)), ("owner", personID(issue.ownerIndex, context.plan)),
            ("status", .string(issue.status.rawValue)), ("raised", .optional(issue.raised)), ("due", .optional(issue.due)),
            ("severity", .optional(issue.severity?.rawValue)), ("escalated", .optional(issue.escalated)),
            ("tasks", .array(issue.taskIndices.filter { context.plan.tasks.indices.contains($0) }.map { .string(context.qualifiedID($0)) })),
            ("notes", .string(issue.notes)),
        ])
    }

    static func load(_ load: ResourceLoad, _ plan: Plan) -> JSONValue {
        let kind: String
        switch load.resource { case .person: kind = "person"; case .pool: kind = "pool" }
        return .object([
            ("resource", .string(Figures.resourceID(load.resource, plan))),
            ("kind", .string(kind)),
            ("capacity", .number(load.capacity)),
            ("days", .array(load.days.map { .array([.string($0.day.iso), .number($0.load)]) })),
        ])
    }

    static func diagnostic(_ diagnostic: Diagnostic) -> JSONValue {
        .object([
            ("code", .string(diagnostic.code.rawValue)),
            ("severity", .string(diagnostic.severity.rawValue)),
            ("message", .string(diagnostic.message)),
            ("file", .optional(diagnostic.range?.file)),
            ("line", .optional(diagnostic.range?.start.line)),
            ("column", .optional(diagnostic.range?.start.column)),
            ("hint", .optional(diagnostic.hint)),
        ])
    }
}
