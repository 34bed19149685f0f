/// LSP positions: 0-based lines and UTF-16 code units, from planc's 1-based lines and columns
/// counted in characters (grapheme clusters), over the file's text.
public struct LineTable: Sendable {
    /// Each line's text without its line ending (LF, CR LF or a lone CR, as CommonMark).
    public let lines: [Substring]

    public init(_ text: String) {
        var lines: [Substring] = []
        var start = text.startIndex
        var index = text.startIndex
        while index < text.endIndex {
            let character = text[index]
            // "\r\n" is one Character in Swift.
            if character == "\n" || character == "\r" || character == "\r\n" {
                lines.append(text[start..<index])
                index = text.index(after: index)
                start = index
            } else {
                index = text.index(after: index)
            }
        }
        lines.append(text[start..<text.endIndex])
        self.lines = lines
    }

    /// The LSP position of 1-based `line` and `column`; columns past the line's end count on
    /// past it, lines past the file's end land on its last line's end.
    public func position(line: Int, column: Int) -> (line: Int, character: Int) {
        guard line >= 1 else { return (0, 0) }
        guard line <= lines.count else {
            let last = lines.count - 1
            return (last, lines[last].utf16.count)
        }
        let text = lines[line - 1]
        let characters = max(column - 1, 0)
        var units = 0
        var counted = 0
        for character in text {
            if counted == characters { break }
            units += character.utf16.count
            counted += 1
        }
        return (line - 1, units + (characters - counted))
    }

    /// The UTF-16 length of 0-based `line`.
    public func length(ofLine line: Int) -> Int {
        line >= 0 && line < lines.count ? lines[line].utf16.count : 0
    }
}
