import Foundation
import Testing
@testable import PlanSite

/// The built-in theme is compiled into planc from `Templates+Embedded.swift`, which is generated
/// from `Sources/PlanSite/Templates/`. This test keeps the two the same: it fails while they
/// differ, and `PLANC_UPDATE_GOLDEN=1 swift test --filter EmbeddedThemeTests` rewrites the Swift
/// file from the folder (then build again).
@Suite struct EmbeddedThemeTests {
    static let siteSources = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Sources/PlanSite")

    static func folderFiles() throws -> [String: String] {
        let folder = siteSources.appendingPathComponent("Templates")
        var files: [String: String] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) where !name.hasPrefix(".") {
            files[name] = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
        }
        return files
    }

    /// The Swift source that embeds `files`: one raw multi-line string per file, with enough `#`
    /// that no file can end it early, and the final line break kept by an empty last line.
    static func source(embedding files: [String: String]) -> String {
        var out = """
        // Generated from the files in Sources/PlanSite/Templates/ by
        // `PLANC_UPDATE_GOLDEN=1 swift test --filter EmbeddedThemeTests`; edit those files, not this one.
        // The test fails while the two differ, so the binary always carries the templates the folder holds.

        extension Theme {
            /// The built-in theme, compiled into planc: every file of `Templates/` by name.
            static let embeddedFiles: [String: String] = [

        """
        for name in files.keys.sorted() {
            let text = files[name]!
            var hashes = "#"
            while text.contains("\"\"\"" + hashes) || text.contains("\\" + hashes) { hashes += "#" }
            out += "        \"\(name)\": \(hashes)\"\"\"\n\(text)\n\"\"\"\(hashes),\n"
        }
        return out + "    ]\n}\n"
    }

    @Test func embeddedTemplatesAreTheTemplatesFolder() throws {
        let files = try Self.folderFiles()
        let target = Self.siteSources.appendingPathComponent("Templates+Embedded.swift")
        if ProcessInfo.processInfo.environment["PLANC_UPDATE_GOLDEN"] != nil {
            try Self.source(embedding: files).write(to: target, atomically: true, encoding: .utf8)
        }
        #expect(files.keys.sorted() == Theme.embeddedFiles.keys.sorted())
        for name in files.keys.sorted() {
            #expect(files[name] == Theme.embeddedFiles[name],
                    "Templates/\(name) differs from Templates+Embedded.swift; run PLANC_UPDATE_GOLDEN=1 swift test --filter EmbeddedThemeTests")
        }
        #expect(try String(contentsOf: target, encoding: .utf8) == Self.source(embedding: files), "Templates+Embedded.swift is not what the generator writes")
    }

    @Test func builtInThemeNeedsNoBundle() throws {
        let theme = try Theme.builtIn()
        #expect(Set(theme.templates.keys) == Set(Theme.templateNames))
        #expect(theme.stylesheet == Theme.embeddedFiles["style.css"])
        #expect(theme.templates["layout"]?.contains("{{{stylesheetCSS}}}") == true)
    }
}
