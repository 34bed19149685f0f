import PlanAnalysis
import PlanModel
import PlanTestSupport
import Testing
@testable import PlanSite

/// The trend section of the project page: charts with their tables when history was read, one
/// sentence when not; plan text escaped.
@Suite struct TrendSectionTests {
    func series(title: String = "Design sign-off") -> TrendSeries {
        var versions: [TrendVersion] = []
        for (report, slip) in [("2026-02-02", 0), ("2026-02-16", 3), ("2026-03-04", 8)] {
            var (plan, schedule) = Fixture.make()
            let milestone = plan.tasks.firstIndex { $0.kind == .milestone }!
            plan.tasks[milestone].title = title
            schedule.tasks[milestone].finish = day("2026-03-06").adding(days: slip)
            schedule.tasks[milestone].start = schedule.tasks[milestone].finish
            versions.append(TrendVersion(plan: plan, schedule: schedule, analysis: Analyzer.analyze(plan, schedule),
                                         reportDate: day(report), version: "c\(slip)", subject: "Report <\(report)>"))
        }
        return TrendBuilder.series(versions, sampling: .week)
    }

    func section(_ options: SiteOptions) throws -> String {
        let (plan, schedule) = Fixture.make()
        let page = try #require(try Fixture.site(plan, schedule, options: options)["projects/crm/index.html"])
        let start = try #require(page.range(of: "<section aria-labelledby=\"trend\""))
        let end = try #require(page.range(of: "</section>", range: start.upperBound..<page.endIndex))
        // The trend comes right after the milestones.
        #expect(page.range(of: "<h2 id=\"milestones\">")!.lowerBound < start.lowerBound)
        #expect(page.range(of: "<h2 id=\"schedule\">")!.lowerBound > end.upperBound)
        return String(page[start.lowerBound..<end.upperBound])
    }

    @Test func chartsAndTablesFromHistory() throws {
        let html = try section(SiteOptions(today: Fixture.today, history: .series(series())))
        #expect(html.contains("3 versions of the plan from git history (the last commit of each week), 2 Feb – 4 Mar 2026"))
        #expect(html.contains("<svg class=\"tc mta\""))
        #expect(html.contains("<line class=\"diag\""))
        #expect(html.contains(">forecast = report date</text>"))
        #expect(html.contains("<svg class=\"tc finish\""))
        #expect(html.contains("<svg class=\"tc cost\""))
        #expect(html.contains("<svg class=\"tc burnup\""))
        // Every chart sits in a scrolling region and has a text alternative.
        #expect(html.components(separatedBy: "<svg class=\"tc").count - 1 == 4)
        #expect(html.components(separatedBy: "role=\"img\" aria-label=").count - 1 == 4)
        #expect(html.contains("<summary>The milestone trend as a table</summary>"))
        #expect(html.contains("<td>6 Mar 2026</td>") && html.contains("<td>14 Mar 2026</td>"))
        #expect(html.contains("<table class=\"rag-history stack\">"))
        #expect(html.contains("Report &lt;2026-02-16&gt;"))
    }

    @Test func planTextIsEscaped() throws {
        let html = try section(SiteOptions(today: Fixture.today, history: .series(series(title: "<script>x</script> & co"))))
        #expect(!html.contains("<script>x"))
        #expect(html.contains("&lt;script&gt;x&lt;/script&gt; &amp; co"))
    }

    @Test func withoutHistoryOneSentence() throws {
        let html = try section(SiteOptions(today: Fixture.today, history: .unavailable("the plan is not in a git repository.")))
        #expect(html.contains("<p class=\"muted\">No history: the plan is not in a git repository.</p>"))
        #expect(!html.contains("<svg"))
        let other = TrendSeries(sampling: .day, projects: [])
        #expect(try section(SiteOptions(today: Fixture.today, history: .series(other))).contains("No history: no committed version"))
    }

    /// A single version is no trend: a sentence, not a chart of one dot.
    @Test func oneVersionIsNoTrendYet() throws {
        var single = series()
        single.projects[0].points.removeLast(2)
        let html = try section(SiteOptions(today: Fixture.today, history: .series(single)))
        #expect(html.contains("No trend yet: one version of the plan up to 2 Feb 2026; the trend starts with the next commit."))
        #expect(!html.contains("<svg"))
    }

    @Test func sameBytesEveryTime() throws {
        let options = SiteOptions(today: Fixture.today, history: .series(series()))
        #expect(try section(options) == section(options))
    }
}
