import Foundation
import PlanCompiler
import PlanFrontEnd
import PlanModel
import PlanTestSupport
import Testing

/// Reading any version of the plan from git: without a checkout, named like the work tree's
/// files, and with clear errors where history cannot be read.
@Suite struct GitRepositoryTests {
    let plan = "# Demo\n\n- project: demo\n- start: 2026-09-01\n\n## Work\n- [ ] Build — 5d\n"

    @Test func readsThePlanAtAnyCommitWithoutTouchingTheWorkTree() throws {
        try withTemporaryFolder("git-read") { folder in
            let git = try GitFixture(folder)
            let first = try git.commit(["plans/plan.md": plan, "plans/notes/extra.md": "# Notes\n", "README.md": "# Repo\n"],
                                       on: "2026-09-01", message: "First plan")
            try git.run(["tag", "v1.0"])
            try git.commit(["plans/plan.md": plan.replacingOccurrences(of: "5d", with: "8d"), "plans/notes/extra.md": nil],
                           on: "2026-09-08", message: "Build grows")
            // An uncommitted edit and a staged one: history must not see or disturb them.
            try Data((plan + "- [ ] Test — 2d\n").utf8).write(to: folder.appendingPathComponent("plans/plan.md"))
            let statusBefore = try git.run(["status", "--porcelain"])

            let path = folder.appendingPathComponent("plans").path
            let repository = try GitRepository(planPath: path)
            #expect(repository.prefix == "plans/")
            let tagged = try repository.resolve("v1.0")
            #expect(tagged.id == first)
            #expect(tagged.day == Day(iso: "2026-09-01"))
            #expect(tagged.subject == "First plan")
            let old = try repository.load(at: tagged)
            // Named as the loader names the work tree's files; folders walked; sorted.
            #expect(old.files.map(\.path) == [path + "/notes/extra.md", path + "/plan.md"])
            #expect(String(decoding: old.files[1].bytes, as: UTF8.self).contains("Build — 5d"))
            let head = try repository.load(at: repository.resolve("HEAD"))
            #expect(head.files.map(\.path) == [path + "/plan.md"])
            #expect(String(decoding: head.files[0].bytes, as: UTF8.self).contains("Build — 8d"))
            #expect(try git.run(["status", "--porcelain"]) == statusBefore)

            // "The plan as it stood on a date": the last commit on or before that day.
            #expect(try repository.resolve("2026-09-05").id == first)
            #expect(try repository.resolve("2026-09-08").subject == "Build grows")
            #expect(try repository.history().map(\.subject) == ["First plan", "Build grows"])
            #expect(try repository.history(since: tagged).map(\.subject) == ["Build grows"])
        }
    }

    @Test func historicalFilesCompileLikeTheWorkTree() throws {
        try withTemporaryFolder("git-compile") { folder in
            let git = try GitFixture(folder)
            try git.commit(["plan.md": plan], on: "2026-09-01", message: "Plan")
            let repository = try GitRepository(planPath: folder.path)
            let loaded = try repository.load(at: repository.resolve("HEAD"))
            var cache = ParseCache()
            let options = CompileOptions(path: folder.path, today: Day(iso: "2026-09-01")!)
            let fromHistory = Pipeline.compile(loaded, root: folder.path, options, cache: &cache)
            let fromDisk = Pipeline.compile(options)
            #expect(fromHistory.schedule?.projectFinish == fromDisk.schedule?.projectFinish)
            #expect(fromHistory.plan.tasks.map(\.id) == ["build"])
        }
    }

    @Test func clearErrorsWhereHistoryCannotBeRead() throws {
        try withTemporaryFolder("git-errors") { folder in
            #expect(throws: GitError.notARepository(folder.path)) { try GitRepository(planPath: folder.path) }
            let git = try GitFixture(folder)
            try git.commit(["plan.md": plan], on: "2026-09-01", message: "Plan")
            let repository = try GitRepository(planPath: folder.path)
            #expect(throws: GitError.unknownRevision("v9", shallow: false)) { try repository.resolve("v9") }
            // A revision is never read as an option.
            #expect(throws: GitError.unknownRevision("--output=x", shallow: false)) { try repository.resolve("--output=x") }
            #expect(throws: GitError.noCommitBefore(Day(iso: "2026-08-01")!)) { try repository.resolve("2026-08-01") }
            #expect(GitError.unknownRevision("v1", shallow: true).description.contains("fetch-depth: 0"))
        }
    }
}
