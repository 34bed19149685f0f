import Foundation
import PlanModel
import PlanReports

/// Formats diagnostics for people (like swiftc and rustc), for tools (JSON) and for GitHub
/// Actions (workflow commands that annotate the pull request), and as a SARIF log for code
/// scanning (`SARIFWriter`). Pure: text in, text out.
public enum DiagnosticFormat: String, CaseIterable, Sendable {
    case human, json, github, sarif
}

public struct DiagnosticWriter {
    public var color: Bool
    /// File texts for quoting source lines, by path.
    public var sources: [String: String]

    public init(color: Bool, sources: [String: String]) {
        self.color = color
        self.sources = sources
    }

    /// What `planc check` prints: every diagnostic in `format`, then (for people) the summary.
    /// `docsURL` is where docs/diagnostics.md is published, for SARIF's help links.
    public static func report(_ compiled: CompiledPlan, format: DiagnosticFormat, color: Bool, strict: Bool,
                              docsURL: String? = nil) -> String {
        switch format {
        case .human:
            return DiagnosticWriter(color: color, sources: compiled.sources)
                .human(compiled.diagnostics, filesChecked: compiled.plan.files.count, strict: strict)
        case .json: return json(compiled.diagnostics)
        case .github: return github(compiled.diagnostics)
        case .sarif: return SARIFWriter.log(compiled.diagnostics, sources: compiled.sources, docsURL: docsURL)
        }
    }

    // MARK: People

    public func human(_ diagnostics: [Diagnostic], filesChecked: Int, strict: Bool) -> String {
        var out = ""
        var lineCache: [String: [Substring]] = [:]
        func line(_ file: String, _ number: Int) -> Substring? {
            if lineCache[file] == nil, let text = sources[file] {
                lineCache[file] = text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" })
            }
            guard let lines = lineCache[file], number >= 1, number <= lines.count else { return nil }
            return lines[number - 1]
        }
        for diagnostic in diagnostics {
            let severity = diagnostic.severity.rawValue
            let label = paint("\(severity)[\(diagnostic.code.rawValue)]", diagnostic.severity == .error ? "1;31" : diagnostic.severity == .warning ? "1;33" : "1;36")
            if let range = diagnostic.range {
                out += bold("\(range.file):\(range.start.line):\(range.start.column):") + " \(label): " + bold(diagnostic.message) + "\n"
                if let text = line(range.file, range.start.line) {
                    out += excerpt(text, range: range)
                }
            } else {
                out += "planc: \(label): " + bold(diagnostic.message) + "\n"
            }
            for note in diagnostic.notes {
                if let range = note.range {
                    out += "  " + paint("note:", "1;36") + " \(note.message) at \(range.file):\(range.start.line):\(range.start.column)\n"
                } else {
                    out += "  " + paint("note:", "1;36") + " \(note.message)\n"
                }
            }
            if let hint = diagnostic.hint {
                out += "  " + paint("hint:", "1;32") + " \(hint)\n"
            }
        }
        out += summary(diagnostics, filesChecked: filesChecked, strict: strict) + "\n"
        return out
    }

    public func summary(_ diagnostics: [Diagnostic], filesChecked: Int, strict: Bool) -> String {
        let errors = diagnostics.filter { $0.severity == .error }.count
        let warnings = diagnostics.filter { $0.severity == .warning }.count
        let notes = diagnostics.count - errors - warnings
        let files = "\(filesChecked) plan file\(filesChecked == 1 ? "" : "s")"
        let noteText = notes == 0 ? "" : " (\(notes) forecast note\(notes == 1 ? "" : "s"))"
        if errors == 0 && warnings == 0 { return "planc: no problems in \(files)\(noteText)" }
        var parts: [String] = []
        if errors > 0 { parts.append("\(errors) error\(errors == 1 ? "" : "s")") }
        if warnings > 0 { parts.append("\(warnings) warning\(warnings == 1 ? "" : "s")\(strict ? " (--strict: failing)" : "")") }
        return "planc: \(parts.joined(separator: ", ")) in \(files)\(noteText)"
    }

    /// The source line with a caret under the range, tabs expanded and wide characters counted as
    /// two columns so the caret lines up in a terminal.
    /// A longer line is shown as a window of this many characters around the range, with `…`
    /// where it is cut, so a hostile one-line file never floods the terminal.
    static let excerptWidth = 160

    func excerpt(_ text: Substring, range: SourceRange) -> String {
        let number = String(range.start.line)
        let gutter = String(repeating: " ", count: number.count)
        var display = ""
        var caretStart = 0
        var caretWidth = 0
        var column = 1
        var width = 0
        let first = text.count > Self.excerptWidth ? max(1, range.start.column - Self.excerptWidth / 4) : 1
        let last = first + Self.excerptWidth - 1
        if first > 1 { display = "…"; caretStart = 1; width = 1 }
        for character in text {
            if column < first { column += 1; continue }
            if column > last { display += "…"; break }
            let cells: Int
            if character == "\t" {
                cells = 4 - width % 4
                display += String(repeating: " ", count: cells)
            } else {
                cells = TerminalText.width(of: character)
                display.append(character)
            }
            if column < range.start.column { caretStart += cells }
            else if range.end.line > range.start.line || column < range.end.column { caretWidth += cells }
            width += cells
            column += 1
        }
        caretWidth = max(caretWidth, 1)
        let caret = String(repeating: " ", count: caretStart) + paint("^" + String(repeating: "~", count: caretWidth - 1), "1;32")
        return "\(gutter) |\n\(paint(number, "2")) | \(display)\n\(gutter) | \(caret)\n"
    }

    func paint(_ text: String, _ code: String) -> String { color ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text }
    func bold(_ text: String) -> String { paint(text, "1") }

    // MARK: Beside other output

    /// `file:line:col: severity: message [code]`, one line each (and a hint line), the form editors
    /// and CI annotate: what `planc build` and the reports write on standard error, where their
    /// real output is the site or the report.
    public static func lines(_ diagnostics: [Diagnostic]) -> String {
        diagnostics.map { line($0) + "\n" }.joined()
    }

    public static func line(_ diagnostic: Diagnostic) -> String {
        let place = diagnostic.range.map { "\($0.file):\($0.start.line):\($0.start.column): " } ?? ""
        var line = "\(place)\(diagnostic.severity.rawValue): \(diagnostic.message) [\(diagnostic.code.rawValue)]"
        if let hint = diagnostic.hint { line += "\n  hint: \(hint)" }
        return line
    }

    // MARK: Tools

    /// A JSON array, one object per diagnostic, keys in a fixed order. `end` is exclusive, as a
    /// `SourceRange` is: the line and column just after the last character of the range (LSP's
    /// convention); `github` writes GitHub's inclusive end instead.
    public static func json(_ diagnostics: [Diagnostic]) -> String {
        var out = "[\n"
        for (index, diagnostic) in diagnostics.enumerated() {
            out += "  {"
            out += "\"file\": \(jsonValue(diagnostic.range?.file)), "
            out += "\"line\": \(jsonValue(diagnostic.range?.start.line)), "
            out += "\"column\": \(jsonValue(diagnostic.range?.start.column)), "
            if let range = diagnostic.range {
                out += "\"end\": {\"line\": \(range.end.line), \"column\": \(range.end.column)}, "
            } else {
                out += "\"end\": null, "
            }
            out += "\"severity\": \(JSONValue.quoted(diagnostic.severity.rawValue)), "
            out += "\"code\": \(JSONValue.quoted(diagnostic.code.rawValue)), "
            out += "\"message\": \(JSONValue.quoted(diagnostic.message)), "
            out += "\"hint\": \(jsonValue(diagnostic.hint)), "
            out += "\"notes\": ["
            out += diagnostic.notes.map { note in
                "{\"message\": \(JSONValue.quoted(note.message)), \"file\": \(jsonValue(note.range?.file)), "
                    + "\"line\": \(jsonValue(note.range?.start.line)), \"column\": \(jsonValue(note.range?.start.column))}"
            }.joined(separator: ", ")
            out += "], \"fixIts\": ["
            // Each a replacement an editor can apply as it stands: the range's text becomes `replacement`.
            out += diagnostic.fixIts.map { fix in
                "{\"message\": \(JSONValue.quoted(fix.message)), \"file\": \(JSONValue.quoted(fix.range.file)), "
                    + "\"line\": \(fix.range.start.line), \"column\": \(fix.range.start.column), "
                    + "\"end\": {\"line\": \(fix.range.end.line), \"column\": \(fix.range.end.column)}, "
                    + "\"replacement\": \(JSONValue.quoted(fix.replacement))}"
            }.joined(separator: ", ")
            out += "]}"
            out += index == diagnostics.count - 1 ? "\n" : ",\n"
        }
        out += "]\n"
        return out
    }

    /// `endLine` and `endColumn` of a workflow command. GitHub's end column is inclusive (the
    /// last character marked); a `SourceRange` ends one past it. An empty range marks its start
    /// character; a range that ends at the start of a line (column 1, nothing of that line
    /// included) ends on the line before, where the column is unknown, so it is left out.
    static func githubEnd(_ range: SourceRange) -> [String] {
        if range.end.line <= range.start.line {
            return ["endLine=\(range.start.line)", "endColumn=\(max(range.start.column, range.end.column - 1))"]
        }
        if range.end.column > 1 { return ["endLine=\(range.end.line)", "endColumn=\(range.end.column - 1)"] }
        return ["endLine=\(range.end.line - 1)"]
    }

    /// GitHub Actions workflow commands: `::error file=…,line=…,col=…::message`.
    public static func github(_ diagnostics: [Diagnostic]) -> String {
        var out = ""
        for diagnostic in diagnostics {
            let command = diagnostic.severity == .error ? "error" : diagnostic.severity == .warning ? "warning" : "notice"
            var properties: [String] = []
            if let range = diagnostic.range {
                properties.append("file=\(escapeProperty(range.file))")
                properties.append("line=\(range.start.line)")
                properties.append("col=\(range.start.column)")
                properties.append(contentsOf: githubEnd(range))
            }
            properties.append("title=\(escapeProperty("planc \(diagnostic.code.rawValue)"))")
            var message = diagnostic.message
            for note in diagnostic.notes {
                message += "\nnote: \(note.message)"
                if let range = note.range { message += " (\(range.file):\(range.start.line):\(range.start.column))" }
            }
            if let hint = diagnostic.hint { message += "\nhint: \(hint)" }
            out += "::\(command) \(properties.joined(separator: ","))::\(escapeData(message))\n"
        }
        return out
    }

    static func escapeData(_ text: String) -> String {
        text.replacingAll("%", "%25").replacingAll("\r", "%0D").replacingAll("\n", "%0A")
    }

    static func escapeProperty(_ text: String) -> String {
        escapeData(text).replacingAll(":", "%3A").replacingAll(",", "%2C")
    }
}

func jsonValue(_ text: String?) -> String { text.map(JSONValue.quoted) ?? "null" }
func jsonValue(_ number: Int?) -> String { number.map(String.init) ?? "null" }

extension String {
    func replacingAll(_ target: String, _ replacement: String) -> String {
        guard contains(target) else { return self }
        return components(separatedBy: target).joined(separator: replacement)
    }
}
