import Mustache

// Templates read the views' fields through these switches instead of `Mirror`: reflection made a
// 10,000-task page take seconds. Each switch lists every stored property of its view, in order;
// a nil optional comes back as nil, which Mustache treats as missing, as it did through Mirror.
// The site's golden tests render every template and would show a field left out here.

extension LayoutView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "pageTitle": return pageTitle
        case "siteTitle": return siteTitle
        case "root": return root
        case "canonical": return canonical
        case "stylesheetCSS": return stylesheetCSS
        case "breadcrumbs": return breadcrumbs
        case "today": return today
        case "todayISO": return todayISO
        case "commit": return commit
        case "bodyHTML": return bodyHTML
        case "liveReload": return liveReload
        default: return nil
        }
    }
}

extension Crumb: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "label": return label
        case "href": return href
        default: return nil
        }
    }
}

extension HealthView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "rating": return rating
        case "label": return label
        case "symbol": return symbol
        default: return nil
        }
    }
}

extension PortfolioView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "title": return title
        case "today": return today
        case "projectCount": return projectCount
        case "projectWord": return projectWord
        case "counts": return counts
        case "projects": return projects
        case "hasProjects": return hasProjects
        default: return nil
        }
    }
}

extension PortfolioRow: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "id": return id
        case "title": return title
        case "href": return href
        case "health": return health
        case "reasons": return reasons
        case "hasReasons": return hasReasons
        case "phase": return phase
        case "percent": return percent
        case "percentValue": return percentValue
        case "finishLabel": return finishLabel
        case "forecast": return forecast
        case "deadline": return deadline
        case "slip": return slip
        case "slipLate": return slipLate
        case "nextMilestone": return nextMilestone
        case "forecastBlocked": return forecastBlocked
        case "nextMilestoneBlocked": return nextMilestoneBlocked
        case "topRisk": return topRisk
        case "owner": return owner
        default: return nil
        }
    }
}

extension KeyFigure: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "label": return label
        case "value": return value
        case "note": return note
        default: return nil
        }
    }
}

extension MilestoneRow: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "title": return title
        case "id": return id
        case "date": return date
        case "doneOn": return doneOn
        case "forecast": return forecast
        case "due": return due
        case "status": return status
        case "statusClass": return statusClass
        case "blocked": return blocked
        default: return nil
        }
    }
}

extension TaskRef: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "title": return title
        case "id": return id
        case "href": return href
        case "finish": return finish
        case "due": return due
        case "why": return why
        default: return nil
        }
    }
}

extension RiskRow: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "anchor": return anchor
        case "id": return id
        case "title": return title
        case "likelihood": return likelihood
        case "impact": return impact
        case "score": return score
        case "band": return band
        case "bandClass": return bandClass
        case "owner": return owner
        case "status": return status
        case "mitigation": return mitigation
        case "contingency": return contingency
        case "review": return review
        case "notesHTML": return notesHTML
        default: return nil
        }
    }
}

extension IssueRow: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "anchor": return anchor
        case "id": return id
        case "title": return title
        case "owner": return owner
        case "status": return status
        case "raised": return raised
        case "due": return due
        case "severity": return severity
        case "notesHTML": return notesHTML
        default: return nil
        }
    }
}

extension DecisionRow: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "anchor": return anchor
        case "id": return id
        case "title": return title
        case "date": return date
        case "owner": return owner
        case "notesHTML": return notesHTML
        default: return nil
        }
    }
}

extension JournalView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "anchor": return anchor
        case "date": return date
        case "dateISO": return dateISO
        case "health": return health
        case "headline": return headline
        case "textHTML": return textHTML
        default: return nil
        }
    }
}

extension TrendSectionView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "hasHistory": return hasHistory
        case "note": return note
        case "chartsHTML": return chartsHTML
        default: return nil
        }
    }
}

extension BudgetView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "rows": return rows
        case "chartHTML": return chartHTML
        default: return nil
        }
    }
}

extension ObjectiveView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "text": return text
        case "result": return result
        case "resultClass": return resultClass
        case "notesHTML": return notesHTML
        default: return nil
        }
    }
}

extension ProjectView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "id": return id
        case "title": return title
        case "health": return health
        case "report": return report
        case "baseline": return baseline
        case "people": return people
        case "descriptionHTML": return descriptionHTML
        case "objectives": return objectives
        case "successCriteria": return successCriteria
        case "scopeIn": return scopeIn
        case "scopeOut": return scopeOut
        case "hasScope": return hasScope
        case "milestones": return milestones
        case "earlierMilestones": return earlierMilestones
        case "earlierMilestonesLabel": return earlierMilestonesLabel
        case "moreMilestones": return moreMilestones
        case "moreMilestonesLabel": return moreMilestonesLabel
        case "ganttHTML": return ganttHTML
        case "taskCount": return taskCount
        case "lateTasks": return lateTasks
        case "finishedLateTasks": return finishedLateTasks
        case "blockedTasks": return blockedTasks
        case "riskMatrixHTML": return riskMatrixHTML
        case "risks": return risks
        case "moreRisks": return moreRisks
        case "moreRisksLabel": return moreRisksLabel
        case "loadHTML": return loadHTML
        case "budget": return budget
        case "trend": return trend
        case "journal": return journal
        case "issues": return issues
        case "moreIssues": return moreIssues
        case "moreIssuesLabel": return moreIssuesLabel
        case "decisions": return decisions
        case "isClosure": return isClosure
        case "isClosed": return isClosed
        case "outcomeHTML": return outcomeHTML
        case "lessons": return lessons
        case "projectNotesHTML": return projectNotesHTML
        case "tasksHref": return tasksHref
        case "has": return has
        case "shown": return shown
        default: return nil
        }
    }
}

extension Sections: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "late": return late
        case "risks": return risks
        case "journal": return journal
        case "issues": return issues
        default: return nil
        }
    }
}

extension Presence: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "objectives": return objectives
        case "successCriteria": return successCriteria
        case "milestones": return milestones
        case "earlierMilestones": return earlierMilestones
        case "moreMilestones": return moreMilestones
        case "late": return late
        case "finishedLate": return finishedLate
        case "blocked": return blocked
        case "risks": return risks
        case "moreRisks": return moreRisks
        case "issues": return issues
        case "moreIssues": return moreIssues
        case "decisions": return decisions
        case "journal": return journal
        case "lessons": return lessons
        default: return nil
        }
    }
}

extension TaskRow: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "anchor": return anchor
        case "wbs": return wbs
        case "id": return id
        case "title": return title
        case "indent": return indent
        case "isSummary": return isSummary
        case "isMilestone": return isMilestone
        case "kind": return kind
        case "start": return start
        case "finish": return finish
        case "startISO": return startISO
        case "finishISO": return finishISO
        case "slack": return slack
        case "progress": return progress
        case "status": return status
        case "flags": return flags
        case "assigned": return assigned
        case "after": return after
        case "why": return why
        case "notesHTML": return notesHTML
        case "baseline": return baseline
        default: return nil
        }
    }
}

extension TasksView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "projectTitle": return projectTitle
        case "projectHref": return projectHref
        case "rowsHTML": return rowsHTML
        case "count": return count
        case "chunks": return chunks
        case "chunked": return chunked
        case "hasBaseline": return hasBaseline
        default: return nil
        }
    }
}

extension TaskTableChunk: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "caption": return caption
        case "rowsHTML": return rowsHTML
        default: return nil
        }
    }
}

extension DiagnosticsView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "title": return title
        case "errorCount": return errorCount
        case "warningCount": return warningCount
        case "items": return items
        default: return nil
        }
    }
}

extension DiagnosticItem: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "severity": return severity
        case "code": return code
        case "location": return location
        case "message": return message
        case "hint": return hint
        default: return nil
        }
    }
}

extension ReportView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "overallTrend": return overallTrend
        case "ratings": return ratings
        case "comparison": return comparison
        case "reasons": return reasons
        case "tiles": return tiles
        case "moves": return moves
        case "changed": return changed
        case "asks": return asks
        case "hasRatings": return hasRatings
        case "hasReasons": return hasReasons
        case "hasAsks": return hasAsks
        default: return nil
        }
    }
}

extension TrendView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "direction": return direction
        case "symbol": return symbol
        case "text": return text
        default: return nil
        }
    }
}

extension RatingView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "name": return self.name
        case "rating": return rating
        case "symbol": return symbol
        case "label": return label
        case "trend": return trend
        case "why": return why
        default: return nil
        }
    }
}

extension ReasonView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "dimension": return dimension
        case "text": return text
        default: return nil
        }
    }
}

extension ChangedView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "date": return date
        case "dateISO": return dateISO
        case "href": return href
        case "entryHealth": return entryHealth
        case "headline": return headline
        case "excerptHTML": return excerptHTML
        case "more": return more
        default: return nil
        }
    }
}

extension AskView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "kind": return kind
        case "title": return title
        case "href": return href
        case "owner": return owner
        case "due": return due
        case "overdue": return overdue
        case "escalated": return escalated
        default: return nil
        }
    }
}

extension BaselineView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "label": return label
        case "figures": return figures
        case "slips": return slips
        case "slipCount": return slipCount
        case "hasSlips": return hasSlips
        case "truncated": return truncated
        case "scope": return scope
        default: return nil
        }
    }
}

extension SlipRow: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "title": return title
        case "href": return href
        case "baselineFinish": return baselineFinish
        case "finish": return finish
        case "variance": return variance
        default: return nil
        }
    }
}

extension MovesView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "intro": return intro
        case "items": return items
        case "hasItems": return hasItems
        case "scope": return scope
        default: return nil
        }
    }
}

extension MoveView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "name": return self.name
        case "text": return text
        case "href": return href
        case "direction": return direction
        default: return nil
        }
    }
}
