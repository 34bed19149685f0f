/// The values the templates see. Field names are the theme's vocabulary (docs/site.md lists
/// them): plain `String` fields are text and the templates print them with `{{name}}`, which
/// escapes; fields ending in `HTML` are markup built by this module or by cmark's safe renderer
/// and are printed with `{{{name}}}`. Optional fields are nil when there is nothing to show,
/// so a template can wrap a whole section in `{{#name}}…{{/name}}`.

struct LayoutView {
    var pageTitle: String
    var siteTitle: String
    /// Relative path from the page to the site root: `""`, `"../../"`.
    var root: String
    var canonical: String?
    /// The theme's stylesheet, inlined so that every page stands alone (offline, saved, mailed).
    var stylesheetCSS: String
    var breadcrumbs: [Crumb]
    var today: String
    var todayISO: String
    var commit: String?
    var bodyHTML: String
    var liveReload: Bool
}

struct Crumb {
    var label: String
    var href: String?
}

struct HealthView {
    /// `green`, `amber`, `red`: a CSS class.
    var rating: String
    /// Text that carries the rating without colour: `On track`, `At risk`, `Off track`.
    var label: String
    var symbol: String

    /// `closed`: a closed project is rated on its outcome, so the words say that instead.
    init(_ rating: String, closed: Bool = false) {
        self.rating = rating
        switch (rating, closed) {
        case ("red", false): label = "Red — off track"; symbol = "■"
        case ("amber", false): label = "Amber — at risk"; symbol = "▲"
        case (_, false): label = "Green — on track"; symbol = "●"
        case ("red", true): label = "Red — closed, objectives missed"; symbol = "■"
        case ("amber", true): label = "Amber — closed, objectives partly met"; symbol = "▲"
        case (_, true): label = "Green — closed, objectives met"; symbol = "●"
        }
    }
}

struct PortfolioView {
    var title: String
    var today: String
    var projectCount: Int
    var projectWord: String
    var counts: String
    var projects: [PortfolioRow]
    var hasProjects: Bool
}

struct PortfolioRow {
    var id: String
    var title: String
    var href: String
    var health: HealthView
    var reasons: [String]
    var hasReasons: Bool
    var phase: String
    var percent: String
    var percentValue: Int
    /// "Finished" for a closed project, "Forecast" otherwise: the word before `forecast`.
    var finishLabel: String
    var forecast: String
    var deadline: String
    var slip: String?
    var slipLate: Bool
    var nextMilestone: String
    /// "depends on blocked 'X'" when the forecast finish or the next milestone waits for a
    /// blocked task without a resume date.
    var forecastBlocked: String?
    var nextMilestoneBlocked: String?
    var topRisk: String
    var owner: String
}

/// The first screen of a project page (`SiteBuilder.reportView`).
struct ReportView {
    /// The overall rating against the previous report's own rating.
    var overallTrend: TrendView?
    /// Schedule, cost, scope, resources, risk; empty for a closed project.
    var ratings: [RatingView]
    /// What the arrows compare with, or why there are none.
    var comparison: String
    var reasons: [ReasonView]
    /// Forecast finish, cost at completion, complete, next milestone, top risk.
    var tiles: [KeyFigure]
    /// What moved in the plan since the last report, when git history says.
    var moves: MovesView?
    /// The latest journal entry: the project manager's own words on what changed.
    var changed: ChangedView?
    /// Open decisions, then escalated issues.
    var asks: [AskView]
    var hasRatings: Bool
    var hasReasons: Bool
    var hasAsks: Bool
}

struct MovesView {
    /// `Since the report of 11 Sep 2026 (the plan at commit 3f2a1bc):`.
    var intro: String
    var items: [MoveView]
    var hasItems: Bool
    /// `1 task added, 2 removed.`, or nil.
    var scope: String?
}

struct MoveView {
    /// `Go-live`, then ` moved from 6 Nov 2026 to 11 Nov 2026 (+3 working days) because …`.
    var name: String
    var text: String
    /// The task table row that explains the date (`planc why`'s words); nil for the finish.
    var href: String?
    /// `later`, `earlier`: a CSS class.
    var direction: String
}

struct TrendView {
    /// `better`, `same`, `worse`: a CSS class.
    var direction: String
    var symbol: String
    /// `better than the report of 11 Sep 2026 (amber)`.
    var text: String
}

struct RatingView {
    var name: String
    var rating: String
    var symbol: String
    /// `Amber`.
    var label: String
    var trend: TrendView?
    /// The dimension's reasons in one line, for the tooltip; the list below has them all.
    var why: String
}

struct ReasonView {
    /// The dimension's name, `Overall` for the journal entry's own rating.
    var dimension: String
    var text: String
}

struct ChangedView {
    var date: String
    var dateISO: String
    var href: String
    /// Not `health`: a nil key would be looked up in the project and show the project's rating.
    var entryHealth: HealthView?
    var headline: String
    /// Nil when the plan's own moves are listed above it (they take the room).
    var excerptHTML: String?
    /// Whether the entry has more than its first paragraph.
    var more: Bool
}

struct AskView {
    /// `Decision` or `Help`.
    var kind: String
    var title: String
    var href: String
    var owner: String
    /// `needed by 24 Sep 2026`.
    var due: String
    var overdue: Bool
    /// `escalated 7 Sep 2026` for an issue.
    var escalated: String?
}

struct KeyFigure {
    var label: String
    var value: String
    var note: String?
}

struct MilestoneRow {
    var title: String
    var id: String
    /// The day it is listed by: `doneOn` when done, else `forecast`.
    var date: String
    /// When it was reached; "—" unless done.
    var doneOn: String
    /// When it is expected; "—" once done or cancelled.
    var forecast: String
    var due: String
    var status: String
    var statusClass: String
    var blocked: String?
}

/// The project against its baseline (`--baseline`, or `baseline:` in the settings file).
struct BaselineView {
    /// `v1.0 (3f2a1bc, 24 Jun 2026)`.
    var label: String
    var figures: [KeyFigure]
    /// Open work finishing later than the baseline said, worst first.
    var slips: [SlipRow]
    var slipCount: Int
    var hasSlips: Bool
    /// More slips than the table shows.
    var truncated: Bool
    /// `1 task added, 2 removed since the baseline`, or nil.
    var scope: String?
}

struct SlipRow {
    var title: String
    var href: String
    var baselineFinish: String
    var finish: String
    /// `+6 working days`.
    var variance: String
}

/// How long lists fold: a list of more than `limit` rows shows `shown` rows and folds the rest
/// under a count, so a 1,000-milestone plan's page opens at the milestones that matter, not a
/// screenful of scroll bar. (A fold of a handful of rows would only hide them: hence the gap.)
/// The rows shown start at `from` (the first open milestone), or as near it as leaves `shown`
/// rows; the rows before them fold apart, as earlier ones.
enum LongList {
    static let limit = 25
    static let shown = 20

    static func split<Row>(_ rows: [Row], from: Int = 0) -> (earlier: [Row], shown: [Row], later: [Row]) {
        guard rows.count > limit else { return ([], rows, []) }
        let start = max(0, min(from, rows.count - shown))
        return (Array(rows[..<start]), Array(rows[start..<(start + shown)]), Array(rows[(start + shown)...]))
    }
}

struct TaskRef {
    var title: String
    var id: String
    var href: String
    var finish: String
    var due: String
    var why: String
}

struct RiskRow {
    var anchor: String
    var id: String
    var title: String
    var likelihood: String
    var impact: String
    var score: String
    var band: String
    var bandClass: String
    var owner: String
    var status: String
    var mitigation: String
    var contingency: String
    var review: String
    var notesHTML: String?
}

struct IssueRow {
    var anchor: String
    var id: String
    var title: String
    var owner: String
    var status: String
    var raised: String
    var due: String
    var severity: String
    var notesHTML: String?
}

struct DecisionRow {
    var anchor: String
    var id: String
    var title: String
    var date: String
    var owner: String
    var notesHTML: String?
}

struct JournalView {
    var anchor: String
    var date: String
    var dateISO: String
    var health: HealthView?
    var headline: String
    var textHTML: String?
}

/// The trend section: charts and tables from git history, or a sentence saying why there are none.
struct TrendSectionView {
    var hasHistory: Bool
    /// `12 versions from git history, …` or why there is no history.
    var note: String
    /// The charts and their tables (`TrendCharts`); empty without history.
    var chartsHTML: String
}

struct BudgetView {
    var rows: [KeyFigure]
    var chartHTML: String
}

struct ObjectiveView {
    var text: String
    var result: String?
    var resultClass: String?
    var notesHTML: String?
}

struct ProjectView {
    var id: String
    var title: String
    var health: HealthView
    var report: ReportView
    /// Nil without a baseline.
    var baseline: BaselineView?
    /// Phase, owner, sponsor, stakeholders.
    var people: [KeyFigure]
    var descriptionHTML: String?
    var objectives: [ObjectiveView]
    var successCriteria: [ObjectiveView]
    var scopeIn: [String]
    var scopeOut: [String]
    var hasScope: Bool
    /// `LongList.shown` milestones from the first open one when there are more than
    /// `LongList.limit`, else all.
    var milestones: [MilestoneRow]
    /// Those before, folded under `earlierMilestonesLabel` ("Show 400 earlier milestones").
    var earlierMilestones: [MilestoneRow]
    var earlierMilestonesLabel: String?
    /// Those after, folded under `moreMilestonesLabel` ("Show 980 more milestones").
    var moreMilestones: [MilestoneRow]
    var moreMilestonesLabel: String?
    var ganttHTML: String
    var taskCount: Int
    /// Open work the Gantt chart marks late.
    var lateTasks: [TaskRef]
    /// Done work that finished after its due date: history.
    var finishedLateTasks: [TaskRef]
    var blockedTasks: [TaskRef]
    var riskMatrixHTML: String
    /// The register, the first `LongList.shown` when there are more than `LongList.limit`…
    var risks: [RiskRow]
    /// …and the rest folded under `moreRisksLabel` ("Show 30 more risks").
    var moreRisks: [RiskRow]
    var moreRisksLabel: String?
    var loadHTML: String
    var budget: BudgetView
    var trend: TrendSectionView
    var journal: [JournalView]
    /// The issue list, folded as the register is.
    var issues: [IssueRow]
    var moreIssues: [IssueRow]
    var moreIssuesLabel: String?
    var decisions: [DecisionRow]
    var isClosure: Bool
    /// A closed project: sections about work ahead are left out (see `shown`).
    var isClosed: Bool
    var outcomeHTML: String?
    var lessons: [String]
    /// Not `notesHTML`: Mustache looks a missing (nil) key up in the enclosing context, so an
    /// objective or risk without notes would show the project's notes under that name.
    var projectNotesHTML: String?
    var tasksHref: String
    /// Whether each list has entries, for wrapping a table around its rows.
    var has: Presence
    /// Which sections the page has: a closed project leaves out those with nothing to say.
    var shown: Sections
}

struct Sections {
    var late: Bool
    var risks: Bool
    var journal: Bool
    var issues: Bool
}

struct Presence {
    var objectives: Bool
    var successCriteria: Bool
    var milestones: Bool
    var earlierMilestones: Bool
    var moreMilestones: Bool
    var late: Bool
    var finishedLate: Bool
    var blocked: Bool
    var risks: Bool
    var moreRisks: Bool
    var issues: Bool
    var moreIssues: Bool
    var decisions: Bool
    var journal: Bool
    var lessons: Bool
}

struct TaskRow {
    var anchor: String
    var wbs: String
    var id: String
    var title: String
    var indent: Int
    var isSummary: Bool
    var isMilestone: Bool
    var kind: String
    var start: String
    var finish: String
    var startISO: String
    var finishISO: String
    var slack: String
    var progress: String
    var status: String
    var flags: String
    var assigned: String
    var after: String
    /// Why it starts then (`DateExplanationText`), and what blocked work its dates depend on.
    var why: String
    var notesHTML: String?
    /// With a baseline: its finish and the variance (`14 Sep 2026 · +6 working days`), `new` for
    /// a task it lacks; nil without a baseline (no column).
    var baseline: String?
}

struct TasksView {
    var projectTitle: String
    var projectHref: String
    var count: Int
    /// The table's rows, made by `TaskRow.html` (a template tag costs microseconds through the
    /// template engine, and a 10,000-task table has 200,000 of them), in tables of `TaskTableChunk.size`, each in its own `<div class="chunk">`
    /// that the browser lays out only when it scrolls into view (`content-visibility: auto`),
    /// when there are more than `TaskTableChunk.limit` rows; else one table of them all.
    var chunks: [TaskTableChunk]
    var chunked: Bool
    /// A baseline column after Finish.
    var hasBaseline: Bool

    /// All rows in one string, for themes written before the chunks; made only when a template
    /// asks for it (a second copy of a 5 MB table otherwise).
    var rowsHTML: String { chunks.map(\.rowsHTML).joined(separator: "\n") }
}

struct TaskTableChunk {
    /// A table of 10,000 rows is laid out whole, off screen too: half a gigabyte in the renderer.
    static let limit = 200
    static let size = 100

    /// "All tasks of Website relaunch", or "Tasks 101 to 200 of 12,000: Bench" for a chunk.
    var caption: String
    var rowsHTML: String
}

extension TaskRow {
    /// One `<tr>` of the task table; every plan string is escaped.
    var html: String {
        let e = HTML.escape
        // One line per row: a newline between cells is a text node in the DOM (120,000 of them
        // in a 10,000-task table).
        var out = "<tr id=\"\(e(anchor))\" class=\"k-\(e(kind))\"><td>\(e(wbs))</td>"
        out += "<th scope=\"row\" class=\"i\(indent)\">"
        out += isSummary ? "<strong>\(e(title))</strong>" : e(title)
        out += "<br><span class=\"tid\">\(e(id))\(isMilestone ? " · milestone" : "")</span>"
        if let notesHTML { out += "<details class=\"notes\"><summary>notes</summary>\(notesHTML)</details>" }
        out += "</th><td><time datetime=\"\(e(startISO))\">\(e(start))</time></td>"
        out += "<td><time datetime=\"\(e(finishISO))\">\(e(finish))</time></td>"
        if let baseline { out += "<td>\(e(baseline))</td>" }
        for cell in [slack, progress, status, flags, assigned, after, why] { out += "<td>\(e(cell))</td>" }
        return out + "</tr>\n"
    }
}

struct DiagnosticsView {
    var title: String
    var errorCount: Int
    var warningCount: Int
    var items: [DiagnosticItem]
}

struct DiagnosticItem {
    var severity: String
    var code: String
    var location: String
    var message: String
    var hint: String?
}
