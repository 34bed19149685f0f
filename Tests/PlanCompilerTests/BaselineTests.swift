import Foundation
import PlanAnalysis
import PlanCompiler
import PlanFrontEnd
import PlanModel
import PlanTestSupport
import Testing

/// Baselines from git history: a task grew and is half done; the figures are worked out by hand
/// in the comments, from the dates of the two versions.
@Suite struct BaselineTests {
    static let team = "# Team\n\n- team: t\n\n## People\n- Omar — id:omar rate:500EUR/d\n"
    /// Tuesday 1 September: A runs 1–7 Sep, B 8–14 Sep, 2,500 EUR each; Doc has no one and no cost.
    static let agreed = """
        # Demo

        - project: demo
        - start: 2026-09-01

        ## Work
        - [ ] A — 5d @omar
        - [ ] B — 5d @omar after:a
        - [ ] Doc — 1d
        - [ ] Done — milestone after:b

        """
    /// On Thursday 10 September: A grew to 8 days and is half done (4 days left: 10, 11, 14, 15
    /// Sep); B follows 16–22 Sep; Doc was dropped and C added.
    static let now = """
        # Demo

        - project: demo
        - start: 2026-09-01

        ## Work
        - [ ] A — 8d @omar 50% started:2026-09-01
        - [ ] B — 5d @omar after:a
        - [ ] C — 2d
        - [ ] Done — milestone after:b

        """

    func compiled(_ folder: URL, baseline: String?, settings: String? = nil) throws -> CompiledPlan {
        let git = try GitFixture(folder)
        try git.commit(["plan.md": Self.agreed, "team.md": Self.team], on: "2026-09-01", message: "Plan agreed")
        try git.run(["tag", "v1"])
        var files: [String: String?] = ["plan.md": Self.now]
        if let settings { files["settings.md"] = settings }
        try git.commit(files, on: "2026-09-10", message: "A grows")
        var cache = ParseCache()
        var compiled = Pipeline.compile(CompileOptions(path: folder.path, today: Day(iso: "2026-09-10")!), cache: &cache)
        try Baselines.apply(to: &compiled, planPath: folder.path, reference: baseline, cache: &cache)
        return compiled
    }

    @Test func variancesAndEarnedValueAgainstTheBaseline() throws {
        try withTemporaryFolder("baseline") { folder in
            let compiled = try compiled(folder, baseline: "v1")
            let baseline = try #require(compiled.baseline)
            #expect(baseline.reference == "v1")
            #expect(baseline.day == Day(iso: "2026-09-01"))
            let project = try #require(baseline.projects.first ?? nil)
            let plan = compiled.plan
            func variance(_ id: String) -> TaskVariance? { project.tasks.first { plan.tasks[$0.task].id == id } }

            // A: baseline finish Mon 7 Sep, now Tue 15 Sep: +6 working days; 3 more person-days, 1,500 EUR more.
            let a = try #require(variance("a"))
            #expect(a.baselineFinish == Day(iso: "2026-09-07"))
            #expect(a.finishVariance == 6)
            #expect(a.startVariance == 0)
            #expect(a.effortVariance == 3)
            #expect(a.costVariance == 1_500)
            // B and the milestone move with it; the project finish too.
            #expect(variance("b")?.finishVariance == 6)
            #expect(variance("done")?.finishVariance == 6)
            #expect(project.baselineFinish == Day(iso: "2026-09-14"))
            #expect(project.finishVariance == 6)
            #expect(project.added.map { plan.tasks[$0].id } == ["c"])
            #expect(project.removed == ["Doc"])
            // Slips, worst first, leaves only (the milestone included).
            #expect(project.slips(plan).map { plan.tasks[$0.task].id } == ["a", "b", "done"])

            // BAC 5,000. PV on 10 Sep: all of A (2,500) and 2 of B's 5 days (1,000) = 3,500.
            // EV: half of A's baseline 2,500 = 1,250. AC: 4 person-days spent at 500 = 2,000.
            #expect(project.budgetAtCompletion == 5_000)
            #expect(project.plannedValue == 3_500)
            #expect(project.earnedValue == 1_250)
            #expect(project.actualCost == 2_000)
            #expect(abs((project.schedulePerformanceIndex ?? 0) - 1_250.0 / 3_500) < 1e-9)
            #expect(project.costPerformanceIndex == 0.625)
            #expect(project.estimateAtCompletionByCPI == 8_000)
            // Earned schedule: the baseline earned 500 a day; 1,250 is 2.5 days in. AT: 1–9 Sep is
            // 7 working days. SPI(t) = 2.5 / 7, SV(t) = -4.5 working days.
            #expect(project.earnedSchedule == 2.5)
            #expect(project.actualTime == 7)
            #expect(project.timeVariance == -4.5)
        }
    }

    @Test func theSettingsFileNamesTheBaselineAndDatesWork() throws {
        try withTemporaryFolder("baseline-settings") { folder in
            let settings = "# Portfolio\n\n- settings: p\n- baseline: 2026-09-05\n"
            let compiled = try compiled(folder, baseline: nil, settings: settings)
            // The last commit on or before 5 September is the agreed plan.
            #expect(compiled.baseline?.reference == "2026-09-05")
            #expect(compiled.baseline?.day == Day(iso: "2026-09-01"))
            #expect(compiled.baseline?.projects.first??.finishVariance == 6)
        }
    }

    @Test func statusExportAndErrorsFromTheCommandLine() throws {
        try withTemporaryFolder("baseline-cli") { folder in
            _ = try compiled(folder, baseline: "v1")
            let status = try Planc.run(["status", "--today", "2026-09-10", "--baseline", "v1", "--width", "100", "--color", "never", folder.path])
            #expect(status.status == 0, "\(status.stderr)")
            #expect(status.stdout.contains("Baseline   v1 ("))
            #expect(status.stdout.contains("finish +6 working days (baseline 2026-09-14)"))
            #expect(status.stdout.contains("SPI(t) 0.36 (SV(t) -4.5 working days)"))
            #expect(status.stdout.contains("Slipped against the baseline (3)"))
            let tasks = try Planc.run(["tasks", "--today", "2026-09-10", "--baseline", "v1", "--format", "csv",
                                       "--columns", "id,finish-variance,effort-variance,cost-variance", folder.path])
            #expect(tasks.stdout.contains("a,6,3,1500"))
            let export = try Planc.run(["export", "--format", "json", "--today", "2026-09-10", "--baseline", "v1", folder.path])
            let document = try #require(try JSONSerialization.jsonObject(with: Data(export.stdout.utf8)) as? [String: Any])
            let project = try #require((document["projects"] as? [[String: Any]])?.first)
            #expect((project["baseline"] as? [String: Any])?["finishVariance"] as? Int == 6)

            // The site: the section, the forecast tile's note, plan.json; SPI and CPI against the baseline.
            let site = folder.appendingPathComponent("_site")
            let built = try Planc.run(["build", "--today", "2026-09-10", "--baseline", "v1", "-o", site.path, folder.path])
            #expect(built.status == 0, "\(built.stderr)")
            let page = try String(contentsOf: site.appendingPathComponent("projects/demo/index.html"), encoding: .utf8)
            #expect(page.contains("<h2 id=\"baseline\">Against the baseline</h2>"))
            #expect(page.contains("+6 working days against baseline v1"))
            #expect(page.contains("<h3>Slipped against the baseline (3)</h3>"))
            #expect(page.contains("SPI 0.36 · CPI 0.63"))
            // A thin baseline bar under each task's bar; the tooltip names the baseline dates.
            #expect(page.contains("<rect class=\"bl\""))
            #expect(page.contains("baseline 1 Sep 2026 – 7 Sep 2026 (+6 working days)"))
            let table = try String(contentsOf: site.appendingPathComponent("projects/demo/tasks.html"), encoding: .utf8)
            #expect(table.contains("<th scope=\"col\">Baseline finish</th>"))
            #expect(table.contains("<td>7 Sep 2026 · +6 working days</td>"))
            #expect(table.contains("<td>new</td>"))
            let json = try String(contentsOf: site.appendingPathComponent("plan.json"), encoding: .utf8)
            #expect(json.contains("\"reference\": \"v1\""))
            // The health rules judge SPI against the baseline: 0.36 is red.
            #expect(status.stdout.contains("Schedule performance 0.36 (earned value behind plan)"))

            let unknown = try Planc.run(["status", "--today", "2026-09-10", "--baseline", "v9", folder.path])
            #expect(unknown.status == 2)
            #expect(unknown.stderr.contains("no commit 'v9'"))
            let unbuilt = try Planc.run(["build", "--today", "2026-09-10", "--baseline", "v9", "-o", site.path, folder.path])
            #expect(unbuilt.status == 2)
        }
        try withTemporaryFolder("baseline-no-git") { folder in
            try write(["plan.md": Self.agreed, "team.md": Self.team], into: folder)
            let outside = try Planc.run(["status", "--today", "2026-09-10", "--baseline", "v1", folder.path])
            #expect(outside.status == 2)
            #expect(outside.stderr.contains("is not in a git repository"))
        }
    }
}
