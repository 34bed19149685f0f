import Foundation
import PlanTestSupport
import Testing

/// `planc export --format sqlite`: the database docs/sqlite.md describes, checked through the
/// `sqlite3` command line (CI installs it; a missing one fails the tests).
@Suite(.serialized) struct SQLiteExportTests {
    static let crm = ["--today", "2026-09-15", "Examples/crm-migration"]

    static func export(_ file: URL, _ arguments: [String] = crm) throws {
        let result = try Planc.run(["export", "--format", "sqlite", "-o", file.path] + arguments)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.isEmpty)
    }

    /// `sqlite3 -header -column DATABASE` with `sql` on standard input; output with trailing
    /// spaces removed, as docs/sqlite.md shows it.
    static func sqlite(_ database: URL, _ sql: String, options: [String] = ["-header", "-column"]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["sqlite3", "-bail"] + options + [database.path]
        let input = Pipe(), output = Pipe(), errors = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        input.fileHandleForWriting.write(Data(sql.utf8))
        try input.fileHandleForWriting.close()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let problems = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0 && problems.isEmpty, "sqlite3: \(problems)\n\(sql)")
        return text.split(separator: "\n", omittingEmptySubsequences: false)
            .map { line in String(line.reversed().drop(while: { $0 == " " }).reversed()) }
            .joined(separator: "\n").trimmingCharacters(in: .newlines)
    }

    /// Each ```sql block of docs/sqlite.md's examples and the ```text block right after it.
    static func documentedQueries() throws -> [(sql: String, output: String)] {
        let doc = try String(contentsOf: Repository.url("docs/sqlite.md"), encoding: .utf8)
        var pairs: [(String, String)] = []
        for chunk in doc.components(separatedBy: "```sql\n").dropFirst() {
            let parts = chunk.components(separatedBy: "```")
            guard parts.count >= 3, parts[1].hasPrefix("\n\n") || parts[1] == "\n\n" else { continue }
            let afterSQL = chunk.components(separatedBy: "```\n\n```text\n")
            guard afterSQL.count >= 2 else { Issue.record("a sql block without a text block after it: \(parts[0])"); continue }
            let output = afterSQL[1].components(separatedBy: "\n```").first ?? ""
            pairs.append((afterSQL[0], output))
        }
        return pairs
    }

    @Test func theDocumentedQueriesGiveTheDocumentedAnswers() throws { try withTemporaryFolder("sqlite doc") { folder in
        let database = folder.appendingPathComponent("plan.db")
        try Self.export(database)
        let pairs = try Self.documentedQueries()
        #expect(pairs.count >= 8)
        for view in ["late_tasks", "load_by_person_week", "open_risks_by_score", "milestones_vs_baseline"] {
            #expect(pairs.contains { $0.sql.contains(view) }, "docs/sqlite.md has no example of \(view)")
        }
        for (sql, output) in pairs {
            #expect(try Self.sqlite(database, sql) == output, "docs/sqlite.md:\n\(sql)")
        }
    } }

    @Test func keysHoldAndTheDocumentedTablesAndViewsExist() throws { try withTemporaryFolder("sqlite keys") { folder in
        let database = folder.appendingPathComponent("plan.db")
        try Self.export(database)
        #expect(try Self.sqlite(database, "PRAGMA foreign_keys = ON; PRAGMA foreign_key_check;", options: []) == "")
        #expect(try Self.sqlite(database, "PRAGMA integrity_check;", options: []) == "ok")
        let tables = try Self.sqlite(database, "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name;", options: [])
            .split(separator: "\n").map(String.init)
        let views = try Self.sqlite(database, "SELECT name FROM sqlite_master WHERE type = 'view' ORDER BY name;", options: [])
            .split(separator: "\n").map(String.init)
        let doc = try String(contentsOf: Repository.url("docs/sqlite.md"), encoding: .utf8)
        for name in tables + views { #expect(doc.contains("| `\(name)` |"), "docs/sqlite.md does not describe \(name)") }
        #expect(Set(["late_tasks", "load_by_person_week", "open_risks_by_score", "milestones_vs_baseline"]).isSubset(of: Set(views)))
        for table in tables {
            let keys = try Self.sqlite(database, "SELECT count(*) FROM pragma_table_info('\(table)') WHERE pk > 0;", options: [])
            #expect(keys != "0", "\(table) has no primary key")
        }
        // Every foreign key column is indexed.
        let unindexed = try Self.sqlite(database, """
            SELECT m.name || '.' || f."from" FROM sqlite_master m, pragma_foreign_key_list(m.name) f
            WHERE m.type = 'table' AND NOT EXISTS (
              SELECT 1 FROM pragma_index_list(m.name) i, pragma_index_info(i.name) c
              WHERE c.name = f."from" AND c.seqno = 0)
            ORDER BY 1;
            """, options: [])
        // (A column that leads a primary key, such as risks.project, is indexed by it.)
        #expect(unindexed == "", "foreign keys without an index: \(unindexed)")
        #expect(try Self.sqlite(database, "SELECT count(*) FROM tasks;", options: []) == "63")
        #expect(try Self.sqlite(database, "SELECT value FROM meta WHERE key = 'today';", options: []) == "2026-09-15")
    } }

    @Test func sameBytesFromTwoProcesses() throws { try withTemporaryFolder("sqlite bytes") { folder in
        let first = folder.appendingPathComponent("a.db"), second = folder.appendingPathComponent("b.db")
        try Self.export(first)
        try Self.export(second)
        #expect(try Data(contentsOf: first) == Data(contentsOf: second))
        // Over an earlier file: replaced whole, the same bytes again.
        try Self.export(second)
        #expect(try Data(contentsOf: first) == Data(contentsOf: second))
    } }

    @Test func onlyToAFileAndNeverHalfWritten() throws { try withTemporaryFolder("sqlite out") { folder in
        let noFile = try Planc.run(["export", "--format", "sqlite"] + Self.crm)
        #expect(noFile.status == 2)
        #expect(noFile.stdout.isEmpty)
        #expect(noFile.stderr.contains("-o FILE"))
        // A target that cannot be replaced (a folder): the export fails, the temporary file is gone.
        let blocked = folder.appendingPathComponent("plan.db")
        try FileManager.default.createDirectory(at: blocked, withIntermediateDirectories: false)
        let failed = try Planc.run(["export", "--format", "sqlite", "-o", blocked.path] + Self.crm)
        #expect(failed.status == 1)
        #expect(failed.stderr.contains("cannot write"), "\(failed.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["plan.db"])
    } }

    @Test func milestonesAgainstTheBaseline() throws { try withTemporaryFolder("sqlite baseline") { folder in
        _ = try CRMHistoryTests.repository(in: folder)
        let database = folder.appendingPathComponent("plan.db")
        try Self.export(database, ["--baseline", "v1.0", "--today", "2026-09-15", folder.path])
        let row = try Self.sqlite(database, """
            SELECT milestone, deadline, forecast, baseline, variance_working_days
            FROM milestones_vs_baseline WHERE milestone = 'crm/data-ready';
            """, options: [])
        // The same baseline date and variance as planc tasks shows.
        let tasks = try Planc.run(["tasks", "--baseline", "v1.0", "--today", "2026-09-15", "--format", "csv",
                                   "--columns", "id,baseline-finish,finish-variance", folder.path]).stdout
        let line = try #require(tasks.split(separator: "\r\n").first { $0.hasPrefix("data-ready,") })
        let fields = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        #expect(row == "crm/data-ready|2026-10-23|2026-10-12|\(fields[1])|\(fields[2].replacingOccurrences(of: "+", with: ""))",
                "\(row) against planc tasks: \(line)")
        #expect(!fields[1].isEmpty)
        #expect(try Self.sqlite(database, "SELECT value FROM meta WHERE key = 'baseline';", options: []) == "v1.0")
    } }
}
