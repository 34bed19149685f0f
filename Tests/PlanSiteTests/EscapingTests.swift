import Foundation
import PlanModel
import Testing
@testable import PlanSite

@Suite struct EscapingTests {
    @Test func escapesTheFiveSpecialCharacters() {
        #expect(HTML.escape("<script>alert(1)</script>") == "&lt;script&gt;alert(1)&lt;/script&gt;")
        #expect(HTML.escape("\"><img src=x onerror=alert(1)>") == "&quot;&gt;&lt;img src=x onerror=alert(1)&gt;")
        #expect(HTML.escape("it's A&B") == "it&#39;s A&amp;B")
        #expect(HTML.escape("&amp;") == "&amp;amp;")
        #expect(HTML.escape("plain text — ünïcödé") == "plain text — ünïcödé")
        #expect(HTML.escape("") == "")
    }

    @Test func anchorsAreSingleTokens() {
        #expect(HTML.anchor("task-", "data-audit") == "task-data-audit")
        #expect(HTML.anchor("task-", "a\" onmouseover=\"x") == "task-a--onmouseover--x")
        #expect(HTML.anchor("risk-", "données") == "risk-données")
    }

    @Test func folderNamesCannotEscapeTheSite() {
        #expect(HTML.pathSegment("..") == "--")
        #expect(HTML.pathSegment("a/b") == "a-b")
        #expect(HTML.pathSegment("") == "project")
    }

    static let hostile = "<script>alert('t')</script>\"><img src=x onerror=alert(2)>"

    /// Every page of a plan whose titles and Markdown are hostile: no markup from the plan survives.
    @Test func hostilePlanTextNeverBecomesMarkup() throws {
        let notes = "Click [here](javascript:alert(3)) <script>alert(4)</script> <img src=x onerror=alert(5)>"
        let (plan, schedule) = Fixture.make(title: Self.hostile, taskTitle: Self.hostile, notes: notes)
        let site = try Fixture.site(plan, schedule)
        for (path, page) in site where path.hasSuffix(".html") {
            #expect(!page.contains("<script>alert"), "script from the plan in \(path)")
            #expect(!page.contains("<img src=x"), "img from the plan in \(path)")
            #expect(!page.contains("onerror=alert(2)>"), "unescaped attribute text in \(path)")
            #expect(!page.contains("href=\"javascript:"), "javascript link in \(path)")
        }
        let status = site["projects/crm/index.html"]!
        #expect(status.contains("&lt;script&gt;alert(&#39;t&#39;)&lt;/script&gt;&quot;&gt;&lt;img src=x onerror=alert(2)&gt;"))
        // The page's own script is still there: exactly the print and Gantt helper (no live reload here).
        #expect(status.components(separatedBy: "<script>").count == 2)
    }

    @Test func hostileTextInAttributesStaysInside() throws {
        let (plan, schedule) = Fixture.make(taskTitle: "x\" onload=\"alert(1)")
        let status = try Fixture.site(plan, schedule)["projects/crm/index.html"]!
        #expect(!status.contains("\" onload=\"alert(1)"))
        #expect(status.contains("x&quot; onload=&quot;alert(1)"))
    }
}

@Suite struct MarkdownLinkTests {
    @Test func linksToPlanFilesBecomeText() {
        let html = "<p>See <a href=\"cutover.md\">the cutover</a> and <a href=\"https://x.org/a\" title=\"t\">x</a>, <a href=\"#top\">top</a>, <a href=\"../docs/a.md#s\">docs</a>, <a href=\"mailto:a@b.c\">mail</a>.</p>"
        #expect(HTML.unlinkingRelativeLinks(html)
            == "<p>See <span class=\"plan-link\">the cutover</span> and <a href=\"https://x.org/a\" title=\"t\">x</a>, <a href=\"#top\">top</a>, <span class=\"plan-link\">docs</span>, <a href=\"mailto:a@b.c\">mail</a>.</p>")
        #expect(HTML.unlinkingRelativeLinks("no links") == "no links")
        #expect(HTML.unlinkingRelativeLinks("<a href=\"broken") == "<a href=\"broken")
    }

    @Test func linksToPublishedPlanFilesPointAtTheirPage() {
        let html = "<p><a href=\"cutover.md\" title=\"t\">cutover</a>, <a href=\"team.md#people\">team</a>, <a href=\"https://x.org\">x</a></p>"
        let rewritten = HTML.rewritingRelativeLinks(html) { $0 == "cutover.md" ? "../crm/" : nil }
        #expect(rewritten == "<p><a href=\"../crm/\" title=\"t\">cutover</a>, <span class=\"plan-link\">team</span>, <a href=\"https://x.org\">x</a></p>")
    }
}
