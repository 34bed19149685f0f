import Foundation
import PlanTestSupport
import Testing
import PlanCompiler

/// The commit a site is stamped with is the one checked out where the plan lives.
@Suite struct PlanRepositoryTests {
    @Test func theCommitOfTheRepositoryHoldingThePlan() throws {
        try withTemporaryFolder("planc-repository") { folder in
            let git = try GitFixture(folder)
            try git.commit(["plans/demo.md": "# Demo\n\n- project: demo\n"], on: "2026-09-01", message: "plan")
            let head = try git.run(["rev-parse", "--short", "HEAD"])
            let base = folder.path
            #expect(!head.isEmpty)
            #expect(PlanRepository.commit(at: base + "/plans") == head)
            // A single plan file: the commit of the repository around its folder.
            #expect(PlanRepository.commit(at: base + "/plans/demo.md") == head)
            #expect(PlanRepository.folder(of: base + "/plans/demo.md") == base + "/plans")
            #expect(PlanRepository.root(of: base + "/plans").hasSuffix(folder.lastPathComponent))
        }
    }

    @Test func noCommitWhereThereIsNoRepository() {
        #expect(PlanRepository.commit(at: "/nonexistent/planc-\(UUID().uuidString)") == nil)
    }
}
