import Foundation
import PlanTestSupport
import Testing

/// The golden files of the command line's output, in Golden/.
enum CommandGolden {
    static func check(_ text: String, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) {
        Golden.check(text, Repository.url("Tests/PlancTests/Golden/\(name)"), sourceLocation: sourceLocation)
    }
}

@Suite(.serialized) struct CheckCommandTests {
    let bad = "Tests/PlancTests/Fixtures/bad-plan"

    @Test func examplesAreCleanUnderStrict() throws {
        for example in ["Examples/crm-migration", "Examples/website-relaunch"] {
            let result = try Planc.run(["check", "--strict", "--today", "2026-09-15", example])
            #expect(result.status == 0, "\(example):\n\(result.stdout)")
            let summary = result.stdout.split(separator: "\n").last ?? ""
            #expect(summary.hasPrefix("planc: no problems in "), "\(example): \(summary)")
            #expect(!result.stdout.contains("error[") && !result.stdout.contains("warning["))
        }
    }

    @Test func humanOutputLikeACompiler() throws {
        let result = try Planc.run(["check", "--today", "2026-03-01", bad])
        #expect(result.status == 1)
        CommandGolden.check(result.stdout, "check-human.txt")
    }

    @Test func jsonOutput() throws {
        let result = try Planc.run(["check", "--format", "json", "--today", "2026-03-01", bad])
        #expect(result.status == 1)
        let parsed = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]]
        #expect(parsed?.isEmpty == false)
        #expect(parsed?.allSatisfy { $0["code"] is String && $0["severity"] is String && $0["notes"] is [Any] } == true)
        CommandGolden.check(result.stdout, "check-json.txt")
    }

    @Test func githubAnnotations() throws {
        let result = try Planc.run(["check", "--format", "github", "--today", "2026-03-01", bad])
        #expect(result.status == 1)
        #expect(result.stdout.split(separator: "\n").allSatisfy { $0.hasPrefix("::error ") || $0.hasPrefix("::warning ") })
        CommandGolden.check(result.stdout, "check-github.txt")
    }

    @Test func exitStatuses() throws { try withTemporaryFolder("e2e") { folder in
        try "# W\n\n- project: w\n- start: 2026-03-02\n\n## Work\n- [ ] Only — 1d prio:high\n"
            .write(to: folder.appendingPathComponent("plan.md"), atomically: true, encoding: .utf8)
        #expect(try Planc.run(["check", "--today", "2026-03-01", folder.path]).status == 0)
        #expect(try Planc.run(["check", "--strict", "--today", "2026-03-01", folder.path]).status == 1)
        #expect(try Planc.run(["check", "/no/such/folder"]).status == 2)
        #expect(try Planc.run(["check", "--today", "2026-02-30", folder.path]).status == 2)
        #expect(try Planc.run(["check", "--no-such-flag"]).status == 2)
    } }

    @Test func colourOnlyWhenAsked() throws {
        let plain = try Planc.run(["check", "--today", "2026-03-01", bad])
        #expect(!plain.stdout.contains("\u{1B}["))
        let forced = try Planc.run(["check", "--color", "always", "--today", "2026-03-01", bad])
        #expect(forced.stdout.contains("\u{1B}[1;31merror[P105]"))
    }

    @Test func sourceDateEpochIsToday() throws { try withTemporaryFolder("e2e") { folder in
        // 2026-03-01T00:00:00Z; the plan's task is `started` on 2026-03-02, in the future then.
        try "# W\n\n- project: w\n\n## Work\n- [ ] Only — 1d started:2026-03-02\n"
            .write(to: folder.appendingPathComponent("plan.md"), atomically: true, encoding: .utf8)
        let before = try Planc.run(["check", folder.path], environment: ["SOURCE_DATE_EPOCH": "1772323200"])
        #expect(before.stdout.contains("P307"))
        let after = try Planc.run(["check", folder.path], environment: ["SOURCE_DATE_EPOCH": "1772496000"])
        #expect(!after.stdout.contains("P307"))
    } }
}

struct OtherCommandTests {
    /// A project in initiation has objectives and scope but no work breakdown yet: every command
    /// still works on it.
    @Test func aProjectWithoutTasksIsReportedAndPublished() throws { try withTemporaryFolder("empty") { folder in
        try "# New CRM\n\n- project: crm\n- phase: initiation\n\n## Objectives\n- Replace the old CRM\n"
            .write(to: folder.appendingPathComponent("plan.md"), atomically: true, encoding: .utf8)
        for command in [["check"], ["schedule"], ["status"], ["gantt"], ["tasks"], ["export", "--format", "json"]] {
            let result = try Planc.run(command + ["--today", "2026-03-01", folder.path])
            #expect(result.status == 0, "\(command): \(result.stdout)\(result.stderr)")
        }
        let site = folder.appendingPathComponent("_site")
        let build = try Planc.run(["build", "--today", "2026-03-01", "-o", site.path, folder.appendingPathComponent("plan.md").path])
        #expect(build.status == 0, "\(build.stderr)")
        #expect(FileManager.default.fileExists(atPath: site.appendingPathComponent("projects/crm/index.html").path))
    } }

    @Test func explainPrintsTheCatalog() throws {
        let one = try Planc.run(["explain", "p205"])
        #expect(one.status == 0)
        #expect(one.stdout.hasPrefix("P205: Dependency cycle (error)"))
        #expect(try Planc.run(["explain", "P999"]).status == 2)
        let reference = try Planc.run(["explain", "--markdown"])
        let committed = try String(contentsOf: Repository.url("docs/diagnostics.md"), encoding: .utf8)
        #expect(reference.stdout == committed, "docs/diagnostics.md is out of date: run `planc explain --markdown > docs/diagnostics.md`")
    }

    @Test func initWritesACleanPlanAndNeverOverwrites() throws { try withTemporaryFolder("init") { base in
        let folder = base.appendingPathComponent("plans")
        let created = try Planc.run(["init", folder.path, "--start", "2026-03-02"])
        #expect(created.status == 0)
        let check = try Planc.run(["check", "--strict", "--today", "2026-03-01", folder.path])
        #expect(check.status == 0, "\(check.stdout)")
        let again = try Planc.run(["init", folder.path])
        #expect(again.status == 2)
        #expect(again.stderr.contains("already exists"))
    } }
}

/// Every file of the bad-input corpus, checked alone by the real binary: a located diagnostic and
/// exit status 1, never a crash, a hang or a silent pass.
struct BadInputCorpusTests {
    static let corpus = Repository.url("Tests/PlanFrontEndTests/Corpus")
    static var files: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: corpus.path)) ?? [])
            .filter { $0.hasSuffix(".md") && $0 != "team.md" }.sorted()
    }

    /// An unreadable or empty corpus would leave `checkedAlone` with no case to run.
    @Test func theCorpusIsThere() {
        #expect(Self.files.count >= 10, "no corpus files in \(Self.corpus.path)")
    }

    @Test(arguments: files)
    func checkedAlone(_ name: String) throws { try withTemporaryFolder("corpus") { folder in
        try FileManager.default.copyItem(at: Self.corpus.appendingPathComponent(name), to: folder.appendingPathComponent(name))
        let result = try Planc.run(["check", "--strict", "--format", "json", "--today", "2026-03-01", folder.path])
        #expect(result.status == 1, "\(name): exit \(result.status)\n\(result.stdout)\(result.stderr)")
        let diagnostics = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]] ?? []
        #expect(!diagnostics.isEmpty, "\(name) gave no diagnostic")
        // Located, unless the problem is that the folder holds no plan at all.
        for diagnostic in diagnostics where diagnostic["code"] as? String != "P003" {
            #expect(diagnostic["line"] is Int, "\(name): \(diagnostic)")
        }
    } }
}

@Suite(.serialized) struct WhyCommandTests {
    let example = "Examples/crm-migration"

    @Test func explainsATaskOfTheExample() throws {
        let result = try Planc.run(["why", "data-model", example, "--today", "2026-09-15", "--width", "100"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("Target data model and object mapping (crm/data-model)\n"))
        // Works whether or not the scheduler records explanations yet.
        #expect(result.stdout.contains("Driving chain") || result.stdout.contains("No explanation recorded"))
        let json = try Planc.run(["why", "crm/data-model", example, "--today", "2026-09-15", "--format", "json"])
        #expect(json.status == 0)
        #expect(json.stdout.hasPrefix("{\n  \"task\": \"crm/data-model\",\n"))
    }

    @Test func unknownTaskExitsTwoWithASuggestion() throws {
        let result = try Planc.run(["why", "data-modl", example, "--today", "2026-09-15"])
        #expect(result.status == 2)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr == "error: no task 'data-modl' in the selected projects; did you mean 'data-model'?\n")
    }
}
