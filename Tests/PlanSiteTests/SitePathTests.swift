import Foundation
import PlanTestSupport
import Testing
@testable import PlanSite

/// `planc serve` finds every file through `SitePath.resolve`: these are its traversal tests.
@Suite struct SitePathTests {
    /// Removed with the suite instance, after each test.
    let folder: TemporaryFolder
    let base: String
    let root: String

    init() throws {
        folder = try TemporaryFolder("site-path")
        base = SiteWriter.canonical(folder.path)
        root = base + "/_site"
        let manager = FileManager.default
        try manager.createDirectory(atPath: root + "/projects/crm", withIntermediateDirectories: true)
        _ = manager.createFile(atPath: root + "/index.html", contents: Data("home".utf8))
        _ = manager.createFile(atPath: root + "/projects/crm/index.html", contents: Data("crm".utf8))
        _ = manager.createFile(atPath: root + "/.planc-site", contents: Data("marker".utf8))
        _ = manager.createFile(atPath: base + "/secret.txt", contents: Data("secret".utf8))
        try manager.createSymbolicLink(atPath: root + "/leak.txt", withDestinationPath: base + "/secret.txt")
        try manager.createSymbolicLink(atPath: root + "/up", withDestinationPath: base)
        try manager.createSymbolicLink(atPath: root + "/etc", withDestinationPath: "/etc")
    }

    @Test func servesFilesAndFolderIndexes() {
        #expect(SitePath.resolve("/", root: root) == root + "/index.html")
        #expect(SitePath.resolve("/index.html?x=1#top", root: root) == root + "/index.html")
        #expect(SitePath.resolve("/projects/crm/", root: root) == root + "/projects/crm/index.html")
        #expect(SitePath.resolve("/projects/crm", root: root) == root + "/projects/crm/index.html")
        #expect(SitePath.resolve("/projects%2Fcrm/index.html", root: root) == root + "/projects/crm/index.html")
        #expect(SitePath.resolve("/missing.html", root: root) == nil)
    }

    @Test func refusesEverythingOutsideTheSite() {
        let attempts = [
            "/../secret.txt", "/projects/../../secret.txt", "/..%2fsecret.txt", "/%2e%2e/secret.txt",
            "/%2E%2E%2Fsecret.txt", "/projects/%2e%2e/%2e%2e/secret.txt", "/..\\secret.txt", "/%5c..%5csecret.txt",
            "//etc/passwd", "/etc/passwd", base + "/secret.txt", "/leak.txt", "/up/secret.txt",
            "/.planc-site", "/index.html%00.txt", "/%", "/./index.html",
        ]
        for attempt in attempts {
            #expect(SitePath.resolve(attempt, root: root) == nil, "\(attempt) must not be served")
        }
    }
}
