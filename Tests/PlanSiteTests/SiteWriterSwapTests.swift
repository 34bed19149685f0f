import Foundation
import PlanTestSupport
import Testing
@testable import PlanSite

/// The swap of a new site into place: leftovers of killed builds, concurrent builds into one
/// folder, and output paths that are dangling symbolic links.
@Suite struct SiteWriterSwapTests {
    /// The file helpers of the writer's other tests.
    let files = SiteWriterTests()
    func read(_ path: String) -> String? { files.read(path) }

    @Test func theNextBuildRemovesLeftoversOfAnInterruptedOne() throws { try withTemporaryFolder("site-swap") { folder in
        let base = SiteWriter.canonical(folder.path)
        let out = base + "/_site"
        try SiteWriter.write([SiteFile(path: "index.html", text: "one")], to: out)
        // What a build killed while staging, or between the two renames of older plancs, leaves.
        for leftover in ["._site.planc-new-4242-17", "._site.planc-old-4242-17", "._site.planc-new-1-2/projects/a"] {
            try FileManager.default.createDirectory(atPath: base + "/" + leftover, withIntermediateDirectories: true)
            _ = FileManager.default.createFile(atPath: base + "/" + leftover + "/index.html", contents: Data("stale".utf8))
        }
        // Not ours: another output's staging folder and an unrelated hidden folder stay.
        try FileManager.default.createDirectory(atPath: base + "/.public.planc-new-1-2", withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: base + "/.git", withIntermediateDirectories: true)
        try SiteWriter.write([SiteFile(path: "index.html", text: "two")], to: out)
        #expect(read(out + "/index.html") == "two")
        #expect(try FileManager.default.contentsOfDirectory(atPath: base).sorted() == [".git", ".public.planc-new-1-2", "_site"])
    } }

    @Test func concurrentBuildsIntoOneFolderAllSucceedAndTheFolderAlwaysExists() throws { try withTemporaryFolder("site-swap") { folder in
        let base = SiteWriter.canonical(folder.path)
        let out = base + "/_site"
        try SiteWriter.write([SiteFile(path: "index.html", text: "first")], to: out)
        let writers = 8, rounds = 8
        let failures = Counter(), missing = Counter(), checks = Counter()
        let done = Counter()
        let group = DispatchGroup()
        // A reader that looks for the site the whole time the writers run.
        DispatchQueue.global().async(group: group) {
            while done.value < writers {
                if !FileManager.default.fileExists(atPath: out + "/index.html") { missing.add() }
                checks.add()
            }
        }
        for writer in 0..<writers {
            DispatchQueue.global().async(group: group) {
                for round in 0..<rounds {
                    let files = (0..<20).map { SiteFile(path: "projects/p\($0)/index.html", text: "w\(writer) r\(round)") }
                        + [SiteFile(path: "index.html", text: "writer \(writer) round \(round)")]
                    do { try SiteWriter.write(files, to: out) } catch { failures.add() }
                }
                done.add()
            }
        }
        #expect(group.wait(timeout: .now() + 120) == .success)
        #expect(failures.value == 0)
        #expect(missing.value == 0, "the site was missing in \(missing.value) of \(checks.value) checks")
        #expect(checks.value > 0)
        #expect(read(out + "/index.html")?.hasPrefix("writer ") == true)
        #expect(try FileManager.default.contentsOfDirectory(atPath: base) == ["_site"])
    } }

    @Test func aDanglingOutputLinkIsAClearError() throws { try withTemporaryFolder("site-swap") { folder in
        let base = SiteWriter.canonical(folder.path)
        try FileManager.default.createSymbolicLink(atPath: base + "/out", withDestinationPath: base + "/nowhere/site")
        let expected = SiteWriter.WriteError.dangerousOutput(
            path: base + "/out",
            reason: "\(base)/out is a symbolic link to a path that does not exist; create the folder it points to or remove the link")
        #expect(throws: expected) { try SiteWriter.write([SiteFile(path: "index.html", text: "x")], to: base + "/out") }
        #expect(throws: expected) { try SiteWriter.checkOutput(base + "/out", planRoot: base + "/plan", planFiles: []) }
        #expect(throws: SiteWriter.WriteError.self) {
            try SiteWriter.write([SiteFile(path: "index.html", text: "x")], to: base + "/out/inner")
        }
        // The link is still a link, and nothing was created where it points.
        #expect((try? FileManager.default.destinationOfSymbolicLink(atPath: base + "/out")) == base + "/nowhere/site")
        #expect(!FileManager.default.fileExists(atPath: base + "/nowhere"))
        // A link to an existing folder is fine: the site goes where it points.
        try FileManager.default.createDirectory(atPath: base + "/real", withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: base + "/good", withDestinationPath: base + "/real/site")
        try FileManager.default.createDirectory(atPath: base + "/real/site", withIntermediateDirectories: true)
        try SiteWriter.write([SiteFile(path: "index.html", text: "x")], to: base + "/good")
        #expect(read(base + "/real/site/index.html") == "x")
    } }
}

final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0
    func add() { lock.lock(); count += 1; lock.unlock() }
    var value: Int { lock.lock(); defer { lock.unlock() }; return count }
}
