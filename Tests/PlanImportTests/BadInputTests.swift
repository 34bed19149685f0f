import Foundation
import PlanImport
import PlanTestSupport
import Testing

/// Files that are not MSPDI, or MSPDI that no plan can hold, end in one error with a place in the
/// file (exit status 2 from the command), never a crash; a link to a task that is not in the
/// file is dropped with a note.
@Suite struct BadInputTests {
    @Test func notXMLGivesTheLineAndColumn() throws {
        let error = try #require(ImportSupport.error("<Project xmlns=\"http://schemas.microsoft.com/project\">\n  <Title>x</Titel>\n</Project>"))
        #expect(error.message.hasPrefix("not well-formed XML"))
        #expect(error.line == 2)
        #expect(error.line(file: "f.xml").hasPrefix("f.xml:2:"))
    }

    @Test func anotherXMLVocabularyIsNotMSPDI() throws {
        let error = try #require(ImportSupport.error("<?xml version=\"1.0\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\"/>"))
        #expect(error.message.hasPrefix("not an MSPDI file: the root element is <svg> in namespace http://www.w3.org/2000/svg"))
        #expect(error.line == 2)
        let noNamespace = try #require(ImportSupport.error("<Project><Title>x</Title></Project>"))
        #expect(noNamespace.message.contains("without a namespace"))
    }

    @Test func invalidUTF8IsFoundByLineAndColumn() throws {
        var bytes = Array("<Project xmlns=\"http://schemas.microsoft.com/project\">\n  <Title>caf".utf8)
        bytes += [0xC3, 0x28]
        bytes += Array("</Title>\n</Project>".utf8)
        let error = try #require(ImportSupport.error(Data(bytes)))
        #expect(error == ImportError("not UTF-8: an invalid byte sequence", line: 2, column: 13))
    }

    @Test func deepNestingIsRefused() throws {
        let depth = 10_000
        let xml = "<Project xmlns=\"http://schemas.microsoft.com/project\">" + String(repeating: "<a>", count: depth)
            + String(repeating: "</a>", count: depth) + "</Project>"
        let error = try #require(ImportSupport.error(xml))
        #expect(error.message.hasPrefix("elements nest deeper than 32 levels"))
        #expect(error.line == 1)
    }

    @Test func entitiesAreNeitherExpandedWithoutBoundNorFetched() throws {
        let entities = "<!ENTITY a0 \"xxxxxxxxxx\">" + (1..<10).map { "<!ENTITY a\($0) \"" + String(repeating: "&a\($0 - 1);", count: 10) + "\">" }.joined()
        let laughs = "<?xml version=\"1.0\"?>\n<!DOCTYPE Project [\(entities)]>\n<Project xmlns=\"http://schemas.microsoft.com/project\"><Title>&a9;</Title></Project>"
        let error = try #require(ImportSupport.error(laughs))
        #expect(error.message.hasPrefix("not well-formed XML"))
        #expect(error.line == 3)
        let external = "<?xml version=\"1.0\"?>\n<!DOCTYPE Project [<!ENTITY e SYSTEM \"file:///etc/hostname\">]>\n<Project xmlns=\"http://schemas.microsoft.com/project\"><Title>&e;</Title></Project>"
        let plan = try ImportSupport.importing(external, name: "external.xml")
        #expect(plan.text(of: "plan.md")?.hasPrefix("# external\n") == true)
    }

    @Test func aTaskUIDUsedTwiceIsAnError() throws {
        let xml = ImportSupport.mspdi("<Tasks>\(MappingTests.task(1, "A"))\n\(MappingTests.task(1, "B"))</Tasks>")
        let error = try #require(ImportSupport.error(xml))
        #expect(error.message == "task UID 1 is used twice")
        #expect(error.line != nil)
    }

    @Test func anUnknownLinkTypeIsAnErrorAtTheLink() throws {
        let xml = ImportSupport.mspdi("<Tasks>\n\(MappingTests.task(1, "A"))\n\(MappingTests.task(2, "B", extra: "\n" + MappingTests.link(1, type: 9)))\n</Tasks>")
        let error = try #require(ImportSupport.error(xml))
        #expect(error.message == "task 'B' (UID 2) has a link of type 9; MSPDI's types are 0 (FF), 1 (FS), 2 (SF) and 3 (SS)")
        let line = xml.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.contains("<PredecessorLink>") }.map { $0 + 1 }
        #expect(error.line == line)
    }

    @Test func aCycleIsAnErrorThatNamesIt() throws {
        let xml = ImportSupport.mspdi("<Tasks>" + [
            MappingTests.task(1, "A", extra: MappingTests.link(3, type: 1)),
            MappingTests.task(2, "B", extra: MappingTests.link(1, type: 1)),
            MappingTests.task(3, "C", extra: MappingTests.link(2, type: 3)),
        ].joined() + "</Tasks>")
        let error = try #require(ImportSupport.error(xml))
        #expect(error.message == "the links form a cycle: 'A' → 'B' → 'C' → 'A'")
        #expect(error.line != nil)
    }

    @Test func aLongChainOfLinksAndADeepOutline() throws {
        let count = 50_000
        var tasks = (1...count).map { uid in
            MappingTests.task(uid, "T\(uid)", extra: uid > 1 ? MappingTests.link(uid - 1, type: 1) : "")
        }
        let plan = try ImportSupport.importing(ImportSupport.mspdi("<Tasks>" + tasks.joined(separator: "\n") + "</Tasks>"))
        #expect(plan.text(of: "plan.md")?.contains("- [ ] T\(count) — id:t\(count) duration:2d after:t\(count - 1)\n") == true)
        tasks[0] = MappingTests.task(1, "T1", extra: MappingTests.link(count, type: 1))
        #expect(ImportSupport.error(ImportSupport.mspdi("<Tasks>" + tasks.joined(separator: "\n") + "</Tasks>"))?.message.hasPrefix("the links form a cycle: 'T1' → 'T2' → ") == true)
        let deep = ImportSupport.mspdi("<Tasks>" + (1...101).map { MappingTests.task($0, "L\($0)", level: $0, summary: $0 < 101) }.joined() + "</Tasks>")
        #expect(ImportSupport.error(deep)?.message == "task UID 101 is at outline level 101; planc imports at most 100 levels")
    }

    /// Every prefix of an MPXJ file, and its numbers replaced by hostile ones, either imports or
    /// is one ImportError: the importer has no other way out (a crash ends the test run).
    @Test func truncatedAndMangledFilesNeverCrash() throws {
        let text = String(decoding: try Data(contentsOf: Repository.url("Tests/PlanImportTests/Fixtures/assignments.xml")), as: UTF8.self)
        var outcomes = (imported: 0, refused: 0)
        func attempt(_ xml: String) {
            if ImportSupport.error(xml) == nil { outcomes.imported += 1 } else { outcomes.refused += 1 }
        }
        let bytes = Array(text.utf8)
        for end in stride(from: 0, to: bytes.count, by: 61) { attempt(String(decoding: bytes[..<end], as: UTF8.self)) }
        for hostile in ["-1", "0", "1e308", "NaN", "99999999999999999999", "-PT8H", "PT", "2026-02-30T08:00:00", ""] {
            for element in ["UID", "OutlineLevel", "Duration", "Work", "Units", "MaxUnits", "Start", "PercentComplete", "PredecessorUID", "LinkLag", "StandardRate", "MinutesPerDay"] {
                let pattern = try Regex("<\(element)>[^<]*</\(element)>")
                attempt(text.replacing(pattern, with: "<\(element)>\(hostile)</\(element)>"))
            }
        }
        #expect(outcomes.imported > 0 && outcomes.refused > 0, "\(outcomes)")
    }

    @Test func aLinkToAMissingTaskIsDroppedWithANote() throws {
        let xml = ImportSupport.mspdi("<Tasks>\(MappingTests.task(1, "A", extra: MappingTests.link(42, type: 1)))</Tasks>")
        let plan = try ImportSupport.importing(xml)
        #expect(plan.notes == ["'A': a link to task UID 42, which is not in the file, is not imported"])
        #expect(plan.text(of: "plan.md")?.contains("- [ ] A — id:a duration:2d\n") == true)
    }

    @Test func theFolderIsWrittenWholeAndNeverOverAnotherPlan() throws {
        let plan = try ImportSupport.importing(ImportSupport.mspdi("<Tasks>\(MappingTests.task(1, "A"))</Tasks>"))
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("planc-import-folder-\(ProcessInfo.processInfo.processIdentifier)")
        defer { try? FileManager.default.removeItem(at: folder) }
        try ImportFolder.write(plan, to: folder.path, force: false)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == ["calendar.md", "plan.md"])
        #expect(throws: ImportError("\(folder.path) is not empty; give --force to replace it")) {
            try ImportFolder.write(plan, to: folder.path, force: false)
        }
        try "stale".write(to: folder.appendingPathComponent("old.md"), atomically: true, encoding: .utf8)
        try ImportFolder.write(plan, to: folder.path, force: true)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == ["calendar.md", "plan.md"])
        let siblings = try FileManager.default.contentsOfDirectory(atPath: folder.deletingLastPathComponent().path)
        #expect(!siblings.contains { $0.hasPrefix(".\(folder.lastPathComponent).") }, "staging folders left behind")
    }
}
