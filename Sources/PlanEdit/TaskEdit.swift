import PlanFrontEnd
import PlanModel

/// An edit of one task's line, as the command line asks for it (docs/editing.md).
public enum TaskEdit: Sendable, Equatable {
    /// `planc done ID [--on DATE]`: ticked (or `status:done`), `finished:DATE`, no contradicting
    /// percentage or status.
    case done(on: Day?)
    /// `planc progress ID 60% [--spent 3d]`.
    case progress(percent: String, spent: String?)
    /// `planc set ID key:value…`.
    case set([String])
    /// `planc unset ID key…`.
    case unset([String])
}

/// What an edit needs to know about the task besides its line.
struct TaskFacts: Sendable {
    var id: String
    var isPackage: Bool
    var hasChildren: Bool
    var kind: TaskKind
    var state: TaskState
    var tracksActuals: Bool
    var today: Day
}

enum TaskEdits {
    /// The byte replacements that make `edit` on the task whose first line is `line`; none when
    /// the task already says what the edit asks.
    static func replacements(_ edit: TaskEdit, line: EntryLine, task: TaskFacts) throws -> [ByteReplacement] {
        var changes = EntryLine.TokenChanges()
        var result: [ByteReplacement] = []
        switch edit {
        case .done(let on):
            try requireLeaf(task, doing: "mark done")
            if task.state == .cancelled {
                throw EditError("'\(task.id)' is cancelled; change its status first (`planc set \(task.id) status:todo`)")
            }
            let hasFinished = line.tokens.contains { $0.key == "finished" }
            if task.state == .done, on == nil, hasFinished { return [] }
            let day = on ?? task.today
            if let box = line.checkbox {
                // A ticked box says done; any other status would contradict it (P305).
                changes.remove(in: line) { $0.key == "status" && $0.value?.lowercased() != "done" }
                if box.count == 3, !line.isTicked {
                    // `[ ]` becomes `[x]`; `[x]` and `[X]` stay as written.
                    result.append(ByteReplacement((box.lowerBound + 1)..<(box.lowerBound + 2), "x"))
                }
            } else {
                changes.put("status:done", in: line) { $0.key == "status" }
            }
            changes.remove(in: line) { token in
                guard case .percent(let text) = token.form, let value = Double(String(text.map { $0 == "," ? "." : $0 })) else { return false }
                return value < 100
            }
            changes.put("finished:\(day.iso)", in: line) { $0.key == "finished" }
        case .progress(let percentText, let spent):
            try requireLeaf(task, doing: "record progress on")
            if task.kind == .milestone {
                throw EditError("'\(task.id)' is a milestone: it is reached or not; use `planc done \(task.id)`")
            }
            if task.state == .done || task.state == .cancelled {
                throw EditError("'\(task.id)' is \(task.state.rawValue); reopen it first (untick the box or `planc unset \(task.id) status finished`)")
            }
            let percent = try Self.percent(percentText)
            changes.put("\(percent.text)%", in: line) { $0.key == "progress" }
            if percent.value > 0 {
                changes.remove(in: line) { $0.key == "status" && $0.value?.lowercased() == "todo" }
            }
            if let spent {
                guard EditVocabulary.isAmount(spent) else {
                    throw EditError("--spent takes a work amount such as 3d, 0.5d, 16h or 2w, got '\(spent)'")
                }
                changes.put("spent:\(spent)", in: line) { $0.key == "spent" }
            }
            if percent.value > 0, task.tracksActuals, !line.tokens.contains(where: { $0.key == "started" }) {
                changes.put("started:\(task.today.iso)", in: line) { $0.key == "started" }
            }
        case .set(let assignments):
            let known = task.isPackage ? EditVocabulary.packageKeys : EditVocabulary.taskKeys
            var order: [String] = []
            var values: [String: String] = [:]
            for assignment in assignments {
                guard let colon = assignment.firstIndex(of: ":"), colon != assignment.startIndex else {
                    throw EditError("'\(assignment)' is not key:value; `planc set` writes named attributes such as due:2026-10-30 or priority:high")
                }
                let key = assignment[..<colon].lowercased()
                var value = String(assignment[assignment.index(after: colon)...])
                try requireKnown(key, known, task: task)
                guard !value.isEmpty else { throw EditError("'\(assignment)' has no value; remove an attribute with `planc unset \(task.id) \(key)`") }
                if value.contains(where: { $0 == " " || $0 == "\t" }), !(value.hasPrefix("\"") && value.hasSuffix("\"")) {
                    guard !value.contains("\"") else { throw EditError("a value with spaces is written in double quotes and cannot hold one: '\(value)'") }
                    value = "\"\(value)\""
                }
                guard !value.contains(where: { $0 == "\n" || $0 == "\r" }) else { throw EditError("a value is one line: '\(key)'") }
                // The line splits at its last ` — `: a value holding one would split it again.
                guard !value.contains(" — "), !value.contains(" -- ") else {
                    throw EditError("a value cannot hold ' — ' or ' -- ', which separate a title from its attributes: '\(assignment)'")
                }
                if values[key] == nil { order.append(key) }
                values[key] = value
            }
            for key in order {
                // A bare `8d` stays bare: the line keeps its style.
                let bare = key == "effort" && line.tokens.first { $0.key == key }.map { if case .amount = $0.form { true } else { false } } == true
                changes.put(bare ? values[key]! : "\(key):\(values[key]!)", in: line) { $0.key == key }
            }
        case .unset(let keys):
            let known = (task.isPackage ? EditVocabulary.packageKeys : EditVocabulary.taskKeys + EditVocabulary.taskWords) + ["progress"]
            for key in keys.map({ $0.lowercased() }) {
                try requireKnown(key, known, task: task)
                changes.remove(in: line) { $0.key == key }
            }
        }
        return result + line.replacements(changes)
    }

    static func requireLeaf(_ task: TaskFacts, doing what: String) throws {
        if task.isPackage {
            throw EditError("'\(task.id)' is a work package: its state is rolled up from its tasks; \(what) those instead")
        }
        if task.hasChildren {
            throw EditError("'\(task.id)' has subtasks: its state is rolled up from them; \(what) those instead")
        }
    }

    static func requireKnown(_ key: String, _ known: [String], task: TaskFacts) throws {
        guard known.contains(key) else {
            let what = task.isPackage ? "a work package" : "a task"
            let hint = Suggest.closest(to: key, among: known).map { "; did you mean '\($0)'?" } ?? ""
            throw EditError("unknown attribute '\(key)' for \(what)\(hint) (known: \(known.joined(separator: ", ")))")
        }
    }

    /// `60%` or `60`: a percentage from 0 to below 100, written back as given (`62.5`).
    static func percent(_ text: String) throws -> (text: String, value: Double) {
        let number = text.hasSuffix("%") ? String(text.dropLast()) : text
        guard !number.isEmpty, number.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == ".") }), let value = Double(number) else {
            throw EditError("progress is a percentage such as 60% or 62.5%, got '\(text)'")
        }
        guard value < 100 else { throw EditError("100% is done: use `planc done`") }
        return (number, value)
    }
}
