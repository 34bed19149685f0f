import Foundation
import Testing
import PlanCompiler

/// The commit a site is stamped with is the one checked out where the plan lives.
@Suite struct PlanRepositoryTests {
    /// Runs git (which must be installed: a missing tool fails the test) in `folder`.
    @discardableResult
    func git(_ arguments: [String], in folder: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git", "-C", folder, "-c", "user.name=planc", "-c", "user.email=planc@example.org",
                             "-c", "commit.gpgsign=false"] + arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        try #require(process.terminationStatus == 0, "git \(arguments.joined(separator: " ")) failed")
        return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    @Test func theCommitOfTheRepositoryHoldingThePlan() throws {
        let base = NSTemporaryDirectory() + "planc-repository-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: base) }
        try FileManager.default.createDirectory(atPath: base + "/plans", withIntermediateDirectories: true)
        try "# Demo\n\n- project: demo\n".write(toFile: base + "/plans/demo.md", atomically: true, encoding: .utf8)
        try git(["init", "-q"], in: base)
        try git(["add", "."], in: base)
        try git(["commit", "-q", "-m", "plan"], in: base)
        let head = try git(["rev-parse", "--short", "HEAD"], in: base)
        #expect(!head.isEmpty)
        #expect(PlanRepository.commit(at: base + "/plans") == head)
        // A single plan file: the commit of the repository around its folder.
        #expect(PlanRepository.commit(at: base + "/plans/demo.md") == head)
        #expect(PlanRepository.folder(of: base + "/plans/demo.md") == base + "/plans")
        #expect(PlanRepository.root(of: base + "/plans").hasSuffix(URL(fileURLWithPath: base).lastPathComponent))
    }

    @Test func noCommitWhereThereIsNoRepository() {
        #expect(PlanRepository.commit(at: "/nonexistent/planc-\(UUID().uuidString)") == nil)
    }
}
