import Foundation
import PlanAnalysis
import PlanModel
import PlanReports
import PlanTestSupport
import Testing

/// The pull-request comment of `planc diff`: escaped, and within GitHub's size limit however
/// large the change.
@Suite struct PlanDiffReportTests {
    /// `projects` projects of `tasks` tasks each (every tenth a milestone), hand-scheduled; with
    /// `changed`, every title is new (and hostile), every effort larger, every date a week later.
    static func version(projects: Int, tasks: Int, changed: Bool) -> PlanVersion {
        var fixture = PlanFixture(today: "2026-09-01")
        let shift = changed ? 7 : 0
        for p in 0..<projects {
            fixture.project("p\(p)", title: changed ? "Project <script>alert(\(p))</script> | *\(p)*" : "Project \(p)")
            for t in 0..<tasks {
                let start = day("2026-09-01").adding(days: t % 60 + shift), finish = start.adding(days: 2)
                let title = changed ? "[Task \(t)](javascript:x) <img src=x> @dana `\(t)` | # \(t)" : "Task \(t)"
                if t % 10 == 9 {
                    fixture.task("t\(t)", finish.iso, finish.iso, kind: .milestone, title: title)
                } else {
                    fixture.task("t\(t)", start.iso, finish.iso, title: title, effort: changed ? 4 : 3)
                }
            }
        }
        let schedule = fixture.schedule
        var diagnostics: [Diagnostic] = []
        if changed {
            for i in 0..<(projects * tasks) {
                diagnostics.append(Diagnostic(.unknownTask, "unknown task <x\(i)> in `after:`", at: SourceRange(file: "plan.md", line: i + 1, column: 1)))
            }
        }
        return PlanVersion(plan: fixture.plan, schedule: schedule, analysis: Analyzer.analyze(fixture.plan, schedule), diagnostics: diagnostics)
    }

    static func diff(_ changes: PlanChanges) -> PlanDiff {
        PlanDiff(changes: changes, base: .init(name: "origin/main", commit: "0123456789abcdef0123456789abcdef01234567"),
                 head: .init(name: "working tree", commit: nil), today: day("2026-09-01"))
    }

    @Test func aHugeChangeFitsOneComment() {
        let changes = PlanChanges.compare(Self.version(projects: 40, tasks: 100, changed: false),
                                          Self.version(projects: 40, tasks: 100, changed: true))
        #expect(changes.projects.count == 40)
        #expect(changes.projects[0].renamed.count == 100)
        #expect(changes.diagnosticsIntroduced.count == 4000)
        let markdown = PlanDiffReport.markdown(Self.diff(changes))
        #expect(markdown.utf8.count <= PlanDiffReport.markdownBudget)
        #expect(markdown.unicodeScalars.count < 65_536)
        #expect(markdown.hasPrefix(PlanDiffReport.markdownMarker + "\n"))
        #expect(markdown.contains("_and 80 more_"))
        #expect(markdown.contains("left out to fit a comment"))
        #expect(markdown.contains("And 30 more projects changed."))
        // Plan text is inert: no tag, link or table cell comes from it.
        #expect(!markdown.contains("<script>") && !markdown.contains("<img") && !markdown.contains("](javascript"))
        #expect(markdown.contains("&lt;script&gt;"))
        #expect(markdown.contains("\\[Task 0\\]\\(javascript:x\\) &lt;img src=x&gt; @dana \\`0\\` \\| \\# 0"))
        // Every <details> opened is closed.
        #expect(markdown.components(separatedBy: "<details>").count == markdown.components(separatedBy: "</details>").count)
    }

    @Test func aSmallChangeIsNotCut() {
        let changes = PlanChanges.compare(Self.version(projects: 1, tasks: 10, changed: false),
                                          Self.version(projects: 1, tasks: 10, changed: true))
        let markdown = PlanDiffReport.markdown(Self.diff(changes))
        #expect(!markdown.contains("more_") && !markdown.contains("left out"))
        #expect(markdown.contains("<details><summary><b>Project &lt;script&gt;alert(0)&lt;/script&gt; | *0*</b> (p0)"))
        let human = PlanDiffReport.human(Self.diff(changes))
        #expect(human.hasPrefix("Project <script>alert(0)</script> | *0* finish moves from 12 Sep to 19 Sep (+5 working days); "))
        #expect(!human.contains("\u{1B}["))
        #expect(PlanDiffReport.human(Self.diff(changes), style: TerminalStyle(color: true)).contains("\u{1B}["))
    }

    @Test func markdownEscaping() {
        #expect(MarkdownText.inline("a <b> & *c* | [d](e) `f` \\ #1 ~g~ !h") == "a &lt;b&gt; &amp; \\*c\\* \\| \\[d\\]\\(e\\) \\`f\\` \\\\ \\#1 \\~g\\~ \\!h")
        #expect(MarkdownText.inline("line\nbreak") == "line break")
        #expect(MarkdownText.inline(String(repeating: "x", count: 500), limit: 10) == "xxxxxxxxx…")
        #expect(MarkdownText.html("<i>&\"") == "&lt;i&gt;&amp;&quot;")
        #expect(MarkdownText.code("a`b") == "`ab`")
    }

    /// The example workflow finds its comment by the marker the Markdown starts with, and fetches
    /// the history the comparison reads.
    @Test func theWorkflowFindsTheCommentByTheMarker() throws {
        let workflow = try String(contentsOf: Repository.url("Examples/plan-diff-workflow.yml"), encoding: .utf8)
        #expect(workflow.contains("const marker = '\(PlanDiffReport.markdownMarker)';"))
        #expect(workflow.contains("fetch-depth: 0"))
        #expect(workflow.contains("planc diff --format markdown"))
        #expect(workflow.contains("\"origin/$BASE_REF\""))
    }
}
