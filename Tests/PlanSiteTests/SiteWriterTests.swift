import Foundation
import PlanTestSupport
import Testing
@testable import PlanSite

@Suite struct SiteWriterTests {
    func read(_ path: String) -> String? {
        FileManager.default.contents(atPath: path).map { String(decoding: $0, as: UTF8.self) }
    }

    @Test func replacesTheWholeFolder() throws { try withTemporaryFolder("site-writer") { folder in
        let base = SiteWriter.canonical(folder.path)
        let out = base + "/_site"
        try SiteWriter.write([SiteFile(path: "index.html", text: "one"), SiteFile(path: "old.html", text: "x")], to: out)
        try SiteWriter.write([SiteFile(path: "index.html", text: "two"), SiteFile(path: "projects/a/index.html", text: "a")], to: out)
        #expect(read(out + "/index.html") == "two")
        #expect(read(out + "/projects/a/index.html") == "a")
        #expect(read(out + "/old.html") == nil)
        // Nothing is left beside the output: no staging or retired folders.
        #expect(try FileManager.default.contentsOfDirectory(atPath: base) == ["_site"])
    } }

    @Test func aFailedWriteLeavesThePreviousSite() throws { try withTemporaryFolder("site-writer") { folder in
        let base = SiteWriter.canonical(folder.path)
        let out = base + "/_site"
        try SiteWriter.write([SiteFile(path: "index.html", text: "good")], to: out)
        // A file and a folder of the same name cannot both be written: the build fails midway.
        let broken = [SiteFile(path: "index.html", text: "new"), SiteFile(path: "a", text: "file"),
                      SiteFile(path: "a/b.html", text: "under a file")]
        #expect(throws: SiteWriter.WriteError.self) { try SiteWriter.write(broken, to: out) }
        #expect(read(out + "/index.html") == "good")
        #expect(try FileManager.default.contentsOfDirectory(atPath: base) == ["_site"])
    } }

    @Test func refusesPathsThatLeaveTheSite() throws { try withTemporaryFolder("site-writer") { folder in
        let base = SiteWriter.canonical(folder.path)
        for path in ["../evil.html", "/etc/passwd", "a/../../x", "", "a//b", "./x", "a\\..\\b"] {
            #expect(throws: SiteWriter.WriteError.badFilePath(path)) {
                try SiteWriter.write([SiteFile(path: path, text: "x")], to: base + "/_site")
            }
        }
        #expect(!FileManager.default.fileExists(atPath: base + "/evil.html"))
        #expect(!FileManager.default.fileExists(atPath: base + "/_site"))
    } }

    @Test func refusesDangerousOutputFolders() throws { try withTemporaryFolder("site-writer") { folder in
        let base = SiteWriter.canonical(folder.path)
        let plan = base + "/plans"
        try FileManager.default.createDirectory(atPath: plan + "/crm", withIntermediateDirectories: true)
        _ = FileManager.default.createFile(atPath: plan + "/crm/crm.md", contents: Data("# CRM\n".utf8))
        _ = FileManager.default.createFile(atPath: base + "/notes.txt", contents: Data("mine".utf8))
        func check(_ output: String) throws {
            try SiteWriter.checkOutput(output, planRoot: plan, planFiles: ["crm/crm.md"])
        }
        #expect(throws: SiteWriter.WriteError.self) { try check("/") }
        #expect(throws: SiteWriter.WriteError.self) { try check(plan) }
        #expect(throws: SiteWriter.WriteError.self) { try check(plan + "/") }
        #expect(throws: SiteWriter.WriteError.self) { try check(base) }
        #expect(throws: SiteWriter.WriteError.self) { try check(plan + "/crm") }
        #expect(throws: SiteWriter.WriteError.self) { try check(plan + "/crm/../") }
        #expect(throws: SiteWriter.WriteError.self) { try check(base + "/notes.txt") }
        // A folder planc did not build is not replaced.
        try FileManager.default.createDirectory(atPath: base + "/docs", withIntermediateDirectories: true)
        _ = FileManager.default.createFile(atPath: base + "/docs/guide.md", contents: Data("keep".utf8))
        #expect(throws: SiteWriter.WriteError.notASite(path: base + "/docs")) { try check(base + "/docs") }
        // Fine: a new folder, an empty folder, a folder planc built, a folder inside the plan folder.
        try check(base + "/_site")
        try check(plan + "/_site")
        try SiteWriter.write([SiteFile(path: "index.html", text: "x")], to: base + "/built")
        try check(base + "/built")
    } }

    @Test func symlinkedOutputIsCheckedWhereItPoints() throws { try withTemporaryFolder("site-writer") { folder in
        let base = SiteWriter.canonical(folder.path)
        let plan = base + "/plans"
        try FileManager.default.createDirectory(atPath: plan, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: base + "/link", withDestinationPath: plan)
        #expect(throws: SiteWriter.WriteError.self) {
            try SiteWriter.checkOutput(base + "/link", planRoot: plan, planFiles: [])
        }
    } }
}
