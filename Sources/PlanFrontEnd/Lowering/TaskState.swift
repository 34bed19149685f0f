import PlanModel

/// A task's state from what its line writes, and every way those facts contradict each other.
/// The rule itself is `TaskStateRule.state` in the model, the one place the scheduler's reading
/// (`PlanTask.workStage`) also comes from; this adds what only the front end can say: where in the
/// file a contradiction is, and how to fix it.
enum TaskStateReading {
    /// The facts written on one task line, where they were written.
    struct Facts {
        var status: (state: TaskState, range: SourceRange)?
        var checkbox: Bool?
        var checkboxRange: SourceRange?
        /// A percentage from 0 to 100 (one out of range is reported, not stored).
        var percent: Double?
        var percentRange: SourceRange?
        var actualStart: Day?
        var actualFinish: Day?
        var titleRange: SourceRange
    }

    static func decide(_ facts: Facts) -> (state: TaskState, diagnostics: [Diagnostic]) {
        var diagnostics = DiagnosticBag()
        let state = TaskStateRule.state(status: facts.status?.state, checkbox: facts.checkbox, percent: facts.percent,
                                        actualStart: facts.actualStart)
        if let (status, range) = facts.status {
            if facts.checkbox == true, status != .done, status != .cancelled {
                diagnostics.report(.progressContradictsState, "the box is ticked but the status is \(status.rawValue)", at: range,
                                   hint: "untick the box, or set status:done")
            } else if facts.checkbox == false, status == .done {
                diagnostics.report(.progressContradictsState, "status is done but the box is not ticked", at: facts.checkboxRange ?? range,
                                   hint: "tick the box: [x]", fixIts: tickTheBox(facts))
            }
        }
        if let percent = facts.percent {
            if state == .done, percent < 100 {
                diagnostics.report(.progressContradictsState, "the task is done but only \(format(percent))% complete",
                                   at: facts.percentRange ?? facts.titleRange, hint: "remove the percentage, or untick the box")
            } else if facts.checkbox == false, percent >= 100 {
                diagnostics.report(.progressContradictsState, "100% complete but the box is not ticked", at: facts.checkboxRange ?? facts.titleRange,
                                   hint: "tick the box: [x]", fixIts: tickTheBox(facts))
            }
        }
        if facts.actualFinish != nil, state != .done, state != .cancelled {
            diagnostics.report(.progressContradictsState, "the task has a finished date but is not done", at: facts.titleRange,
                               hint: "tick the box, or remove `finished:`")
        }
        return (state, diagnostics.items)
    }

    /// `[ ]` becomes `[x]`: where the other facts already say done, ticking agrees with them and
    /// changes nothing else (the same byte `planc done` changes).
    static func tickTheBox(_ facts: Facts) -> [Diagnostic.FixIt] {
        guard let box = facts.checkboxRange, box.start.line == box.end.line, box.end.column - box.start.column == 3 else { return [] }
        let inside = SourceRange(file: box.file, line: box.start.line, column: box.start.column + 1, length: 1)
        return [Diagnostic.FixIt("tick the box", replacing: inside, with: "x")]
    }

    /// `40`, `62.5`: a percentage as written in a message.
    private static func format(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(value)
    }
}
