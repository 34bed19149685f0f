import PlanModel

/// One row of the issue list: a logged issue, or a risk that has occurred (an occurred risk is no
/// longer a chance but a fact to handle, so it is listed with the issues, not in the risk matrix).
public struct IssueItem: Sendable, Hashable {
    public enum Source: Sendable, Hashable {
        /// An index into `Project.issues`.
        case issue(Int)
        /// An index into `Project.risks`, whose status is `occurred`.
        case occurredRisk(Int)
    }
    public var source: Source
    /// The issue's severity; an occurred risk's impact.
    public var severity: Level?
    /// The issue's due date; an occurred risk's review date.
    public var due: Day?
    /// Open issues and occurred risks; resolved and closed issues are history.
    public var isOpen: Bool
}

/// The order of the risk and issue registers, the same in every output.
enum Registers {
    /// Risks by score, highest first, then by review date (soonest first, none last), then as written.
    static func byScore(_ indices: [Int], _ risks: [Risk]) -> [Int] {
        indices.sorted { a, b in
            let x = risks[a], y = risks[b]
            if x.score != y.score { return x.score > y.score }
            return (x.review?.ordinal ?? Int.max, a) < (y.review?.ordinal ?? Int.max, b)
        }
    }

    /// Open and watched risks, for the matrix, the top risks and the health rule.
    static func activeRisks(_ project: Project) -> [Int] {
        byScore(project.risks.indices.filter { project.risks[$0].status == .open || project.risks[$0].status == .watching },
                project.risks)
    }

    /// The risk register: open and watched risks by score, then closed ones by score. Occurred
    /// risks are in `issues`.
    static func riskRegister(_ project: Project) -> [Int] {
        activeRisks(project) + byScore(project.risks.indices.filter { project.risks[$0].status == .closed }, project.risks)
    }

    /// Issues and occurred risks: open ones first, each part by severity (highest first, none
    /// last), then by due date (soonest first, none last), issues before risks, then as written.
    static func issues(_ project: Project) -> [IssueItem] {
        var items = project.issues.indices.map { index in
            let issue = project.issues[index]
            return IssueItem(source: .issue(index), severity: issue.severity, due: issue.due, isOpen: issue.status == .open)
        }
        items += project.risks.indices.filter { project.risks[$0].status == .occurred }.map { index in
            IssueItem(source: .occurredRisk(index), severity: project.risks[index].impact, due: project.risks[index].review, isOpen: true)
        }
        func key(_ item: IssueItem) -> (Int, Int, Int, Int, Int) {
            let (kind, index): (Int, Int) = switch item.source { case .issue(let i): (0, i); case .occurredRisk(let i): (1, i) }
            return (item.isOpen ? 0 : 1, -(item.severity?.score ?? 0), item.due?.ordinal ?? Int.max, kind, index)
        }
        return items.sorted { key($0) < key($1) }
    }
}
