import PlanAnalysis
import PlanModel

public struct StatusOptions: Sendable {
    public var style = TerminalStyle()
    /// Project ids; empty means all.
    public var projects: [String] = []
    /// How many items each list shows before "and N more".
    public var listLimit = 5
    public init() {}
}

/// `planc status`: one screen per project (health and its reasons first, then the figures and
/// the lists a project manager acts on), preceded by a portfolio table when there are several.
public enum StatusReport {
    public static func render(_ context: ReportContext, _ options: StatusOptions) throws(ReportError) -> String {
        var filter = TaskFilter()
        filter.projects = options.projects
        let projectIndices = try filter.projectIndices(context)
        guard !projectIndices.isEmpty else { return "No projects in the plan.\n" }
        var sections: [String] = []
        if projectIndices.count > 1 { sections.append(portfolio(projectIndices, context, options)) }
        for index in projectIndices { sections.append(project(index, context, options)) }
        return sections.joined(separator: "\n")
    }

    static func ratingText(_ rating: Rating, _ style: TerminalStyle) -> String {
        style.paint(rating.rawValue.uppercased(), rating: rating)
    }

    static func portfolio(_ indices: [Int], _ context: ReportContext, _ options: StatusOptions) -> String {
        let style = options.style
        let plan = context.plan
        var out = style.paint("Portfolio", .bold) + "  " + NumberText.count(indices.count, "project") + "  health "
        if let worst = worstOpenProject(indices, context) {
            let health = context.analysis.projects[worst].health
            let others = indices.filter { $0 != worst && plan.projects[$0].phase != .closed
                && context.projectAnalysis($0)?.health == health }.count
            out += ratingText(health, style) + " (" + plan.projects[worst].id + (others > 0 ? " and \(others) more" : "") + ")"
        } else {
            out += "- (all closed)"
        }
        out += "  today \(context.schedule.today.iso)\n"
        let closed = indices.filter { plan.projects[$0].phase == .closed }.count
        if closed > 0 {
            let note = (closed == 1 ? "1 closed project, rated on its outcome, is" : "\(closed) closed projects, rated on their outcome, are")
                + " left out of the portfolio's health"
            for piece in TerminalText.wrap(note, width: style.width, indent: 0, ascii: style.ascii) { out += style.paint(piece, .dim) + "\n" }
        }
        var table = TextTable(columns: [
            .init("Health"), .init("Project"), .init("Phase"), .init("Done", alignRight: true),
            .init("Forecast"), .init("Deadline"), .init("Slip", alignRight: true), .init("Budget", alignRight: true),
        ])
        for index in indices {
            guard let analysis = context.projectAnalysis(index) else { continue }
            let project = plan.projects[index]
            let slip = analysis.slipDays.map { $0 > 0 ? "+\($0)d" : "\($0)d" } ?? ""
            let budgetUse = analysis.budget.flatMap { $0.amount > 0 ? NumberText.percent(analysis.costForecast / $0.amount) : nil } ?? ""
            table.add([
                .init(analysis.health.rawValue, paint: ratingPaint(analysis.health)),
                .init(style.text(project.title)),
                .init((project.phase ?? .planning).rawValue),
                .init(NumberText.percent(analysis.percentComplete)),
                .init(analysis.forecastFinish?.iso ?? "-"), .init(project.deadline?.iso ?? "-"),
                .init(slip), .init(budgetUse),
            ])
        }
        out += table.render(style: style, width: style.width, shrinkOrder: [(1, 12)])
        return out
    }

    /// The project that sets the portfolio's health: the worst rated of the projects that are not
    /// closed (a closed one is rated on its outcome, which is history, not the portfolio's state);
    /// the first in plan order on a tie. Nil when every project is closed.
    static func worstOpenProject(_ indices: [Int], _ context: ReportContext) -> Int? {
        var worst: Int?
        for index in indices where context.plan.projects[index].phase != .closed {
            guard let health = context.projectAnalysis(index)?.health else { continue }
            if worst == nil || health > context.analysis.projects[worst!].health { worst = index }
        }
        return worst
    }


    static func personName(_ index: Int?, _ plan: Plan) -> String? {
        index.flatMap { plan.people.indices.contains($0) ? plan.people[$0].name : nil }
    }

    static func ratingPaint(_ rating: Rating) -> TerminalStyle.Paint {
        switch rating { case .green: .green; case .amber: .yellow; case .red: .boldRed }
    }

    static func project(_ index: Int, _ context: ReportContext, _ options: StatusOptions) -> String {
        let style = options.style
        let plan = context.plan
        let project = plan.projects[index]
        guard let analysis = context.projectAnalysis(index) else { return "" }
        let width = style.width
        let bullet = style.ascii ? "-" : "•"
        var lines: [String] = []
        func line(_ text: String) { lines.append(text) }
        func wrapped(_ text: String, indent: Int) {
            for piece in TerminalText.wrap(text, width: width, indent: indent, ascii: style.ascii) { line(piece) }
        }
        func field(_ name: String, _ value: String) {
            for (offset, piece) in TerminalText.wrap(value, width: width - 11, indent: 0, ascii: style.ascii).enumerated() {
                line((offset == 0 ? TerminalText.fit(name, 11) : String(repeating: " ", count: 11)) + piece)
            }
        }
        func limited(_ items: [Int], _ render: (Int) -> String) {
            for item in items.prefix(options.listLimit) { line("  " + render(item)) }
            if items.count > options.listLimit { line("  " + style.paint("and \(items.count - options.listLimit) more", .dim)) }
        }
        func taskName(_ task: Int) -> String { style.text(plan.tasks[task].title) }
        // Dates forecast from a blocked task without a resume date may move: say so beside them.
        let words = DateExplanationText(context)
        func blocked(_ note: String?) -> String { note.map { "  " + style.paint(style.text($0), .yellow) } ?? "" }

        line(style.paint(style.text(project.title), .bold) + " (\(project.id))  \((project.phase ?? .planning).rawValue)  "
             + ratingText(analysis.health, style) + "  today \(context.schedule.today.iso)")
        var people: [String] = []
        if let owner = project.ownerIndex.flatMap({ plan.people.indices.contains($0) ? plan.people[$0].name : nil }) ?? project.ownerName {
            people.append("owner \(style.text(owner))")
        }
        if let sponsor = project.sponsor { people.append("sponsor \(style.text(sponsor))") }
        if !people.isEmpty { line(people.joined(separator: ", ")) }
        line("")

        for reason in analysis.healthReasons { wrapped("\(bullet) " + style.text(reason), indent: 2) }
        if analysis.healthReasons.isEmpty { line("\(bullet) No warning signs: on time, within budget, nothing blocked") }
        line("")

        // The five dimensions, each with its arrow against the previous report.
        if !analysis.ratings.isEmpty {
            let ratings = analysis.ratings.map { rating in
                rating.dimension.rawValue + " " + ratingText(rating.rating, style) + (rating.trend.map { " " + $0.symbol(ascii: style.ascii) } ?? "")
            }
            field("Ratings", ratings.joined(separator: ", "))
            if let previous = analysis.previousReport.map({ project.journal[$0] }) {
                var against: [String] = []
                if let trend = analysis.healthTrend, let before = previous.rating {
                    against.append("overall \(trend.comparison) the report of \(previous.date.iso) (\(before.rawValue))")
                }
                against.append(previous.ratings.isEmpty ? "the report of \(previous.date.iso) rates no dimensions"
                                                        : "arrows against the report of \(previous.date.iso)")
                field("", style.paint(against.joined(separator: "; "), .dim))
            }
            line("")
        }

        // What moved since the last report, from git history (nothing outside a repository).
        if let since = context.sinceLastReport, since.projects.indices.contains(index), let moves = since.projects[index] {
            line(style.paint("Changed since the report of \(since.day.iso)", .bold) + style.paint("  (plan at \(since.commit))", .dim))
            for move in moves.moves.prefix(options.listLimit) {
                for piece in TerminalText.wrap(style.text(ReportMoveText.sentence(move, plan: plan, day: \.iso)), width: width - 2, indent: 2,
                                               ascii: style.ascii) {
                    line("  " + (move.workingDays > 0 ? style.paint(piece, .yellow) : piece))
                }
            }
            if moves.moves.count > options.listLimit { line("  " + style.paint("and \(moves.moves.count - options.listLimit) more", .dim)) }
            if moves.moves.isEmpty { line("  No milestone and not the finish moved.") }
            if let scope = ReportMoveText.scope(moves) { line("  " + scope + ".") }
            line("")
        }

        let barWidth = 20
        let filled = Int((analysis.percentComplete * Double(barWidth)).rounded())
        let bar = String(repeating: style.ascii ? "#" : "█", count: filled) + String(repeating: style.ascii ? "." : "░", count: barWidth - filled)
        line(TerminalText.fit("Progress", 11) + "\(style.paint(bar, .green)) \(NumberText.percent(analysis.percentComplete)) of \(NumberText.decimal(analysis.plannedEffortDays)) person-days")
        var forecast = analysis.forecastFinish.map { "finish \($0.iso)" } ?? "no forecast"
        if let deadline = analysis.deadline {
            forecast += ", deadline \(deadline.iso)"
            if let standing = analysis.deadlineStanding { forecast += ", " + standing }
        }
        if let note = words.blockedNote(words.finishBlockers(ofProject: index)) { forecast += ", " + style.text(note) }
        field("Forecast", forecast)
        let currency = analysis.currency
        if analysis.plannedCost > 0 || analysis.budget != nil {
            var budget = analysis.budget.map { "budget \(NumberText.money($0.amount, currency: $0.currency ?? currency)), " } ?? ""
            budget += "planned \(NumberText.money(analysis.plannedCost, currency: currency)), spent \(NumberText.money(analysis.actualCost, currency: currency)), forecast \(NumberText.money(analysis.costForecast, currency: currency))"
            field("Cost", budget)
            var indices: [String] = []
            if let spi = analysis.schedulePerformanceIndex { indices.append("SPI \(NumberText.twoDecimals(spi))") }
            if let cpi = analysis.costPerformanceIndex { indices.append("CPI \(NumberText.twoDecimals(cpi))") }
            if !indices.isEmpty {
                field("", "EV \(NumberText.money(analysis.earnedValue, currency: nil)), PV \(NumberText.money(analysis.plannedValue, currency: nil)), "
                      + indices.joined(separator: ", ") + (analysis.measuredAgainstBaseline ? " (against the baseline)" : ""))
            }
        }

        // Against the baseline: finish and cost variance, earned value priced at the baseline.
        if let baseline = context.baseline {
            line("")
            if let measured = baseline.projects.indices.contains(index) ? baseline.projects[index] : nil {
                var finish = "finish " + (measured.finishVariance.map { ReportMoveText.signed($0) } ?? "not comparable")
                if let then = measured.baselineFinish { finish += " (baseline \(then.iso))" }
                field("Baseline", "\(baseline.label): " + finish)
                var cost = "cost at completion \(NumberText.money(measured.estimateAtCompletion, currency: currency)) against \(NumberText.money(measured.budgetAtCompletion, currency: currency)) (BAC)"
                if let eac = measured.estimateAtCompletionByCPI { cost += ", at today's CPI \(NumberText.money(eac, currency: currency))" }
                field("", cost)
                var values = "EV \(NumberText.money(measured.earnedValue, currency: nil)), PV \(NumberText.money(measured.plannedValue, currency: nil)), AC \(NumberText.money(measured.actualCost, currency: nil))"
                var indices: [String] = []
                if let spi = measured.schedulePerformanceIndex { indices.append("SPI \(NumberText.twoDecimals(spi))") }
                if let cpi = measured.costPerformanceIndex { indices.append("CPI \(NumberText.twoDecimals(cpi))") }
                if let spiT = measured.timePerformanceIndex {
                    indices.append("SPI(t) \(NumberText.twoDecimals(spiT)) (SV(t) \(NumberText.decimal((measured.timeVariance * 10).rounded() / 10)) working days)")
                }
                if !indices.isEmpty { values += ": " + indices.joined(separator: ", ") }
                field("", values)
                var scope: [String] = []
                if !measured.added.isEmpty { scope.append(NumberText.count(measured.added.count, "task") + " added") }
                if !measured.removed.isEmpty { scope.append(NumberText.count(measured.removed.count, "task") + " removed") }
                if !scope.isEmpty { field("", scope.joined(separator: ", ") + " since the baseline") }
                let slips = measured.slips(plan)
                if !slips.isEmpty {
                    line("")
                    line(style.paint("Slipped against the baseline (\(slips.count))", .bold))
                    limited(Array(slips.indices)) { offset in
                        let slip = slips[offset]
                        let now = context.slot(slip.task)?.finish.iso ?? "?"
                        return taskName(slip.task) + "  " + ReportMoveText.signed(slip.finishVariance) + "  finish \(now), baseline \(slip.baselineFinish.iso)"
                    }
                }
            } else {
                field("Baseline", "\(baseline.label): the project is not in it")
            }
        }

        // What the project needs from its sponsor and steering committee: whole sentences,
        // wrapped rather than cut, since the owner and the date are the point.
        func wrappedList(_ heading: String, _ items: [Int], _ render: (Int) -> String) {
            guard !items.isEmpty else { return }
            line("")
            line(style.paint("\(heading) (\(items.count))", .bold))
            for item in items.prefix(options.listLimit) {
                for piece in TerminalText.wrap(render(item), width: width - 2, indent: 2, ascii: style.ascii) { line("  " + piece) }
            }
            if items.count > options.listLimit { line("  " + style.paint("and \(items.count - options.listLimit) more", .dim)) }
        }
        let today = context.schedule.today
        wrappedList("Decisions needed", analysis.decisionsNeeded) { index in
            let decision = project.decisions[index]
            var text = style.text(decision.title) + " — " + (decision.due.map { "needed by \($0.iso)" } ?? "no date set")
            text += ", " + (Self.personName(decision.ownerIndex, plan).map { "owner " + style.text($0) } ?? "no owner")
            if let due = decision.due, due < today { text += ", " + style.paint("overdue", .red) }
            return text
        }
        wrappedList("Help needed", analysis.helpNeeded) { index in
            let issue = project.issues[index]
            var text = style.text(issue.title) + " — " + (issue.due.map { "needed by \($0.iso)" } ?? "no date set")
            text += ", " + (Self.personName(issue.ownerIndex, plan).map { "owner " + style.text($0) } ?? "no owner")
            if let escalated = issue.escalated { text += ", escalated \(escalated.iso)" }
            if let due = issue.due, due < today { text += ", " + style.paint("overdue", .red) }
            return text
        }

        if !analysis.nextMilestones.isEmpty {
            line("")
            line(style.paint("Next milestones", .bold))
            limited(analysis.nextMilestones) { task in
                var text = (context.slot(task)?.finish.iso ?? "----------") + "  " + taskName(task)
                // Words, not only colour: `missed by N working days` or `forecast late by N working
                // days` (against the due date, so the phrase replaces it and the line fits 80 columns).
                let note = blocked(words.blockedNote(task: task, includingItself: true))
                if let slip = context.milestoneSlip(task) { return style.paint(text, .red) + "  " + slip.phrase + note }
                if let due = plan.tasks[task].deadline { text += "  (due \(due.iso))" }
                return text + note
            }
        }
        let missedNotNext = analysis.missedMilestones.filter { !analysis.nextMilestones.contains($0) }
        if !missedNotNext.isEmpty {
            line("")
            line(style.paint("Missed milestones", .bold))
            limited(missedNotNext) { task in
                var text = (context.slot(task)?.finish.iso ?? "") + "  " + taskName(task)
                if let slip = context.milestoneSlip(task) { text += "  (due \(slip.due.iso))  " + slip.phrase }
                return text
            }
        }
        // What the Gantt chart marks late, open work first; work that finished late is history.
        func lateLine(_ task: Int) -> String {
            var text = taskName(task)
            if let slot = context.slot(task) { text += "  finish \(slot.finish.iso)" }
            if let due = plan.tasks[task].deadline { text += ", due \(due.iso)" }
            // The site's words for it (`Lateness`), with ISO dates.
            if let lateness = Analyzer.lateness(plan.tasks[task], context.slot(task), today: context.schedule.today,
                                                calendar: context.calendar(ofTask: task)) {
                text += ": " + lateness.phrase(\.iso)
            }
            let who = context.assigneeIDs(task)
            if !who.isEmpty { text += "  " + who.map { "@" + $0 }.joined(separator: " ") }
            return text
        }
        if !analysis.lateWork.isEmpty {
            line("")
            line(style.paint("Late (\(analysis.lateWork.count))", .bold))
            limited(analysis.lateWork) { task in lateLine(task) + blocked(words.blockedNote(task: task)) }
        }
        if !analysis.finishedLate.isEmpty {
            line("")
            line(style.paint("Finished late (\(analysis.finishedLate.count))", .bold) + style.paint("  done after the due date: history", .dim))
            limited(analysis.finishedLate) { lateLine($0) }
        }
        if !analysis.blockedTasks.isEmpty {
            line("")
            line(style.paint("Blocked (\(analysis.blockedTasks.count))", .bold))
            limited(analysis.blockedTasks) { task in
                let who = context.assigneeIDs(task)
                return taskName(task) + (who.isEmpty ? "" : "  " + who.map { "@" + $0 }.joined(separator: " "))
            }
        }
        // Cancelled work is shown for what it is: no work, no cost, left out of progress.
        let cancelled = project.taskRange.clamped(to: plan.tasks.indices).filter {
            plan.tasks[$0].state == .cancelled && !context.isSummary($0)
        }
        if !cancelled.isEmpty {
            line("")
            line(style.paint("Cancelled (\(cancelled.count))", .bold) + style.paint("  no work, no cost, not in progress", .dim))
            limited(cancelled) { taskName($0) }
        }
        if !analysis.topRisks.isEmpty {
            line("")
            line(style.paint("Top risks", .bold))
            limited(analysis.topRisks) { risk in
                let entry = project.risks[risk]
                var text = TerminalText.fit(String(entry.score), 2, alignRight: true) + "  " + style.text(entry.title)
                if let likelihood = entry.likelihood, let impact = entry.impact {
                    text += "  (\(likelihood.rawValue) x \(impact.rawValue))"
                }
                if let owner = entry.ownerIndex, plan.people.indices.contains(owner) { text += "  owner \(style.text(plan.people[owner].name))" }
                return entry.score >= HealthRules.riskScoreThreshold ? style.paint(text, .yellow) : text
            }
        }
        // Open issues and occurred risks, as the site's issue table lists them (most severe first).
        let openIssues = analysis.issues.filter(\.isOpen)
        if !openIssues.isEmpty {
            line("")
            line(style.paint("Issues (\(openIssues.count))", .bold))
            limited(Array(openIssues.indices)) { offset in
                let item = openIssues[offset]
                let title: String, owner: Int?
                switch item.source {
                case .issue(let index): (title, owner) = (project.issues[index].title, project.issues[index].ownerIndex)
                case .occurredRisk(let index): (title, owner) = ("occurred: " + project.risks[index].title, project.risks[index].ownerIndex)
                }
                var text = TerminalText.fit(item.severity?.name ?? "-", 9) + "  " + style.text(title)
                if let due = item.due { text += "  due \(due.iso)" }
                if let owner, plan.people.indices.contains(owner) { text += "  owner \(style.text(plan.people[owner].name))" }
                return text
            }
        }
        if !analysis.overAllocations.isEmpty {
            line("")
            line(style.paint("Over-allocated", .bold))
            limited(Array(analysis.overAllocations.indices)) { run in
                let entry = analysis.overAllocations[run]
                let peak = entry.capacity > 0 ? ", peak \(NumberText.percent(entry.peakLoad / entry.capacity))" : ""
                return style.text(Figures.resourceName(entry.resource, plan))
                    + "  \(entry.firstDay.iso)..\(entry.lastDay.iso), \(NumberText.count(entry.days, "day"))\(peak)"
            }
        }
        if let latest = analysis.latestJournal {
            let entry = project.journal[latest]
            line("")
            let rating = entry.rating.map { " " + ratingText($0, style) } ?? ""
            line(style.paint("Latest journal", .bold) + "  \(entry.date.iso)\(rating)  " + style.text(entry.headline))
        }
        if let record = analysis.ratingsRecord {
            line("")
            for piece in TerminalText.wrap("Record in this report's journal heading: — " + record, width: width, indent: 2, ascii: style.ascii) {
                line(style.paint(piece, .dim))
            }
        }
        return lines.map { TerminalText.truncate($0, to: width, ascii: style.ascii) }
            .map(\.trailingTrimmed).joined(separator: "\n") + "\n"
    }
}
