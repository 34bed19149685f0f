import Foundation
import PlanFrontEnd
import PlanModel
import PlanTestSupport
import Testing

/// Hostile inputs too big or too strange to commit: generated here, each must give located
/// diagnostics (or none) and never crash or hang.
struct GeneratedInputTests {
    let today = Day(iso: "2026-03-01")!

    @Test func thousandDeepNestedListIsCutAtTheLimit() {
        var text = "# Deep\n\n- project: deep\n- start: 2026-03-02\n\n## Work\n"
        for depth in 0..<1000 {
            text += String(repeating: "  ", count: depth) + "- Level \(depth) — 1d\n"
        }
        let result = frontEnd(text)
        #expect(result.codes.filter { $0 == "P112" }.count == 1)
        #expect(result.plan.tasks.count == Parser.maximumNesting)
        let deepest = result.plan.tasks.map(\.level).max()
        #expect(deepest == Parser.maximumNesting - 1)
    }

    @Test func tenThousandDeepBlockquoteIsReadWithoutRecursion() {
        let text = "# Quote\n\n- project: quote\n\n## Notes\n" + String(repeating: ">", count: 10_000) + " deep\n"
        let result = frontEnd(text)
        #expect(result.plan.projects.count == 1)
        #expect(result.plan.projects[0].notes.hasSuffix("deep"))
    }

    @Test func twentyMegabytePlanIsRead() throws {
        var text = "# Big\n\n- project: big\n- start: 2026-03-02\n\n## Work\n"
        let paragraph = String(repeating: "Notes that go on and on. ", count: 400)  // 10 KB
        var count = 0
        while text.utf8.count < 20 << 20 {
            text += "- [ ] Task \(count) — id:t\(count) 1d\n\n  \(paragraph)\n\n"
            count += 1
        }
        let result = frontEnd(text)
        #expect(result.diagnostics.isEmpty)
        #expect(result.plan.tasks.count == count)
        #expect(result.plan.tasks.last?.notes == paragraph)
    }

    @Test func symlinkLoopIsReportedAndSkipped() throws { try withTemporaryFolder("generated") { url in
        let folder = url.path
        try "# P\n\n- project: p\n\n## Work\n- [ ] A — 1d\n".write(toFile: folder + "/plan.md", atomically: true, encoding: .utf8)
        try FileManager.default.createDirectory(atPath: folder + "/sub", withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: folder + "/sub/loop", withDestinationPath: folder)
        try FileManager.default.createSymbolicLink(atPath: folder + "/sub/a.md", withDestinationPath: folder + "/sub/b.md")
        try FileManager.default.createSymbolicLink(atPath: folder + "/sub/b.md", withDestinationPath: folder + "/sub/a.md")
        let result = FrontEnd.compile(path: folder, today: today)
        #expect(result.plan.tasks.count == 1)
        #expect(result.diagnostics.filter { $0.code == .skippedPath }.count == 2)
    } }

    @Test func unreadableFileIsReportedWithItsPath() throws { try withTemporaryFolder("generated") { url in
        let folder = url.path
        try "# P\n\n- project: p\n".write(toFile: folder + "/plan.md", atomically: true, encoding: .utf8)
        // Root reads any file regardless of mode, so point at a file whose read always fails.
        try FileManager.default.createSymbolicLink(atPath: folder + "/broken.md", withDestinationPath: "/proc/self/mem")
        let result = FrontEnd.compile(path: folder, today: today)
        let problem = result.diagnostics.first { $0.code == .unreadableFile }
        #expect(problem?.range?.file == folder + "/broken.md")
        #expect(result.plan.projects.count == 1)
    } }

    @Test func missingPathIsUnreadableInput() {
        let result = FrontEnd.compile(path: "/nonexistent/planc/folder", today: today)
        #expect(result.inputUnreadable)
        #expect(result.diagnostics.map(\.code) == [.unreadableFile])
    }

    @Test func folderWithoutPlansSaysSo() throws { try withTemporaryFolder("generated") { url in
        let folder = url.path
        try "# Read me\n\nNot a plan.\n".write(toFile: folder + "/README.md", atomically: true, encoding: .utf8)
        let result = FrontEnd.compile(path: folder, today: today)
        #expect(result.diagnostics.map(\.code) == [.noPlanFiles])
        #expect(!result.inputUnreadable)
    } }

    @Test func filesAreReadInByteOrderOfPaths() throws { try withTemporaryFolder("generated") { url in
        let folder = url.path
        for name in ["b.md", "a.md", "Z.md", "ä.md"] {
            try "# \(name)\n\n- project: p\(name.utf8.first!)\n".write(toFile: folder + "/" + name, atomically: true, encoding: .utf8)
        }
        let result = FrontEnd.compile(path: folder, today: today)
        #expect(result.plan.files.map { ($0 as NSString).lastPathComponent } == ["Z.md", "a.md", "b.md", "ä.md"])
    } }

    @Test func hiddenAndOutputFoldersAreSkipped() throws { try withTemporaryFolder("generated") { url in
        let folder = url.path
        for sub in [".git", "_site", "node_modules", "plans"] {
            try FileManager.default.createDirectory(atPath: folder + "/" + sub, withIntermediateDirectories: true)
            try "# X\n\n- project: \(sub.filter(\.isLetter))\n".write(toFile: folder + "/\(sub)/p.md", atomically: true, encoding: .utf8)
        }
        let result = FrontEnd.compile(path: folder, today: today)
        #expect(result.plan.projects.map(\.id) == ["plans"])
    } }
}
