import Foundation
import PlanTestSupport
import Testing

/// `planc done`, `progress`, `set`, `unset` and `journal add` on a plan in a temporary folder:
/// what they print, their exit status, and what they leave on disk.
@Suite struct EditCommandTests {
    static let plan = """
        # Demo

        - project: demo
        - start: 2026-06-01
        - tracks-actuals: yes

        ## Work

        - [x] Kick-off — 2d started:2026-06-01 finished:2026-06-02
        - [ ] Data audit — 8d after:kick-off 40% started:2026-06-03
          Notes beneath the line.
        - [ ] Report — 2d after:data-audit

        ## Journal

        ### 2026-09-11 — green — On track

        """

    func run(_ arguments: [String], in folder: URL) throws -> Planc.Output {
        try Planc.run(arguments + ["--today", "2026-09-15"], in: folder)
    }

    func text(_ folder: URL, _ name: String = "plan.md") throws -> String {
        try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
    }

    @Test func doneWritesTheLineAndPrintsIt() throws {
        try withTemporaryFolder("edit") { folder in
            try write(["plan.md": Self.plan], into: folder)
            let result = try run(["done", "data-audit"], in: folder)
            #expect(result.status == 0, "\(result.stderr)")
            #expect(result.stdout == """
                plan.md:10
                - - [ ] Data audit — 8d after:kick-off 40% started:2026-06-03
                + - [x] Data audit — 8d after:kick-off started:2026-06-03 finished:2026-09-15

                """)
            #expect(try text(folder) == Self.plan.replacingOccurrences(of: "- [ ] Data audit — 8d after:kick-off 40% started:2026-06-03",
                                                                      with: "- [x] Data audit — 8d after:kick-off started:2026-06-03 finished:2026-09-15"))
            let again = try run(["done", "data-audit"], in: folder)
            #expect(again.status == 0)
            #expect(again.stdout.contains("nothing to change"))
            #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["plan.md"])
        }
    }

    @Test func progressSetUnsetAndJournalOnAFilePath() throws {
        try withTemporaryFolder("edit") { folder in
            try write(["plan.md": Self.plan], into: folder)
            #expect(try run(["progress", "report", "25%", "--spent", "0.5d", "plan.md"], in: folder).status == 0)
            // Nobody is called dana in this plan: refused, nothing written.
            #expect(try run(["set", "report", "due:2026-10-01", "owner:@dana", "--path", "plan.md"], in: folder).status == 1)
            #expect(try run(["set", "report", "due:2026-10-01", "priority:high"], in: folder).status == 0)
            #expect(try run(["unset", "data-audit", "progress"], in: folder).status == 0)
            let journal = try run(["journal", "add", "Audit slips", "--rag", "amber", "--text", "Two days late."], in: folder)
            #expect(journal.status == 0, "\(journal.stderr)")
            #expect(try text(folder) == Self.plan
                .replacingOccurrences(of: "- [ ] Report — 2d after:data-audit",
                                      with: "- [ ] Report — 2d after:data-audit 25% spent:0.5d started:2026-09-15 due:2026-10-01 priority:high")
                .replacingOccurrences(of: "8d after:kick-off 40% started", with: "8d after:kick-off started")
                + "\n### 2026-09-15 — amber — Audit slips\nTwo days late.\n")
            let check = try Planc.run(["check", "--today", "2026-09-15", folder.path])
            #expect(check.status == 0, "\(check.stdout)")
        }
    }

    @Test func anEditThatBringsAnErrorLeavesTheFileUnchanged() throws {
        try withTemporaryFolder("edit") { folder in
            try write(["plan.md": Self.plan], into: folder)
            let result = try run(["set", "report", "after:data-adit"], in: folder)
            #expect(result.status == 1)
            #expect(result.stderr.contains("the edit would bring errors into the plan; plan.md is left unchanged"))
            #expect(result.stderr.contains("error[P202]"), "\(result.stderr)")
            #expect(try text(folder) == Self.plan)
            #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["plan.md"])
        }
    }

    @Test func anEditThatCannotBeMadeExitsWithTwo() throws {
        try withTemporaryFolder("edit") { folder in
            try write(["plan.md": Self.plan], into: folder)
            let unknown = try run(["done", "data-adit"], in: folder)
            #expect(unknown.status == 2)
            #expect(unknown.stderr == "planc: no task 'data-adit' in '.'; did you mean 'data-audit'?\n")
            let key = try run(["set", "report", "priorty:high"], in: folder)
            #expect(key.status == 2)
            #expect(key.stderr.hasPrefix("planc: unknown attribute 'priorty' for a task; did you mean 'priority'?"))
            #expect(try run(["done", "report", "--on", "2026-02-30"], in: folder).status == 2)
            #expect(try run(["journal", "add", "x", "--rag", "ambr"], in: folder).status == 2)
            #expect(try text(folder) == Self.plan)
        }
    }

    @Test func crlfAndAByteOrderMarkSurvive() throws {
        try withTemporaryFolder("edit") { folder in
            let original = [0xEF, 0xBB, 0xBF] + Array(Self.plan.replacingOccurrences(of: "\n", with: "\r\n").utf8)
            try Data(original).write(to: folder.appendingPathComponent("plan.md"))
            #expect(try run(["done", "report", "--on", "2026-09-14"], in: folder).status == 0)
            #expect(try run(["journal", "add", "Done early"], in: folder).status == 0)
            let written = try [UInt8](Data(contentsOf: folder.appendingPathComponent("plan.md")))
            let expected = [0xEF, 0xBB, 0xBF] + Array((Self.plan
                .replacingOccurrences(of: "- [ ] Report — 2d after:data-audit", with: "- [x] Report — 2d after:data-audit finished:2026-09-14")
                + "\n### 2026-09-15 — Done early\n").replacingOccurrences(of: "\n", with: "\r\n").utf8)
            #expect(written == expected)
        }
    }
}
