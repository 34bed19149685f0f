import PlanMarkdown
import PlanModel

/// Phase 2, parse: cmark's block tree plus the raw source lines become `FileSyntax`.
///
/// cmark decides the block structure (headings, lists, items, paragraphs); planc re-reads each
/// entry's first line itself, because cmark's inline positions are unreliable and `[ ]` boxes
/// arrive as plain text. Returns nil for Markdown that is not a plan file.
public enum Parser {
    /// Work breakdown levels deeper than this are reported once and not read.
    public static let maximumNesting = 64

    public static func parse(_ file: SourceFile, diagnostics: inout DiagnosticBag) -> FileSyntax? {
        if let excess = InputLimits.excess(in: file.bytes) {
            diagnostics.report(.pathologicalMarkdown, "'\(file.path)' has \(excess.message); it is not read",
                               at: file.range(line: excess.line, byteColumn: excess.byteColumn, byteLength: 2),
                               hint: "split the paragraph with blank lines, or escape the brackets as `\\[`")
            return nil
        }
        let tree = file.bytes.withUnsafeBytes { CommonMark.parse($0) }
        var state = FileParser(file: file, tree: tree)
        let syntax = state.parseFile()
        diagnostics.append(contentsOf: state.diagnostics.items)
        return syntax
    }
}

struct FileParser {
    let file: SourceFile
    let tree: MarkdownTree
    var diagnostics = DiagnosticBag()
    var reportedDepth = false

    init(file: SourceFile, tree: MarkdownTree) {
        self.file = file
        self.tree = tree
    }

    // MARK: File structure

    mutating func parseFile() -> FileSyntax? {
        let blocks = Array(tree.children(of: 0))
        guard blocks.count >= 2, case .heading(level: 1) = tree[blocks[0]].kind,
              case .list = tree[blocks[1]].kind,
              let firstItem = tree[blocks[1]].firstChild,
              let firstLine = firstLineOfItem(firstItem) else { return nil }
        let first = splitMetadata(firstLine)
        guard let (key, value) = first else { return nil }
        let kind: PlanFileKind
        switch PlanFiles.classify(key: key.text, value: value.text) {
        case .plan(let found):
            kind = found
        case .misspelled(let near):
            diagnostics.report(.misspelledKind, "'\(key.text)' looks like the plan file key '\(near.rawValue)'; this file is not read as a plan",
                               at: key.range, hint: "write `- \(near.rawValue): \(value.text)` (lower case) to make it a plan file",
                               fixIts: Diagnostic.FixIt.replacing(key.text, at: 0, in: key.range, with: near.rawValue).map { [$0] } ?? [])
            return nil
        case .nameNotAnID(let meant):
            let keys = tree.children(of: blocks[1]).compactMap { firstLineOfItem($0).flatMap(splitMetadata)?.0.text.lowercased() }
            let sections = blocks.dropFirst(2).compactMap { block -> String? in
                if case .heading(level: 2) = tree[block].kind { return headingText(block).text }
                return nil
            }
            if PlanFiles.looksMeant(meant, metadataKeys: keys, sections: sections) {
                let name = Slug.make(value.text)
                // The value's id as the fix: the same rule that derives task ids from titles.
                let fix = name.isEmpty ? nil : Diagnostic.FixIt.replacing(value.text, at: 0, in: value.range, with: name)
                diagnostics.report(.misspelledKind, "'\(value.text)' is not an id, so this file is not read as a \(meant.rawValue) file",
                                   at: value.range, hint: "write `- \(meant.rawValue): \(name.isEmpty ? "ID" : name)`: letters, digits, '-', '_' or '.'",
                                   fixIts: fix.map { [$0] } ?? [])
            }
            return nil
        case .notAPlan:
            return nil
        }
        let heading = parseHeading(blocks[0])
        var metadata: [MetadataSyntax] = []
        for item in tree.children(of: blocks[1]) {
            guard let line = firstLineOfItem(item) else { continue }
            if let (k, v) = splitMetadata(line) {
                metadata.append(MetadataSyntax(key: k.text.lowercased(), keyRange: k.range, value: v.text, valueRange: v.range))
            } else {
                diagnostics.report(.strayContent, "metadata items are written `key: value`; this one is not read",
                                   at: line.range, hint: "write it as `- key: value`, or move it below the list as description text")
            }
            if tree[item].firstChild.map({ tree[$0].nextSibling != nil }) == true || spansLines(item) {
                diagnostics.report(.strayContent, "only the first line of a metadata item is read",
                                   at: file.range(ofLine: tree[item].startLine + 1 <= endLine(of: item) ? tree[item].startLine + 1 : tree[item].startLine),
                                   hint: "put each key on its own `- key: value` line")
            }
        }
        let name = metadata[0]
        var description: [Int] = []
        var sections: [SectionSyntax] = []
        var index = 2
        while index < blocks.count {
            let block = blocks[index]
            if case .heading(let level) = tree[block].kind, level <= 2 {
                var body: [Int] = []
                var next = index + 1
                while next < blocks.count {
                    if case .heading(let l) = tree[blocks[next]].kind, l <= 2 { break }
                    body.append(blocks[next]); next += 1
                }
                if level == 1 {
                    diagnostics.report(.malformedHeading, "a plan file has one level-1 heading, its title",
                                       at: file.range(ofLine: tree[block].startLine),
                                       hint: "use `##` for sections; start another file for another project")
                }
                sections.append(parseSection(heading: block, body: body))
                index = next
            } else {
                description.append(block)
                index += 1
            }
        }
        return FileSyntax(path: file.path, kind: kind, name: name.value, nameRange: name.valueRange,
                          title: heading.title, titleRange: heading.titleRange, metadata: metadata,
                          description: markdown(of: description), sections: sections)
    }

    mutating func parseSection(heading: Int, body: [Int]) -> SectionSyntax {
        let title = headingText(heading)
        var blocks: [SectionBlock] = []
        for block in body {
            switch tree[block].kind {
            case .heading:
                blocks.append(.heading(parseHeading(block)))
            case .list:
                blocks.append(.list(parseList(block, depth: 0)))
            default:
                blocks.append(.text(markdown(of: [block]), file.range(ofLine: tree[block].startLine)))
            }
        }
        return SectionSyntax(title: title.text, range: title.range, blocks: blocks, markdown: markdown(of: body))
    }

    // MARK: Entries

    mutating func parseList(_ list: Int, depth: Int) -> [EntrySyntax] {
        var entries: [EntrySyntax] = []
        for item in tree.children(of: list) {
            if let entry = parseItem(item, depth: depth) { entries.append(entry) }
        }
        return entries
    }

    mutating func parseItem(_ item: Int, depth: Int) -> EntrySyntax? {
        let itemNode = tree[item]
        let children = Array(tree.children(of: item))
        guard let firstChild = children.first, case .paragraph = tree[firstChild].kind else {
            let range = file.range(ofLine: itemNode.startLine)
            diagnostics.report(.emptyTitle, "list item has no text", at: range,
                               hint: "write the entry's title right after the list marker")
            return nil
        }
        let paragraph = tree[firstChild]
        var entry = parseEntryLine(line: paragraph.startLine, byteColumn: paragraph.startColumn, allowCheckbox: true)
        let indent = paragraph.startColumn - 1
        var notes: [String] = []
        let paragraphEnd = min(endLine(of: firstChild), max(paragraph.endLine, paragraph.startLine))
        if paragraphEnd > paragraph.startLine {
            notes.append(dedent(lines: (paragraph.startLine + 1)...paragraphEnd, by: indent))
        }
        for child in children.dropFirst() {
            if case .list = tree[child].kind {
                if depth + 1 >= Parser.maximumNesting {
                    if !reportedDepth {
                        reportedDepth = true
                        diagnostics.report(.nestingTooDeep, "list nested more than \(Parser.maximumNesting) levels deep; deeper items are not read",
                                           at: file.range(ofLine: tree[child].startLine),
                                           hint: "flatten the work breakdown; use work package headings for the upper levels")
                    }
                    continue
                }
                entry.children.append(contentsOf: parseList(child, depth: depth + 1))
            } else {
                notes.append(dedent(lines: tree[child].startLine...endLine(of: child), by: indent))
            }
        }
        entry.notes = notes.filter { !$0.isEmpty }.joined(separator: "\n\n")
        return entry
    }

    /// The first line of a list item as a raw text with its range, for metadata items.
    func firstLineOfItem(_ item: Int) -> (text: String, range: SourceRange, line: Int, byteColumn: Int)? {
        guard let child = tree[item].firstChild, case .paragraph = tree[child].kind else { return nil }
        let node = tree[child]
        let lineBytes = file.byteRange(ofLine: node.startLine)
        let start = min(lineBytes.lowerBound + node.startColumn - 1, lineBytes.upperBound)
        var end = lineBytes.upperBound
        while end > start, file.bytes[end - 1] == 32 || file.bytes[end - 1] == 9 { end -= 1 }
        let text = String(decoding: file.bytes[start..<end], as: UTF8.self)
        return (text, file.range(line: node.startLine, byteColumn: node.startColumn, byteLength: end - start), node.startLine, node.startColumn)
    }

    func spansLines(_ item: Int) -> Bool {
        guard let child = tree[item].firstChild else { return false }
        return tree[child].endLine > tree[child].startLine
    }

    /// `key: value` of a metadata item, or nil when there is no `key:` at the start.
    func splitMetadata(_ line: (text: String, range: SourceRange, line: Int, byteColumn: Int))
        -> ((text: String, range: SourceRange), (text: String, range: SourceRange))? {
        let bytes = Array(line.text.utf8)
        guard let colon = bytes.firstIndex(of: UInt8(ascii: ":")), colon > 0 else { return nil }
        let keyBytes = bytes[0..<colon]
        guard keyBytes.allSatisfy({ isKeyByte($0) }) else { return nil }
        var valueStart = colon + 1
        while valueStart < bytes.count, bytes[valueStart] == 32 || bytes[valueStart] == 9 { valueStart += 1 }
        let key = String(decoding: keyBytes, as: UTF8.self)
        let value = String(decoding: bytes[valueStart...], as: UTF8.self)
        return ((key, file.range(line: line.line, byteColumn: line.byteColumn, byteLength: colon)),
                (value, file.range(line: line.line, byteColumn: line.byteColumn + valueStart, byteLength: max(bytes.count - valueStart, 1))))
    }

    // MARK: Headings

    func headingText(_ heading: Int) -> (text: String, range: SourceRange, byteColumn: Int, line: Int, byteEnd: Int) {
        let node = tree[heading]
        let line = node.startLine
        let range = file.byteRange(ofLine: line)
        var start = min(range.lowerBound + max(node.startColumn - 1, 0), range.upperBound)
        var end = range.upperBound
        let bytes = file.bytes
        if start < end, bytes[start] == UInt8(ascii: "#") {
            while start < end, bytes[start] == UInt8(ascii: "#") { start += 1 }
            while start < end, bytes[start] == 32 || bytes[start] == 9 { start += 1 }
            while end > start, bytes[end - 1] == 32 || bytes[end - 1] == 9 { end -= 1 }
            // An optional closing sequence of #s, preceded by a space.
            var closing = end
            while closing > start, bytes[closing - 1] == UInt8(ascii: "#") { closing -= 1 }
            if closing < end, closing == start || bytes[closing - 1] == 32 || bytes[closing - 1] == 9 {
                end = closing
                while end > start, bytes[end - 1] == 32 || bytes[end - 1] == 9 { end -= 1 }
            }
        } else {
            while start < end, bytes[start] == 32 || bytes[start] == 9 { start += 1 }
            while end > start, bytes[end - 1] == 32 || bytes[end - 1] == 9 { end -= 1 }
        }
        let column = start - range.lowerBound + 1
        let text = String(decoding: bytes[start..<end], as: UTF8.self)
        return (text, file.range(line: line, byteColumn: column, byteLength: max(end - start, 1)), column, line, end - range.lowerBound + 1)
    }

    mutating func parseHeading(_ heading: Int) -> HeadingSyntax {
        guard case .heading(let level) = tree[heading].kind else { preconditionFailure("not a heading") }
        let text = headingText(heading)
        let entry = parseEntryLine(line: text.line, byteColumn: text.byteColumn, allowCheckbox: false, byteEnd: text.byteEnd)
        return HeadingSyntax(level: level, title: entry.title, titleRange: entry.titleRange, attributes: entry.attributes,
                             rawText: text.text, range: text.range)
    }

    // MARK: The entry line: `[ ] Title — attributes`

    mutating func parseEntryLine(line: Int, byteColumn: Int, allowCheckbox: Bool, byteEnd: Int? = nil) -> EntrySyntax {
        let lineRange = file.byteRange(ofLine: line)
        let bytes = file.bytes
        var start = min(lineRange.lowerBound + max(byteColumn - 1, 0), lineRange.upperBound)
        var end = byteEnd.map { min(lineRange.lowerBound + $0 - 1, lineRange.upperBound) } ?? lineRange.upperBound
        while end > start, bytes[end - 1] == 32 || bytes[end - 1] == 9 { end -= 1 }
        let rawText = String(decoding: bytes[start..<end], as: UTF8.self)
        func col(_ offset: Int) -> Int { offset - lineRange.lowerBound + 1 }
        let map = file.columnMap(line: line)
        let file = self.file
        func located(_ byteColumn: Int, _ length: Int) -> SourceRange {
            file.range(line: line, byteColumn: byteColumn, byteLength: length, map: map)
        }

        var checkbox: Bool?
        var checkboxRange: SourceRange?
        if allowCheckbox, end - start >= 3, bytes[start] == UInt8(ascii: "["), bytes[start + 2] == UInt8(ascii: "]"),
           end - start == 3 || bytes[start + 3] == 32 || bytes[start + 3] == 9 {
            let mark = bytes[start + 1]
            if mark == 32 || mark == UInt8(ascii: "x") || mark == UInt8(ascii: "X") {
                checkbox = mark != 32
                checkboxRange = located(col(start), 3)
                start += 3
                while start < end, bytes[start] == 32 || bytes[start] == 9 { start += 1 }
            }
        }

        // The last " — " (or " -- ") splits title from attributes; a trailing " —" ends an empty list.
        var separator: Range<Int>?
        var probe = end - 1
        while probe > start {
            if bytes[probe] == 0x94, probe >= start + 3, bytes[probe - 1] == 0x80, bytes[probe - 2] == 0xE2,
               bytes[probe - 3] == 32, probe + 1 == end || bytes[probe + 1] == 32 {
                separator = (probe - 3)..<(probe + 1)
                break
            }
            if bytes[probe] == UInt8(ascii: "-"), probe >= start + 2, bytes[probe - 1] == UInt8(ascii: "-"),
               bytes[probe - 2] == 32, probe + 1 == end || bytes[probe + 1] == 32 {
                separator = (probe - 2)..<(probe + 1)
                break
            }
            probe -= 1
        }
        var titleEnd = separator?.lowerBound ?? end
        while titleEnd > start, bytes[titleEnd - 1] == 32 || bytes[titleEnd - 1] == 9 { titleEnd -= 1 }
        let titleBytes = bytes[start..<titleEnd]
        let title = unescape(titleBytes)
        let titleRange = located(col(start), max(titleEnd - start, 1))
        checkTitleTokens(titleBytes, line: line, lineStart: lineRange.lowerBound)

        var attributes: [AttributeSyntax] = []
        if let separator {
            var index = separator.upperBound
            while index < end {
                while index < end, bytes[index] == 32 || bytes[index] == 9 { index += 1 }
                guard index < end else { break }
                let tokenStart = index
                var inQuotes = false
                while index < end {
                    let byte = bytes[index]
                    if byte == UInt8(ascii: "\"") { inQuotes.toggle() }
                    if !inQuotes, byte == 32 || byte == 9 { break }
                    index += 1
                }
                let tokenBytes = bytes[tokenStart..<index]
                let range = located(col(tokenStart), index - tokenStart)
                attributes.append(AttributeSyntax(form: Self.classify(tokenBytes), text: String(decoding: tokenBytes, as: UTF8.self), range: range))
            }
        }
        return EntrySyntax(checkbox: checkbox, checkboxRange: checkboxRange, title: title, titleRange: titleRange,
                           attributes: attributes, rawText: rawText, notes: "", children: [],
                           range: located(byteColumn, max(end - lineRange.lowerBound - byteColumn + 1, 1)))
    }

    static func classify(_ bytes: ArraySlice<UInt8>) -> AttributeSyntax.Form {
        func text(_ slice: ArraySlice<UInt8>) -> String { String(decoding: slice, as: UTF8.self) }
        guard let first = bytes.first else { return .word("") }
        let body = bytes.dropFirst()
        if first == UInt8(ascii: "@") {
            if let colon = body.firstIndex(of: UInt8(ascii: ":")) {
                return .assignment(id: text(body[..<colon]), units: text(body[(colon + 1)...]))
            }
            return .assignment(id: text(body), units: nil)
        }
        if first == UInt8(ascii: "#"), let second = body.first, isLetter(second) {
            return .tag(text(body))
        }
        if bytes.last == UInt8(ascii: "%"), bytes.count > 1,
           bytes.dropLast().allSatisfy({ isDigit($0) || $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "-") }) {
            return .percent(text(bytes.dropLast()))
        }
        if ParserSupport.looksLikeAmount(bytes) { return .amount(text(bytes)) }
        if let colon = bytes.firstIndex(of: UInt8(ascii: ":")), colon != bytes.startIndex {
            var value = bytes[(colon + 1)...]
            if value.count >= 2, value.first == UInt8(ascii: "\""), value.last == UInt8(ascii: "\"") { value = value.dropFirst().dropLast() }
            let key = bytes[..<colon].map { $0 >= 65 && $0 <= 90 ? $0 + 32 : $0 }
            return .keyed(key: String(decoding: key, as: UTF8.self), value: text(value))
        }
        return .word(text(bytes))
    }

}

enum ParserSupport {
    /// `5d`, `0.5d`, `16h`, `3w`.
    static func isAmount<Bytes: BidirectionalCollection<UInt8>>(_ bytes: Bytes) -> Bool {
        guard bytes.count >= 2, let unit = bytes.last,
              unit == UInt8(ascii: "d") || unit == UInt8(ascii: "h") || unit == UInt8(ascii: "w") else { return false }
        let number = bytes.prefix(bytes.count - 1)
        guard let first = number.first, isDigit(first) else { return false }
        var dots = 0
        for byte in number {
            if byte == UInt8(ascii: ".") { dots += 1 } else if !isDigit(byte) { return false }
        }
        return dots <= 1
    }

    /// A token meant as an amount of work, well-formed or not: a digit first, a unit last and
    /// only number characters between (`2,5d`, `1e300d`, `1.5.2d`). The value reader then says
    /// what is wrong with it, instead of the token passing for an unknown word.
    static func looksLikeAmount<Bytes: BidirectionalCollection<UInt8>>(_ bytes: Bytes) -> Bool {
        guard bytes.count >= 2, let unit = bytes.last,
              unit == UInt8(ascii: "d") || unit == UInt8(ascii: "h") || unit == UInt8(ascii: "w"),
              let first = bytes.first, isDigit(first) else { return false }
        return bytes.dropLast().allSatisfy {
            isDigit($0) || $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "e") || $0 == UInt8(ascii: "E")
                || $0 == UInt8(ascii: "+") || $0 == UInt8(ascii: "_")
        }
    }
}

extension FileParser {

    /// `@omar`, `5d`, `40%`, `after:x`: a title token that reads as an attribute (P103).
    static func titleTokenLooksLikeAttribute(_ token: [UInt8]) -> Bool {
        guard let first = token.first else { return false }
        if first == UInt8(ascii: "@"), token.count > 1, isLetter(token[1]) { return true }
        if ParserSupport.isAmount(token) { return true }
        if token.count > 1, token.last == UInt8(ascii: "%"), token.dropLast().allSatisfy(isDigit) { return true }
        if let colon = token.firstIndex(of: UInt8(ascii: ":")), colon > 0, colon + 1 < token.count,
           Vocabulary.allAttributeKeys.contains(String(decoding: token[..<colon], as: UTF8.self).lowercased()) {
            return true
        }
        return false
    }

    /// Warns about tokens in a title that look like attributes: the ` — ` was probably forgotten.
    mutating func checkTitleTokens(_ title: ArraySlice<UInt8>, line: Int, lineStart: Int) {
        var index = title.startIndex
        let end = title.endIndex
        while index < end {
            while index < end, title[index] == 32 || title[index] == 9 { index += 1 }
            let tokenStart = index
            while index < end, title[index] != 32, title[index] != 9 { index += 1 }
            guard index > tokenStart else { continue }
            let token = Array(title[tokenStart..<index])
            if Self.titleTokenLooksLikeAttribute(token) {
                let text = String(decoding: token, as: UTF8.self)
                diagnostics.report(.attributeInTitle, "'\(text)' looks like an attribute but is part of the title",
                                   at: file.range(line: line, byteColumn: tokenStart - lineStart + 1, byteLength: token.count),
                                   hint: "put attributes after ` — ` (a spaced em dash), or write `\\\(text)` to keep it in the title")
            }
        }
    }

    /// Markdown backslash escapes: `\X` for ASCII punctuation X reads as X.
    func unescape(_ bytes: ArraySlice<UInt8>) -> String {
        guard bytes.contains(UInt8(ascii: "\\")) else { return String(decoding: bytes, as: UTF8.self) }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\\"), index + 1 < bytes.endIndex, isASCIIPunctuation(bytes[index + 1]) {
                out.append(bytes[index + 1]); index += 2
            } else {
                out.append(byte); index += 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    // MARK: Raw text of blocks

    /// The last line that belongs to `node`: up to the line before whatever follows it.
    func endLine(of node: Int) -> Int {
        var current = node
        while true {
            if let next = tree[current].nextSibling { return max(tree[next].startLine - 1, tree[node].startLine) }
            guard let parent = tree[current].parent else { return max(file.lineCount, tree[node].startLine) }
            current = parent
        }
    }

    /// Markdown of consecutive top-level blocks, from the first one's start to the last one's end.
    func markdown(of blocks: [Int]) -> String {
        guard let first = blocks.first, let last = blocks.last else { return "" }
        return dedent(lines: tree[first].startLine...endLine(of: last), by: 0)
    }

    /// Lines with up to `indent` columns of leading whitespace removed and trailing blank lines dropped.
    func dedent(lines: ClosedRange<Int>, by indent: Int) -> String {
        var texts: [Substring] = []
        for line in lines {
            let range = file.byteRange(ofLine: line)
            var index = range.lowerBound
            var column = 0
            while index < range.upperBound, column < indent {
                let byte = file.bytes[index]
                if byte == 32 { column += 1 } else if byte == 9 { column += 4 - column % 4 } else { break }
                index += 1
            }
            texts.append(Substring(String(decoding: file.bytes[index..<range.upperBound], as: UTF8.self)))
        }
        while let last = texts.last, last.allSatisfy({ $0 == " " || $0 == "\t" }) { texts.removeLast() }
        while let first = texts.first, first.allSatisfy({ $0 == " " || $0 == "\t" }) { texts.removeFirst() }
        return texts.joined(separator: "\n")
    }
}

func isDigit(_ byte: UInt8) -> Bool { byte >= 48 && byte <= 57 }
func isLetter(_ byte: UInt8) -> Bool { (byte | 0x20) >= 97 && (byte | 0x20) <= 122 }
func isKeyByte(_ byte: UInt8) -> Bool { isLetter(byte) || isDigit(byte) || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_") }
func isASCIIPunctuation(_ byte: UInt8) -> Bool {
    (33...47).contains(byte) || (58...64).contains(byte) || (91...96).contains(byte) || (123...126).contains(byte)
}
