import Foundation
import PlanEdit
import PlanTestSupport
import Testing

@Suite struct AtomicFileTests {
    @Test func replacesTheContentKeepsTheModeAndLeavesNoTemporaryFile() throws {
        try withTemporaryFolder("atomic") { folder in
            let path = folder.appendingPathComponent("plan.md").path
            try write(["plan.md": "old\n"], into: folder)
            chmod(path, 0o640)
            try AtomicFile.replace(path, expected: Array("old\n".utf8), with: Array("new\n".utf8))
            #expect(try AtomicFile.read(path) == Array("new\n".utf8))
            let attributes = try FileManager.default.attributesOfItem(atPath: path)
            #expect((attributes[.posixPermissions] as? Int) == 0o640)
            #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["plan.md"])
        }
    }

    @Test func refusesAFileThatChangedSinceItWasRead() throws {
        try withTemporaryFolder("atomic") { folder in
            let path = folder.appendingPathComponent("plan.md").path
            try write(["plan.md": "saved by someone else\n"], into: folder)
            #expect(throws: EditError("'\(path)' changed since planc read it; nothing was written (run the command again)")) {
                try AtomicFile.replace(path, expected: Array("old\n".utf8), with: Array("new\n".utf8))
            }
            #expect(try AtomicFile.read(path) == Array("saved by someone else\n".utf8))
            #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["plan.md"])
        }
    }

    @Test func aSymbolicLinkStaysALink() throws {
        try withTemporaryFolder("atomic") { folder in
            try write(["real/plan.md": "old\n"], into: folder)
            let link = folder.appendingPathComponent("plan.md").path
            try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: "real/plan.md")
            try AtomicFile.replace(link, expected: Array("old\n".utf8), with: Array("new\n".utf8))
            #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link) == "real/plan.md")
            #expect(try AtomicFile.read(folder.appendingPathComponent("real/plan.md").path) == Array("new\n".utf8))
        }
    }
}
