import Foundation
import PlanAnalysis
import PlanCompiler
import PlanModel
import PlanTestSupport
import Testing
@testable import PlanSite

/// The examples' sites with a pinned `--today`. Golden fragments are small, reviewed slices of the
/// pages in `Tests/Golden/PlanSite/` (outside the target folder, so SwiftPM does not take them for
/// resources); regenerate them with `PLANC_UPDATE_GOLDEN=1` and read the diff before committing.
@Suite struct ExampleSiteTests {
    static let today = Day(iso: "2026-09-15")!

    static func site(_ example: String) throws -> [String: String] {
        let compiled = Pipeline.compile(CompileOptions(path: Repository.url("Examples/\(example)").path, today: today))
        #expect(!compiled.hasErrors, "\(compiled.diagnostics.filter { $0.severity == .error })")
        let schedule = try #require(compiled.schedule)
        let builder = try SiteBuilder(plan: compiled.plan, schedule: schedule, analysis: Analyzer.analyze(compiled.plan, schedule),
                                      theme: Theme.builtIn(), options: SiteOptions(today: today, commit: "0000000"))
        var files: [String: String] = [:]
        for file in try builder.build(planJSON: nil) { files[file.path] = String(decoding: file.contents, as: UTF8.self) }
        return files
    }

    /// The part of `page` from the first line containing `start` through the first line after it
    /// containing `end`.
    static func fragment(_ page: String, from start: String, to end: String) -> String {
        let lines = page.split(separator: "\n", omittingEmptySubsequences: false)
        guard let first = lines.firstIndex(where: { $0.contains(start) }) else { return "(missing: \(start))" }
        let last = lines[first...].firstIndex(where: { $0.contains(end) }) ?? lines.count - 1
        return lines[first...last].joined(separator: "\n") + "\n"
    }

    static func checkGolden(_ name: String, _ actual: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        Golden.check(actual, Repository.url("Tests/Golden/PlanSite/\(name)"), sourceLocation: sourceLocation)
    }

    @Test func crmGoldenFragments() throws {
        let site = try Self.site("crm-migration")
        let status = try #require(site["projects/crm/index.html"])
        try Self.checkGolden("crm-summary.html", Self.fragment(status, from: "<h1>", to: "</section>"))
        try Self.checkGolden("crm-milestones.html", Self.fragment(status, from: "<h2 id=\"milestones\">", to: "</table>"))
        try Self.checkGolden("crm-risk-matrix.html", Self.fragment(status, from: "<table class=\"matrix\">", to: "</table>"))
        try Self.checkGolden("crm-gantt-cutover.svg", Self.fragment(status, from: "id=\"gantt-cutover\"", to: "</details>"))
        try Self.checkGolden("crm-gantt-rollup.svg", Self.fragment(status, from: "id=\"gantt-rollup\"", to: "</details>"))
        try Self.checkGolden("crm-portfolio.html", Self.fragment(try #require(site["index.html"]), from: "<tbody>", to: "</tbody>"))
    }

    /// The first screen is the status report: the ratings, the reasons, the figures, what changed
    /// and what needs a decision come before the stakeholders and the table of contents (on a
    /// phone that is the order they are read in), and the asks link to their log entries.
    @Test func statusReportComesFirstAndLinksItsAsks() throws {
        let status = try #require(try Self.site("crm-migration")["projects/crm/index.html"])
        let order = ["<ul class=\"ratings\">", "<ul class=\"reasons\">", "<dl class=\"figures\">", "Changed since the last report",
                     "Decisions and help needed", "<dl class=\"meta\">", "<nav class=\"toc\""]
        let offsets = try order.map { try #require(status.range(of: $0), "missing \($0)").lowerBound }
        #expect(offsets == offsets.sorted())
        // Each ask points at an entry that exists on the page.
        let asks = Self.fragment(status, from: "<ul class=\"asks\">", to: "</ul>")
        let targets = asks.components(separatedBy: "<a href=\"#").dropFirst().map { String($0.prefix { $0 != "\"" }) }
        #expect(targets == ["decision-d-cti-fallback", "issue-i-cti-credentials"])
        for target in targets { #expect(status.contains("id=\"\(target)\""), "\(target)") }
        // The decision log says the open decision is open.
        #expect(status.contains("open, needed by 24 Sep 2026"))
    }

    /// The telephony vendor risk has occurred: it is an issue now, listed with the issues (most
    /// severe first), and neither placed in the matrix nor kept in the risk register.
    @Test func occurredRiskIsListedWithTheIssuesAndRegistersAreSorted() throws {
        let status = try #require(try Self.site("crm-migration")["projects/crm/index.html"])
        let matrix = Self.fragment(status, from: "<table class=\"matrix\">", to: "</table>")
        #expect(!matrix.contains("r-cti-vendor"))
        #expect(matrix.contains("Open and watched risks by likelihood and impact (closed risks are left out; occurred ones are listed with the issues)"))
        let register = Self.fragment(status, from: "<h3>Risk register</h3>", to: "</table>")
        #expect(!register.contains("r-cti-vendor"))
        let issues = Self.fragment(status, from: "<h2 id=\"issues\">", to: "</table>")
        #expect(issues.contains("occurred: Telephony vendor delivers the production API late"))
        try Self.checkGolden("crm-registers.html", register + issues)
    }

    /// Milestones by date, with when each was reached and when it is forecast in columns of their own.
    @Test func milestonesAreInDateOrderWithDoneAndForecastColumns() throws {
        let status = try #require(try Self.site("crm-migration")["projects/crm/index.html"])
        let table = Self.fragment(status, from: "<h2 id=\"milestones\">", to: "</table>")
        #expect(table.contains("<th scope=\"col\">Done on</th><th scope=\"col\">Forecast</th><th scope=\"col\">Due</th><th scope=\"col\">Status</th>"))
        let compiled = Pipeline.compile(CompileOptions(path: Repository.url("Examples/crm-migration").path, today: Self.today))
        let schedule = try #require(compiled.schedule)
        let analysis = Analyzer.analyze(compiled.plan, schedule).projects[0]
        let days = analysis.milestones.map { Analyzer.milestoneDate(compiled.plan.tasks[$0], schedule.tasks[$0]) }
        #expect(days == days.sorted())
        let rows = table.components(separatedBy: "<tr class=\"ms-").dropFirst()
        #expect(rows.map { $0.components(separatedBy: "</th>")[0].components(separatedBy: ">").last! }
                == analysis.milestones.map { HTML.escape(compiled.plan.tasks[$0].title) })
    }

    @Test func relaunchGoldenFragments() throws {
        let site = try Self.site("website-relaunch")
        let closed = try #require(site["projects/newsletter/index.html"])
        try Self.checkGolden("newsletter-closure.html", Self.fragment(closed, from: "<h2 id=\"closure\">", to: "</section>"))
        try Self.checkGolden("relaunch-portfolio.html", Self.fragment(try #require(site["index.html"]), from: "<tbody>", to: "</tbody>"))
        try Self.checkGolden("relaunch-task-table.html", Self.fragment(try #require(site["projects/web-relaunch/tasks.html"]), from: "<table class=\"tasks\">", to: "</table>"))
    }

    /// A closed project's page and portfolio row speak of the past: "Finished" with the date, no
    /// next milestone, no empty sections about work ahead, and a load sentence that says when the
    /// work ran instead of claiming no one has work from its first day on.
    @Test func closedProjectSaysFinishedAndLeavesOutWorkAhead() throws {
        let site = try Self.site("website-relaunch")
        let page = try #require(site["projects/newsletter/index.html"])
        #expect(page.contains("<dt>Finished</dt><dd>27 Apr 2026"))
        #expect(!page.contains("Forecast finish"))
        #expect(!page.contains("<dt>Next milestone</dt>"))
        for section in ["late", "risks", "journal", "issues"] {
            #expect(!page.contains("id=\"\(section)\""), "\(section)")
            #expect(!page.contains("href=\"#\(section)\""), "\(section)")
        }
        #expect(page.contains("The project is closed: its work ran from 2 Mar 2026 to 27 Apr 2026; no one has work on it from 15 Sep 2026 on."))
        #expect(!page.contains("has work scheduled from"))
        let portfolio = try #require(site["index.html"])
        #expect(portfolio.contains("<td data-label=\"Finish\">Finished 27 Apr 2026"))
        #expect(portfolio.contains("<td data-label=\"Finish\">Forecast "))
        // An open project keeps every section.
        let open = try #require(site["projects/web-relaunch/index.html"])
        for section in ["late", "risks", "journal", "issues"] { #expect(open.contains("id=\"\(section)\""), "\(section)") }
    }

    /// A relative link to a plan file the site publishes goes to its project's page (a `part-of`
    /// file's is its project's); links to other files become text, never a broken link. Notes
    /// from a `part-of` file carry a caption naming it.
    @Test func linksBetweenPlanFilesAndNotesFromPartFiles() throws {
        try withTemporaryFolder("plan-links") { folder in
            let files = [
                "plan.md": "# Alpha\n\n- project: alpha\n- start: 2026-03-02\n\nSee [the cutover](cutover.md), [beta](sub/beta.md#work), [team](team.md#people) and [a memo](docs/memo.md).\n\n## Work\n- [ ] One — id:one 2d\n\n## Notes\nAlpha's own note.\n",
                "cutover.md": "# Alpha cutover\n\n- part-of: alpha\n\nKept by operations; back to [the main plan](plan.md).\n\n## Work\n- [ ] Two — id:two 1d after:one\n",
                "sub/beta.md": "# Beta\n\n- project: beta\n- start: 2026-03-02\n\nDepends on [alpha](../plan.md).\n\n## Work\n- [ ] Three — id:three 1d\n",
            ]
            for (path, text) in files {
                let url = folder.appendingPathComponent(path)
                try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try text.write(to: url, atomically: true, encoding: .utf8)
            }
            let compiled = Pipeline.compile(CompileOptions(path: folder.path, today: Self.today))
            #expect(!compiled.hasErrors, "\(compiled.diagnostics.filter { $0.severity == .error })")
            let schedule = try #require(compiled.schedule)
            let builder = try SiteBuilder(plan: compiled.plan, schedule: schedule, analysis: Analyzer.analyze(compiled.plan, schedule),
                                          theme: Theme.builtIn(), options: SiteOptions(today: Self.today, commit: "0000000"))
            var site: [String: String] = [:]
            for file in try builder.build(planJSON: nil) { site[file.path] = String(decoding: file.contents, as: UTF8.self) }
            let alpha = try #require(site["projects/alpha/index.html"])
            #expect(alpha.contains("See <a href=\"../alpha/\">the cutover</a>, <a href=\"../beta/\">beta</a>, <span class=\"plan-link\">team</span> and <span class=\"plan-link\">a memo</span>."))
            #expect(alpha.contains("<p>Alpha's own note.</p>\n<p class=\"muted from-file\">From <code>cutover.md</code></p>\n<p>Kept by operations; back to <a href=\"../alpha/\">the main plan</a>.</p>"))
            let beta = try #require(site["projects/beta/index.html"])
            #expect(beta.contains("Depends on <a href=\"../alpha/\">alpha</a>."))
            #expect(!beta.contains("from-file"))
        }
    }

    @Test func everyExamplePageIsLightPerTask() throws {
        for example in ["crm-migration", "website-relaunch"] {
            let compiled = Pipeline.compile(CompileOptions(path: Repository.url("Examples/\(example)").path, today: Self.today))
            let site = try Self.site(example)
            for project in compiled.plan.projects {
                let page = try #require(site["projects/\(project.id)/index.html"])
                let gantt = Self.fragment(page, from: "<h2 id=\"schedule\">", to: "</section>")
                #expect(gantt.utf8.count / max(project.taskRange.count, 1) < 1500, "\(example)/\(project.id)")
            }
        }
    }
}

/// Runs the built `planc` binary: a failing build leaves the previous site in place. (Same bytes
/// in every process, time zone and locale: `PlancTests/CrossProcessDeterminismTests`.)
@Suite struct BuildCommandTests {
    @discardableResult
    static func run(_ arguments: [String]) throws -> Int32 {
        try Planc.run(arguments).status
    }

    @Test func aPlanWithErrorsLeavesThePreviousSite() throws { try withTemporaryFolder("atomic") { folder in
        let base = folder.path
        let plan = base + "/plan"
        try FileManager.default.createDirectory(atPath: plan, withIntermediateDirectories: true)
        let good = "# Demo\n\n- project: demo\n- start: 2026-09-01\n\n## Work\n- [ ] First — 2d\n- [ ] Second — 3d after:first\n"
        try good.write(toFile: plan + "/demo.md", atomically: true, encoding: .utf8)
        #expect(try Self.run(["build", plan, "-o", base + "/site", "--today", "2026-09-15"]) == 0)
        let before = contentsOfFiles(in: folder.appendingPathComponent("site"))
        #expect(before["index.html"] != nil)
        let broken = good + "- [ ] Third — 1d after:second,third-missing start:2026-02-30\n"
        try broken.write(toFile: plan + "/demo.md", atomically: true, encoding: .utf8)
        #expect(try Self.run(["build", plan, "-o", base + "/site", "--today", "2026-09-15"]) != 0)
        #expect(contentsOfFiles(in: folder.appendingPathComponent("site")) == before)
        #expect(try FileManager.default.contentsOfDirectory(atPath: base).sorted() == ["plan", "site"])
        // And the plan folder itself is never an output.
        #expect(try Self.run(["build", plan, "-o", plan, "--today", "2026-09-15"]) != 0)
        #expect(FileManager.default.fileExists(atPath: plan + "/demo.md"))
    } }
}
