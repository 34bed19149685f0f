import PlanFrontEnd

/// Names from MS Project written as plan-language text, so that planc reads back exactly the name
/// (CommonMark backslash escapes, which planc undoes in titles) and nothing in it reads as markup
/// or as an attribute (a name `Migrate 40% in 5d` would otherwise get warning P103).
enum MarkdownEscaping {
    /// ASCII punctuation that CommonMark could read as inline markup or an entity.
    static let specials: Set<Character> = ["\\", "`", "*", "_", "[", "]", "<", ">", "&", "#", "|", "!", "~"]

    /// One line of title text: markup escaped, attribute-like tokens escaped, line breaks folded.
    static func title(_ text: String) -> String {
        let words = text.split(whereSeparator: { $0.isWhitespace || $0.isNewline })
        return words.map { word -> String in
            let token = String(word)
            var escaped = ""
            for character in token {
                if specials.contains(character) { escaped.append("\\") }
                escaped.append(character)
            }
            guard EditVocabulary.titleTokenLooksLikeAttribute(token) || token == "—" || token == "--" else { return escaped }
            // A Markdown escape where the token has punctuation to escape (`40\%`, `due\:x`,
            // `\@omar`), which GitHub shows without the backslash; else the backslash before
            // the token that planc's hint for P103 gives (`\5d`).
            if token.hasSuffix("%") { return String(escaped.dropLast()) + "\\%" }
            if !token.hasPrefix("@"), let colon = escaped.firstIndex(of: ":") {
                return escaped[..<colon] + "\\" + escaped[colon...]
            }
            return "\\" + escaped
        }.joined(separator: " ")
    }

    /// Free text (a task's notes) indented under a list item: block markers at a line's start are
    /// escaped so a note line never becomes a subtask, a heading or a quote.
    static func notes(_ text: String, indent: String) -> [String] {
        var lines: [String] = []
        for raw in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var line = raw.trimmingTrailingWhitespace()
            let trimmed = line.drop(while: { $0 == " " || $0 == "\t" })
            if trimmed.isEmpty { lines.append(""); continue }
            line = String(trimmed)
            if let first = line.first, "-+*#>=|`~".contains(first) {
                line = "\\" + line
            } else if let dot = line.firstIndex(where: { $0 == "." || $0 == ")" }),
                      line[..<dot].allSatisfy(\.isASCIIDigitCharacter), dot != line.startIndex {
                line.insert("\\", at: dot)
            }
            lines.append(indent + line.replacingOccurrences(of: "<", with: "\\<"))
        }
        while lines.last == "" { lines.removeLast() }
        while lines.first == "" { lines.removeFirst() }
        return lines
    }

    /// A quoted attribute value (`role:"Data engineer"`): quotes inside are dropped, since the
    /// plan language has no escape for them.
    static func quoted(_ text: String) -> String {
        let cleaned = text.split(whereSeparator: { $0.isWhitespace || $0 == "\"" }).joined(separator: " ")
        return cleaned.contains(" ") || cleaned.isEmpty ? "\"\(cleaned)\"" : cleaned
    }
}

extension Character {
    var isASCIIDigitCharacter: Bool { isASCII && isNumber }
}

extension Substring {
    func trimmingTrailingWhitespace() -> String {
        var text = self
        while let last = text.last, last == " " || last == "\t" || last == "\r" { text = text.dropLast() }
        return String(text)
    }
}
