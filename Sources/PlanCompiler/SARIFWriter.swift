import Foundation
import PlanModel
import PlanReports

/// `planc check --format sarif`: the diagnostics as a SARIF 2.1.0 log (OASIS), the format GitHub
/// code scanning reads. One run; its rules are the whole diagnostic catalog (so a rule index never
/// changes between runs), its results the diagnostics in the order `check` reports them.
/// Deterministic: no timestamps, no absolute paths, members in a fixed order.
public enum SARIFWriter {
    public static let schemaURI = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
    /// Paths in results are relative to the repository root, which the consumer (GitHub's
    /// upload action) binds to this base id.
    public static let sourceRoot = "%SRCROOT%"

    /// - Parameters:
    ///   - sources: file texts by path, to turn planc's columns (characters) into code points.
    ///   - docsURL: where docs/diagnostics.md is published; each rule's `helpUri` is it plus the
    ///     code's anchor (`…/diagnostics.md#p201`). SARIF wants an absolute URI, so without one
    ///     rules carry their help text only.
    public static func log(_ diagnostics: [Diagnostic], sources: [String: String], docsURL: String? = nil) -> String {
        let codes = DiagnosticCode.allCases
        let ruleIndex = Dictionary(uniqueKeysWithValues: codes.enumerated().map { ($1, $0) })
        let columns = ColumnConverter(sources: sources)
        let run: JSONValue = .object([
            ("tool", .object([("driver", .object([
                ("name", .string("planc")),
                ("rules", .array(codes.map { rule($0, docsURL: docsURL) })),
            ]))])),
            // planc counts columns in characters; code points are the nearest SARIF kind, and
            // `ColumnConverter` makes them exact for characters of several code points.
            ("columnKind", .string("unicodeCodePoints")),
            ("results", .array(diagnostics.map { result($0, ruleIndex: ruleIndex[$0.code] ?? 0, columns: columns) })),
        ])
        return JSONValue.object([
            ("$schema", .string(schemaURI)),
            ("version", .string("2.1.0")),
            ("runs", .array([run])),
        ]).rendered()
    }

    static func rule(_ code: DiagnosticCode, docsURL: String?) -> JSONValue {
        let entry = DiagnosticCatalog.entry(for: code)
        var markdown = "**\(entry.title)**\n\n\(entry.explanation)"
        if let example = entry.example { markdown += "\n\n```markdown\n\(example)\n```" }
        var members: [(String, JSONValue)] = [
            ("id", .string(code.rawValue)),
            ("name", .string(ruleName(code))),
            ("shortDescription", .object([("text", .string(entry.title))])),
            ("fullDescription", .object([("text", .string(entry.explanation))])),
        ]
        if let docsURL { members.append(("helpUri", .string(docsURL + "#" + code.rawValue.lowercased()))) }
        members.append(("help", .object([("text", .string(entry.explanation)), ("markdown", .string(markdown))])))
        members.append(("defaultConfiguration", .object([("level", .string(level(code.defaultSeverity)))])))
        return .object(members)
    }

    /// `UnknownAttribute` for `.unknownAttribute`: SARIF's `name` is an identifier-like word.
    static func ruleName(_ code: DiagnosticCode) -> String {
        let name = String(describing: code)
        return name.prefix(1).uppercased() + name.dropFirst()
    }

    static func level(_ severity: Severity) -> String {
        switch severity {
        case .error: return "error"
        case .warning: return "warning"
        case .note: return "note"
        }
    }

    static func result(_ diagnostic: Diagnostic, ruleIndex: Int, columns: ColumnConverter) -> JSONValue {
        // Notes without a place and the hint have no SARIF member of their own: they follow the
        // headline in the message, as `planc check` prints them.
        var text = diagnostic.message
        for note in diagnostic.notes where note.range == nil { text += "\nnote: \(note.message)" }
        if let hint = diagnostic.hint { text += "\nhint: \(hint)" }
        var members: [(String, JSONValue)] = [
            ("ruleId", .string(diagnostic.code.rawValue)),
            ("ruleIndex", .int(ruleIndex)),
            ("level", .string(level(diagnostic.severity))),
            ("message", .object([("text", .string(text))])),
        ]
        if let range = diagnostic.range {
            members.append(("locations", .array([.object([("physicalLocation", physicalLocation(range, columns))])])))
        }
        let related = diagnostic.notes.compactMap { note in note.range.map { (note.message, $0) } }
        if !related.isEmpty {
            members.append(("relatedLocations", .array(related.enumerated().map { offset, note in
                .object([("id", .int(offset + 1)), ("physicalLocation", physicalLocation(note.1, columns)),
                         ("message", .object([("text", .string(note.0))]))])
            })))
        }
        if !diagnostic.fixIts.isEmpty {
            members.append(("fixes", .array(diagnostic.fixIts.map { fix in
                .object([
                    ("description", .object([("text", .string(fix.message))])),
                    ("artifactChanges", .array([.object([
                        ("artifactLocation", artifactLocation(fix.range.file)),
                        ("replacements", .array([.object([
                            ("deletedRegion", region(fix.range, columns)),
                            ("insertedContent", .object([("text", .string(fix.replacement))])),
                        ])])),
                    ])])),
                ])
            })))
        }
        return .object(members)
    }

    static func physicalLocation(_ range: SourceRange, _ columns: ColumnConverter) -> JSONValue {
        // SARIF's endColumn is exclusive, as a SourceRange's end is.
        .object([
            ("artifactLocation", artifactLocation(range.file)),
            ("region", region(range, columns)),
        ])
    }

    static func region(_ range: SourceRange, _ columns: ColumnConverter) -> JSONValue {
        .object([
            ("startLine", .int(range.start.line)),
            ("startColumn", .int(columns.codePointColumn(range.file, range.start))),
            ("endLine", .int(range.end.line)),
            ("endColumn", .int(columns.codePointColumn(range.file, range.end))),
        ])
    }

    /// A path relative to the folder planc ran in (the repository root in CI) is relative to
    /// %SRCROOT%; an absolute one (`planc check /tmp/plans`) is a `file:` URI of its own.
    static func artifactLocation(_ path: String) -> JSONValue {
        if path.hasPrefix("/") { return .object([("uri", .string("file://" + uri(path)))]) }
        return .object([("uri", .string(uri(path))), ("uriBaseId", .string(sourceRoot))])
    }

    /// A URI path: segments percent-encoded, `/` kept.
    static func uri(_ path: String) -> String {
        var allowed = CharacterSet.urlPathAllowed
        allowed.remove(charactersIn: ":;?#[]@!$&'()*+,=")
        var relative = path
        while relative.hasPrefix("./") { relative.removeFirst(2) }
        return relative.addingPercentEncoding(withAllowedCharacters: allowed) ?? relative
    }

    /// Character columns to code point columns, line by line from the file texts; a column of a
    /// line it does not have is passed through.
    struct ColumnConverter {
        var lines: [String: [Substring]] = [:]

        init(sources: [String: String]) {
            for (file, text) in sources {
                lines[file] = text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" })
            }
        }

        func codePointColumn(_ file: String, _ location: SourceLocation) -> Int {
            guard let fileLines = lines[file], location.line >= 1, location.line <= fileLines.count else { return location.column }
            var column = 1
            for (offset, character) in fileLines[location.line - 1].enumerated() {
                if offset + 1 >= location.column { break }
                column += character.unicodeScalars.count
            }
            // Past the end of the line (an exclusive end): the characters beyond count one each.
            let lineLength = fileLines[location.line - 1].count
            if location.column > lineLength + 1 { column += location.column - (lineLength + 1) }
            return column
        }
    }
}
