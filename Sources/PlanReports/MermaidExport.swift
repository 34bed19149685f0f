import PlanAnalysis
import PlanModel

/// `planc export --format mermaid`: one fenced ```mermaid gantt block per project, as GitHub
/// renders it. Every task gets an explicit id and explicit `YYYY-MM-DD` start and end dates, so
/// Mermaid never computes dates itself (it does not know the plan's calendar); work packages become
/// sections; titles lose `:`, `#` and `;`, which Mermaid's grammar reserves.
public enum MermaidExport {
    public static func render(_ context: ReportContext, projects: [Int]) -> String {
        projects.map { block($0, context) }.joined(separator: "\n")
    }

    static func block(_ projectIndex: Int, _ context: ReportContext) -> String {
        let plan = context.plan
        let project = plan.projects[projectIndex]
        var lines = ["```mermaid", "gantt", "    title \(title(project.title))", "    dateFormat YYYY-MM-DD"]
        var usedIDs: Set<String> = []
        var sectionOpen = false
        let range = project.taskRange.clamped(to: plan.tasks.indices)

        // Leaves directly under the project come first, in a section named after the project;
        // then one section per summary task, holding its leaf children. Mermaid has no tag for
        // cancelled work, and a bar would read as work: cancelled tasks are left out, named in a
        // comment where they would be.
        func emit(_ leaves: [Int], section: String) {
            let cancelled = leaves.filter { plan.tasks[$0].state == .cancelled }
            let work = leaves.filter { plan.tasks[$0].state != .cancelled }
            if !work.isEmpty {
                lines.append("    section \(section)")
                sectionOpen = true
            }
            for index in work { if let line = taskLine(index, context, &usedIDs) { lines.append(line) } }
            for index in cancelled {
                lines.append("    %% cancelled, left out: \(title(plan.tasks[index].title)) (\(context.qualifiedID(index)))")
            }
        }
        emit(range.filter { plan.tasks[$0].parent == nil && Analyzer.isLeaf(plan.tasks[$0]) }, section: title(project.title))
        for index in range where !Analyzer.isLeaf(plan.tasks[index]) {
            let leaves = plan.tasks[index].children.filter { plan.tasks.indices.contains($0) && Analyzer.isLeaf(plan.tasks[$0]) }
            emit(leaves, section: sectionTitle(index, plan))
        }
        if !sectionOpen { lines.append("    section \(title(project.title))") }
        lines.append("```")
        return lines.joined(separator: "\n") + "\n"
    }

    /// `Build / Backend`: the path of package titles, since Mermaid sections do not nest.
    static func sectionTitle(_ index: Int, _ plan: Plan) -> String {
        var names: [String] = []
        var current: Int? = index
        while let step = current, plan.tasks.indices.contains(step), names.count < 16 {
            names.append(title(plan.tasks[step].title))
            current = plan.tasks[step].parent
        }
        return names.reversed().joined(separator: " / ")
    }

    static func taskLine(_ index: Int, _ context: ReportContext, _ used: inout Set<String>) -> String? {
        let task = context.plan.tasks[index]
        guard let slot = context.slot(index) else { return nil }
        var tags: [String] = []
        if slot.isCritical || context.isLate(index) { tags.append("crit") }
        if task.state == .done { tags.append("done") } else if task.state == .inProgress { tags.append("active") }
        var id = mermaidID(context.qualifiedID(index))
        if used.contains(id) {
            var suffix = 2
            while used.contains("\(id)-\(suffix)") { suffix += 1 }
            id = "\(id)-\(suffix)"
        }
        used.insert(id)
        var name = title(task.title).isEmpty ? id : title(task.title)
        if needsGuard(name) { name = "\u{200B}" + name }
        if task.kind == .milestone {
            return "    \(name) :" + (["milestone"] + tags + [id, slot.finish.iso, "0d"]).joined(separator: ", ")
        }
        // Mermaid's end date is exclusive: the bar ends where the next day begins.
        return "    \(name) :" + (tags + [id, slot.start.iso, slot.finish.adding(days: 1).iso]).joined(separator: ", ")
    }

    /// Mermaid's gantt lexer is case-insensitive and tries its keyword rules before the task-text
    /// rule, so a title that starts with a keyword (`Section review`, `Click tracking`), a date or
    /// `%` (a comment) would not be read as a task.
    static let keywords = ["gantt", "dateformat", "inclusiveenddates", "topaxis", "axisformat", "tickinterval",
                           "includes", "excludes", "todaymarker", "title", "accdescription", "acctitle", "accdescr",
                           "section", "click", "weekday", "weekend"]

    /// Whether a title needs a zero-width space in front (not whitespace to Mermaid, invisible when
    /// rendered) to stay a task title.
    static func needsGuard(_ title: String) -> Bool {
        let lowered = title.lowercased()
        if lowered.hasPrefix("%") { return true }
        let head = Array(lowered.unicodeScalars.prefix(11))
        if head.count >= 10, head[0..<10].enumerated().allSatisfy({ [4, 7].contains($0.offset) ? $0.element == "-" : ("0"..."9").contains($0.element) }) {
            return true
        }
        return keywords.contains { keyword in
            guard lowered.hasPrefix(keyword) else { return false }
            // Keyword rules end in \s or \b: anything but a word character after the keyword counts.
            guard let next = lowered.dropFirst(keyword.count).first else { return true }
            return !(next.isLetter || next.isNumber || next == "_")
        }
    }

    /// Letters, digits, `_` and `-` only, starting with a letter: `crm/design.v2` -> `crm_design_v2`.
    static func mermaidID(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            let isAllowed = (scalar.value >= 48 && scalar.value <= 57) || (scalar.value >= 65 && scalar.value <= 90)
                || (scalar.value >= 97 && scalar.value <= 122) || scalar == "-"
            out += isAllowed ? String(scalar) : "_"
        }
        if let first = out.unicodeScalars.first, !(first.properties.isAlphabetic && first.isASCII) { out = "t" + out }
        return out
    }

    /// A title Mermaid cannot misread: no `:`, `#` or `;`, no line breaks, single spaces.
    static func title(_ text: String) -> String {
        var out = ""
        for character in text {
            switch character {
            case ":", "#", ";": continue
            case "\n", "\r\n", "\r", "\t": out += " "
            default: out.append(character)
            }
        }
        return out.split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ")
    }
}
