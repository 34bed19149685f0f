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
