import Foundation
import PlanTestSupport
import Testing
import PlanCompiler
import PlanModel
import PlanSite

/// A theme named in the settings file stays inside the repository; `--theme` is trusted.
@Suite struct ThemeConfinementTests {
    /// A repository with one plan in `base/repo`.
    func makeRepository(in base: String) throws {
        try FileManager.default.createDirectory(atPath: base + "/repo/.git", withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: base + "/repo/plans", withIntermediateDirectories: true)
        try "# Demo\n\n- project: demo\n- start: 2026-09-01\n\n## Work\n- [ ] First — 2d\n\n## Notes\nSee ![burn-down](https://tracker.example/pixel.gif).\n"
            .write(toFile: base + "/repo/plans/demo.md", atomically: true, encoding: .utf8)
    }

    func settings(_ theme: String, in base: String) throws {
        try "# Portfolio\n\n- settings: acme\n- theme: \(theme)\n".write(toFile: base + "/repo/plans/settings.md", atomically: true, encoding: .utf8)
    }

    func build(_ base: String, theme: String? = nil) throws -> PublishOutcome {
        try Pipeline.build(PublishRequest(planPath: base + "/repo/plans", output: base + "/site", today: Day(year: 2026, month: 9, day: 15)!,
                                          themeFolder: theme))
    }

    @Test func aSettingsThemeOutsideTheRepositoryIsRefused() throws { try withTemporaryFolder("theme-confine") { folder in
        let base = SiteWriter.canonical(folder.path)
        try makeRepository(in: base)
        try FileManager.default.createDirectory(atPath: base + "/outside", withIntermediateDirectories: true)
        try "body{color:red}".write(toFile: base + "/outside/style.css", atomically: true, encoding: .utf8)
        for theme in ["/etc", "../../outside", base + "/outside"] {
            try settings(theme, in: base)
            #expect(throws: Publish.Failure.self, "\(theme)") { try build(base) }
        }
        #expect(!FileManager.default.fileExists(atPath: base + "/site"))
        // The same folder given on the command line is used.
        let outcome = try build(base, theme: base + "/outside")
        #expect(outcome.wroteSite)
        #expect(String(decoding: FileManager.default.contents(atPath: base + "/site/index.html") ?? Data(), as: UTF8.self).contains("body{color:red}"))
    } }

    @Test func aThemeFileLinkedOutsideIsRefusedAndAThemeInsideWorks() throws { try withTemporaryFolder("theme-confine") { folder in
        let base = SiteWriter.canonical(folder.path)
        try makeRepository(in: base)
        try FileManager.default.createDirectory(atPath: base + "/repo/site-theme", withIntermediateDirectories: true)
        try "secret".write(toFile: base + "/private.txt", atomically: true, encoding: .utf8)
        try FileManager.default.createSymbolicLink(atPath: base + "/repo/site-theme/style.css", withDestinationPath: base + "/private.txt")
        try settings("../site-theme", in: base)
        #expect(throws: Publish.Failure.self) { try build(base) }
        try FileManager.default.removeItem(atPath: base + "/repo/site-theme/style.css")
        try "main{margin:0}".write(toFile: base + "/repo/site-theme/style.css", atomically: true, encoding: .utf8)
        #expect(try build(base).wroteSite)
        let page = String(decoding: FileManager.default.contents(atPath: base + "/site/projects/demo/index.html") ?? Data(), as: UTF8.self)
        #expect(page.contains("main{margin:0}"))
        // The note's remote image is a link on the published page, not an image.
        #expect(page.contains("<a href=\"https://tracker.example/pixel.gif\">burn-down</a>"))
        #expect(!page.contains("<img"))
    } }
}
