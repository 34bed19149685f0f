/// Measuring and fitting text in terminal columns. Terminals give East Asian wide characters and
/// most emoji two columns and combining marks none, so `String.count` would misalign tables.
/// `width(of:)` is the one cell-width table of planc: every terminal renderer (status, gantt,
/// tasks, why, and the source excerpts of diagnostics) measures with it.
public enum TerminalText {
    /// Columns one grapheme takes: none for control characters, zero-width format characters and
    /// a combining mark with nothing to combine with; two for East Asian wide and fullwidth
    /// characters and emoji (emoji presentation, or any character with VS16 `U+FE0F`); else one.
    /// Combining marks after a base character are part of its grapheme and add nothing.
    public static func width(of character: Character) -> Int {
        guard let scalar = character.unicodeScalars.first else { return 0 }
        let value = scalar.value
        if value < 0x20 || (0x7F...0x9F).contains(value) { return 0 }
        if value < 0x7F || value == 0xAD { return 1 }  // ASCII; a soft hyphen shows as a hyphen
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format: return 0
        default: break
        }
        if isWide(value) || scalar.properties.isEmojiPresentation { return 2 }
        if character.unicodeScalars.contains(where: { $0.value == 0xFE0F }) { return 2 }
        return 1
    }

    /// Columns the text takes on screen; ANSI SGR sequences (`ESC [ … m`) take none.
    public static func width(_ text: some StringProtocol) -> Int {
        var total = 0
        var inEscape = false
        for character in text {
            if inEscape { if character == "m" { inEscape = false }; continue }
            if character == "\u{1B}" { inEscape = true; continue }
            total += width(of: character)
        }
        return total
    }

    /// East Asian Wide and Fullwidth blocks (Unicode's EastAsianWidth W and F, by block).
    private static func isWide(_ value: UInt32) -> Bool {
        switch value {
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
             0xA000...0xA4CF, 0xA960...0xA97F, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE10...0xFE19,
             0xFE30...0xFE6F, 0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x1F300...0x1F64F, 0x1F900...0x1F9FF,
             0x20000...0x3FFFD:
            return true
        default:
            return false
        }
    }

    /// The text cut to `columns`, ending in `…` (or `~` in ASCII) when it had to be cut.
    /// Colour sequences are kept whole and closed with a reset when the cut falls inside colour.
    static func truncate(_ text: String, to columns: Int, ascii: Bool = false) -> String {
        guard columns > 0 else { return "" }
        if width(text) <= columns { return text }
        var out = ""
        var used = 0
        var inEscape = false
        var coloured = false
        for character in text {
            if inEscape {
                out.append(character)
                if character == "m" { inEscape = false }
                continue
            }
            if character == "\u{1B}" { inEscape = true; coloured = true; out.append(character); continue }
            let w = width(of: character)
            if used + w > columns - 1 { break }
            out.append(character)
            used += w
        }
        return out + (ascii ? "~" : "…") + (coloured ? "\u{1B}[0m" : "")
    }

    /// Cut or padded with spaces to exactly `columns`.
    static func fit(_ text: String, _ columns: Int, ascii: Bool = false, alignRight: Bool = false) -> String {
        let cut = truncate(text, to: columns, ascii: ascii)
        let padding = String(repeating: " ", count: max(columns - width(cut), 0))
        return alignRight ? padding + cut : cut + padding
    }

    /// Replaces characters outside ASCII with close ASCII forms, for `--ascii` output of titles.
    static func asciiFolded(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            if scalar.isASCII { out.unicodeScalars.append(scalar); continue }
            switch scalar.value {
            case 0x2013, 0x2014, 0x2212: out += "-"
            case 0x2018, 0x2019: out += "'"
            case 0x201C, 0x201D, 0x201E: out += "\""
            case 0x2026: out += "..."
            case 0x00A0, 0x2009, 0x202F: out += " "
            case 0x00C4: out += "Ae"
            case 0x00D6: out += "Oe"
            case 0x00DC: out += "Ue"
            case 0x00E4: out += "ae"
            case 0x00F6: out += "oe"
            case 0x00FC: out += "ue"
            case 0x00DF: out += "ss"
            case 0x00C0...0x00C5: out += "A"
            case 0x00E0...0x00E5: out += "a"
            case 0x00C8...0x00CB: out += "E"
            case 0x00E8...0x00EB: out += "e"
            case 0x00CC...0x00CF: out += "I"
            case 0x00EC...0x00EF: out += "i"
            case 0x00D2...0x00D5, 0x00D8: out += "O"
            case 0x00F2...0x00F5, 0x00F8: out += "o"
            case 0x00D9...0x00DB: out += "U"
            case 0x00F9...0x00FB: out += "u"
            case 0x00C7: out += "C"
            case 0x00E7: out += "c"
            case 0x00D1: out += "N"
            case 0x00F1: out += "n"
            case 0x0300...0x036F: break
            default: out += "?"
            }
        }
        return out
    }
}

/// How text is drawn: which characters and whether ANSI colour is used. Decided by the command
/// line (terminal detection, NO_COLOR, --ascii) and passed in; renderers never look at the terminal.
public struct TerminalStyle: Sendable, Hashable {
    public var width: Int
    public var color: Bool
    public var ascii: Bool

    public init(width: Int = 80, color: Bool = false, ascii: Bool = false) {
        self.width = max(width, 20)
        self.color = color
        self.ascii = ascii
    }

    enum Paint: String {
        case bold = "1", dim = "2", red = "31", green = "32", yellow = "33", blue = "34", magenta = "35", cyan = "36"
        case boldRed = "1;31"
    }

    /// The text wrapped in an ANSI SGR sequence when colour is on; unchanged otherwise.
    func paint(_ text: String, _ paint: Paint?) -> String {
        guard color, let paint, !text.isEmpty else { return text }
        return "\u{1B}[\(paint.rawValue)m\(text)\u{1B}[0m"
    }

    func paint(_ text: String, rating: PlanModelRating) -> String {
        switch rating {
        case .green: return paint(text, Paint.green)
        case .amber: return paint(text, Paint.yellow)
        case .red: return paint(text, Paint.boldRed)
        }
    }

    /// Titles and other plan text as the style can show them.
    func text(_ value: String) -> String { ascii ? TerminalText.asciiFolded(value) : value }
}

extension TerminalText {
    /// Word-wrapped to `width` columns; lines after the first start with `indent` spaces. A word
    /// longer than a line is cut rather than overflowing.
    static func wrap(_ text: String, width: Int, indent: Int, ascii: Bool = false) -> [String] {
        let room = max(width - indent, 4)
        var lines: [String] = []
        var current = ""
        var currentWidth = 0
        var limit = max(width, 4)
        for word in text.split(separator: " ", omittingEmptySubsequences: true) {
            let wordWidth = TerminalText.width(word)
            if currentWidth > 0 && currentWidth + 1 + wordWidth > limit {
                lines.append(current)
                current = String(repeating: " ", count: indent)
                currentWidth = indent
                limit = indent + room
            }
            if currentWidth > indent || (currentWidth > 0 && lines.isEmpty) {
                current += " "; currentWidth += 1
            }
            let piece = wordWidth > limit - currentWidth ? truncate(String(word), to: limit - currentWidth, ascii: ascii) : String(word)
            current += piece
            currentWidth += TerminalText.width(piece)
        }
        lines.append(current)
        return lines
    }
}

extension TerminalText {
    /// Packs segments (`title`, `dates`, `deadline` …) onto lines of `width`, two spaces apart;
    /// a segment longer than a line is word-wrapped on its own.
    static func wrap(segments: [String], width: Int, indent: Int, ascii: Bool = false) -> [String] {
        var lines: [String] = []
        var current = ""
        for segment in segments where !segment.isEmpty {
            let separator = current.trimmingLeadingSpaces.isEmpty ? "" : "  "
            if TerminalText.width(current) + TerminalText.width(separator) + TerminalText.width(segment) <= width {
                current += separator + segment
                continue
            }
            if !current.trimmingLeadingSpaces.isEmpty {
                lines.append(current)
                current = String(repeating: " ", count: indent)
            }
            if TerminalText.width(current) + TerminalText.width(segment) <= width {
                current += segment
                continue
            }
            let pieces = wrap(current + segment, width: width, indent: indent, ascii: ascii)
            lines.append(contentsOf: pieces.dropLast())
            current = pieces.last ?? ""
        }
        if !current.trimmingLeadingSpaces.isEmpty { lines.append(current) }
        return lines
    }
}

extension String {
    var trimmingLeadingSpaces: Substring { drop { $0 == " " } }
}
