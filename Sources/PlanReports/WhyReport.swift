import PlanAnalysis
import PlanModel

/// `planc why TASK`: a task's dates, slack and flags, the constraint that sets its start, the
/// driving chain back to what started it (MS Project's Task Path), and the tasks it drives.
/// Every reason is `DateExplanationText`'s, the same words the Gantt, status and site use.
public enum WhyReport {
    /// The task named by `reference`: its id, or `project/id` when ids repeat across projects.
    public static func resolve(_ reference: String, _ context: ReportContext) throws(ReportError) -> Int {
        try TaskFilter.resolveTask(reference, context, among: Array(context.plan.projects.indices), what: "task")
    }

    public static func render(_ context: ReportContext, task: Int, style: TerminalStyle) -> String {
        let plan = context.plan
        let words = DateExplanationText(context)
        let item = plan.tasks[task]
        let width = style.width
        var lines: [String] = []
        func paragraph(_ text: String, indent: Int = 2, hanging: Int = 2) {
            for (offset, line) in TerminalText.wrap(style.text(text), width: width - indent, indent: hanging, ascii: style.ascii).enumerated() {
                lines.append(String(repeating: " ", count: indent) + line)
            }
        }
        func heading(_ text: String) { lines.append(""); lines.append(style.paint(text, .bold)) }
        /// Steps of a list: dates and id in aligned columns, the reason wrapped beside them.
        func steps(_ tasks: [Int], _ reason: (Int) -> String) {
            let dates = tasks.map { stepDates($0, context) }
            let ids = tasks.map { style.text(plan.tasks[$0].id) }
            let datesWidth = dates.map { TerminalText.width($0) }.max() ?? 0
            let idWidth = min(ids.map { TerminalText.width($0) }.max() ?? 0, 28)
            var left = 2 + datesWidth + 2 + idWidth + 2
            if width - left < 30 { left = 6 }
            for (offset, task) in tasks.enumerated() {
                let head = "  " + TerminalText.fit(dates[offset], datesWidth) + "  " + TerminalText.fit(ids[offset], idWidth, ascii: style.ascii) + "  "
                let wrapped = TerminalText.wrap(style.text(reason(task)), width: width - left, indent: 0, ascii: style.ascii)
                if left == 6 { lines.append(head) }
                for (number, line) in wrapped.enumerated() where !line.isEmpty {
                    lines.append((number == 0 && left != 6 ? head : String(repeating: " ", count: left)) + line)
                }
            }
        }

        lines.append(style.paint(style.text(item.title), .bold) + " (\(context.qualifiedID(task)))")
        guard let slot = context.slot(task) else {
            paragraph("not scheduled")
            return finish(lines, style)
        }
        paragraph(datesLine(task, slot, context))
        var flags = ["slack \(days(slot.totalSlack)) (free \(slot.freeSlack))"]
        if slot.isCritical { flags.append(style.paint("critical", .red)) }
        if slot.isFixedDate { flags.append("fixed date") }
        if context.isLate(task) { flags.append(style.paint("late", .boldRed)) }
        lines.append("  " + flags.joined(separator: ", "))

        guard let sentence = words.sentence(task) else {
            heading("Why")
            paragraph("No explanation recorded: this schedule does not say which constraint sets each start.")
            let successors = plan.tasks.indices.filter { plan.tasks[$0].dependencies.contains { $0.predecessor == task } }
            if !successors.isEmpty {
                heading("Successors")
                steps(successors) { successor in
                    plan.tasks[successor].dependencies.filter { $0.predecessor == task }
                        .map { DateExplanationText.linkLabel($0.kind, lagDays: $0.lagDays) }.joined(separator: ", ")
                }
            }
            return finish(lines, style)
        }
        heading("Why")
        paragraph(sentence)
        if let blocked = words.blockedNote(task: task) { paragraph(style.paint(blocked, .yellow)) }

        let chain = context.schedule.drivingChain(of: task)
        heading(chain.count > 1 ? "Driving chain (\(chain.count) steps, from the start)" : "Driving chain")
        steps(chain) { words.reason($0) ?? "no explanation recorded" }

        let driven = context.schedule.driven(by: task)
        heading(driven.isEmpty ? "Drives no task's start" : "Drives (\(driven.count))")
        steps(driven) { words.reason($0) ?? "" }
        return finish(lines, style)
    }

    /// `--format json`: the same facts for tools, with `drivenBy` objects as in the JSON export.
    public static func json(_ context: ReportContext, task: Int) -> String {
        let words = DateExplanationText(context)
        func entry(_ index: Int, withDrivenBy: Bool) -> JSONValue {
            var members: [(String, JSONValue)] = [
                ("task", .string(context.qualifiedID(index))),
                ("title", .string(context.plan.tasks[index].title)),
                ("start", .optional(context.slot(index)?.start)),
                ("finish", .optional(context.slot(index)?.finish)),
                ("reason", .optional(words.reason(index))),
            ]
            if withDrivenBy { members.append(("drivenBy", JSONExport.drivenBy(index, context))) }
            return .object(members)
        }
        let slot = context.slot(task)
        let hasExplanations = words.explanation(task) != nil
        let document = JSONValue.object([
            ("task", .string(context.qualifiedID(task))),
            ("title", .string(context.plan.tasks[task].title)),
            ("start", .optional(slot?.start)),
            ("finish", .optional(slot?.finish)),
            ("totalSlack", .optional(slot?.totalSlack)),
            ("freeSlack", .optional(slot?.freeSlack)),
            ("critical", .bool(slot?.isCritical ?? false)),
            ("fixedDate", .bool(slot?.isFixedDate ?? false)),
            ("late", .bool(context.isLate(task))),
            ("explanation", .optional(words.sentence(task))),
            ("dependsOnBlocked", .array(words.blockers(of: task).map { .string(context.qualifiedID($0)) })),
            ("drivenBy", JSONExport.drivenBy(task, context)),
            ("chain", .array(hasExplanations ? context.schedule.drivingChain(of: task).map { entry($0, withDrivenBy: true) } : [])),
            ("drives", .array(context.schedule.driven(by: task).map { entry($0, withDrivenBy: false) })),
        ])
        return document.rendered()
    }

    /// "Mon 2 Feb 2026 – Wed 11 Feb 2026 (8 working days)"; a milestone's one day.
    static func datesLine(_ task: Int, _ slot: TaskSchedule, _ context: ReportContext) -> String {
        if context.isMilestone(task) { return "milestone " + DayText.weekday(slot.finish) }
        let working = context.calendar(ofTask: task).workingDays(in: slot.start, through: slot.finish)
        return "\(DayText.weekday(slot.start)) – \(DayText.weekday(slot.finish)) (\(days(working)))"
    }

    /// A step's dates: `9–17 Jul`, the year only when it is not today's.
    static func stepDates(_ task: Int, _ context: ReportContext) -> String {
        context.slot(task).map { DayText.range($0.start, $0.finish, yearUnlessSameAs: context.schedule.today) } ?? "not scheduled"
    }

    static func days(_ count: Int) -> String { NumberText.count(count, "working day") }

    static func finish(_ lines: [String], _ style: TerminalStyle) -> String {
        lines.map { $0.trailingTrimmed }.joined(separator: "\n") + "\n"
    }
}
