import PlanModel

/// One plan file's text with a table of line starts, so any byte offset maps to a line and a
/// column counted in characters, as editors count them.
public struct SourceFile: Sendable {
    public let path: String
    /// UTF-8 bytes without a byte order mark.
    public let bytes: [UInt8]
    /// Byte offset where each line starts; line n (1-based) starts at `lineStarts[n - 1]`.
    public let lineStarts: [Int]
    /// Whether each line (0-based) holds only ASCII: then a byte column is a character column,
    /// and locating a token costs nothing.
    private let lineIsASCII: [Bool]

    public init(path: String, bytes: [UInt8]) {
        self.path = path
        self.bytes = bytes
        var starts = [0]
        var ascii: [Bool] = []
        starts.reserveCapacity(bytes.count / 32 + 1)
        ascii.reserveCapacity(bytes.count / 32 + 1)
        var index = 0
        let count = bytes.count
        var lineASCII = true
        // The same line endings as CommonMark: LF, CR LF, or a lone CR.
        bytes.withUnsafeBufferPointer { buffer in
            while index < count {
                let byte = buffer[index]
                if byte >= 0x80 {
                    lineASCII = false
                } else if byte == 10 {
                    starts.append(index + 1); ascii.append(lineASCII); lineASCII = true
                } else if byte == 13 {
                    if index + 1 < count, buffer[index + 1] == 10 { index += 1 }
                    starts.append(index + 1); ascii.append(lineASCII); lineASCII = true
                }
                index += 1
            }
        }
        ascii.append(lineASCII)
        lineStarts = starts
        lineIsASCII = ascii
    }

    public var lineCount: Int { lineStarts.count }

    /// Byte range of line `line` (1-based), without its line ending.
    public func byteRange(ofLine line: Int) -> Range<Int> {
        guard line >= 1, line <= lineStarts.count else { return bytes.count..<bytes.count }
        let start = lineStarts[line - 1]
        var end = line < lineStarts.count ? lineStarts[line] : bytes.count
        if end > start, bytes[end - 1] == 10 { end -= 1 }
        if end > start, bytes[end - 1] == 13 { end -= 1 }
        return start..<end
    }

    /// The text of line `line` (1-based), without its line ending.
    public func text(ofLine line: Int) -> String {
        String(decoding: bytes[byteRange(ofLine: line)], as: UTF8.self)
    }

    /// The text of lines `first...last`, joined with "\n".
    public func text(lines first: Int, through last: Int) -> String {
        guard first <= last else { return "" }
        var result = ""
        for line in first...last {
            if line > first { result += "\n" }
            result += text(ofLine: line)
        }
        return result
    }

    /// Character column (1-based) of a 1-based byte column on `line`.
    public func column(line: Int, byteColumn: Int) -> Int {
        if line >= 1, line <= lineIsASCII.count, lineIsASCII[line - 1] {
            let length = byteRange(ofLine: line).count
            return min(max(byteColumn - 1, 0), length) + 1
        }
        let range = byteRange(ofLine: line)
        let offset = min(max(byteColumn - 1, 0), range.count)
        let prefix = bytes[range.lowerBound..<(range.lowerBound + offset)]
        if let simple = Self.simpleCharacterCount(prefix) { return simple + 1 }
        return String(decoding: prefix, as: UTF8.self).count + 1
    }

    /// For a line with non-ASCII text, the character column of every byte offset (index = byte
    /// column - 1, one extra entry for the end); nil for an ASCII line, where the two agree.
    /// Built once per line so that locating many tokens on it stays linear.
    public func columnMap(line: Int) -> [Int32]? {
        guard line >= 1, line <= lineIsASCII.count, !lineIsASCII[line - 1] else { return nil }
        let range = byteRange(ofLine: line)
        var map = [Int32](repeating: 0, count: range.count + 1)
        if Self.simpleCharacterCount(bytes[range], columns: &map) != nil { return map }
        let text = String(decoding: bytes[range], as: UTF8.self)
        var column: Int32 = 1
        var offset = 0
        for character in text {
            let length = character.utf8.count
            for step in 0..<length where offset + step < map.count { map[offset + step] = column }
            offset += length
            column += 1
        }
        if offset < map.count { for index in offset..<map.count { map[index] = column } }
        return map
    }

    /// `range(line:byteColumn:byteLength:)` with a precomputed `columnMap` of the line.
    public func range(line: Int, byteColumn start: Int, byteLength length: Int, map: [Int32]?) -> SourceRange {
        guard let map else {
            let lineLength = byteRange(ofLine: line).count
            let first = min(max(start - 1, 0), lineLength) + 1
            let last = min(max(start - 1 + max(length, 0), 0), lineLength) + 1
            return SourceRange(file: path, start: SourceLocation(line: line, column: first),
                               end: SourceLocation(line: line, column: max(last, first + 1)))
        }
        let first = Int(map[min(max(start - 1, 0), map.count - 1)])
        let last = Int(map[min(max(start - 1 + max(length, 0), 0), map.count - 1)])
        return SourceRange(file: path, start: SourceLocation(line: line, column: first),
                           end: SourceLocation(line: line, column: max(last, first + 1)))
    }

    /// A range on one line from byte column `start` (1-based) spanning `length` bytes.
    public func range(line: Int, byteColumn start: Int, byteLength length: Int) -> SourceRange {
        let first = column(line: line, byteColumn: start)
        let last = column(line: line, byteColumn: start + max(length, 0))
        return SourceRange(file: path, start: SourceLocation(line: line, column: first),
                           end: SourceLocation(line: line, column: max(last, first + 1)))
    }

    /// The range covering the text of a whole line (at least one column wide).
    public func range(ofLine line: Int) -> SourceRange {
        let bytes = byteRange(ofLine: line)
        let leading = self.bytes[bytes].prefix { $0 == 32 || $0 == 9 }.count
        return range(line: line, byteColumn: leading + 1, byteLength: max(bytes.count - leading, 1))
    }

    /// Characters in `bytes` when every scalar is its own character, which holds for the scripts
    /// and punctuation plans mostly use (Latin, Greek, Cyrillic, CJK, the em dash). Nil when a
    /// scalar might combine with its neighbours (accents, joiners, emoji modifiers, Indic and
    /// Hebrew or Arabic marks): then the caller counts grapheme clusters the slow, exact way.
    static func simpleCharacterCount(_ bytes: ArraySlice<UInt8>) -> Int? {
        var none: [Int32] = []
        return simpleCharacterCount(bytes, columns: &none)
    }

    /// The same, filling `columns[offset]` with the 1-based column of each byte when it is large enough.
    static func simpleCharacterCount(_ bytes: ArraySlice<UInt8>, columns: inout [Int32]) -> Int? {
        let fill = columns.count > bytes.count
        var count = 0
        var index = bytes.startIndex
        let end = bytes.endIndex
        while index < end {
            let lead = bytes[index]
            if lead < 0x80 {
                if fill { columns[index - bytes.startIndex] = Int32(count + 1) }
                count += 1; index += 1; continue
            }
            let length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2
            guard index + length <= end else { return nil }
            var scalar = UInt32(lead) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
            for offset in 1..<length { scalar = scalar << 6 | UInt32(bytes[index + offset] & 0x3F) }
            let simple = (0x00A0...0x02FF).contains(scalar) || (0x0370...0x0482).contains(scalar)
                || (0x048A...0x04FF).contains(scalar) || (0x2010...0x2027).contains(scalar)
                || (0x2030...0x205E).contains(scalar) || (0x20A0...0x20CF).contains(scalar)
                || (0x2100...0x23FF).contains(scalar) || (0x2460...0x27BF).contains(scalar)
                || (0x3000...0x3029).contains(scalar) || (0x3030...0x3098).contains(scalar)
                || (0x309B...0x9FFF).contains(scalar) || (0xFF01...0xFF9D).contains(scalar)
            guard simple else { return nil }
            if fill { for step in 0..<length { columns[index - bytes.startIndex + step] = Int32(count + 1) } }
            count += 1
            index += length
        }
        if fill { columns[bytes.count] = Int32(count + 1) }
        return count
    }
}
