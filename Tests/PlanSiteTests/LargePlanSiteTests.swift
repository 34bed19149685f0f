import Foundation
import PlanAnalysis
import PlanCompiler
import PlanModel
import PlanReports
import PlanTestSupport
import Testing
@testable import PlanSite

/// Large plans (issue 11): the roll-up chart leads the schedule, long lists fold under a count,
/// the task table comes in chunks, and a large project's detail moves off the project page behind
/// a link, while a small plan keeps its detail on the page.
@Suite struct LargePlanSiteTests {
    static let today = Day(iso: "2026-03-02")!

    /// A plan of `packages` work packages of `tasks` chained tasks and one milestone each, the
    /// packages one after another, with `people` people taking the tasks in turn; the first
    /// `done` packages are done.
    static func largePlan(packages: Int, tasks: Int, people: Int, done: Int = 0) -> [String: String] {
        var plan = "# Large\n\n- project: large\n- start: 2026-03-02\n\n## Work\n"
        for p in 0..<packages {
            let box = p < done ? "[x]" : "[ ]"
            plan += "### Package \(p) — id:wp\(p)\n"
            for t in 0..<tasks {
                let after = t > 0 ? " after:t\(p)-\(t - 1)" : p > 0 ? " after:wp\(p - 1)-done" : ""
                plan += "- \(box) Task \(p).\(t) — id:t\(p)-\(t) 2d @p\((p * tasks + t) % people)\(after)\n"
            }
            plan += "- \(box) Package \(p) done — id:wp\(p)-done milestone after:t\(p)-\(tasks - 1)\n"
        }
        var team = "# Team\n\n- team: large\n\n## People\n"
        for i in 0..<people { team += "- Person \(i) — id:p\(i)\n" }
        return ["plan.md": plan, "team.md": team]
    }

    static func site(_ files: [String: String], registers: Int = 0) throws -> (Plan, [String: String]) {
        try withTemporaryFolder("large-plan") { folder in
            for (path, text) in files {
                try text.write(to: folder.appendingPathComponent(path), atomically: true, encoding: .utf8)
            }
            var compiled = Pipeline.compile(CompileOptions(path: folder.path, today: today))
            addRegisters(&compiled.plan, count: registers)
            #expect(!compiled.hasErrors, "\(compiled.diagnostics.filter { $0.severity == .error })")
            let schedule = try #require(compiled.schedule)
            let builder = try SiteBuilder(plan: compiled.plan, schedule: schedule, analysis: Analyzer.analyze(compiled.plan, schedule),
                                          theme: Theme.builtIn(), options: SiteOptions(today: today, commit: "0000000"))
            var site: [String: String] = [:]
            for file in try builder.build(planJSON: nil) { site[file.path] = String(decoding: file.contents, as: UTF8.self) }
            return (compiled.plan, site)
        }
    }

    static func count(_ text: String, _ part: String) -> Int { text.components(separatedBy: part).count - 1 }

    /// One roll-up row per top-level package, from its first start to its last finish, with the
    /// package's milestones as diamonds, before the package charts.
    @Test func theRollUpHasOneRowPerWorkPackageWithItsDates() throws {
        let compiled = Pipeline.compile(CompileOptions(path: Repository.url("Examples/crm-migration").path, today: ExampleSiteTests.today))
        let schedule = try #require(compiled.schedule)
        let chart = GanttChart(plan: compiled.plan, schedule: schedule, projectIndex: 0)
        let rows = chart.rollUpRows(today: ExampleSiteTests.today)
        let packages = compiled.plan.projects[0].taskRange.filter { compiled.plan.tasks[$0].level == 0 }
        #expect(rows.map(\.group.title) == packages.map { compiled.plan.tasks[$0].title })
        for (row, package) in zip(rows, packages) {
            // A package's own dates are those of its subtree.
            #expect(row.start == schedule.tasks[package].start, "\(row.group.title)")
            #expect(row.finish == schedule.tasks[package].finish, "\(row.group.title)")
        }
        let html = chart.renderRollUp(today: ExampleSiteTests.today)
        #expect(Self.count(html, "<g class=\"t") == packages.count)
        let first = rows[0]
        #expect(html.contains("<title>\(HTML.escape(first.group.title)) — \(DayText.long(first.start)) – \(DayText.long(first.finish)), "))
        #expect(html.contains("<path class=\"rm\" d=\"M"))
        #expect(GanttLayoutTests.problems(html) == [])

        let page = try #require(try ExampleSiteTests.site("crm-migration")["projects/crm/index.html"])
        let schedulePart = ExampleSiteTests.fragment(page, from: "<h2 id=\"schedule\">", to: "</section>")
        let rollUp = try #require(schedulePart.range(of: "<details class=\"gantt rollup\" id=\"gantt-rollup\" open>"))
        let cutover = try #require(schedulePart.range(of: "<details class=\"gantt\" id=\"gantt-cutover\""))
        #expect(rollUp.lowerBound < cutover.lowerBound)
    }

    /// The examples are small: every package keeps its chart on the page, no list of links, no
    /// fold, one task table.
    @Test func aSmallPlanKeepsItsDetailOnThePage() throws {
        let site = try ExampleSiteTests.site("crm-migration")
        let page = try #require(site["projects/crm/index.html"])
        let compiled = Pipeline.compile(CompileOptions(path: Repository.url("Examples/crm-migration").path, today: ExampleSiteTests.today))
        let packages = compiled.plan.projects[0].taskRange.filter { compiled.plan.tasks[$0].level == 0 }.count
        #expect(Self.count(page, "<details class=\"gantt\" id=\"gantt-") == packages)
        #expect(!page.contains("gantt-packages"))
        #expect(!page.contains("more-milestones"))
        #expect(site["projects/crm/load.html"] == nil)
        #expect(page.contains("<table class=\"load\">"))
        let tasks = try #require(site["projects/crm/tasks.html"])
        #expect(Self.count(tasks, "<table class=\"tasks\">") == 1)
        #expect(!tasks.contains("class=\"chunk\""))
    }

    /// 60 packages of 10 tasks and a milestone: 720 rows, past the 500 the page draws; 60
    /// milestones, past the 25 the table shows; 60 people, past the 50 of the load table.
    /// `count` open risks (scores falling with the index) and `count` open issues in the first project.
    static func addRegisters(_ plan: inout Plan, count: Int) {
        let levels = Level.allCases
        for n in 0..<count {
            let range = SourceRange(file: plan.projects[0].file, line: 1, column: 1)
            var risk = Risk(id: "r\(n)", title: "Risk \(n)", range: range)
            risk.likelihood = levels[(count - n) * 4 / (count + 1)]
            risk.impact = levels[3 - n * 4 / (count + 1)]
            plan.projects[0].risks.append(risk)
            var issue = IssueEntry(id: "i\(n)", title: "Issue \(n)", range: range)
            issue.severity = levels[n % 4]
            plan.projects[0].issues.append(issue)
        }
    }

    /// A register longer than `LongList.limit` shows the first 20 by score and folds the rest.
    @Test func longRegistersFold() throws {
        let (_, site) = try Self.site(Self.largePlan(packages: 2, tasks: 2, people: 2), registers: 30)
        let page = try #require(site["projects/large/index.html"])
        let risks = ExampleSiteTests.fragment(page, from: "<h3>Risk register</h3>", to: "</section>")
        let riskParts = risks.components(separatedBy: "<details class=\"more\" id=\"more-risks\">")
        #expect(riskParts.count == 2)
        #expect(Self.count(riskParts[0], "<tr id=\"risk-r") == 20)
        #expect(riskParts.last?.hasPrefix("<summary>Show 10 more risks</summary>") == true)
        #expect(Self.count(riskParts.last ?? "", "<tr id=\"risk-r") == 10)
        let issues = ExampleSiteTests.fragment(page, from: "<h2 id=\"issues\">", to: "</section>")
        let issueParts = issues.components(separatedBy: "<details class=\"more\" id=\"more-issues\">")
        #expect(issueParts.count == 2)
        #expect(Self.count(issueParts[0], "<tr id=\"issue-i") == 20)
        #expect(issueParts.last?.hasPrefix("<summary>Show 10 more issues</summary>") == true)
    }

    @Test func aLargePlanLinksToItsDetailAndFoldsLongLists() throws {
        let (plan, site) = try Self.site(Self.largePlan(packages: 60, tasks: 10, people: 60))
        #expect(plan.projects[0].taskRange.count == 720)
        let page = try #require(site["projects/large/index.html"])
        let tasks = try #require(site["projects/large/tasks.html"])

        // The roll-up, and instead of 60 package charts one list linking into the task table.
        #expect(page.contains("<details class=\"gantt rollup\" id=\"gantt-rollup\" open>"))
        #expect(Self.count(page, "<details class=\"gantt\" id=\"gantt-") == 0)
        let index = ExampleSiteTests.fragment(page, from: "id=\"gantt-packages\"", to: "</details>")
        #expect(index.contains("This project has 720 rows, more than the 500 this page draws as charts"))
        #expect(Self.count(index, "<li><a href=\"tasks.html#task-wp") == 60)
        #expect(index.contains("<li><a href=\"tasks.html#task-wp7\">Package 7</a> <span class=\"muted\">"))
        for p in 0..<60 { #expect(tasks.contains("<tr id=\"task-wp\(p)\" class=\"k-summary\">"), "wp\(p)") }

        // Milestones: the first 20 in the table, 40 under "Show 40 more milestones".
        let milestones = ExampleSiteTests.fragment(page, from: "<h2 id=\"milestones\">", to: "</section>")
        let parts = milestones.components(separatedBy: "<details class=\"more\" id=\"more-milestones\">")
        #expect(parts.count == 2)
        let shown = parts[0], folded = parts.count > 1 ? parts[1] : ""
        #expect(Self.count(shown, "<tr class=\"ms-") == 20)
        #expect(folded.hasPrefix("<summary>Show 40 more milestones</summary>"))
        #expect(Self.count(folded, "<tr class=\"ms-") == 40)
        #expect(shown.contains(">Package 0 done</th>") && folded.contains(">Package 59 done</th>"))
        #expect(!milestones.contains("earlier-milestones"), "nothing is done: the table starts at the first milestone")

        // The task table in chunks of 100 rows, every row once, in order.
        #expect(Self.count(tasks, "<div class=\"chunk\"><table class=\"tasks chunked\">") == 8)
        #expect(tasks.contains("<caption class=\"vh\">Tasks 1 to 100 of 720: Large</caption>"))
        #expect(tasks.contains("<caption class=\"vh\">Tasks 701 to 720 of 720: Large</caption>"))
        let ids = tasks.components(separatedBy: "<tr id=\"").dropFirst().map { $0.prefix { $0 != "\"" } }
        #expect(ids.count == 720)
        #expect(ids.first == "task-wp0" && ids.last == "task-wp59-done")

        // The load of 60 people on its own page, linked.
        #expect(page.contains("<p>60 people work on this project: their load per week is on a page of its own, <a href=\"load.html\">Resource load</a>.</p>"))
        #expect(!page.contains("<table class=\"load\">"))
        let load = try #require(site["projects/large/load.html"])
        #expect(load.contains("<h1>Large: resource load</h1>"))
        #expect(Self.count(load, "<tr><th scope=\"row\">Person ") == 60)
        #expect(load.contains("<a href=\"./\">status page</a>"))
    }

    @Test func longListsFoldPastTheirLimit() {
        #expect(LongList.split(Array(0..<25), from: 10).shown == Array(0..<25))
        let split = LongList.split(Array(0..<26))
        #expect(split.earlier.isEmpty)
        #expect(split.shown == Array(0..<20))
        #expect(split.later == Array(20..<26))
        let middle = LongList.split(Array(0..<100), from: 40)
        #expect(middle.earlier == Array(0..<40) && middle.shown == Array(40..<60) && middle.later == Array(60..<100))
        // Near the end the rows shown stay 20, starting earlier.
        let end = LongList.split(Array(0..<100), from: 95)
        #expect(end.earlier == Array(0..<80) && end.shown == Array(80..<100) && end.later.isEmpty)
    }

    /// Mid-way through a long project the milestone table opens at the next milestone: the 30
    /// done ones fold under "Show 30 earlier milestones", the 10 after the shown 20 under "more".
    @Test func theMilestoneTableOpensAtTheFirstOpenMilestone() throws {
        let (_, site) = try Self.site(Self.largePlan(packages: 60, tasks: 2, people: 4, done: 30))
        let page = try #require(site["projects/large/index.html"])
        let milestones = ExampleSiteTests.fragment(page, from: "<h2 id=\"milestones\">", to: "</section>")
        let earlier = ExampleSiteTests.fragment(milestones, from: "id=\"earlier-milestones\"", to: "</details>")
        #expect(earlier.contains("<summary>Show 30 earlier milestones</summary>"))
        #expect(Self.count(earlier, "<tr class=\"ms-done\">") == 30)
        let main = ExampleSiteTests.fragment(milestones, from: "aria-label=\"Milestones table\"", to: "</table>")
        #expect(Self.count(main, "<tr class=\"ms-") == 20)
        #expect(main.contains("<tr class=\"ms-next\"><th scope=\"row\">Package 30 done</th>"))
        #expect(milestones.contains("<summary>Show 10 more milestones</summary>"))
        let order = ["earlier-milestones", "aria-label=\"Milestones table\"", "more-milestones"].map { milestones.range(of: $0)!.lowerBound }
        #expect(order == order.sorted())
    }

    /// Content skipped off screen is shown on paper.
    @Test func printShowsWhatTheScreenSkips() throws {
        let css = try Theme.builtIn().stylesheet
        #expect(css.contains("div.chunk { content-visibility: auto;"))
        #expect(css.contains("details.gantt > .gs { content-visibility: auto; }"))
        let print = try #require(css.components(separatedBy: "@media print {").last)
        #expect(print.contains("details.gantt > .gs, div.chunk { content-visibility: visible; min-height: 0; }"))
    }
}
