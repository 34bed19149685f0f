import Foundation
import PlanTestSupport
import Testing

/// `planc diff` on real git repositories built in a temporary folder, with commits at fixed dates
/// so commit ids, and so the outputs, are the same on every run.
@Suite(.serialized) struct DiffCommandTests {
    static let team = """
        # Team

        - team: core

        ## People
        - Dana Schreiber — id:dana rate:800EUR/d
        - Omar Haddad — id:omar rate:600EUR/d

        """

    static func plan(build: String = "5d @omar", docs: String = "Docs", review: Bool = false, test: Bool = true,
                     goLiveAfter: String = "build", goLive: String = "due:2026-10-01") -> String {
        """
        # Portal relaunch

        - project: portal
        - start: 2026-09-07
        - deadline: 2026-10-30

        ## Work
        - [ ] Design — id:design 3d @dana
        - [ ] Build — id:build \(build) after:design
        \(review ? "- [ ] Review <b>*all*</b> | pages — id:review 2d @dana after:build\n" : "")\
        \(test ? "- [ ] Test — id:test 2d @dana after:build\n" : "")\
        - [ ] \(docs) — id:docs 2d @dana
        - [ ] Go-live — id:go-live milestone after:\(goLiveAfter)\(review ? ",review" : "") \(goLive)

        """
    }

    /// main with the first plan; branch `feature` with `change` on top. Returns the fixture.
    static func repository(_ folder: URL, change: [String: String?]) throws -> GitFixture {
        let git = try GitFixture(folder)
        try git.commit(["plan.md": plan(), "team.md": team], on: "2026-09-01", message: "Plan")
        try git.run(["checkout", "-q", "-b", "feature"])
        try git.commit(change, on: "2026-09-03", message: "Change")
        return git
    }

    static let change: [String: String?] = [
        "plan.md": plan(build: "8d @dana", docs: "User guide & FAQ", review: true, test: false),
    ]

    static func diff(_ arguments: [String], in folder: URL) throws -> Planc.Output {
        try Planc.run(["diff"] + arguments + ["--today", "2026-09-07"], in: folder)
    }

    @Test func markdownAndJSONOfAChange() throws {
        try withTemporaryFolder("diff-golden") { folder in
            _ = try Self.repository(folder, change: Self.change)
            let markdown = try Self.diff(["main", "HEAD", "--format", "markdown"], in: folder)
            #expect(markdown.status == 0, "\(markdown.stderr)")
            CommandGolden.check(markdown.stdout, "diff-markdown.md")
            let json = try Self.diff(["main", "HEAD", "--format", "json"], in: folder)
            #expect(json.status == 0)
            #expect(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) is [String: Any])
            CommandGolden.check(json.stdout, "diff-json.json")
            let human = try Self.diff(["main", "HEAD"], in: folder)
            CommandGolden.check(human.stdout, "diff-human.txt")
            // Plan text never reaches the comment as HTML or Markdown.
            #expect(!markdown.stdout.contains("<b>*all*") && markdown.stdout.contains("&lt;b&gt;"))
            #expect(markdown.stdout.contains("User guide &amp; FAQ"))
        }
    }

    @Test func defaultsToTheMergeBaseAndTheWorkingTree() throws {
        try withTemporaryFolder("diff-defaults") { folder in
            let git = try Self.repository(folder, change: ["plan.md": Self.plan(build: "6d @omar")])
            // main moves on after the branch left it: the merge base, not main's tip, is the base.
            try git.run(["checkout", "-q", "main"])
            try git.commit(["plan.md": Self.plan(build: "20d @omar")], on: "2026-09-04", message: "Main moves on")
            try git.run(["checkout", "-q", "feature"])
            var result = try Self.diff([], in: folder)
            #expect(result.status == 0, "\(result.stderr)")
            #expect(result.stdout.hasPrefix("Portal relaunch finish moves from 18 Sep to 21 Sep (+1 working day)"), "\(result.stdout)")
            #expect(result.stdout.contains("Compared merge base ("))
            #expect(result.stdout.contains("with working tree"))
            // An edit on disk, not committed, is the head.
            try Data(Self.plan(build: "7d @omar").utf8).write(to: folder.appendingPathComponent("plan.md"))
            result = try Self.diff([], in: folder)
            #expect(result.stdout.hasPrefix("Portal relaunch finish moves from 18 Sep to 22 Sep (+2 working days)"), "\(result.stdout)")
            // A date stands for the last commit on or before it; a plan in a subfolder is read there.
            let byDate = try Self.diff(["2026-09-02", "feature", "--format", "json"], in: folder)
            #expect(byDate.status == 0, "\(byDate.stderr)")
            #expect(byDate.stdout.contains("\"base\": {\"name\": \"2026-09-02\", \"commit\": \"\(try git.run(["rev-parse", "main~1"]))\"}"),
                    "\(byDate.stdout)")
            let badDay = try Planc.run(["diff", "main", "--today", "2026-02-30"], in: folder)
            #expect(badDay.status == 2)
            #expect(badDay.stderr.contains("--today must be a real date"), "\(badDay.stderr)")
            // Nothing changed: said so.
            result = try Self.diff(["HEAD", "HEAD"], in: folder)
            #expect(result.stdout.hasPrefix("Portal relaunch: finish unchanged (21 Sep 2026)\n"), "\(result.stdout)")
        }
    }

    @Test func aPersonWhoLeavesAndAReplannedMilestone() throws {
        try withTemporaryFolder("diff-leaves") { folder in
            // Omar leaves before he can build: the plan breaks (P604). The fix gives the build to
            // Dana and re-plans go-live after the tests.
            let leaves = Self.team.replacingOccurrences(of: "rate:600EUR/d\n", with: "rate:600EUR/d\n  - Leaves 2026-09-11\n")
            let git = try Self.repository(folder, change: ["team.md": leaves])
            try git.commit(["plan.md": Self.plan(build: "5d @dana", goLiveAfter: "test")], on: "2026-09-04", message: "Dana builds")
            let broken = try Self.diff(["main", "feature~1"], in: folder)
            #expect(broken.status == 0, "\(broken.stderr)")
            #expect(broken.stdout.contains("Diagnostics: 1 problem introduced\n"), "\(broken.stdout)")
            #expect(broken.stdout.contains("plan.md:9:7: error P604: the people on 'build' have no time left to finish it"))
            let fixed = try Self.diff(["feature~1", "feature"], in: folder)
            #expect(fixed.stdout.contains("Diagnostics: 1 problem fixed\n"), "\(fixed.stdout)")

            let result = try Self.diff(["main", "feature", "--format", "json"], in: folder)
            #expect(result.status == 0, "\(result.stderr)")
            let json = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
            let project = try #require((json["projects"] as? [[String: Any]])?.first)
            let tasks = try #require(project["tasks"] as? [String: Any])
            let reassigned = try #require(tasks["reassigned"] as? [[String: Any]])
            #expect(reassigned.map { $0["id"] as? String } == ["build"])
            #expect((reassigned.first?["to"] as? [[String: Any]])?.first?["id"] as? String == "dana")
            let milestones = try #require(project["milestones"] as? [[String: Any]])
            #expect(milestones.map { $0["id"] as? String } == ["go-live"])
            #expect((milestones.first?["workingDays"] as? Int).map { $0 > 0 } == true, "\(milestones)")
            #expect((json["diagnostics"] as? [String: Any])?["introduced"] as? [Any] == nil
                    || ((json["diagnostics"] as? [String: Any])?["introduced"] as? [Any])?.isEmpty == true)
        }
    }

    @Test func failOnSlipExitsOneOnlyPastTheThreshold() throws {
        try withTemporaryFolder("diff-slip") { folder in
            _ = try Self.repository(folder, change: ["plan.md": Self.plan(build: "8d @omar")])
            let within = try Self.diff(["main", "feature", "--fail-on-slip", "3"], in: folder)
            #expect(within.status == 0, "\(within.stderr)")
            let past = try Self.diff(["main", "feature", "--fail-on-slip", "2"], in: folder)
            #expect(past.status == 1)
            #expect(past.stderr.contains("the plan slips 3 working days, more than --fail-on-slip 2"), "\(past.stderr)")
            #expect(past.stdout.hasPrefix("Portal relaunch finish moves from 18 Sep to 23 Sep (+3 working days)"))
            // Earlier is never a slip.
            let earlier = try Self.diff(["feature", "main", "--fail-on-slip", "0"], in: folder)
            #expect(earlier.status == 0)
        }
    }

    @Test func historyThatCannotBeReadIsExitTwoWithOneLine() throws {
        try withTemporaryFolder("diff-errors") { folder in
            try write(["plan.md": Self.plan(), "team.md": Self.team], into: folder)
            let notARepository = try Self.diff(["main"], in: folder)
            #expect(notARepository.status == 2)
            #expect(notARepository.stderr.hasPrefix("error: '.' is not in a git repository"), "\(notARepository.stderr)")
            #expect(notARepository.stderr.split(separator: "\n").count == 1)

            let git = try GitFixture(folder)
            try git.commit([:], on: "2026-09-01", message: "Plan")
            let unknown = try Self.diff(["nope"], in: folder)
            #expect(unknown.status == 2)
            #expect(unknown.stderr == "error: no commit 'nope' in this repository\n")
            let option = try Self.diff(["--", "--output=x"], in: folder)
            #expect(option.status == 2)

            // A shallow clone lacks the older commit and says what to do.
            try git.commit(["plan.md": Self.plan(build: "6d @omar")], on: "2026-09-02", message: "Second")
            let clone = folder.appendingPathComponent("clone")
            try git.run(["clone", "-q", "--depth", "1", "file://" + folder.path, clone.path])
            let shallow = try Self.diff(["HEAD~1"], in: clone)
            #expect(shallow.status == 2)
            #expect(shallow.stderr.contains("fetch-depth: 0"), "\(shallow.stderr)")

            // No default branch to find the merge base with.
            try git.run(["branch", "-m", "main", "trunk"])
            let noDefault = try Self.diff([], in: folder)
            #expect(noDefault.status == 2)
            #expect(noDefault.stderr.contains("no default branch"), "\(noDefault.stderr)")
        }
    }

    @Test func theSameChangeGivesTheSameBytesInAnyTimeZone() throws {
        try withTemporaryFolder("diff-determinism") { folder in
            _ = try Self.repository(folder, change: Self.change)
            let one = try Planc.run(["diff", "main", "HEAD", "--today", "2026-09-07", "--format", "markdown"],
                                    environment: ["TZ": "Pacific/Kiritimati", "LANG": "de_DE.UTF-8"], in: folder)
            let two = try Planc.run(["diff", "main", "HEAD", "--today", "2026-09-07", "--format", "markdown"],
                                    environment: ["TZ": "America/Adak"], in: folder)
            #expect(one.stdout == two.stdout)
            #expect(!one.stdout.isEmpty)
        }
    }
}
