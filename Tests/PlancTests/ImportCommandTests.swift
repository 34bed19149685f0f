import Foundation
import PlanTestSupport
import Testing

/// `planc import` end to end: an MPXJ-written file becomes a folder that `planc check --strict`
/// accepts, the notes are printed; a bad file is one line on stderr and exit status 2; a folder
/// with files in it is kept unless `--force`.
@Suite struct ImportCommandTests {
    @Test func anMPXJFileImportsIntoAPlanThatStrictCheckingAccepts() throws {
        try withTemporaryFolder("import-command") { folder in
            let output = folder.appendingPathComponent("assignments").path
            let fixture = Repository.url("Tests/PlanImportTests/Fixtures/assignments.xml").path
            let imported = try Planc.run(["import", fixture, "-o", output])
            #expect(imported.status == 0, "\(imported.stderr)")
            #expect(imported.stdout == """
                created \(output)/plan.md
                created \(output)/team.md
                created \(output)/calendar.md
                not imported (2, also under ## Notes in plan.md):
                  - 'Cable': a material resource; planc plans people and pools only
                  - 'Wiring': the assignment of 'Cable' is not imported (a material resource)
                next: planc check --strict \(output)

                """)
            let checked = try Planc.run(["check", "--strict", "--today", "2026-03-16", output])
            #expect(checked.status == 0, "\(checked.stdout)\(checked.stderr)")

            let again = try Planc.run(["import", fixture, "-o", output])
            #expect(again.status == 2)
            #expect(again.stderr == "\(fixture): error: \(output) is not empty; give --force to replace it\n")
            #expect(try Planc.run(["import", fixture, "-o", output, "--force"]).status == 0)
        }
    }

    /// Two processes (hashing seeded differently in each) write the same bytes.
    @Test func twoRunsWriteTheSameBytes() throws {
        try withTemporaryFolder("import-twice") { folder in
            let fixture = Repository.url("Tests/PlanImportTests/Fixtures/calendars.xml").path
            for name in ["first", "second"] {
                let result = try Planc.run(["import", fixture, "-o", folder.appendingPathComponent(name).path])
                #expect(result.status == 0, "\(result.stderr)")
            }
            let first = contentsOfFiles(in: folder.appendingPathComponent("first"))
            #expect(first.count == 3)
            #expect(first == contentsOfFiles(in: folder.appendingPathComponent("second")))
        }
    }

    @Test func aFileThatIsNotMSPDIIsOneLineAndStatusTwo() throws {
        try withTemporaryFolder("import-bad") { folder in
            let file = folder.appendingPathComponent("notes.xml")
            try "<?xml version=\"1.0\"?>\n<notes><note/></notes>\n".write(to: file, atomically: true, encoding: .utf8)
            let result = try Planc.run(["import", file.path, "-o", folder.appendingPathComponent("out").path])
            #expect(result.status == 2)
            #expect(result.stderr.hasPrefix("\(file.path):2:"))
            #expect(result.stderr.split(separator: "\n").count == 1, "\(result.stderr)")
            #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("out").path))
        }
    }
}
