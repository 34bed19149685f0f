import Foundation
import PlanTestSupport
import Testing

/// `planc trend` on a real git history (`TrendFixture`), and its errors.
@Suite struct TrendCommandTests {
    @Test func jsonAndTextOutputs() throws { try withTemporaryFolder("trend-cli") { folder in
        try TrendFixture.make(folder)
        let json = try Planc.run(["trend", ".", "--today", "2026-10-02", "--format", "json"], in: folder)
        #expect(json.status == 0, "\(json.stderr)")
        CommandGolden.check(json.stdout, "trend-json.txt")
        let text = try Planc.run(["trend", ".", "--today", "2026-10-02", "--every", "week", "--width", "100"], in: folder)
        #expect(text.status == 0, "\(text.stderr)")
        CommandGolden.check(text.stdout, "trend-text.txt")
        let ascii = try Planc.run(["trend", ".", "--today", "2026-10-02", "--ascii"], in: folder)
        #expect(ascii.stdout.utf8.allSatisfy { $0 < 128 })
        #expect(ascii.stdout.contains("5 Oct 2026 -> 21 Oct 2026 (+16d)"))
        // The same bytes in another time zone and locale.
        let elsewhere = try Planc.run(["trend", ".", "--today", "2026-10-02", "--format", "json"],
                                      environment: ["TZ": "Pacific/Kiritimati", "LANG": "de_DE.UTF-8", "LC_ALL": "de_DE.UTF-8"], in: folder)
        #expect(elsewhere.stdout == json.stdout)
    } }

    @Test func samplingAndProjectFilter() throws { try withTemporaryFolder("trend-cli-sampling") { folder in
        try TrendFixture.make(folder)
        func points(_ arguments: [String]) throws -> Int {
            let result = try Planc.run(["trend", ".", "--today", "2026-10-02", "--format", "json"] + arguments, in: folder)
            return result.stdout.components(separatedBy: "\"reportDate\"").count - 1
        }
        #expect(try points([]) == 7)
        #expect(try points(["--every", "day"]) == 6)
        #expect(try points(["--every", "week"]) == 5)
        #expect(try points(["--since", "2026-09-23"]) == 3)
        #expect(try points(["--project", "billing"]) == 7)
        let unknown = try Planc.run(["trend", ".", "--project", "biling"], in: folder)
        #expect(unknown.status == 2)
        #expect(unknown.stderr.contains("did you mean 'billing'?"))
    } }

    @Test func commitSubjectsCannotDriveTheTerminal() throws { try withTemporaryFolder("trend-cli-escape") { folder in
        let git = try TrendFixture.make(folder)
        try git.commit(["plan.md": TrendFixture.plan(note: "Later.")], on: "2026-10-01", message: "Clear \u{1B}[2J the screen")
        let result = try Planc.run(["trend", ".", "--today", "2026-10-02", "--width", "200"], in: folder)
        #expect(result.status == 0)
        #expect(!result.stdout.contains("\u{1B}"))
        #expect(result.stdout.contains("Clear \u{FFFD}[2J the screen"))
    } }

    @Test func gitProblemsAreOneLineAndExitTwo() throws { try withTemporaryFolder("trend-cli-errors") { folder in
        try Data(TrendFixture.plan().utf8).write(to: folder.appendingPathComponent("plan.md"))
        let outside = try Planc.run(["trend", folder.path])
        #expect(outside.status == 2)
        #expect(outside.stderr == "error: '\(folder.path)' is not in a git repository: baselines, diff and trends read the plan's history from git\n")
        try TrendFixture.make(folder)
        let unknown = try Planc.run(["trend", ".", "--since", "v9"], in: folder)
        #expect(unknown.status == 2)
        #expect(unknown.stderr == "error: no commit 'v9' in this repository\n")
        #expect(try Planc.run(["trend", ".", "--every", "month"], in: folder).status == 2)
    } }
}

/// `planc build` reads the history for the trend sections, unless told not to or outside git.
@Suite struct BuildHistoryTests {
    @Test func trendSectionInsideAndOutsideGit() throws { try withTemporaryFolder("trend-build") { folder in
        let plans = folder.appendingPathComponent("plans"), site = folder.appendingPathComponent("site").path
        try FileManager.default.createDirectory(at: plans, withIntermediateDirectories: true)
        try Data(TrendFixture.plan().utf8).write(to: plans.appendingPathComponent("plan.md"))
        try Data(TrendFixture.team.utf8).write(to: plans.appendingPathComponent("team.md"))
        func page() throws -> String { try String(contentsOfFile: site + "/projects/billing/index.html", encoding: .utf8) }
        #expect(try Planc.run(["build", plans.path, "-o", site, "--today", "2026-09-01"]).status == 0)
        #expect(try page().contains("No history: the plan is not in a git repository"))

        try TrendFixture.make(plans)
        let built = try Planc.run(["build", plans.path, "-o", site, "--today", "2026-10-02"])
        #expect(built.status == 0, "\(built.stderr)")
        #expect(try page().contains("6 versions of the plan from git history (the last commit of each day), 1–30 Sep 2026"))
        #expect(try page().contains("<svg class=\"tc mta\""))
        #expect(try Planc.run(["build", plans.path, "-o", site, "--today", "2026-10-02", "--no-history"]).status == 0)
        #expect(try page().contains("No history: the site was built with --no-history."))
    } }
}
