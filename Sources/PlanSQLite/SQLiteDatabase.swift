import Csqlite3
import Foundation

/// A value of one column of one row, as SQLite stores it.
public enum SQLValue: Sendable, Hashable {
    case null
    case integer(Int)
    case real(Double)
    case text(String)

    public static func optional(_ text: String?) -> SQLValue { text.map(SQLValue.text) ?? .null }
    public static func optional(_ number: Int?) -> SQLValue { number.map(SQLValue.integer) ?? .null }
    public static func optional(_ number: Double?) -> SQLValue { number.map(SQLValue.real) ?? .null }
    public static func bool(_ value: Bool) -> SQLValue { .integer(value ? 1 : 0) }
}

/// A whole database as data: the statements that make the schema, the rows of each table in the
/// order they are inserted, and the statements run after the rows (indexes, views). Exports build
/// one of these with pure functions; `SQLiteFile.write` is the only code that turns it into a file.
public struct DatabaseContents: Sendable {
    public struct Table: Sendable {
        public var name: String
        public var columns: [String]
        public var rows: [[SQLValue]]
        public init(name: String, columns: [String], rows: [[SQLValue]] = []) {
            self.name = name; self.columns = columns; self.rows = rows
        }
    }

    public var schema: [String]
    public var tables: [Table]
    public var afterRows: [String]

    public init(schema: [String], tables: [Table], afterRows: [String]) {
        self.schema = schema; self.tables = tables; self.afterRows = afterRows
    }
}

public struct SQLiteError: Error, CustomStringConvertible, Sendable {
    public var description: String
}

/// The one place that calls the SQLite C API (as PlanMarkdown is for cmark): opens a new file,
/// runs statements, binds values, closes. Nothing from the C API escapes this file.
public enum SQLiteFile {
    /// Writes `contents` to `path` as a new database: built in a temporary file beside it and
    /// renamed over `path` only when complete, so a reader never sees half a database and a
    /// failure leaves any earlier file as it was. The same contents give the same bytes.
    public static func write(_ contents: DatabaseContents, to path: String) throws(SQLiteError) {
        let target = URL(fileURLWithPath: path)
        let folder = target.deletingLastPathComponent()
        let temporary = folder.appendingPathComponent(".\(target.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).tmp")
        try? FileManager.default.removeItem(at: temporary)
        do throws(SQLiteError) {
            try build(contents, at: temporary.path)
            // rename(2) replaces an existing file in one step.
            guard rename(temporary.path, target.path) == 0 else {
                throw SQLiteError(description: "cannot write \(path): \(String(cString: strerror(errno)))")
            }
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw error
        }
    }

    static func build(_ contents: DatabaseContents, at path: String) throws(SQLiteError) {
        var handle: OpaquePointer?
        let flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE
        guard sqlite3_open_v2(path, &handle, flags, nil) == SQLITE_OK, let db = handle else {
            let message = handle.map { String(cString: sqlite3_errmsg($0)) } ?? "out of memory"
            sqlite3_close(handle)
            throw SQLiteError(description: "cannot create \(path): \(message)")
        }
        defer { sqlite3_close(db) }
        // No rollback journal beside the temporary file (it is renamed only when complete), one
        // transaction for speed, foreign keys checked as rows go in.
        try execute(db, "PRAGMA journal_mode = OFF")
        try execute(db, "PRAGMA foreign_keys = ON")
        try execute(db, "BEGIN")
        for statement in contents.schema { try execute(db, statement) }
        for table in contents.tables where !table.rows.isEmpty {
            try insert(db, table)
        }
        for statement in contents.afterRows { try execute(db, statement) }
        try execute(db, "COMMIT")
        // Rows must satisfy every foreign key; a violation is a bug in the export, reported here.
        try checkForeignKeys(db)
    }

    static func execute(_ db: OpaquePointer, _ sql: String) throws(SQLiteError) {
        var error: UnsafeMutablePointer<CChar>?
        if sqlite3_exec(db, sql, nil, nil, &error) != SQLITE_OK {
            let message = error.map { String(cString: $0) } ?? "unknown error"
            sqlite3_free(error)
            throw SQLiteError(description: "\(message) in: \(sql)")
        }
    }

    static func insert(_ db: OpaquePointer, _ table: DatabaseContents.Table) throws(SQLiteError) {
        let placeholders = Array(repeating: "?", count: table.columns.count).joined(separator: ", ")
        let sql = "INSERT INTO \(table.name) (\(table.columns.joined(separator: ", "))) VALUES (\(placeholders))"
        var handle: OpaquePointer?
        guard sqlite3_prepare_v2(db, sql, -1, &handle, nil) == SQLITE_OK, let statement = handle else {
            throw SQLiteError(description: "\(String(cString: sqlite3_errmsg(db))) in: \(sql)")
        }
        defer { sqlite3_finalize(statement) }
        // SQLITE_TRANSIENT: SQLite copies the text before bind returns.
        let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
        for row in table.rows {
            guard row.count == table.columns.count else {
                throw SQLiteError(description: "\(table.name): a row of \(row.count) values for \(table.columns.count) columns")
            }
            sqlite3_reset(statement)
            sqlite3_clear_bindings(statement)
            for (offset, value) in row.enumerated() {
                let position = Int32(offset + 1)
                switch value {
                case .null: sqlite3_bind_null(statement, position)
                case .integer(let number): sqlite3_bind_int64(statement, position, Int64(number))
                case .real(let number): sqlite3_bind_double(statement, position, number)
                case .text(let text): sqlite3_bind_text(statement, position, text, -1, transient)
                }
            }
            guard sqlite3_step(statement) == SQLITE_DONE else {
                throw SQLiteError(description: "\(String(cString: sqlite3_errmsg(db))) in: \(sql) with \(row)")
            }
        }
    }

    static func checkForeignKeys(_ db: OpaquePointer) throws(SQLiteError) {
        var handle: OpaquePointer?
        guard sqlite3_prepare_v2(db, "PRAGMA foreign_key_check", -1, &handle, nil) == SQLITE_OK, let statement = handle else {
            throw SQLiteError(description: String(cString: sqlite3_errmsg(db)))
        }
        defer { sqlite3_finalize(statement) }
        if sqlite3_step(statement) == SQLITE_ROW {
            let table = sqlite3_column_text(statement, 0).map { String(cString: $0) } ?? "?"
            throw SQLiteError(description: "a row of \(table) breaks a foreign key")
        }
    }
}
