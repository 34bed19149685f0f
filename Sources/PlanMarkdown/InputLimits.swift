/// Shapes of input that the system's libcmark parses in quadratic time, found before the bytes
/// reach it.
///
/// cmark 0.30.2 (Debian's) walks back over every open `![` each time a link closes, so thousands
/// of `![[]()` in one paragraph take seconds to minutes (CVE-2023-22486, fixed in 0.30.3). A plan
/// never needs that many image openers, so the front end refuses such a file with a located
/// diagnostic instead of parsing it.
public enum InputLimits {
    /// `![` in one paragraph: 1,000 of them parse in a few milliseconds even on 0.30.2.
    public static let imageOpenersPerParagraph = 1_000
    /// `![` in one file: bounds the worst case when paragraphs are split in ways this scan does
    /// not follow (lazy continuation lines).
    public static let imageOpenersPerFile = 10_000

    public struct Excess: Sendable, Equatable {
        /// 1-based line and byte column of the `![` that passed the limit.
        public var line: Int
        public var byteColumn: Int
        public var message: String
    }

    /// The first place where `bytes` passes a limit, or nil for ordinary Markdown. Linear.
    public static func excess(in bytes: [UInt8]) -> Excess? {
        var line = 1
        var lineStart = 0
        var inParagraph = 0
        var inFile = 0
        var index = 0
        let count = bytes.count
        var atLineStart = true
        while index < count {
            let byte = bytes[index]
            if atLineStart {
                atLineStart = false
                if startsBlock(bytes, at: index) { inParagraph = 0 }
            }
            if byte == 10 || byte == 13 {
                if byte == 13, index + 1 < count, bytes[index + 1] == 10 { index += 1 }
                line += 1
                lineStart = index + 1
                atLineStart = true
            } else if byte == UInt8(ascii: "!"), index + 1 < count, bytes[index + 1] == UInt8(ascii: "[") {
                inParagraph += 1
                inFile += 1
                if inParagraph > imageOpenersPerParagraph {
                    return Excess(line: line, byteColumn: index - lineStart + 1,
                                  message: "more than \(imageOpenersPerParagraph) image brackets `![` in one paragraph")
                }
                if inFile > imageOpenersPerFile {
                    return Excess(line: line, byteColumn: index - lineStart + 1,
                                  message: "more than \(imageOpenersPerFile) image brackets `![` in one file")
                }
            }
            index += 1
        }
        return nil
    }

    /// Whether the line starting at `start` is blank or opens a block that ends a paragraph
    /// (heading, quote, list item, fence): the inline parser starts afresh after it.
    private static func startsBlock(_ bytes: [UInt8], at start: Int) -> Bool {
        var index = start
        while index < bytes.count, bytes[index] == 32 || bytes[index] == 9 { index += 1 }
        guard index < bytes.count else { return true }
        let byte = bytes[index]
        let next = index + 1 < bytes.count ? bytes[index + 1] : 10
        func run(of marker: UInt8) -> Int { bytes[index...].prefix { $0 == marker }.count }
        func spaceAfter(_ length: Int) -> Bool {
            index + length >= bytes.count || [32, 9, 10, 13].contains(bytes[index + length])
        }
        // Only what really interrupts a paragraph, so a line like `#data` or `` `x` `` cannot
        // be used to split one paragraph into many for this count.
        switch byte {
        case 10, 13, UInt8(ascii: ">"): return true
        case UInt8(ascii: "#"):
            let hashes = run(of: byte)
            return hashes <= 6 && spaceAfter(hashes)
        case UInt8(ascii: "`"), UInt8(ascii: "~"): return run(of: byte) >= 3
        case UInt8(ascii: "-"), UInt8(ascii: "*"), UInt8(ascii: "+"): return next == 32 || next == 9
        case UInt8(ascii: "1"):
            return (next == UInt8(ascii: ".") || next == UInt8(ascii: ")"))
                && (index + 2 >= bytes.count || bytes[index + 2] == 32 || bytes[index + 2] == 9)
        default: return false
        }
    }
}
