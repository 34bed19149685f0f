import PlanAnalysis
import PlanModel

/// Two versions of the plan compared (`PlanChanges`), with what was compared: the revisions and
/// the day both were judged on.
public struct PlanDiff: Sendable {
    /// One side of the comparison: a revision as the user named it (or `working tree`) and the
    /// commit it resolved to (nil for the files on disk).
    public struct Side: Sendable, Hashable {
        public var name: String
        public var commit: String?
        public init(name: String, commit: String?) { self.name = name; self.commit = commit }
        /// `origin/main (1a2b3c4)`, `working tree`.
        public var label: String { commit.map { "\(name) (\($0.prefix(7)))" } ?? name }
    }

    public var changes: PlanChanges
    public var base: Side
    public var head: Side
    public var today: Day

    public init(changes: PlanChanges, base: Side, head: Side, today: Day) {
        self.changes = changes; self.base = base; self.head = head; self.today = today
    }
}

public enum PlanDiffFormat: String, CaseIterable, Sendable {
    case human, markdown, json
}

/// `planc diff`: the impact of a plan change in the terminal, as a pull-request comment, or as
/// JSON (docs/json-schema.md, "planc diff --format json"). Renders, never compares.
public enum PlanDiffReport {
    public static let markdownMarker = "<!-- planc-diff -->"
    /// GitHub rejects comments over 65,536 characters; the Markdown stays under this many bytes.
    public static let markdownBudget = 60_000
    public static let jsonVersion = 1

    public static func render(_ diff: PlanDiff, format: PlanDiffFormat, style: TerminalStyle = TerminalStyle(), listLimit: Int = 20) -> String {
        switch format {
        case .human: human(diff, style: style, listLimit: listLimit)
        case .markdown: markdown(diff, listLimit: listLimit)
        case .json: json(diff)
        }
    }

    // MARK: Sentences shared by the formats

    /// The one-line verdict on a project, with its title already escaped for the output.
    static func summary(_ project: ProjectChanges, title: String, today: Day, escape: (String) -> String = { $0 }) -> String {
        var sentence = finishSummary(project, title: title, today: today)
        // The finish can hold while a milestone slips (buffer absorbs it): name the largest move.
        if project.kind == .changed, let milestone = project.milestones.max(by: { a, b in
            (a.move.slip, abs(a.move.workingDays ?? 0)) < (b.move.slip, abs(b.move.workingDays ?? 0))
        }), let from = milestone.move.from, let to = milestone.move.to {
            sentence += "; \(escape(milestone.task.title)) moves from \(pair(from, to, today)) (\(workingDays(milestone.move.workingDays ?? 0)))"
        }
        return sentence
    }

    static func finishSummary(_ project: ProjectChanges, title: String, today: Day) -> String {
        let finish = project.finish
        switch project.kind {
        case .added:
            return "New project \(title)" + (finish.to.map { ", finishing \(DayText.long($0))" } ?? "")
        case .removed:
            return "Project \(title) removed" + (finish.from.map { " (it was to finish \(DayText.long($0)))" } ?? "")
        case .changed, .unchanged:
            guard let from = finish.from, let to = finish.to else {
                if finish.to == nil && finish.from != nil { return "\(title): no schedule in the new version (the plan has errors)" }
                if finish.from == nil && finish.to != nil { return "\(title) finishes \(DayText.long(finish.to!)) (the old version had no schedule)" }
                return "\(title): no schedule in either version"
            }
            if from == to { return "\(title): finish unchanged (\(DayText.long(to)))" }
            return "\(title) finish moves from \(pair(from, to, today)) (\(workingDays(finish.workingDays ?? 0)))"
        }
    }

    /// `6 Nov to 11 Nov`: the year only when a day is not in the year of `today`.
    static func pair(_ from: Day, _ to: Day, _ today: Day) -> String {
        "\(day(from, today)) to \(day(to, today))"
    }

    static func arrow(_ move: DateMove, _ today: Day) -> String {
        "\(move.from.map { day($0, today) } ?? "—") → \(move.to.map { day($0, today) } ?? "—")"
    }

    /// `due 30 Oct → 4 Nov`, `due set to 4 Nov`, `due 30 Oct dropped`.
    static func due(_ change: TaskDueChange, _ today: Day) -> String {
        switch (change.from, change.to) {
        case let (from?, to?): return "due \(day(from, today)) → \(day(to, today))"
        case let (nil, to?): return "due set to \(day(to, today))"
        case let (from?, nil): return "due \(day(from, today)) dropped"
        case (nil, nil): return "due unchanged"
        }
    }

    static func day(_ day: Day, _ today: Day) -> String {
        day.components.year == today.components.year ? DayText.short(day) : DayText.long(day)
    }

    /// `+3 working days`, `-1 working day`.
    static func workingDays(_ days: Int) -> String {
        (days > 0 ? "+" : "") + NumberText.count(days, "working day")
    }

    static func signed(_ value: Double, _ text: (Double) -> String) -> String {
        (value > 0 ? "+" : "") + text(value)
    }

    static func effort(_ change: AmountChange) -> String {
        "\(NumberText.decimal(change.from)) → \(NumberText.decimal(change.to)) person-days (\(signed(change.delta, NumberText.decimal)))"
    }

    static func cost(_ change: AmountChange, _ currency: String?) -> String {
        "\(NumberText.grouped(change.from)) → \(NumberText.money(change.to, currency: currency)) (\(signed(change.delta, NumberText.grouped)))"
    }

    /// `dana, omar 50 %` (a person's share of a day when not full; a pool's heads when more than one).
    static func assignees(_ list: [AssigneeReference]) -> String {
        list.isEmpty ? "nobody" : list.map { $0.units == 1 ? $0.id : "\($0.id) \(NumberText.decimal($0.units))×" }.joined(separator: ", ")
    }

    /// What changed in a project besides its finish, counted: `2 milestones moved, critical path changed, 1 task added`.
    static func counts(_ project: ProjectChanges) -> [String] {
        var parts: [String] = []
        if !project.milestones.isEmpty { parts.append(NumberText.count(project.milestones.count, "milestone") + " moved") }
        if project.criticalPathChanged && project.kind == .changed { parts.append("critical path changed") }
        if project.effortDays.changed { parts.append("effort " + signed(project.effortDays.delta, NumberText.decimal) + " person-days") }
        if project.cost.changed { parts.append("cost " + signed(project.cost.delta, NumberText.grouped) + (project.currency.map { " " + $0 } ?? "")) }
        var tasks: [String] = []
        if project.kind == .changed {
            if !project.added.isEmpty { tasks.append("\(project.added.count) added") }
            if !project.removed.isEmpty { tasks.append("\(project.removed.count) removed") }
        }
        if !project.renamed.isEmpty { tasks.append("\(project.renamed.count) renamed") }
        if !project.reassigned.isEmpty { tasks.append("\(project.reassigned.count) re-assigned") }
        if !project.replanned.isEmpty { tasks.append("\(project.replanned.count) re-planned") }
        if !tasks.isEmpty { parts.append("tasks " + tasks.joined(separator: ", ")) }
        return parts
    }

    static func diagnosticCounts(_ changes: PlanChanges) -> String? {
        var parts: [String] = []
        if !changes.diagnosticsIntroduced.isEmpty { parts.append(NumberText.count(changes.diagnosticsIntroduced.count, "problem") + " introduced") }
        if !changes.diagnosticsFixed.isEmpty { parts.append(NumberText.count(changes.diagnosticsFixed.count, "problem") + " fixed") }
        return parts.isEmpty ? nil : "Diagnostics: " + parts.joined(separator: ", ")
    }

    static func location(_ diagnostic: Diagnostic) -> String {
        guard let range = diagnostic.range else { return "" }
        return "\(range.file):\(range.start.line):\(range.start.column): "
    }

    /// The first `limit` items and how many were left out.
    static func prefix<T>(_ items: [T], _ limit: Int) -> (shown: ArraySlice<T>, more: Int) {
        (items.prefix(max(limit, 1)), max(items.count - max(limit, 1), 0))
    }

    // MARK: Human

    public static func human(_ diff: PlanDiff, style: TerminalStyle = TerminalStyle(), listLimit: Int = 20) -> String {
        let changes = diff.changes
        var lines: [String] = []
        func text(_ value: String) -> String { style.text(value) }
        func moveText(_ move: DateMove) -> String {
            let days = move.workingDays ?? 0
            let words = workingDays(days)
            return arrow(move, diff.today) + "  " + style.paint(words, days > 0 ? .red : days < 0 ? .green : nil)
        }
        // The verdict first: one line per project that changed (every project when none did).
        let shown = changes.changedProjects.isEmpty ? changes.projects : changes.changedProjects
        for project in shown {
            let line = summary(project, title: text(project.title), today: diff.today, escape: text)
            lines.append(style.paint(line, project.largestSlip > 0 ? .boldRed : .bold))
        }
        if shown.isEmpty { lines.append(style.paint("No project in either version", .bold)) }
        let unchanged = changes.projects.count - shown.count
        if unchanged > 0 { lines.append(NumberText.count(unchanged, "other project") + " unchanged") }
        if let diagnostics = diagnosticCounts(changes) { lines.append(diagnostics) }
        lines.append(style.paint("Compared \(text(diff.base.label)) with \(text(diff.head.label)), both as of \(DayText.long(diff.today)).", .dim))

        for project in changes.changedProjects {
            lines.append("")
            lines.append(style.paint("\(text(project.title)) (\(project.id))", .bold) + (project.kind == .changed ? "" : "  " + project.kind.rawValue))
            if !project.milestones.isEmpty {
                lines.append("  Milestones")
                let (items, more) = prefix(project.milestones, listLimit)
                for milestone in items { lines.append("    \(text(milestone.task.title)) (\(milestone.task.id))  \(moveText(milestone.move))") }
                if more > 0 { lines.append("    and \(more) more") }
            }
            if project.criticalPathChanged && project.kind == .changed {
                lines.append("  Critical path")
                lines.append("    before  " + path(project.criticalPathBefore, listLimit))
                lines.append("    after   " + path(project.criticalPathAfter, listLimit))
            }
            if project.effortDays.changed { lines.append("  Effort  " + effort(project.effortDays)) }
            if project.cost.changed { lines.append("  Cost    " + cost(project.cost, project.currency)) }
            var tasks: [String] = []
            func list<T>(_ items: [T], _ sign: String, _ describe: (T) -> String) {
                let (shown, more) = prefix(items, listLimit)
                for item in shown { tasks.append("    \(sign) " + describe(item)) }
                if more > 0 { tasks.append("      and \(more) more") }
            }
            if project.kind == .changed {
                list(project.added, style.paint("+", .green)) { "added       \(text($0.title)) (\($0.id))" }
                list(project.removed, style.paint("-", .red)) { "removed     \(text($0.title)) (\($0.id))" }
            }
            list(project.renamed, "~") { "renamed     \($0.id): \(text($0.from)) → \(text($0.to))" }
            list(project.reassigned, "@") { "re-assigned \(text($0.task.title)) (\($0.task.id)): \(assignees($0.from)) → \(assignees($0.to))" }
            list(project.replanned, "↦") { "re-planned  \(text($0.task.title)) (\($0.task.id)): " + due($0, diff.today) }
            list(project.taskAmounts, "Δ") { change in
                let prefix = "estimate    "
                var parts: [String] = []
                if change.effortDays.changed { parts.append("effort " + effort(change.effortDays)) }
                if change.cost.changed { parts.append("cost " + cost(change.cost, project.currency)) }
                return prefix + "\(text(change.task.title)) (\(change.task.id)): " + parts.joined(separator: ", ")
            }
            if !tasks.isEmpty { lines.append("  Tasks"); lines += tasks }
        }
        for (title, items) in [("Diagnostics introduced", changes.diagnosticsIntroduced), ("Diagnostics fixed", changes.diagnosticsFixed)] where !items.isEmpty {
            lines.append("")
            lines.append(style.paint(title, .bold))
            let (shown, more) = prefix(items, listLimit)
            for d in shown { lines.append("  \(location(d))\(d.severity.rawValue) \(d.code.rawValue): \(text(d.message))") }
            if more > 0 { lines.append("  and \(more) more") }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// `a → b → c`, long paths cut in the middle.
    static func path(_ tasks: [TaskReference], _ limit: Int) -> String {
        if tasks.isEmpty { return "none" }
        let ids = tasks.map(\.id)
        guard ids.count > limit, limit >= 2 else { return ids.joined(separator: " → ") }
        let head = ids.prefix(limit / 2), tail = ids.suffix(limit - limit / 2)
        return (head + ["… \(ids.count - limit) more …"] + tail).joined(separator: " → ")
    }

    // MARK: Markdown

    /// A pull-request comment: the marker the workflow finds it by, a one-paragraph summary, then
    /// one `<details>` block per changed project and one for diagnostics. Every list is cut at
    /// `listLimit` items ("and N more") and whole blocks are left out past `markdownBudget` bytes,
    /// so the comment always fits GitHub's limit.
    public static func markdown(_ diff: PlanDiff, listLimit: Int = 20) -> String {
        let changes = diff.changes
        var head = [markdownMarker, "### Plan impact", ""]
        var sentences: [String] = []
        let shown = changes.changedProjects.isEmpty ? changes.projects : changes.changedProjects
        let (verdicts, moreProjects) = prefix(shown, 10)
        for project in verdicts {
            var sentence = summary(project, title: "**" + MarkdownText.inline(project.title) + "**", today: diff.today, escape: { MarkdownText.inline($0) })
            let parts = counts(project)
            if !parts.isEmpty { sentence += "; " + parts.joined(separator: ", ") }
            sentences.append(sentence + ".")
        }
        if moreProjects > 0 { sentences.append("And \(NumberText.count(moreProjects, "more project")) changed.") }
        if shown.isEmpty { sentences.append("No project in either version.") }
        let unchanged = changes.projects.count - shown.count
        if unchanged > 0 { sentences.append(NumberText.count(unchanged, "other project") + " unchanged.") }
        if let diagnostics = diagnosticCounts(changes) { sentences.append(diagnostics + ".") }
        if changes.isEmpty, !changes.projects.isEmpty { sentences.append("No change to dates, tasks, effort, cost or diagnostics.") }
        head.append(sentences.joined(separator: " "))
        head.append("")
        head.append("<sub>\(MarkdownText.inline(diff.base.label)) → \(MarkdownText.inline(diff.head.label)), both as of \(DayText.long(diff.today)) · `planc diff`</sub>")
        var document = head.joined(separator: "\n") + "\n"

        var blocks = changes.changedProjects.map { markdownProject($0, today: diff.today, listLimit: listLimit) }
        if let diagnostics = markdownDiagnostics(changes, listLimit: listLimit) { blocks.append(diagnostics) }
        let footroom = 200
        for (offset, block) in blocks.enumerated() {
            if document.utf8.count + 1 + block.utf8.count + footroom > markdownBudget {
                document += "\n_\(NumberText.count(blocks.count - offset, "more section")) left out to fit a comment; run `planc diff` for everything._\n"
                break
            }
            document += "\n" + block
        }
        return document
    }

    static func markdownProject(_ project: ProjectChanges, today: Day, listLimit: Int) -> String {
        let title = MarkdownText.inline(project.title)
        var parts = counts(project)
        if project.finish.moved, project.kind == .changed, let days = project.finish.workingDays { parts.insert("finish " + workingDays(days), at: 0) }
        if project.kind != .changed { parts.insert(project.kind.rawValue, at: 0) }
        var lines = ["<details><summary><b>\(MarkdownText.html(project.title))</b> (\(MarkdownText.html(project.id)))"
                     + (parts.isEmpty ? "" : ": " + MarkdownText.html(parts.joined(separator: ", "), limit: 1_000)) + "</summary>", ""]
        lines.append(summary(project, title: "**" + title + "**", today: today, escape: { MarkdownText.inline($0) }) + ".")
        func more(_ count: Int) { if count > 0 { lines += ["", "_and \(count) more_"] } }
        if !project.milestones.isEmpty {
            lines += ["", "| Milestone | Before | After | Move |", "|---|---|---|---|"]
            let (items, rest) = prefix(project.milestones, listLimit)
            for m in items {
                lines.append("| \(MarkdownText.inline(m.task.title)) \(MarkdownText.code(m.task.id)) | \(DayText.optional(m.move.from)) | \(DayText.optional(m.move.to)) | \(m.move.workingDays.map(workingDays) ?? "—") |")
            }
            more(rest)
        }
        if project.criticalPathChanged && project.kind == .changed {
            lines += ["", "**Critical path** before: " + markdownPath(project.criticalPathBefore, listLimit),
                      "", "**Critical path** after: " + markdownPath(project.criticalPathAfter, listLimit)]
        }
        if project.effortDays.changed || project.cost.changed {
            var totals: [String] = []
            if project.effortDays.changed { totals.append("**Effort** " + effort(project.effortDays)) }
            if project.cost.changed { totals.append("**Cost** " + cost(project.cost, project.currency)) }
            lines += ["", totals.joined(separator: " · ")]
        }
        if !project.taskAmounts.isEmpty {
            lines += ["", "| Task | Effort (person-days) | Cost |", "|---|---|---|"]
            let (items, rest) = prefix(project.taskAmounts, listLimit)
            for change in items {
                let e = change.effortDays
                let effortCell = e.changed ? "\(NumberText.decimal(e.from)) → \(NumberText.decimal(e.to)) (\(signed(e.delta, NumberText.decimal)))" : NumberText.decimal(e.to)
                let costCell = change.cost.changed ? cost(change.cost, project.currency) : NumberText.money(change.cost.to, currency: project.currency)
                lines.append("| \(MarkdownText.inline(change.task.title)) \(MarkdownText.code(change.task.id)) | \(effortCell) | \(costCell) |")
            }
            more(rest)
        }
        func list<T>(_ heading: String, _ items: [T], _ describe: (T) -> String) {
            guard !items.isEmpty else { return }
            lines += ["", "**\(heading)**", ""]
            let (shown, rest) = prefix(items, listLimit)
            for item in shown { lines.append("- " + describe(item)) }
            if rest > 0 { lines.append("- _and \(rest) more_") }
        }
        func reference(_ task: TaskReference) -> String { "\(MarkdownText.code(task.id)) \(MarkdownText.inline(task.title))" }
        if project.kind == .changed {
            list("Added", project.added, reference)
            list("Removed", project.removed, reference)
        }
        list("Re-planned", project.replanned) { "\(reference($0.task)): " + due($0, today) }
        list("Renamed", project.renamed) { "\(MarkdownText.code($0.id)) \(MarkdownText.inline($0.from)) → \(MarkdownText.inline($0.to))" }
        list("Re-assigned", project.reassigned) { change in
            func people(_ list: [AssigneeReference]) -> String {
                list.isEmpty ? "nobody" : list.map { MarkdownText.code($0.id) + ($0.units == 1 ? "" : " \(NumberText.decimal($0.units))×") }.joined(separator: ", ")
            }
            return "\(reference(change.task)): \(people(change.from)) → \(people(change.to))"
        }
        lines += ["", "</details>"]
        return lines.joined(separator: "\n") + "\n"
    }

    static func markdownPath(_ tasks: [TaskReference], _ limit: Int) -> String {
        if tasks.isEmpty { return "none" }
        let codes = tasks.map { MarkdownText.code($0.id) }
        guard codes.count > limit, limit >= 2 else { return codes.joined(separator: " → ") }
        return (codes.prefix(limit / 2) + ["… \(codes.count - limit) more …"] + codes.suffix(limit - limit / 2)).joined(separator: " → ")
    }

    static func markdownDiagnostics(_ changes: PlanChanges, listLimit: Int) -> String? {
        guard let counts = diagnosticCounts(changes) else { return nil }
        var lines = ["<details><summary>\(MarkdownText.html(counts))</summary>"]
        for (heading, items) in [("Introduced", changes.diagnosticsIntroduced), ("Fixed", changes.diagnosticsFixed)] where !items.isEmpty {
            lines += ["", "**\(heading)**", ""]
            let (shown, rest) = prefix(items, listLimit)
            for d in shown {
                let place = d.range.map { MarkdownText.code("\($0.file):\($0.start.line):\($0.start.column)") + " " } ?? ""
                lines.append("- \(place)\(d.severity.rawValue) \(MarkdownText.code(d.code.rawValue)): \(MarkdownText.inline(d.message, limit: 300))")
            }
            if rest > 0 { lines.append("- _and \(rest) more_") }
        }
        lines += ["", "</details>"]
        return lines.joined(separator: "\n") + "\n"
    }

    // MARK: JSON

    public static func json(_ diff: PlanDiff) -> String {
        let changes = diff.changes
        func side(_ side: PlanDiff.Side) -> JSONValue { .object([("name", .string(side.name)), ("commit", .optional(side.commit))]) }
        func move(_ move: DateMove) -> JSONValue {
            .object([("from", .optional(move.from)), ("to", .optional(move.to)), ("workingDays", .optional(move.workingDays))])
        }
        func amount(_ change: AmountChange) -> JSONValue { .object([("from", .number(change.from)), ("to", .number(change.to))]) }
        func task(_ task: TaskReference) -> JSONValue { .object([("id", .string(task.id)), ("title", .string(task.title))]) }
        func people(_ list: [AssigneeReference]) -> JSONValue {
            .array(list.map { .object([("id", .string($0.id)), ("units", .number($0.units))]) })
        }
        let projects: [JSONValue] = changes.projects.map { p in
            .object([
                ("id", .string(p.id)),
                ("title", .string(p.title)),
                ("change", .string(p.kind.rawValue)),
                ("finish", move(p.finish)),
                ("largestSlip", .int(p.largestSlip)),
                ("milestones", .array(p.milestones.map { m in
                    .object([("id", .string(m.task.id)), ("title", .string(m.task.title)), ("from", .optional(m.move.from)),
                             ("to", .optional(m.move.to)), ("workingDays", .optional(m.move.workingDays))])
                })),
                ("criticalPath", .object([("changed", .bool(p.criticalPathChanged)),
                                          ("before", .array(p.criticalPathBefore.map { .string($0.id) })),
                                          ("after", .array(p.criticalPathAfter.map { .string($0.id) }))])),
                ("effortDays", amount(p.effortDays)),
                ("cost", .object([("from", .number(p.cost.from)), ("to", .number(p.cost.to)), ("currency", .optional(p.currency))])),
                ("tasks", .object([
                    ("added", .array(p.added.map(task))),
                    ("removed", .array(p.removed.map(task))),
                    ("renamed", .array(p.renamed.map { .object([("id", .string($0.id)), ("from", .string($0.from)), ("to", .string($0.to))]) })),
                    ("reassigned", .array(p.reassigned.map {
                        .object([("id", .string($0.task.id)), ("title", .string($0.task.title)), ("from", people($0.from)), ("to", people($0.to))])
                    })),
                    ("replanned", .array(p.replanned.map {
                        .object([("id", .string($0.task.id)), ("title", .string($0.task.title)), ("from", .optional($0.from)), ("to", .optional($0.to))])
                    })),
                    ("amounts", .array(p.taskAmounts.map {
                        .object([("id", .string($0.task.id)), ("title", .string($0.task.title)),
                                 ("effortDays", amount($0.effortDays)), ("cost", amount($0.cost))])
                    })),
                ])),
            ])
        }
        return JSONValue.object([
            ("planDiffVersion", .int(jsonVersion)),
            ("generator", .string("planc")),
            ("today", .string(diff.today.iso)),
            ("base", side(diff.base)),
            ("head", side(diff.head)),
            ("largestSlip", .int(changes.largestSlip)),
            ("projects", .array(projects)),
            ("diagnostics", .object([
                ("introduced", .array(changes.diagnosticsIntroduced.map(JSONExport.diagnostic))),
                ("fixed", .array(changes.diagnosticsFixed.map(JSONExport.diagnostic))),
            ])),
        ]).rendered()
    }
}
