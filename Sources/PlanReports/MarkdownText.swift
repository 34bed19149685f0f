/// Plan text inside Markdown that others read (a pull-request comment): the one home of escaping
/// for GitHub Flavored Markdown and the HTML it allows. A title can then never open a link, a
/// table cell, emphasis or a tag, whatever it contains.
public enum MarkdownText {
    /// For running Markdown text and table cells: HTML's special characters as entities, Markdown's
    /// punctuation backslash-escaped, line breaks as spaces, and at most `limit` characters.
    public static func inline(_ text: String, limit: Int = 160) -> String {
        var out = ""
        for character in shortened(text, limit: limit) {
            if let entity = entity(character) {
                out += entity
            } else if "\\`*_[]#|~!(){}$".contains(character) {
                out += "\\" + String(character)
            } else {
                out.append(character)
            }
        }
        return out
    }

    /// For text inside an HTML element GitHub does not read as Markdown (`<summary>`): entities only.
    public static func html(_ text: String, limit: Int = 160) -> String {
        shortened(text, limit: limit).map { entity($0) ?? String($0) }.joined()
    }

    /// The characters that could open a tag or an entity, or close a quoted attribute.
    static func entity(_ character: Character) -> String? {
        switch character {
        case "&": "&amp;"
        case "<": "&lt;"
        case ">": "&gt;"
        case "\"": "&quot;"
        default: nil
        }
    }

    /// An id as a code span: ids are letters, digits and dashes, and a code span never mentions
    /// a person (`@dana`) or links an issue.
    public static func code(_ id: String) -> String {
        "`" + String(id.filter { $0 != "`" && !$0.isNewline }.prefix(80)) + "`"
    }

    /// One line of at most `limit` characters, an ellipsis where it was cut.
    static func shortened(_ text: String, limit: Int) -> String {
        let line = String(text.map { $0.isNewline || $0 == "\t" ? " " : $0 })
        return line.count <= limit ? line : String(line.prefix(max(limit - 1, 1))) + "…"
    }
}
