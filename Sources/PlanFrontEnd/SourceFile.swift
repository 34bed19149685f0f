import PlanModel

/// One plan file's text with a table of line starts, so any byte offset maps to a line and a
/// column counted in characters, as editors count them.
public struct SourceFile: Sendable {
    public let path: String
    /// UTF-8 bytes without a byte order mark.
    public let bytes: [UInt8]
    /// Byte offset where each line starts; line n (1-based) starts at `lineStarts[n - 1]`.
    public let lineStarts: [Int]

    public init(path: String, bytes: [UInt8]) {
        self.path = path
        self.bytes = bytes
        var starts = [0]
        starts.reserveCapacity(bytes.count / 32 + 1)
        var index = 0
        let count = bytes.count
        // The same line endings as CommonMark: LF, CR LF, or a lone CR.
        while index < count {
            let byte = bytes[index]
            if byte == 10 {
                starts.append(index + 1)
            } else if byte == 13 {
                if index + 1 < count, bytes[index + 1] == 10 { index += 1 }
                starts.append(index + 1)
            }
            index += 1
        }
        lineStarts = starts
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
        let range = byteRange(ofLine: line)
        let offset = min(max(byteColumn - 1, 0), range.count)
        let prefix = bytes[range.lowerBound..<(range.lowerBound + offset)]
        if !prefix.contains(where: { $0 >= 0x80 }) { return offset + 1 }
        return String(decoding: prefix, as: UTF8.self).count + 1
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
}
