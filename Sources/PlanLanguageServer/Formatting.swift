import PlanEdit

extension LanguageServer {
    /// `textDocument/formatting`: the edits that give the buffer the layout `planc fmt` writes,
    /// one per changed line; none when it has it already, or when the buffer is not a plan file.
    /// The request's tab size and spaces are not asked: planc has one layout.
    func formatting(_ params: [String: Any]) -> Any {
        guard let root, let path = ((params["textDocument"] as? [String: Any])?["uri"] as? String).flatMap(Self.path(uri:)),
              let text = documents[path], let loaded = load() else { return [Any]() }
        let editable = EditablePlan(loaded, root: root, today: today, cache: &cache)
        guard let formatted = PlanFormat.formatted(path, in: editable) else { return [Any]() }
        // The loader drops a byte order mark; the buffer keeps it.
        let mark = text.hasPrefix("\u{FEFF}") ? "\u{FEFF}" : ""
        guard Array(text.utf8.dropFirst(mark.utf8.count)) == editable.loaded.files.first(where: { $0.path == path })?.bytes else {
            return [Any]()
        }
        return Self.lineEdits(from: text, to: mark + String(decoding: formatted, as: UTF8.self))
    }

    /// `textDocument/rangeFormatting`: the edits of `formatting` on the lines the range touches.
    /// `planc fmt` changes entries line by line, so a line's layout never depends on another's.
    func rangeFormatting(_ params: [String: Any]) -> Any {
        guard let range = params["range"] as? [String: Any],
              let first = (range["start"] as? [String: Any])?["line"] as? Int,
              let last = (range["end"] as? [String: Any])?["line"] as? Int,
              let edits = formatting(params) as? [[String: Any]] else { return [Any]() }
        return edits.filter { edit in
            let start = ((edit["range"] as? [String: Any])?["start"] as? [String: Any])?["line"] as? Int ?? -1
            let end = ((edit["range"] as? [String: Any])?["end"] as? [String: Any])?["line"] as? Int ?? Int.max
            // A whole-text edit (line endings changed) is not one of the range's lines.
            return start >= first && end <= last
        }
    }
}
