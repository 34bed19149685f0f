import PlanFrontEnd

/// One change to a file: the bytes in `range` (offsets into the file's text without a byte
/// order mark) become `bytes`. An empty range inserts. Every edit is a list of these, so a test
/// can say exactly which bytes an edit touches.
public struct ByteReplacement: Hashable, Sendable, CustomStringConvertible {
    public var range: Range<Int>
    public var bytes: [UInt8]

    public init(_ range: Range<Int>, _ text: String) {
        self.range = range
        self.bytes = Array(text.utf8)
    }

    public var text: String { String(decoding: bytes, as: UTF8.self) }
    public var description: String { "\(range.lowerBound)..<\(range.upperBound) → \(text.debugDescription)" }

    /// `bytes` with every replacement made. Replacements must not overlap; an insertion may sit at
    /// the end of a removal (it lands after the removed bytes' place).
    public static func apply(_ replacements: [ByteReplacement], to bytes: [UInt8]) -> [UInt8] {
        var result = bytes
        let ordered = replacements.sorted { ($0.range.lowerBound, $0.range.upperBound) > ($1.range.lowerBound, $1.range.upperBound) }
        for replacement in ordered {
            result.replaceSubrange(replacement.range, with: replacement.bytes)
        }
        return result
    }
}

/// The line ending a file uses, taken from its first line: new lines are written the same way.
public enum LineEnding: String, Sendable {
    case lf = "\n", crlf = "\r\n", cr = "\r"

    public static func of(_ bytes: [UInt8]) -> LineEnding {
        guard let index = bytes.firstIndex(where: { $0 == 10 || $0 == 13 }) else { return .lf }
        if bytes[index] == 10 { return .lf }
        return index + 1 < bytes.count && bytes[index + 1] == 10 ? .crlf : .cr
    }
}

extension SourceFile {
    /// Byte offset in the file of the 1-based character `column` on `line` (as `SourceRange`s
    /// count them), clamped to the line.
    func byteOffset(line: Int, column: Int) -> Int {
        let range = byteRange(ofLine: line)
        var offset = range.lowerBound
        var remaining = column - 1
        guard remaining > 0 else { return offset }
        for character in String(decoding: bytes[range], as: UTF8.self) {
            offset += character.utf8.count
            remaining -= 1
            if remaining == 0 { break }
        }
        return min(offset, range.upperBound)
    }

    /// Offset just past line `line`'s ending (the next line's start, or the end of the file).
    func endIncludingLineEnding(ofLine line: Int) -> Int {
        line < lineStarts.count ? lineStarts[line] : bytes.count
    }

    func isBlank(line: Int) -> Bool {
        bytes[byteRange(ofLine: line)].allSatisfy { $0 == 32 || $0 == 9 }
    }
}
