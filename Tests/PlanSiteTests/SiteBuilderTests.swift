import Foundation
import PlanModel
import PlanTestSupport
import Testing
@testable import PlanSite

@Suite struct SiteBuilderTests {
    @Test func buildsEveryPage() throws {
        let (plan, schedule) = Fixture.make()
        let site = try Fixture.site(plan, schedule)
        #expect(site.keys.sorted() == ["404.html", "index.html", "plan.json", "projects/crm/index.html",
                                       "projects/crm/tasks.html"])
        if let dump = ProcessInfo.processInfo.environment["PLANC_SITE_DUMP"] {
            let files = site.keys.sorted().map { SiteFile(path: $0, text: site[$0]!) }
            try SiteWriter.write(files, to: dump)
        }
    }
}

@Suite struct SiteContentTests {
    @Test func sameInputSameBytes() throws {
        let (plan, schedule) = Fixture.make(extraRows: 40)
        #expect(try Fixture.site(plan, schedule) == Fixture.site(plan, schedule))
    }

    @Test func showsTodayAndCommitNotABuildTime() throws {
        let (plan, schedule) = Fixture.make()
        let page = try Fixture.site(plan, schedule)["index.html"]!
        #expect(page.contains("Status as of <time datetime=\"2026-03-04\">4 Mar 2026</time> · commit <code>abc1234</code>"))
        let noCommit = try Fixture.site(plan, schedule, options: SiteOptions(today: Fixture.today))["index.html"]!
        #expect(!noCommit.contains("commit"))
    }

    @Test func riskMatrixPlacesEachRatedOpenRisk() throws {
        let (plan, _) = Fixture.make()
        let risks = plan.projects[0].risks
        let html = RiskMatrix.render(risks: risks, placing: Array(risks.indices.filter { risks[$0].status != .closed }),
                                    anchors: risks.map { "risk-" + $0.id })
        // Rows run very high → low; columns low → very high. r-api: likelihood high, impact medium.
        let rows = html.components(separatedBy: "<tr><th scope=\"row\">").dropFirst().map { String($0) }
        #expect(rows.count == 4)
        #expect(rows[0].hasPrefix("very high"))
        #expect(rows[0].components(separatedBy: "<td").last!.contains("href=\"#risk-r-key\""))
        let highRow = rows[1].components(separatedBy: "<td")
        #expect(highRow[2].contains("href=\"#risk-r-api\"") && highRow[2].contains("medium"))
        #expect(html.contains("Not placed (likelihood or impact missing): <a href=\"#risk-r-unrated\">"))
    }

    @Test func overAllocatedWeeksAreMarkedInText() throws {
        let (plan, schedule) = Fixture.make()
        let table = ResourceLoadTable(plan: plan, schedule: schedule, projectIndex: 0)
        let weeks = (0..<11).map { day("2026-02-02").adding(days: 7 * $0) }
        let rows = table.rows(weeks: weeks)
        #expect(rows.map(\.name) == ["Dana Whitfield", "Omar Haddad"])
        // Dana: 1.5 a day in the week of 9 March. Omar: full time, but Easter (3 and 6 April)
        // leaves 3 working days in the week of 6 April while the load continues.
        #expect(rows[0].weeks.map(\.over) == [false, false, false, false, false, (true), false, false, false, false, false])
        #expect(rows[1].weeks[9].over)
        #expect(!rows[1].weeks[1].over)
        let html = table.render(from: weeks[0], to: weeks[10].adding(days: 6)).html
        #expect(html.contains("<td class=\"over\">▲ 150 %</td>"))
    }

    @Test func ganttStaysLightAtSixHundredTasks() throws {
        let (plan, schedule) = Fixture.make(extraRows: 600)
        let chart = GanttChart(plan: plan, schedule: schedule, projectIndex: 0).render(today: Fixture.today)
        let perTask = chart.utf8.count / plan.tasks.count
        #expect(perTask < 1000, "\(perTask) bytes of Gantt per task")
        let page = try Fixture.site(plan, schedule)["projects/crm/index.html"]!
        #expect(page.utf8.count / plan.tasks.count < 1500, "\(page.utf8.count / plan.tasks.count) bytes of page per task")
        // Large projects start folded, except the packages at work today.
        #expect(chart.contains("<details class=\"gantt\" id=\"gantt-discovery\" open>"))
        #expect(chart.contains("<details class=\"gantt\" id=\"gantt-build\">"))
    }

    @Test func ganttDrawsCriticalLateAndTodayWithShapesAndText() throws {
        let (plan, schedule) = Fixture.make()
        let chart = GanttChart(plan: plan, schedule: schedule, projectIndex: 0).render(today: Fixture.today)
        #expect(chart.contains("<details class=\"gantt\" id=\"gantt-discovery\" open>"))
        #expect(chart.contains("fill=\"url(#gantt-discovery-h)\""))  // critical: hatched
        #expect(chart.contains("<title>Design sign-off — 6 Mar 2026, due 2 Mar 2026, critical, late</title>"))
        #expect(chart.contains(">late</text>"))
        #expect(chart.contains(">today</text>"))
        #expect(chart.contains(">deadline</text>"))
        #expect(chart.contains("class=\"dep c\""))
        #expect(chart.contains(">Feb 2026</text>") && chart.contains(">Mar 2026</text>"))
    }

    @Test func themeOverridesTemplatesAndStylesheet() throws { try withTemporaryFolder("theme") { url in
        let folder = url.path
        try "<h1>Our portfolio: {{projectCount}}</h1>{{> footer-note}}".write(toFile: folder + "/portfolio.mustache", atomically: true, encoding: .utf8)
        try "<p>{{title}} &amp; more</p>".write(toFile: folder + "/footer-note.mustache", atomically: true, encoding: .utf8)
        try "body { color: rebeccapurple; }".write(toFile: folder + "/style.css", atomically: true, encoding: .utf8)
        let theme = try Theme.builtIn().overridden(by: folder)
        let (plan, schedule) = Fixture.make(title: "A <b> project")
        let site = try Fixture.site(plan, schedule, theme: theme)
        #expect(site["index.html"]!.contains("<h1>Our portfolio: 1</h1><p>A &lt;b&gt; project — status &amp; more</p>"))
        #expect(site["index.html"]!.contains("body { color: rebeccapurple; }"))
        // Templates the theme does not provide stay built in.
        #expect(site["projects/crm/index.html"]!.contains("<h2 id=\"risks\">Risks</h2>"))
        #expect(throws: Theme.LoadError.self) { try Theme.builtIn().overridden(by: folder + "/missing") }
    } }

    @Test func baseURLGivesCanonicalLinksAndAnAbsolute404() throws {
        let (plan, schedule) = Fixture.make()
        let site = try Fixture.site(plan, schedule, options: SiteOptions(today: Fixture.today, baseURL: "https://example.org/plans"))
        #expect(site["projects/crm/index.html"]!.contains("<link rel=\"canonical\" href=\"https://example.org/plans/projects/crm/\">"))
        #expect(site["404.html"]!.contains("<a href=\"https://example.org/plans/\">portfolio</a>"))
        #expect(site["projects/crm/tasks.html"]!.contains("href=\"../../plan.json\""))
    }

    @Test func liveReloadOnlyWhenServing() throws {
        let (plan, schedule) = Fixture.make()
        #expect(!(try Fixture.site(plan, schedule)["index.html"]!.contains("/__planc/version")))
        let served = try Fixture.site(plan, schedule, options: SiteOptions(today: Fixture.today, liveReload: true))
        #expect(served["index.html"]!.contains("fetch(\"/__planc/version\""))
    }
}

@Suite struct TemplateContextTests {
    /// Mustache looks a nil field up in the enclosing context: an entry without notes must not
    /// borrow the project's notes (it once showed them under every objective).
    @Test func entriesWithoutNotesDoNotShowTheProjectNotes() throws {
        var (plan, schedule) = Fixture.make()
        plan.projects[0].notes = "PROJECT-NOTES-MARKER"
        plan.projects[0].objectives = [Objective(id: "o", text: "An objective", result: nil, notes: "", range: Fixture.range(3))]
        for index in plan.tasks.indices { plan.tasks[index].notes = "" }
        let site = try Fixture.site(plan, schedule)
        let project = site["projects/crm/index.html"]!
        #expect(project.components(separatedBy: "PROJECT-NOTES-MARKER").count == 2)
        #expect(!site["projects/crm/tasks.html"]!.contains("PROJECT-NOTES-MARKER"))
        _ = schedule
    }
}
