import Foundation
import PlanEdit
import PlanModel

/// The kinds of code action the server offers.
enum CodeActionKind {
    /// A diagnostic's fix-it ("did you mean …?").
    static let quickFix = "quickfix"
    /// An edit of the task on the cursor's line, as `planc done` and `planc progress` make it:
    /// not a fix, a change of the plan's facts.
    static let taskEdit = "refactor.rewrite"
}

extension LanguageServer {
    /// `textDocument/codeAction`: a quick fix per fix-it of the diagnostics in the request's
    /// context, then, on a task line, "Mark done today" and "Set progress to N%". Every action
    /// carries its edit; the server writes no file, the editor applies the edit to its buffer.
    func codeActions(_ params: [String: Any]) -> Any {
        guard let uri = (params["textDocument"] as? [String: Any])?["uri"] as? String,
              let path = Self.path(uri: uri) else { return [Any]() }
        let context = params["context"] as? [String: Any]
        let only = context?["only"] as? [String]
        func wanted(_ kind: String) -> Bool {
            only.map { kinds in kinds.contains { kind == $0 || kind.hasPrefix($0 + ".") } } ?? true
        }
        var actions: [[String: Any]] = []
        if wanted(CodeActionKind.quickFix) {
            var diagnostics = context?["diagnostics"] as? [[String: Any]] ?? []
            // A client that sends no diagnostics (a "fix this line" command, a script) gets the
            // fixes of the server's own diagnostics on the lines of the range.
            if diagnostics.isEmpty, let range = params["range"] as? [String: Any] {
                diagnostics = self.diagnostics(overlapping: range, in: path)
            }
            for diagnostic in diagnostics {
                let fixes = fixIts(of: diagnostic, in: path)
                for fix in fixes {
                    actions.append([
                        "title": fix["message"] as? String ?? "apply the fix",
                        "kind": CodeActionKind.quickFix,
                        "diagnostics": [diagnostic],
                        // One suggestion is the likely fix; several leave the choice to the person.
                        "isPreferred": fixes.count == 1,
                        "edit": ["changes": [uri: [["range": fix["range"] ?? [:], "newText": fix["newText"] ?? ""]]]],
                    ])
                }
            }
        }
        if wanted(CodeActionKind.taskEdit),
           let line = ((params["range"] as? [String: Any])?["start"] as? [String: Any])?["line"] as? Int {
            actions += taskActions(onLine: line, path: path, uri: uri)
        }
        return actions
    }

    /// The published diagnostics of `path` on the lines `range` spans (LSP's 0-based lines).
    private func diagnostics(overlapping range: [String: Any], in path: String) -> [[String: Any]] {
        guard let first = (range["start"] as? [String: Any])?["line"] as? Int,
              let last = (range["end"] as? [String: Any])?["line"] as? Int else { return [] }
        return (compiled?.diagnostics ?? []).compactMap { diagnostic in
            // Source lines are 1-based.
            guard let place = diagnostic.range, place.file == path,
                  place.start.line - 1 <= last, place.end.line - 1 >= first else { return nil }
            return lspDiagnostic(diagnostic, place)
        }
    }

    /// A fix-it as LSP data: its message, the range in the buffer (UTF-16) and the new text.
    func lspFixIt(_ fix: Diagnostic.FixIt) -> [String: Any] {
        ["message": fix.message, "range": lspRange(fix.range), "newText": fix.replacement]
    }

    /// The fix-its a published diagnostic carries in `data`; for a client that drops `data`, the
    /// ones of the compiled diagnostic with the same code and range.
    private func fixIts(of diagnostic: [String: Any], in path: String) -> [[String: Any]] {
        guard diagnostic["source"] as? String == "planc" else { return [] }
        if let fixes = (diagnostic["data"] as? [String: Any])?["fixIts"] as? [[String: Any]] { return fixes }
        guard let code = diagnostic["code"] as? String, let range = diagnostic["range"] as? [String: Any] else { return [] }
        let same = compiled?.diagnostics.first { candidate in
            guard let place = candidate.range, place.file == path, candidate.code.rawValue == code else { return false }
            return NSDictionary(dictionary: lspRange(place)).isEqual(to: range)
        }
        return same?.fixIts.map(lspFixIt) ?? []
    }

    /// On the first line of a task that is still open and has no subtasks: mark it done today,
    /// and set its progress to the quarter marks above what it says now (25%, 50%, 75%): the
    /// steps a project manager records between "started" and "done".
    private func taskActions(onLine line: Int, path: String, uri: String) -> [[String: Any]] {
        guard let compiled, let root, let text = documents[path],
              let index = tasks(in: path).first(where: { $0.line == line })?.index else { return [] }
        let task = compiled.plan.tasks[index]
        guard task.children.isEmpty, task.state != .done, task.state != .cancelled, let loaded = load() else { return [] }
        let editable = EditablePlan(loaded, root: root, today: today, cache: &cache)
        // `project/id`: ids may repeat across projects.
        let reference = compiled.plan.projects[task.projectIndex].id + "/" + task.id
        var actions: [[String: Any]] = []
        if let edit = bufferEdit(.task(reference, .done(on: nil)), in: editable, path: path, text: text) {
            actions.append(["title": "Mark done today (\(today.iso))", "kind": CodeActionKind.taskEdit,
                            "edit": ["changes": [uri: edit]]])
        }
        if task.kind != .milestone {
            let current = task.percentComplete ?? 0
            for percent in [25, 50, 75] where Double(percent) > current {
                if let edit = bufferEdit(.task(reference, .progress(percent: "\(percent)%", spent: nil)), in: editable, path: path, text: text) {
                    actions.append(["title": "Set progress to \(percent)%", "kind": CodeActionKind.taskEdit,
                                    "edit": ["changes": [uri: edit]]])
                }
            }
        }
        return actions
    }

    /// The TextEdits that make `request` on the buffer `text` of `path`: PlanEdit's replacements,
    /// the bytes `planc done` and `planc progress` write, as edits of the changed lines. Nil when
    /// the edit cannot be made, changes nothing, or touches another file.
    private func bufferEdit(_ request: EditRequest, in editable: EditablePlan, path: String, text: String) -> [[String: Any]]? {
        guard let (file, replacements) = try? editable.edit(request, today: today), file.path == path, !replacements.isEmpty else { return nil }
        // The loader drops a byte order mark; the buffer keeps it.
        let mark = text.hasPrefix("\u{FEFF}") ? "\u{FEFF}" : ""
        guard Array(text.utf8.dropFirst(mark.utf8.count)) == file.bytes else { return nil }
        let edited = mark + String(decoding: ByteReplacement.apply(replacements, to: file.bytes), as: UTF8.self)
        let edits = Self.lineEdits(from: text, to: edited)
        return edits.isEmpty ? nil : edits
    }

    /// Edits that turn `old` into `new`: one per changed line when both have the same lines (an
    /// entry edit or `planc fmt` keeps each line one line), else one edit of the whole text.
    /// Lines are compared byte for byte: Swift's `==` on strings would call "é" and "e" with a
    /// combining accent equal.
    static func lineEdits(from old: String, to new: String) -> [[String: Any]] {
        guard !old.utf8.elementsEqual(new.utf8) else { return [] }
        let before = LineTable(old), after = LineTable(new)
        func range(_ first: (Int, Int), _ last: (Int, Int)) -> [String: Any] {
            ["start": ["line": first.0, "character": first.1], "end": ["line": last.0, "character": last.1]]
        }
        var edits: [[String: Any]] = []
        if before.lines.count == after.lines.count {
            for (line, (a, b)) in zip(before.lines, after.lines).enumerated() where !a.utf8.elementsEqual(b.utf8) {
                edits.append(["range": range((line, 0), (line, before.length(ofLine: line))), "newText": String(b)])
            }
        }
        // Same lines but different text: the line endings changed, which only a whole edit says.
        if edits.isEmpty {
            let last = before.lines.count - 1
            edits = [["range": range((0, 0), (last, before.length(ofLine: last))), "newText": new]]
        }
        return edits
    }
}
