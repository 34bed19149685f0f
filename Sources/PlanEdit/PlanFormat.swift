import PlanFrontEnd
import PlanModel

/// `planc fmt`: one layout for the entries of the work breakdown (docs/editing.md, "planc fmt").
/// Only the bytes of an entry's first line outside its title change: the list marker, the box,
/// the separator, the attributes' order, spelling of keys and the blanks between them. Titles,
/// notes and any other Markdown stay as written, and each line stays one line.
public enum PlanFormat {
    /// The replacements that give `file` the canonical layout.
    public static func replacements(file: SourceFile, syntax: FileSyntax) -> [ByteReplacement] {
        var result: [ByteReplacement] = []
        func visit(_ entries: [EntrySyntax]) {
            for entry in entries {
                let line = EntryLine(file: file, titleRange: entry.titleRange, checkboxRange: entry.checkboxRange, attributes: entry.attributes)
                result += entryLine(line, file: file, isItem: true)
                visit(entry.children)
            }
        }
        for section in syntax.sections where EditVocabulary.isWorkSection(section.title) {
            for block in section.blocks {
                switch block {
                case .heading(let heading):
                    let line = EntryLine(file: file, titleRange: heading.titleRange, checkboxRange: nil, attributes: heading.attributes)
                    result += entryLine(line, file: file, isItem: false)
                case .list(let entries): visit(entries)
                case .text: break
                }
            }
        }
        return result
    }

    /// Every plan file whose layout is not the canonical one: its text before and after.
    public static func format(_ plan: EditablePlan) -> [(file: SourceFile, formatted: [UInt8])] {
        plan.syntax.compactMap { syntax in
            guard let file = plan.file(syntax.path), let formatted = formatted(syntax.path, in: plan) else { return nil }
            return formatted == file.bytes ? nil : (file, formatted)
        }
    }

    /// The text (without a byte order mark) that `format` gives the file at `path`, changed or
    /// not; nil when `path` is not a plan file of `plan`. The language server formats one buffer.
    public static func formatted(_ path: String, in plan: EditablePlan) -> [UInt8]? {
        guard let syntax = plan.syntax.first(where: { $0.path == path }), let file = plan.file(path) else { return nil }
        return ByteReplacement.apply(replacements(file: file, syntax: syntax), to: file.bytes)
    }

    static func entryLine(_ line: EntryLine, file: SourceFile, isItem: Bool) -> [ByteReplacement] {
        var result: [ByteReplacement] = []
        let bytes = file.bytes
        let lineRange = file.byteRange(ofLine: line.line)
        if isItem {
            // `*` and `+` become `-` (every item of the work breakdown's lists alike, so a list stays one list).
            var index = lineRange.lowerBound
            while index < lineRange.upperBound, bytes[index] == 32 || bytes[index] == 9 { index += 1 }
            if index + 1 < lineRange.upperBound, bytes[index] == UInt8(ascii: "*") || bytes[index] == UInt8(ascii: "+"),
               bytes[index + 1] == 32 || bytes[index + 1] == 9 {
                result.append(ByteReplacement(index..<(index + 1), "-"))
            }
        }
        var tokens = line.tokens
        if let box = line.checkbox, box.count == 3 {
            let statusDone = tokens.firstIndex { $0.key == "status" && $0.value?.lowercased() == "done" }
            // The box says done; `status:done` beside it repeats it (or, beside `[ ]`, contradicts it).
            if let statusDone { tokens.remove(at: statusDone) }
            let mark = bytes[box.lowerBound + 1]
            if mark == UInt8(ascii: "X") || (mark == 32 && statusDone != nil) {
                result.append(ByteReplacement((box.lowerBound + 1)..<(box.lowerBound + 2), "x"))
            }
        }
        guard let last = line.tokens.last else {
            // A trailing ` —` with nothing after it goes.
            if let separatorEnd = line.separatorEnd { result.append(ByteReplacement(line.titleEnd..<separatorEnd, "")) }
            return result
        }
        let ordered = tokens.enumerated().sorted { (rank($0.element), $0.offset) < (rank($1.element), $1.offset) }.map { text($0.element) }
        let canonical = ordered.isEmpty ? "" : " — " + ordered.joined(separator: " ")
        let current = String(decoding: bytes[line.titleEnd..<last.bytes.upperBound], as: UTF8.self)
        if current != canonical { result.append(ByteReplacement(line.titleEnd..<last.bytes.upperBound, canonical)) }
        return result
    }

    /// The token as fmt writes it: keys in lower case, values as written.
    static func text(_ token: EntryLine.Token) -> String {
        guard case .keyed(let key, _) = token.form, let colon = token.text.firstIndex(of: ":") else { return token.text }
        return key + token.text[colon...]
    }

    /// The order of attributes, the one the examples mostly use: the id and owner, then the
    /// plan (estimate, people, dependencies, dates, cost), then progress (status, percentage,
    /// spent, actual dates), then priority and tags; anything else last, as written.
    public static let order = ["id", "owner", "milestone", "effort", "duration", "@", "after", "fs", "ss", "ff", "sf", "start", "finish",
                               "not-before", "due", "cost", "status", "progress", "spent", "started", "finished", "priority", "#"]

    static func rank(_ token: EntryLine.Token) -> Int {
        let key: String?
        switch token.form {
        case .assignment: key = "@"
        case .tag: key = "#"
        default: key = token.key
        }
        return key.flatMap { order.firstIndex(of: $0) } ?? order.count
    }
}

/// A unified diff (`diff -u`) of two versions of a file, three lines of context.
public enum UnifiedDiff {
    public static func make(_ before: [UInt8], _ after: [UInt8], path: String) -> String {
        let old = SourceFile(path: path, bytes: before), new = SourceFile(path: path, bytes: after)
        // A final line ending ends the last line; it does not start an empty one.
        func lines(_ file: SourceFile) -> [String] {
            let count = file.bytes.last == 10 || file.bytes.last == 13 ? file.lineCount - 1 : file.lineCount
            return count < 1 ? [] : (1...count).map { file.text(ofLine: $0) }
        }
        let a = lines(old), b = lines(new)
        guard a != b else { return "" }
        var out = "--- a/\(path)\n+++ b/\(path)\n"
        guard a.count == b.count else {
            out += "@@ -1,\(a.count) +1,\(b.count) @@\n" + a.map { "-" + $0 + "\n" }.joined() + b.map { "+" + $0 + "\n" }.joined()
            return out
        }
        let changed = a.indices.filter { a[$0] != b[$0] }
        var hunks: [ClosedRange<Int>] = []
        for index in changed {
            let range = max(0, index - 3)...min(a.count - 1, index + 3)
            if let last = hunks.last, range.lowerBound <= last.upperBound + 1 {
                hunks[hunks.count - 1] = last.lowerBound...max(last.upperBound, range.upperBound)
            } else {
                hunks.append(range)
            }
        }
        for hunk in hunks {
            out += "@@ -\(hunk.lowerBound + 1),\(hunk.count) +\(hunk.lowerBound + 1),\(hunk.count) @@\n"
            var index = hunk.lowerBound
            while index <= hunk.upperBound {
                if a[index] == b[index] { out += " " + a[index] + "\n"; index += 1; continue }
                var end = index
                while end <= hunk.upperBound, a[end] != b[end] { end += 1 }
                out += a[index..<end].map { "-" + $0 + "\n" }.joined() + b[index..<end].map { "+" + $0 + "\n" }.joined()
                index = end
            }
        }
        return out
    }
}
