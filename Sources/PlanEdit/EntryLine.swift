import PlanFrontEnd
import PlanModel

/// The byte layout of one entry's first line, `- [ ] Title — attributes` or `### Title — attributes`,
/// read back from the parser's syntax: what an edit needs to replace single tokens and leave
/// every other byte alone.
struct EntryLine: Sendable {
    struct Token: Sendable {
        var form: AttributeSyntax.Form
        var text: String
        var bytes: Range<Int>
    }

    var line: Int
    /// The `[ ]` or `[x]` box.
    var checkbox: Range<Int>?
    /// Whether the box is ticked (`[x]` or `[X]`).
    var isTicked = false
    /// Just past the title's last byte.
    var titleEnd: Int
    /// Just past the ` — ` (or ` -- `) that starts the attributes, when the line has one.
    var separatorEnd: Int?
    var tokens: [Token]

    init(file: SourceFile, titleRange: SourceRange, checkboxRange: SourceRange?, attributes: [AttributeSyntax]) {
        line = titleRange.start.line
        func bytes(_ range: SourceRange) -> Range<Int> {
            file.byteOffset(line: range.start.line, column: range.start.column)..<file.byteOffset(line: range.end.line, column: range.end.column)
        }
        checkbox = checkboxRange.map(bytes)
        if let box = checkbox, box.count == 3 { isTicked = file.bytes[box.lowerBound + 1] != 32 }
        titleEnd = bytes(titleRange).upperBound
        tokens = attributes.map { Token(form: $0.form, text: $0.text, bytes: bytes($0.range)) }
        let lineEnd = file.byteRange(ofLine: line).upperBound
        var index = titleEnd
        while index < lineEnd, file.bytes[index] == 32 || file.bytes[index] == 9 { index += 1 }
        if index + 3 <= lineEnd, file.bytes[index] == 0xE2, file.bytes[index + 1] == 0x80, file.bytes[index + 2] == 0x94 {
            separatorEnd = index + 3
        } else if index + 2 <= lineEnd, file.bytes[index] == UInt8(ascii: "-"), file.bytes[index + 1] == UInt8(ascii: "-") {
            separatorEnd = index + 2
        }
        // An empty title reports a one-column range; the title then really ends where it starts.
        if let first = tokens.first?.bytes.lowerBound, titleEnd > first { titleEnd = first }
    }

    /// What an edit does to the attribute tokens: replace some, remove some, add some at the end.
    struct TokenChanges: Sendable {
        var replaced: [Int: String] = [:]
        var removed: Set<Int> = []
        var appended: [String] = []
        var isEmpty: Bool { replaced.isEmpty && removed.isEmpty && appended.isEmpty }

        /// Replace the first token matching `matches` with `text` and remove the others; append
        /// `text` when none matches.
        mutating func put(_ text: String, in line: EntryLine, where matches: (Token) -> Bool) {
            let found = line.tokens.indices.filter { matches(line.tokens[$0]) && !removed.contains($0) }
            if let first = found.first {
                if line.tokens[first].text != text { replaced[first] = text }
                for other in found.dropFirst() { removed.insert(other) }
            } else {
                appended.append(text)
            }
        }

        mutating func remove(in line: EntryLine, where matches: (Token) -> Bool) {
            for index in line.tokens.indices where matches(line.tokens[index]) {
                removed.insert(index)
                replaced[index] = nil
            }
        }
    }

    /// The byte replacements for `changes`: each changed token in place, a removed token with the
    /// blanks before it, new tokens after the last one with one space (after ` — ` when the line
    /// had no attributes). When every token goes and none comes, the ` — ` goes too.
    func replacements(_ changes: TokenChanges) -> [ByteReplacement] {
        var result: [ByteReplacement] = []
        let kept = tokens.indices.filter { !changes.removed.contains($0) }
        if kept.isEmpty, changes.appended.isEmpty, !tokens.isEmpty {
            return [ByteReplacement(titleEnd..<tokens[tokens.count - 1].bytes.upperBound, "")]
        }
        for (index, token) in tokens.enumerated() {
            if changes.removed.contains(index) {
                let start = index > 0 ? tokens[index - 1].bytes.upperBound : (separatorEnd ?? titleEnd)
                result.append(ByteReplacement(start..<token.bytes.upperBound, ""))
            } else if let text = changes.replaced[index] {
                result.append(ByteReplacement(token.bytes, text))
            }
        }
        if !changes.appended.isEmpty {
            let added = changes.appended.joined(separator: " ")
            if let last = tokens.last {
                result.append(ByteReplacement(last.bytes.upperBound..<last.bytes.upperBound, " " + added))
            } else if let separatorEnd {
                result.append(ByteReplacement(separatorEnd..<separatorEnd, " " + added))
            } else {
                result.append(ByteReplacement(titleEnd..<titleEnd, " — " + added))
            }
        }
        return result
    }
}

extension EntryLine.Token {
    /// The key a token sets: `key` of `key:value`; a bare work amount sets `effort`, a
    /// percentage `progress`, `milestone` itself.
    var key: String? {
        switch form {
        case .keyed(let key, _): return key
        case .amount: return "effort"
        case .percent: return "progress"
        case .word(let word): return word.lowercased()
        case .assignment, .tag: return nil
        }
    }

    var value: String? {
        switch form {
        case .keyed(_, let value): return value
        case .amount(let text), .percent(let text): return text
        default: return nil
        }
    }
}
