import Foundation
import PlanAnalysis
import PlanModel
import PlanReports

extension SiteBuilder {
    /// `load`: the resource load section when the caller has made it already (`loadSection`).
    func projectView(_ index: Int, load: LoadSection? = nil) -> ProjectView {
        let project = plan.projects[index]
        let figures = analysis.projects[index]
        let range = project.taskRange
        let isClosed = project.phase == .closed
        // Links in the plan's text are relative to its files; the project file's folder stands
        // for them all (the notes know their own file).
        let file = project.file

        // Who and where in the life cycle: a line under the title, not figures.
        var people: [KeyFigure] = []
        people.append(KeyFigure(label: "Phase", value: (project.phase ?? .planning).rawValue, note: nil))
        people.append(KeyFigure(label: "Owner", value: ownerName(project), note: nil))
        if let sponsor = project.sponsor { people.append(KeyFigure(label: "Sponsor", value: sponsor, note: nil)) }
        if !project.stakeholders.isEmpty {
            people.append(KeyFigure(label: "Stakeholders", value: project.stakeholders.joined(separator: ", "), note: nil))
        }

        // Milestones: every milestone of the project in date order (`ProjectAnalysis.milestones`),
        // with its state in words.
        let next = Set(figures.nextMilestones.prefix(1))
        let calendar = WorkingCalendar(plan: plan, calendarIndex: project.calendarIndex)
        var milestones: [MilestoneRow] = []
        for taskIndex in figures.milestones {
            let task = plan.tasks[taskIndex]
            let entry = schedule.tasks[taskIndex]
            let status: (String, String)
            if task.state == .done {
                status = ("✓ done", "done")
            } else if task.state == .cancelled {
                status = ("cancelled", "cancelled")
            } else if let slip = Analyzer.milestoneSlip(task, entry, today: options.today, calendar: calendar) {
                // Missed only once the due date has passed; before that, forecast late by N working days.
                status = slip.kind == .missed ? ("✗ " + slip.phrase, "missed") : ("⚠ " + slip.phrase, "forecast-late")
            } else if next.contains(taskIndex) {
                status = ("→ next", "next")
            } else {
                status = ("planned", "planned")
            }
            // Reached (done) and expected (forecast) are different facts: each has its own column.
            let done = task.state == .done
            milestones.append(MilestoneRow(title: task.title, id: task.id,
                                           date: DayText.long(Analyzer.milestoneDate(task, entry)),
                                           doneOn: done ? DayText.long(Analyzer.milestoneDate(task, entry)) : "—",
                                           forecast: Analyzer.isOpen(task) ? DayText.long(entry.finish) : "—",
                                           due: DayText.optional(task.deadline), status: status.0, statusClass: status.1,
                                           blocked: task.state == .done ? nil : words.blockedNote(task: taskIndex, includingItself: true)))
        }

        // A long milestone table shows the rows from the first open milestone on (what is
        // ahead); those before and after fold under a count.
        let firstOpen = figures.milestones.firstIndex { Analyzer.isOpen(plan.tasks[$0]) } ?? figures.milestones.count
        let (earlierMilestones, shownMilestones, moreMilestones) = LongList.split(milestones, from: firstOpen)

        let taskAnchors = anchors(for: range.map { plan.tasks[$0].id }, prefix: "task-")
        func taskRef(_ taskIndex: Int, why: String) -> TaskRef {
            let task = plan.tasks[taskIndex]
            return TaskRef(title: task.title, id: task.id, href: "tasks.html#" + taskAnchors[taskIndex - range.lowerBound],
                           finish: DayText.long(schedule.tasks[taskIndex].finish), due: DayText.optional(task.deadline), why: why)
        }
        // The same tasks the Gantt chart marks late (`ProjectAnalysis.lateWork`), in the words of
        // `Lateness`; work that finished late is history, listed apart.
        func lateRef(_ taskIndex: Int) -> TaskRef {
            let lateness = Analyzer.lateness(plan.tasks[taskIndex], schedule.tasks[taskIndex], today: options.today, calendar: calendar)
            return taskRef(taskIndex, why: lateness?.phrase(DayText.long) ?? "late")
        }
        let late = figures.lateWork.map(lateRef)
        let finishedLate = figures.finishedLate.map(lateRef)
        let blocked = figures.blockedTasks.map { taskRef($0, why: "blocked") }

        let riskAnchors = anchors(for: project.risks.map(\.id), prefix: "risk-")
        let risks = figures.riskRegister.map { offset -> RiskRow in
            let risk = project.risks[offset]
            let band = RiskMatrix.band(score: risk.score)
            return RiskRow(anchor: riskAnchors[offset], id: risk.id, title: risk.title,
                           likelihood: levelText(risk.likelihood), impact: levelText(risk.impact),
                           score: risk.score > 0 ? "\(risk.score)" : "—",
                           band: risk.score > 0 ? band.name : "not rated", bandClass: risk.score > 0 ? band.css : "none",
                           owner: personName(risk.ownerIndex), status: risk.status.rawValue,
                           mitigation: risk.mitigation ?? "—", contingency: risk.contingency ?? "—",
                           review: DayText.optional(risk.review), notesHTML: markdown(risk.notes, from: file))
        }
        // An occurred risk is an issue now: listed here with its impact as severity and its review
        // date as due, keeping the register's anchor so links to it still land.
        let issueAnchors = anchors(for: project.issues.map(\.id), prefix: "issue-")
        let issues = figures.issues.map { item -> IssueRow in
            switch item.source {
            case .issue(let offset):
                let issue = project.issues[offset]
                return IssueRow(anchor: issueAnchors[offset], id: issue.id, title: issue.title, owner: personName(issue.ownerIndex),
                                status: issue.status.rawValue, raised: DayText.optional(issue.raised), due: DayText.optional(issue.due),
                                severity: levelText(issue.severity), notesHTML: markdown(issue.notes, from: file))
            case .occurredRisk(let offset):
                let risk = project.risks[offset]
                return IssueRow(anchor: riskAnchors[offset], id: risk.id, title: "occurred: " + risk.title,
                                owner: personName(risk.ownerIndex), status: risk.status.rawValue, raised: "—",
                                due: DayText.optional(risk.review), severity: levelText(risk.impact),
                                notesHTML: markdown([risk.contingency.map { "Contingency: " + $0 }, risk.mitigation.map { "Mitigation: " + $0 },
                                                     risk.notes.isEmpty ? nil : risk.notes].compactMap { $0 }.joined(separator: "\n\n"), from: file))
            }
        }
        let decisionAnchors = anchors(for: project.decisions.map(\.id), prefix: "decision-")
        let decisions = project.decisions.enumerated().map { offset, decision in
            DecisionRow(anchor: decisionAnchors[offset], id: decision.id, title: decision.title,
                        date: decision.status == .open ? "open, " + (decision.due.map { "needed by " + DayText.long($0) } ?? "no date set")
                                                       : DayText.optional(decision.date),
                        owner: personName(decision.ownerIndex),
                        notesHTML: markdown(decision.notes, from: file))
        }
        // Newest entry first: the journal is read as "what happened lately".
        let journalOrder = project.journal.indices.sorted {
            (project.journal[$0].date, $1) > (project.journal[$1].date, $0)
        }
        let journalAnchors = anchors(for: project.journal.map(\.date.iso), prefix: "journal-")
        let journal = journalOrder.map { offset -> JournalView in
            let entry = project.journal[offset]
            return JournalView(anchor: journalAnchors[offset], date: DayText.long(entry.date), dateISO: entry.date.iso,
                               health: entry.rating.map { HealthView($0.rawValue) }, headline: entry.headline,
                               textHTML: markdown(entry.text, from: file))
        }

        // Long registers show the highest-scored and most severe first; the rest fold under a count.
        let (_, shownRisks, moreRisks) = LongList.split(risks)
        let (_, shownIssues, moreIssues) = LongList.split(issues)

        var chart = GanttChart(plan: plan, schedule: schedule, projectIndex: index)
        if options.baseline != nil { chart.baseline = baselineVariances }
        let load = (load ?? loadSection(index)).sectionHTML

        let isClosure = project.phase == .closed || project.phase == .closing
            || !project.outcome.isEmpty || !project.lessons.isEmpty

        return ProjectView(
            id: project.id, title: project.title, health: HealthView(figures.health.rawValue, closed: project.phase == .closed),
            report: reportView(index, figures: figures, decisionAnchors: decisionAnchors, issueAnchors: issueAnchors,
                               journalAnchors: journalAnchors) { "tasks.html#" + taskAnchors[$0 - range.lowerBound] },
            baseline: baselineView(index) { "tasks.html#" + taskAnchors[$0 - range.lowerBound] },
            people: people,
            descriptionHTML: markdown(project.description, from: file),
            objectives: project.objectives.map { objectiveView($0, from: file) }, successCriteria: project.successCriteria.map { objectiveView($0, from: file) },
            scopeIn: project.scopeIn, scopeOut: project.scopeOut,
            hasScope: !project.scopeIn.isEmpty || !project.scopeOut.isEmpty,
            milestones: shownMilestones, earlierMilestones: earlierMilestones,
            earlierMilestonesLabel: earlierMilestones.isEmpty ? nil : "Show \(NumberText.count(earlierMilestones.count, "earlier milestone"))",
            moreMilestones: moreMilestones,
            moreMilestonesLabel: moreMilestones.isEmpty ? nil : "Show \(NumberText.count(moreMilestones.count, "more milestone"))",
            ganttHTML: chart.renderSchedule(today: options.today, taskHref: { "tasks.html#" + taskAnchors[$0 - range.lowerBound] }),
            taskCount: range.count,
            lateTasks: late, finishedLateTasks: finishedLate, blockedTasks: blocked,
            riskMatrixHTML: RiskMatrix.render(risks: project.risks, placing: figures.topRisks, anchors: riskAnchors),
            risks: shownRisks, moreRisks: moreRisks,
            moreRisksLabel: moreRisks.isEmpty ? nil : "Show \(NumberText.count(moreRisks.count, "more risk"))",
            loadHTML: load, budget: budgetView(figures), trend: trendView(project.id), journal: journal,
            issues: shownIssues, moreIssues: moreIssues,
            moreIssuesLabel: moreIssues.isEmpty ? nil : "Show \(NumberText.count(moreIssues.count, "more issue"))", decisions: decisions,
            isClosure: isClosure, isClosed: isClosed, outcomeHTML: markdown(project.outcome, from: file), lessons: project.lessons,
            projectNotesHTML: projectNotes(project), tasksHref: "tasks.html",
            has: Presence(objectives: !project.objectives.isEmpty,
                          successCriteria: !project.successCriteria.isEmpty, milestones: !milestones.isEmpty,
                          earlierMilestones: !earlierMilestones.isEmpty, moreMilestones: !moreMilestones.isEmpty,
                          late: !late.isEmpty, finishedLate: !finishedLate.isEmpty, blocked: !blocked.isEmpty, risks: !risks.isEmpty, moreRisks: !moreRisks.isEmpty,
                          issues: !issues.isEmpty, moreIssues: !moreIssues.isEmpty, decisions: !decisions.isEmpty, journal: !journal.isEmpty,
                          lessons: !project.lessons.isEmpty),
            shown: Sections(late: !isClosed || !finishedLate.isEmpty || !late.isEmpty || !blocked.isEmpty,
                            risks: !isClosed || !risks.isEmpty, journal: !isClosed || !journal.isEmpty,
                            issues: !isClosed || !issues.isEmpty || !decisions.isEmpty))
    }

    typealias LoadSection = (sectionHTML: String, pageHTML: String?)

    /// The resource load section: the table, or for a team of more than
    /// `ResourceLoadTable.pageLimit` people a sentence linking to `load.html`, which holds it
    /// (`pageHTML`; 500 people over 80 weeks are 400 KB, most of a page's weight).
    func loadSection(_ index: Int) -> LoadSection {
        let project = plan.projects[index]
        let range = project.taskRange
        let chart = GanttChart(plan: plan, schedule: schedule, projectIndex: index)
        let scale = chart.scale(extra: [options.today] + (project.deadline.map { [$0] } ?? []))
        // The load ahead matters: the table starts at this week when the project runs past today.
        // Work that lies wholly before today is history: one sentence says when it ran, rather
        // than "no one has work scheduled", which reads as if no one had worked.
        let workStart = range.map { schedule.tasks[$0].start }.min()
        let workFinish = range.map { schedule.tasks[$0].finish }.max()
        if let start = workStart, let finish = workFinish, project.phase == .closed || finish < options.today {
            return ("<p>\(project.phase == .closed ? "The project is closed: its" : "All its") work ran from \(DayText.long(start)) to \(DayText.long(finish)); no one has work on it from \(DayText.long(options.today)) on.</p>", nil)
        }
        guard let scale else { return ("<p>No tasks are scheduled yet.</p>", nil) }
        let thisWeek = DayText.weekStart(options.today)
        let from = thisWeek > scale.origin && thisWeek <= scale.end ? thisWeek : scale.origin
        let table = ResourceLoadTable(plan: plan, schedule: schedule, projectIndex: index)
        let rendered = table.render(from: from, to: scale.end)
        guard rendered.people > ResourceLoadTable.pageLimit else { return (rendered.html, nil) }
        let section = rendered.summary + "<p>\(NumberText.count(rendered.people, "person", plural: "people")) work on this project: "
            + "their load per week is on a page of its own, <a href=\"load.html\">Resource load</a>.</p>"
        return (section, rendered.html)
    }

    func objectiveView(_ objective: Objective, from file: String) -> ObjectiveView {
        let result: (String, String)? = objective.result.map {
            switch $0 {
            case .met: return ("✓ met", "met")
            case .partly: return ("◐ partly met", "partly")
            case .missed: return ("✗ missed", "missed")
            }
        }
        return ObjectiveView(text: objective.text, result: result?.0, resultClass: result?.1, notesHTML: markdown(objective.notes, from: file))
    }

    /// The project's notes, each `part-of` file's under a caption naming the file, so a reader
    /// knows whose text it is.
    func projectNotes(_ project: Project) -> String? {
        let parts = project.notesByFile.isEmpty ? [FileNotes(file: project.file, markdown: project.notes)] : project.notesByFile
        let folder = URL(fileURLWithPath: project.file).deletingLastPathComponent().standardizedFileURL.path + "/"
        let html = parts.compactMap { part -> String? in
            guard let body = markdown(part.markdown, from: part.file) else { return nil }
            guard part.file != project.file else { return body }
            let path = URL(fileURLWithPath: part.file).standardizedFileURL.path
            let name = path.hasPrefix(folder) ? String(path.dropFirst(folder.count)) : part.file
            return "<p class=\"muted from-file\">From <code>\(HTML.escape(name))</code></p>\n" + body
        }.joined()
        return html.isEmpty ? nil : html
    }

    /// The project's trend from history: charts when some version had it, else why not.
    func trendView(_ projectID: String) -> TrendSectionView {
        switch options.history {
        case .unavailable(let why):
            return TrendSectionView(hasHistory: false, note: "No history: " + why, chartsHTML: "")
        case .series(let series):
            guard let trend = series.projects.first(where: { $0.projectID == projectID }), let first = trend.points.first,
                  let last = trend.points.last else {
                return TrendSectionView(hasHistory: false, note: "No history: no committed version of the plan has this project with a schedule yet.", chartsHTML: "")
            }
            // One point is no trend: a chart of a single dot says less than the sentence.
            guard trend.points.count > 1 else {
                return TrendSectionView(hasHistory: false, note: "No trend yet: one version of the plan up to \(DayText.long(last.reportDate))"
                    + (last.isWorkTree ? " (the uncommitted work tree)" : "") + "; the trend starts with the next commit.", chartsHTML: "")
            }
            let every = series.sampling == .commit ? "every commit" : "the last commit of each \(series.sampling.rawValue)"
            let note = NumberText.count(trend.points.count, "version") + " of the plan from git history (\(every)), "
                + DayText.range(first.reportDate, last.reportDate) + ", each judged on its own day"
                + (last.isWorkTree ? "; the last is the uncommitted work tree" : "") + "."
            return TrendSectionView(hasHistory: true, note: note, chartsHTML: TrendCharts(trend).render())
        }
    }

    func budgetView(_ figures: ProjectAnalysis) -> BudgetView {
        let currency = figures.currency ?? figures.budget?.currency
        var rows: [KeyFigure] = []
        rows.append(KeyFigure(label: "Budget", value: NumberText.money(figures.budget), note: nil))
        rows.append(KeyFigure(label: "Planned cost", value: NumberText.money(figures.plannedCost, currency: currency),
                              note: "rates × planned effort + fixed costs"))
        rows.append(KeyFigure(label: "Spent so far", value: NumberText.money(figures.actualCost, currency: currency), note: nil))
        rows.append(KeyFigure(label: "Forecast at completion", value: NumberText.money(figures.costForecast, currency: currency), note: nil))
        rows.append(KeyFigure(label: "Earned value", value: NumberText.money(figures.earnedValue, currency: currency),
                              note: figures.measuredAgainstBaseline ? "at the baseline's prices; planned value \(NumberText.money(figures.plannedValue, currency: currency))" : nil))
        if let cpi = figures.costPerformanceIndex {
            rows.append(KeyFigure(label: "Cost performance (CPI)", value: NumberText.twoDecimals(cpi), note: cpi < 1 ? "over cost" : "within cost"))
        }
        if let spi = figures.schedulePerformanceIndex {
            rows.append(KeyFigure(label: "Schedule performance (SPI)", value: NumberText.twoDecimals(spi), note: spi < 1 ? "behind plan" : "on or ahead of plan"))
        }
        return BudgetView(rows: rows, chartHTML: budgetChart(figures))
    }

    /// Budget, forecast and spent as horizontal bars on one scale, each labelled with its amount.
    private func budgetChart(_ figures: ProjectAnalysis) -> String {
        let currency = figures.currency ?? figures.budget?.currency
        var bars: [(String, Double, String)] = []
        if let budget = figures.budget { bars.append(("Budget", budget.amount, "bb")) }
        bars.append(("Planned", figures.plannedCost, "bp"))
        bars.append(("Forecast", figures.costForecast, "bf"))
        bars.append(("Spent", figures.actualCost, "bs"))
        let top = bars.map(\.1).max() ?? 0
        guard top > 0 else { return "" }
        let width = 420.0
        var out = "<svg class=\"budget\" width=\"600\" height=\"\(bars.count * 26 + 4)\" viewBox=\"0 0 600 \(bars.count * 26 + 4)\" role=\"img\" aria-label=\"Budget, planned, forecast and spent cost as bars; the table lists the amounts\">"
        for (offset, bar) in bars.enumerated() {
            let y = offset * 26 + 4
            let length = max(Int((bar.1 / top * width).rounded()), 1)
            out += "<text x=\"0\" y=\"\(y + 14)\">\(bar.0)</text><rect class=\"\(bar.2)\" x=\"80\" y=\"\(y)\" width=\"\(length)\" height=\"18\"/>"
            out += "<text x=\"\(84 + length)\" y=\"\(y + 14)\">\(HTML.escape(NumberText.money(bar.1, currency: currency)))</text>"
        }
        return out + "</svg>"
    }

    /// Unique fragment ids for a list of plan ids (duplicates get `-2`, `-3`, as the plan language
    /// numbers them in outputs).
    func anchors(for ids: [String], prefix: String) -> [String] {
        var seen: [String: Int] = [:]
        return ids.map { id in
            let base = HTML.anchor(prefix, id)
            let count = (seen[base] ?? 0) + 1
            seen[base] = count
            return count == 1 ? base : "\(base)-\(count)"
        }
    }

    /// "3 days late · depends on blocked 'X'": the parts that are there.
    func joinedNote(_ parts: String?...) -> String? {
        let present = parts.compactMap { $0 }
        return present.isEmpty ? nil : present.joined(separator: " · ")
    }

    func taskRows(_ index: Int) -> [TaskRow] {
        let project = plan.projects[index]
        let range = project.taskRange
        let file = project.file
        let ids = anchors(for: range.map { plan.tasks[$0].id }, prefix: "task-")
        var counters: [Int] = []
        let chart = GanttChart(plan: plan, schedule: schedule, projectIndex: index)
        let words = words
        // A work package's state by the one rule every output uses (done, blocked, in progress).
        let states = TaskStateRule.displayedStates(plan)
        // Once for the table, not per row.
        let variances = options.baseline == nil ? [] : baselineVariances
        return range.map { taskIndex -> TaskRow in
            let task = plan.tasks[taskIndex]
            let entry = schedule.tasks[taskIndex]
            // Outline numbers (1, 1.2, 1.2.3) from the work breakdown order.
            let level = max(task.level, 0)
            if counters.count > level + 1 { counters.removeLast(counters.count - level - 1) }
            while counters.count < level + 1 { counters.append(0) }
            counters[level] += 1
            let isSummary = !task.children.isEmpty
            let progress = isSummary ? chart.rolledUpProgress(taskIndex..<(taskIndex + 1 + chart.subtreeSize(taskIndex))) : task.progress
            let cancelled = task.state == .cancelled && !isSummary
            var flags: [String] = []
            if entry.isCritical && !cancelled { flags.append("critical") }
            if Analyzer.isLate(task, entry, today: options.today) { flags.append("late") }
            let assigned = task.assignments.map { assignment -> String in
                switch assignment.resource {
                case .person(let person):
                    let name = plan.people.indices.contains(person) ? plan.people[person].name : "?"
                    return assignment.units == 1 ? name : "\(name) \(NumberText.percent(assignment.units))"
                case .pool(let pool):
                    let name = plan.pools.indices.contains(pool) ? plan.pools[pool].name : "?"
                    return "\(name) ×\(NumberText.decimal(assignment.units))"
                }
            }.joined(separator: ", ")
            let after = task.dependencies.map { dependency -> String in
                let predecessor = plan.tasks.indices.contains(dependency.predecessor) ? plan.tasks[dependency.predecessor].id : "?"
                var text = predecessor
                if dependency.kind != .finishToStart { text += " (\(dependency.kind.rawValue))" }
                if dependency.lagDays != 0 { text += " " + DateExplanationText.lag(dependency.lagDays) }
                return text
            }.joined(separator: ", ")
            return TaskRow(
                anchor: ids[taskIndex - range.lowerBound],
                wbs: counters.map(String.init).joined(separator: "."), id: task.id, title: task.title,
                indent: level, isSummary: isSummary, isMilestone: task.kind == .milestone,
                kind: task.kind == .milestone ? "milestone" : isSummary ? "summary" : "task",
                start: DayText.long(entry.start), finish: DayText.long(entry.finish),
                startISO: entry.start.iso, finishISO: entry.finish.iso,
                slack: "\(entry.totalSlack)d", progress: cancelled ? "—" : NumberText.percent(progress),
                status: states[taskIndex].rawValue, flags: flags.joined(separator: ", "),
                assigned: assigned, after: after,
                why: [words.reason(taskIndex), words.blockedNote(task: taskIndex)].compactMap { $0 }.joined(separator: "; "),
                notesHTML: markdown(task.notes, from: file),
                baseline: options.baseline == nil ? nil : variances[taskIndex].map {
                    // The variance only where there is one: a column of "±0" says nothing.
                    DayText.long($0.baselineFinish) + ($0.finishVariance == 0 ? "" : " · " + Self.signedWorkingDays($0.finishVariance))
                } ?? "new")
        }
    }
}
