import Foundation
import PlanModel
import PlanSQLite
import PlanTestSupport
import Testing
@testable import PlanReports

/// The SQLite export as data, before any file: rows fit their tables, every task is there once, and
/// text that would break hand-written SQL (quotes, line breaks) travels as bound values. The file,
/// its keys and views are tested end to end (PlancTests/SQLiteExportTests) through `sqlite3`.
@Suite struct SQLiteExportContentsTests {
    @Test func rowsFitTheirColumnsAndEveryTaskIsThereOnce() throws {
        let context = ExportTests.trickyContext()
        let contents = try Exporter.database(context)
        for table in contents.tables {
            #expect(table.rows.allSatisfy { $0.count == table.columns.count }, "\(table.name)")
            let created = contents.schema.first { $0.hasPrefix("CREATE TABLE \(table.name) (") }
            #expect(created != nil, "\(table.name) is not created")
            for column in table.columns { #expect(created?.contains("  \(column) ") == true, "\(table.name).\(column)") }
        }
        let tasks = try #require(contents.tables.first { $0.name == "tasks" })
        #expect(tasks.rows.count == context.plan.tasks.count)
        #expect(Set(tasks.rows.map { $0[0] }).count == tasks.rows.count)
        #expect(tasks.rows.contains { $0[4] == .text("Data audit, \"phase 1\"; Müller's\nexports") })
    }

    @Test func aDatabaseFileWithTheSameBytesEachTime() throws { try withTemporaryFolder("sqlite contents") { folder in
        let contents = try Exporter.database(ExportTests.trickyContext())
        let first = folder.appendingPathComponent("a.db").path, second = folder.appendingPathComponent("b.db").path
        try SQLiteFile.write(contents, to: first)
        try SQLiteFile.write(contents, to: second)
        #expect(FileManager.default.contents(atPath: first) == FileManager.default.contents(atPath: second))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == ["a.db", "b.db"])
    } }

    @Test func aBrokenForeignKeyIsReportedAndNoFileIsLeft() throws { try withTemporaryFolder("sqlite broken") { folder in
        var contents = try Exporter.database(ExportTests.trickyContext())
        let index = try #require(contents.tables.firstIndex { $0.name == "dependencies" })
        contents.tables[index].rows.append([.text("crm/no-such-task"), .text("crm/no-such-task"), .text("FS"), .real(0)])
        let path = folder.appendingPathComponent("plan.db").path
        #expect(throws: SQLiteError.self) { try SQLiteFile.write(contents, to: path) }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
    } }
}
