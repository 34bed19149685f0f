import Foundation
import Mustache
import PlanAnalysis
import PlanMarkdown
import PlanModel
import PlanReports

/// Builds the status site: plan, schedule and analysis in, a list of files out. Pure: it reads no
/// clock, files or environment (the theme was loaded by the caller), so the same input always
/// gives the same bytes.
public struct SiteBuilder: Sendable {
    public let plan: Plan
    public let schedule: Schedule
    public let analysis: PortfolioAnalysis
    public let options: SiteOptions
    let library: MustacheLibrary
    let stylesheet: String
    /// Folder name of each project under `projects/`, unique even if two ids look alike.
    let folders: [String]

    public enum BuildError: Error, CustomStringConvertible {
        case templateFailed(String)
        public var description: String {
            switch self {
            case .templateFailed(let name): return "template '\(name)' could not be rendered"
            }
        }
    }

    public init(plan: Plan, schedule: Schedule, analysis: PortfolioAnalysis, theme: Theme, options: SiteOptions) throws {
        self.plan = plan
        self.schedule = schedule
        self.analysis = analysis
        self.options = options
        self.library = try theme.library()
        self.stylesheet = theme.stylesheet
        var used = Set<String>()
        var folders: [String] = []
        for project in plan.projects {
            let base = HTML.pathSegment(project.id)
            var name = base
            var counter = 2
            while used.contains(name.lowercased()) { name = "\(base)-\(counter)"; counter += 1 }
            used.insert(name.lowercased())
            folders.append(name)
        }
        self.folders = folders
    }

    /// Every file of the site. `planJSON` is written as `plan.json` beside the pages.
    public func build(planJSON: String?) throws -> [SiteFile] {
        var files: [SiteFile] = []
        files.append(SiteFile(path: "index.html", text: try portfolioPage()))
        files.append(SiteFile(path: "404.html", text: try notFoundPage()))
        for index in plan.projects.indices {
            let folder = "projects/" + folders[index]
            let load = loadSection(index)
            files.append(SiteFile(path: folder + "/index.html", text: try projectPage(index, load: load)))
            files.append(SiteFile(path: folder + "/tasks.html", text: try tasksPage(index)))
            if let table = load.pageHTML { files.append(SiteFile(path: folder + "/load.html", text: try loadPage(index, table: table))) }
        }
        if let planJSON { files.append(SiteFile(path: "plan.json", text: planJSON)) }
        return files
    }

    // MARK: Pages

    func render(_ template: String, _ value: Any) throws -> String {
        guard let text = library.render(value, withTemplate: template) else { throw BuildError.templateFailed(template) }
        return text
    }

    func page(title: String, root: String, path: String, crumbs: [Crumb], body: String) throws -> String {
        try render("layout", layoutView(title: title, root: root, path: path, crumbs: crumbs, body: body))
    }

    func layoutView(title: String, root: String, path: String, crumbs: [Crumb], body: String) -> LayoutView {
        LayoutView(
            pageTitle: title, siteTitle: siteTitle, root: root,
            canonical: options.normalizedBaseURL.map { $0 + path },
            stylesheetCSS: stylesheet, breadcrumbs: crumbs,
            today: DayText.long(options.today), todayISO: options.today.iso,
            commit: options.commit, bodyHTML: body, liveReload: options.liveReload)
    }

    var siteTitle: String {
        if let title = plan.settings.title { return title + " — status" }
        return plan.projects.count == 1 ? plan.projects[0].title + " — status" : "Project portfolio — status"
    }

    func portfolioPage() throws -> String {
        let view = portfolioView()
        return try page(title: siteTitle, root: "", path: "", crumbs: [], body: try render("portfolio", view))
    }

    func portfolioView() -> PortfolioView {
        var counts: [Rating: Int] = [:]
        // Worst health first: the projects that need attention lead; ties keep plan order.
        let order = plan.projects.indices.sorted {
            let a = analysis.projects[$0].health, b = analysis.projects[$1].health
            return a != b ? a > b : $0 < $1
        }
        let rows = order.map { index -> PortfolioRow in
            let project = plan.projects[index]
            let figures = analysis.projects[index]
            counts[figures.health, default: 0] += 1
            let next = figures.nextMilestones.first.map { milestoneText($0) } ?? "—"
            let risk = figures.topRisks.first.map { riskIndex -> String in
                let risk = project.risks[riskIndex]
                return risk.title + " (" + RiskMatrix.band(score: risk.score).name + ")"
            } ?? "—"
            return PortfolioRow(
                id: project.id, title: project.title, href: "projects/\(folders[index])/",
                health: HealthView(figures.health.rawValue, closed: project.phase == .closed), reasons: figures.healthReasons, hasReasons: !figures.healthReasons.isEmpty,
                phase: (project.phase ?? .planning).rawValue,
                percent: NumberText.percent(figures.percentComplete),
                percentValue: Int((figures.percentComplete * 100).rounded()),
                finishLabel: project.phase == .closed ? "Finished" : "Forecast",
                forecast: DayText.optional(figures.forecastFinish), deadline: DayText.optional(figures.deadline),
                slip: slipText(figures), slipLate: (figures.slipDays ?? 0) > 0,
                nextMilestone: next,
                forecastBlocked: words.blockedNote(words.finishBlockers(ofProject: index)),
                nextMilestoneBlocked: figures.nextMilestones.first.flatMap { words.blockedNote(task: $0, includingItself: true) },
                topRisk: risk, owner: ownerName(project))
        }
        let summary = [Rating.red, .amber, .green].compactMap { rating -> String? in
            guard let count = counts[rating], count > 0 else { return nil }
            return "\(count) \(rating.rawValue)"
        }.joined(separator: ", ")
        return PortfolioView(title: siteTitle, today: DayText.long(options.today), projectCount: rows.count, projectWord: rows.count == 1 ? "project" : "projects",
                             counts: summary, projects: rows, hasProjects: !rows.isEmpty)
    }

    func notFoundPage() throws -> String {
        // A host serves this page at any depth, so its links must be absolute: the base URL, or
        // the site root when none was given.
        let root = options.normalizedBaseURL ?? "/"
        let body = try render("not-found", ["root": root])
        return try page(title: "Page not found", root: root, path: "404.html",
                        crumbs: [Crumb(label: "Portfolio", href: root)], body: body)
    }

    func projectPage(_ index: Int, load: LoadSection? = nil) throws -> String {
        let view = projectView(index, load: load)
        let project = plan.projects[index]
        let crumbs = [Crumb(label: "Portfolio", href: "../../"), Crumb(label: project.title, href: nil)]
        return try page(title: project.title + " — status", root: "../../", path: "projects/\(folders[index])/",
                        crumbs: crumbs, body: try render("project", view))
    }

    func tasksPage(_ index: Int) throws -> String {
        let project = plan.projects[index]
        let view = tasksView(index)
        let crumbs = [Crumb(label: "Portfolio", href: "../../"), Crumb(label: project.title, href: "./"),
                      Crumb(label: "Tasks", href: nil)]
        return try page(title: project.title + " — tasks", root: "../../", path: "projects/\(folders[index])/tasks.html",
                        crumbs: crumbs, body: try render("tasks", view))
    }

    /// A large team's resource load table on a page of its own (see `loadSection`). Its body is
    /// built here, not by a template: a heading, a link back and the table `loadHTML` would be.
    func loadPage(_ index: Int, table: String) throws -> String {
        let project = plan.projects[index]
        let crumbs = [Crumb(label: "Portfolio", href: "../../"), Crumb(label: project.title, href: "./"),
                      Crumb(label: "Resource load", href: nil)]
        let body = "<h1>\(HTML.escape(project.title)): resource load</h1>\n<p class=\"lead\">Back to the <a href=\"./\">status page</a>.</p>\n" + table + "\n"
        return try page(title: project.title + " — resource load", root: "../../", path: "projects/\(folders[index])/load.html",
                        crumbs: crumbs, body: body)
    }

    /// Each task against the baseline, parallel to `plan.tasks` (all nil without one).
    var baselineVariances: [TaskVariance?] {
        var variances = [TaskVariance?](repeating: nil, count: plan.tasks.count)
        for project in options.baseline?.projects.compactMap({ $0 }) ?? [] {
            for variance in project.tasks where variances.indices.contains(variance.task) { variances[variance.task] = variance }
        }
        return variances
    }

    func tasksView(_ index: Int) -> TasksView {
        let title = plan.projects[index].title
        let rows = taskRows(index).map(\.html)
        func joined(_ rows: ArraySlice<String>) -> String {
            var text = rows.joined()
            if text.hasSuffix("\n") { text.removeLast() }
            return text
        }
        var chunks = [TaskTableChunk(caption: "All tasks of " + title, rowsHTML: joined(rows[...]))]
        let chunked = rows.count > TaskTableChunk.limit
        if chunked {
            chunks = stride(from: 0, to: rows.count, by: TaskTableChunk.size).map { first in
                let last = min(first + TaskTableChunk.size, rows.count)
                return TaskTableChunk(caption: "Tasks \(NumberText.grouped(Double(first + 1))) to \(NumberText.grouped(Double(last))) of \(NumberText.grouped(Double(rows.count))): \(title)",
                                      rowsHTML: joined(rows[first..<last]))
            }
        }
        return TasksView(projectTitle: title, projectHref: "./",
                         count: plan.projects[index].taskRange.count, chunks: chunks, chunked: chunked,
                         hasBaseline: options.baseline != nil)
    }

    // MARK: Helpers shared by the views

    /// Plan Markdown written in `file`, for a page in `projects/ID/`. A relative link to another
    /// plan file the site publishes (a project file or a `part-of` file) points at that project's
    /// page; a link to any other file (team, calendar, documents) becomes plain text, since the
    /// site does not hold those files.
    func markdown(_ text: String, from file: String) -> String? {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { return nil }
        return HTML.rewritingRelativeLinks(MarkdownHTML.render(trimmed)) { projectPage(linkedFrom: file, target: $0) }
    }

    /// The address, from a project's pages, of the project whose file `target` names (relative
    /// to `file`, as the Markdown was written); nil when the target is no project or `part-of` file.
    func projectPage(linkedFrom file: String, target: Substring) -> String? {
        let path = target.prefix { $0 != "#" && $0 != "?" }
        guard !path.isEmpty, let decoded = String(path).removingPercentEncoding else { return nil }
        let folder = URL(fileURLWithPath: file).deletingLastPathComponent()
        let resolved = folder.appendingPathComponent(decoded).standardizedFileURL.path
        let project = plan.projects.indices.first { index in
            ([plan.projects[index].file] + plan.projects[index].partFiles).contains {
                URL(fileURLWithPath: $0).standardizedFileURL.path == resolved
            }
        }
        return project.map { "../\(folders[$0])/" }
    }

    func personName(_ index: Int?) -> String {
        guard let index, plan.people.indices.contains(index) else { return "—" }
        return plan.people[index].name
    }

    func ownerName(_ project: Project) -> String {
        if let index = project.ownerIndex, plan.people.indices.contains(index) { return plan.people[index].name }
        return project.ownerName ?? "—"
    }

    /// The one source of "why this date" text, shared with the terminal and the JSON export.
    var words: DateExplanationText { DateExplanationText(plan: plan, schedule: schedule) }

    func milestoneText(_ index: Int) -> String {
        plan.tasks[index].title + " — " + DayText.long(schedule.tasks[index].finish)
    }

    func slipText(_ figures: ProjectAnalysis) -> String? {
        figures.deadlineStanding
    }

    func levelText(_ level: Level?) -> String { level.map(RiskMatrix.levelName) ?? "—" }
}
