import PlanAnalysis
import PlanModel
import PlanReports

/// The first screen of a project page: a one-page status report that answers the three questions
/// a status report exists for. Are we on track (the overall rating, the five dimension ratings
/// with their trend against the previous report and the reasons, forecast against deadline and
/// cost at completion against budget), what changed (the latest journal entry), and what needs a
/// decision (open decisions and escalated issues, with owner and date). Every figure and label
/// comes from `ProjectAnalysis`, as `planc status` shows it.
extension SiteBuilder {
    func reportView(_ index: Int, figures: ProjectAnalysis, decisionAnchors: [String], issueAnchors: [String],
                    journalAnchors: [String], taskHref: (Int) -> String) -> ReportView {
        let project = plan.projects[index]
        let file = project.file
        let isClosed = project.phase == .closed
        let previous = figures.previousReport.map { project.journal[$0] }
        let previousName = previous.map { "the report of \(DayText.long($0.date))" }

        let ratings = figures.ratings.map { rating in
            RatingView(name: rating.dimension.name, rating: rating.rating.rawValue, symbol: HealthView(rating.rating.rawValue).symbol,
                       label: rating.rating.rawValue.prefix(1).uppercased() + rating.rating.rawValue.dropFirst(),
                       trend: rating.trend.map { trendView($0, against: previousName ?? "", was: rating.previous) },
                       why: rating.reasons.isEmpty ? "No rule fired" : rating.reasons.joined(separator: "; "))
        }
        let comparison: String
        if let previous, let previousName {
            comparison = previous.ratings.isEmpty
                ? "No arrows: \(previousName) records no ratings by dimension (see the plan language's journal headings)."
                : "Arrows compare with \(previousName)."
        } else {
            comparison = "No earlier report to compare with: the journal has no entry before today."
        }

        let reasons = figures.reasons.map { reason in
            ReasonView(dimension: reason.dimension?.name ?? (isClosed ? "Outcome" : "Overall"), text: reason.text)
        }

        // The tiles: forecast against deadline, cost at completion against budget, progress, the
        // next milestone and the top risk.
        var tiles: [KeyFigure] = []
        let standing = figures.deadlineStanding.map { standing in
            figures.deadline.map { standing + " (\(DayText.long($0)))" } ?? standing
        } ?? (figures.deadline == nil ? "no deadline set" : nil)
        // Against the baseline too, when there is one: "+6 working days against baseline v1".
        let againstBaseline = options.baseline.flatMap { baseline -> String? in
            guard baseline.projects.indices.contains(index), let variance = baseline.projects[index]?.finishVariance else { return nil }
            return Self.signedWorkingDays(variance) + " against baseline " + baseline.reference
        }
        tiles.append(KeyFigure(label: isClosed ? "Finished" : "Forecast finish", value: DayText.optional(figures.forecastFinish),
                               note: joinedNote(standing, againstBaseline, words.blockedNote(words.finishBlockers(ofProject: index)))))
        let currency = figures.currency ?? figures.budget?.currency
        var costNotes: [String] = []
        if let budget = figures.budget, budget.amount > 0 {
            costNotes.append("\(NumberText.percent(figures.costForecast / budget.amount)) of the budget \(NumberText.money(budget))")
        } else {
            costNotes.append("no budget set")
        }
        if let spi = figures.schedulePerformanceIndex { costNotes.append("SPI \(NumberText.twoDecimals(spi))") }
        if let cpi = figures.costPerformanceIndex { costNotes.append("CPI \(NumberText.twoDecimals(cpi))") }
        tiles.append(KeyFigure(label: isClosed ? "Cost" : "Cost at completion",
                               value: NumberText.money(figures.costForecast, currency: currency), note: costNotes.joined(separator: " · ")))
        tiles.append(KeyFigure(label: "Complete", value: NumberText.percent(figures.percentComplete),
                               note: "\(NumberText.decimal(figures.completedEffortDays)) of \(NumberText.decimal(figures.plannedEffortDays)) person-days"))
        // A closed project has no milestone ahead: the figure would only say "—".
        if !isClosed {
            tiles.append(KeyFigure(label: "Next milestone", value: figures.nextMilestones.first.map { plan.tasks[$0].title } ?? "—",
                                   note: figures.nextMilestones.first.map {
                                       joinedNote(DayText.long(schedule.tasks[$0].finish), words.blockedNote(task: $0, includingItself: true)) ?? ""
                                   }))
        }
        if let top = figures.topRisks.first {
            let risk = project.risks[top]
            tiles.append(KeyFigure(label: "Top risk", value: risk.title,
                                   note: "score \(risk.score) of 16, \(RiskMatrix.band(score: risk.score).name)"))
        }

        // What changed: the latest journal entry, its first paragraph (unless the plan's moves,
        // from history, take the room), linked to the whole entry.
        let hasMoves = options.sinceLastReport.map { since in
            since.projects.indices.contains(index) && !(since.projects[index]?.moves.isEmpty ?? true)
        } ?? false
        let changed = figures.latestJournal.map { offset -> ChangedView in
            let entry = project.journal[offset]
            let paragraphs = entry.text.components(separatedBy: "\n\n")
            let excerpt = hasMoves ? nil : paragraphs.first.flatMap { markdown($0, from: file) }
            return ChangedView(date: DayText.long(entry.date), dateISO: entry.date.iso, href: "#" + journalAnchors[offset],
                               entryHealth: entry.rating.map { HealthView($0.rawValue) }, headline: entry.headline,
                               excerptHTML: excerpt, more: hasMoves || paragraphs.count > 1)
        }

        // What moved in the plan since then, each linked to the row that explains its date.
        let moves = options.sinceLastReport.flatMap { since -> MovesView? in
            guard since.projects.indices.contains(index), let project = since.projects[index] else { return nil }
            let items = project.moves.map { move in
                let parts = ReportMoveText.parts(move, plan: plan, day: DayText.long)
                return MoveView(name: parts.name, text: parts.rest, href: move.task.map(taskHref),
                                direction: move.workingDays > 0 ? "later" : "earlier")
            }
            return MovesView(intro: "Since the report of \(DayText.long(since.day)) (the plan at commit \(since.commit)):",
                             items: items, hasItems: !items.isEmpty, scope: ReportMoveText.scope(project).map { $0 + "." })
        }

        let today = options.today
        var asks = figures.decisionsNeeded.map { offset -> AskView in
            let decision = project.decisions[offset]
            return AskView(kind: "Decision", title: decision.title, href: "#" + decisionAnchors[offset],
                           owner: decision.ownerIndex == nil ? "no owner" : personName(decision.ownerIndex),
                           due: decision.due.map { "needed by " + DayText.long($0) } ?? "no date set",
                           overdue: decision.due.map { $0 < today } ?? false, escalated: nil)
        }
        asks += figures.helpNeeded.map { offset -> AskView in
            let issue = project.issues[offset]
            return AskView(kind: "Help", title: issue.title, href: "#" + issueAnchors[offset],
                           owner: issue.ownerIndex == nil ? "no owner" : personName(issue.ownerIndex),
                           due: issue.due.map { "needed by " + DayText.long($0) } ?? "no date set",
                           overdue: issue.due.map { $0 < today } ?? false,
                           escalated: issue.escalated.map { "escalated " + DayText.long($0) })
        }

        return ReportView(overallTrend: figures.healthTrend.map { trendView($0, against: previousName ?? "", was: previous?.rating) },
                          ratings: ratings, comparison: comparison, reasons: reasons, tiles: tiles, moves: moves, changed: changed, asks: asks,
                          hasRatings: !ratings.isEmpty, hasReasons: !reasons.isEmpty, hasAsks: !asks.isEmpty)
    }

    /// `↑ better than the report of 11 Sep 2026 (amber)`: the arrow for the eye, the words for
    /// everyone (colour and arrow are never the only signal).
    func trendView(_ trend: Trend, against previous: String, was rating: Rating?) -> TrendView {
        TrendView(direction: trend.rawValue, symbol: trend.symbol(),
                  text: "\(trend.comparison) \(previous)" + (rating.map { " (\($0.rawValue))" } ?? ""))
    }
}
