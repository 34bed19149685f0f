import PlanModel
import PlanTestSupport
import PlanReports
import Testing
@testable import PlanSite

/// The site's Why column, Gantt tooltips and "depends on blocked" notes, from explanations built
/// by hand (the fixture's rows: 0 Discovery, 1 interviews, 2 data audit, 3 design sign-off,
/// 4 Build, 5 Customer API, 6 Load test (blocked), 7 Go-live).
@Suite struct ExplanationSiteTests {
    static func explained(taskTitle: String = "Data audit") -> (Plan, Schedule) {
        var (plan, schedule) = Fixture.make(taskTitle: taskTitle)
        schedule.explanations = [
            DateExplanation(driver: .projectStart(day("2026-02-02"))),
            DateExplanation(driver: .actual(start: day("2026-02-02"), finish: day("2026-02-06"))),
            DateExplanation(driver: .predecessor(task: 1, kind: .finishToStart, lagDays: 0)),
            DateExplanation(driver: .predecessor(task: 2, kind: .finishToStart, lagDays: 0)),
            DateExplanation(driver: .predecessor(task: 3, kind: .finishToStart, lagDays: 0)),
            DateExplanation(driver: .resource(.person(0), busyWith: 1)),
            DateExplanation(driver: .blocked, shift: CalendarShift(from: day("2026-04-03"), person: nil, holiday: "Easter")),
            DateExplanation(driver: .predecessor(task: 6, kind: .startToStart, lagDays: 2), dependsOnBlocked: [6]),
        ]
        plan.tasks[7].dependencies[0].kind = .startToStart
        plan.tasks[7].dependencies[0].lagDays = 2
        return (plan, schedule)
    }

    func row(_ page: String, _ anchor: String) -> String {
        guard let start = page.range(of: "<tr id=\"\(anchor)\"") else { return "" }
        return page[start.lowerBound...].components(separatedBy: "</tr>")[0]
    }

    @Test func taskTableHasAWhyColumn() throws {
        let (plan, schedule) = Self.explained()
        let page = try Fixture.site(plan, schedule)["projects/crm/tasks.html"]!
        #expect(page.contains("<th scope=\"col\">After</th><th scope=\"col\">Why</th>"))
        #expect(row(page, "task-data-audit").contains("<td>&#39;Stakeholder interviews&#39; finishes Fri 6 Feb (finish-to-start)</td>"))
        #expect(row(page, "task-customer-api").contains("<td>waits for Dana Whitfield (@dana), busy with &#39;Stakeholder interviews&#39; until Fri 6 Feb</td>"))
        #expect(row(page, "task-load-test").contains("<td>blocked: forecast from today until a resume date is set (not-before:); moved past the holiday &#39;Easter&#39;</td>"))
        #expect(row(page, "task-go-live").contains("<td>2 working days after &#39;Load test&#39; starts Tue 7 Apr (start-to-start +2d); depends on blocked &#39;Load test&#39;</td>"))
        #expect(row(page, "task-go-live").contains("<td>load-test (SS) +2d</td>"))
    }

    /// Every kind of driver reaches the Why cell and the tooltip in DateExplanationText's words.
    @Test(arguments: [
        StartDriver.projectStart(day("2026-02-02")), .today(day("2026-03-04")),
        .inProgress(actualStart: day("2026-02-09")), .inProgress(actualStart: nil), .blocked,
        .notBefore(day("2026-02-09")), .pinned(start: day("2026-02-09"), finish: nil),
        .pinned(start: day("2026-02-09"), finish: day("2026-03-06")),
        .actual(start: day("2026-02-09"), finish: day("2026-03-06")),
        .predecessor(task: 1, kind: .startToFinish, lagDays: 1.5), .resource(.person(1), busyWith: 1), .workPackage(0),
    ])
    func everyDriverReachesTheSite(driver: StartDriver) throws {
        var (plan, schedule) = Self.explained()
        schedule.explanations[2] = DateExplanation(driver: driver)
        let words = DateExplanationText(plan: plan, schedule: schedule)
        let reason = try #require(words.reason(2)), sentence = try #require(words.sentence(2))
        let site = try Fixture.site(plan, schedule)
        #expect(row(site["projects/crm/tasks.html"]!, "task-data-audit").contains("<td>\(HTML.escape(reason))</td>"))
        #expect(site["projects/crm/index.html"]!.contains("\n\(HTML.escape(sentence))</title>"))
    }

    @Test func ganttTooltipsCarryTheSameWords() throws {
        let (plan, schedule) = Self.explained()
        let page = try Fixture.site(plan, schedule)["projects/crm/index.html"]!
        #expect(page.contains("<title>Data audit — 9 Feb 2026 – 6 Mar 2026, 40 %, critical\nstarted Mon 9 Feb 2026 because &#39;Stakeholder interviews&#39; finishes Fri 6 Feb (finish-to-start)</title>"))
        #expect(page.contains("\nhappens Fri 17 Apr 2026, 2 working days after &#39;Load test&#39; starts Tue 7 Apr (start-to-start +2d)\ndepends on blocked &#39;Load test&#39;</title>"))
    }

    @Test func datesDependingOnABlockedTaskAreMarked() throws {
        let (plan, schedule) = Self.explained()
        let site = try Fixture.site(plan, schedule)
        let project = site["projects/crm/index.html"]!
        // The forecast finish (Go-live, the last task) and the Go-live milestone row.
        #expect(project.contains("depends on blocked &#39;Load test&#39;</span></dd>"))
        #expect(project.contains("<span class=\"note\">depends on blocked &#39;Load test&#39;</span></td></tr>"))
        let portfolio = site["index.html"]!
        #expect(portfolio.contains("<br><span class=\"bad\">depends on blocked &#39;Load test&#39;</span></td>"))
    }

    @Test func planTextInExplanationsIsEscaped() throws {
        let (plan, schedule) = Self.explained(taskTitle: "<script>alert(1)</script> & audit")
        let site = try Fixture.site(plan, schedule)
        for page in [site["projects/crm/tasks.html"]!, site["projects/crm/index.html"]!] {
            #expect(!page.contains("<script>alert"))
            #expect(page.contains("&#39;&lt;script&gt;alert(1)&lt;/script&gt; &amp; audit&#39; finishes"))
        }
    }

    @Test func withoutExplanationsTheSiteSaysNothingMore() throws {
        let (plan, schedule) = Fixture.make()
        let site = try Fixture.site(plan, schedule)
        for page in site.values { #expect(!page.contains("depends on blocked")) }
        #expect(site["projects/crm/tasks.html"]!.contains("<td>2 working days") == false)
    }
}
