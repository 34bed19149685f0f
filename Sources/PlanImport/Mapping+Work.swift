import PlanFrontEnd
import PlanModel

/// The project file: metadata, the work breakdown (summary tasks as work packages), the notes.
extension Mapping {
    mutating func projectFile() throws(ImportError) -> String {
        // One summary task holding every other task is the project itself (planc's own export,
        // and MS Project files with a visible project summary): its name titles the plan.
        var top = roots
        var summary: MSPDIProject.Task?
        if roots.count == 1, isSummary(roots[0]) {
            summary = project.tasks[roots[0]]
            top = children[roots[0]]
        }
        let fileStem = sourceName.split(separator: "/").last.map { String($0.split(separator: ".").first ?? $0) } ?? "project"
        let title = [summary?.name, project.title].compactMap { $0?.isEmpty == false ? $0 : nil }.first ?? fileStem
        var projectID = EditVocabulary.derivedID(title)
        if projectID.isEmpty { projectID = EditVocabulary.derivedID(fileStem) }
        if projectID.isEmpty { projectID = "imported" }

        var work: [String] = []
        writeChildren(top, headingLevel: 3, into: &work)
        if let summary { projectSummaryNotes(summary) }

        var lines = ["# " + MarkdownEscaping.title(title), "", "- project: \(projectID)"]
        if let start = projectStart() { lines.append("- start: \(start.iso)") }
        if let deadline = summary?.deadline { lines.append("- deadline: \(deadline.iso)") }
        if let currency { lines.append("- currency: \(currency)") }
        lines += ["", "Imported from `\(sourceName.split(separator: "/").last.map(String.init) ?? sourceName)` by `planc import`."]
        if let description = summary?.notes { lines += [""] + MarkdownEscaping.notes(description, indent: "") }
        lines += ["", "## Work", ""] + work
        if !notes.isEmpty {
            lines += ["", "## Notes", "", "Not imported from the MSPDI file (see docs/import.md):", ""]
            lines += notes.map { "- " + MarkdownEscaping.title($0) }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Nothing is scheduled before a project's start, so it is the file's start date or the
    /// earliest date a task is pinned to or actually started on, whichever is earlier.
    func projectStart() -> Day? {
        var days = [project.startDate].compactMap { $0 }
        for task in project.tasks {
            days += [task.actualStart, task.actualFinish].compactMap { $0 }
            if [2, 3, 4].contains(task.constraintType), let date = task.constraintDate { days.append(date) }
        }
        return days.min()
    }

    /// Summaries become headings while the heading levels last (### to ######) and no plain task
    /// follows them among their siblings (a task after a heading would belong to that heading);
    /// otherwise a summary is a list item with its children nested beneath.
    mutating func writeChildren(_ indices: [Int], headingLevel: Int, into lines: inout [String]) {
        let lastLeaf = indices.lastIndex { !isSummary($0) } ?? -1
        for (position, index) in indices.enumerated() {
            if isSummary(index), headingLevel <= 6, position > lastLeaf {
                if lines.last.map({ !$0.isEmpty }) ?? false { lines.append("") }
                lines.append(String(repeating: "#", count: headingLevel) + " " + entry(index, package: true))
                if let text = project.tasks[index].notes {
                    lines.append("")
                    lines += MarkdownEscaping.notes(text, indent: "")
                }
                lines.append("")
                writeChildren(children[index], headingLevel: headingLevel + 1, into: &lines)
            } else {
                writeListItem(index, depth: 0, into: &lines)
            }
        }
    }

    mutating func writeListItem(_ index: Int, depth: Int, into lines: inout [String]) {
        let indent = String(repeating: "  ", count: depth)
        lines.append(indent + "- " + checkbox(index) + " " + entry(index, package: false))
        if let text = project.tasks[index].notes { lines += MarkdownEscaping.notes(text, indent: indent + "  ") }
        for child in children[index] { writeListItem(child, depth: depth + 1, into: &lines) }
    }

    func checkbox(_ index: Int) -> String { project.tasks[index].percentComplete >= 100 ? "[x]" : "[ ]" }

    /// `Title — id:x 5d @dana after:y …`: one task or package line.
    mutating func entry(_ index: Int, package: Bool) -> String {
        let task = project.tasks[index]
        var attributes = ["id:" + taskIDs[index]]
        let summary = isSummary(index)
        if !summary { attributes += estimate(index) }
        attributes += linkAttributes(index)
        attributes += constraint(index, package: package)
        if let deadline = task.deadline { attributes.append("due:\(deadline.iso)") }
        if let priority = task.priority, priority != 500 { attributes.append("priority:\(min(max(priority, 1), 1000))") }
        if !summary, let cost = task.fixedCost, cost > 0 {
            if let money = money(cost) { attributes.append("cost:" + money) } else {
                note("'\(task.name)': a fixed cost of \(NumberText.plain(cost)) without a currency code in the file")
            }
        }
        if !package { attributes += progress(index) }
        if !task.isActive { attributes.append("status:cancelled") }
        taskNotes(task)
        return MarkdownEscaping.title(task.name.isEmpty ? "Task \(task.uid)" : task.name) + " — " + attributes.joined(separator: " ")
    }

    /// Effort for fixed-work tasks (the work is the estimate), duration for the others (MS
    /// Project's fixed-units and fixed-duration tasks derive work from duration), `milestone`.
    mutating func estimate(_ index: Int) -> [String] {
        let task = project.tasks[index]
        let assignments = assignmentAttributes(task)
        let work = task.workMinutes ?? 0, duration = task.durationMinutes ?? 0
        if task.isMilestone { return ["milestone"] + assignments }
        if task.type == 2, work > 0, !assignments.isEmpty { return [days(minutes: work)] + assignments }
        if duration > 0 { return ["duration:" + days(minutes: duration)] + assignments }
        if work > 0 { return [days(minutes: work)] + assignments }
        note("'\(task.name)': no duration and no work, imported as a milestone")
        return ["milestone"] + assignments
    }

    /// `@dana`, `@aylin:50%`, `@backend:2`: units as the share of a person's day, or heads of a pool.
    mutating func assignmentAttributes(_ task: MSPDIProject.Task) -> [String] {
        var attributes: [String] = []
        for assignment in assignmentsByTask[task.uid] ?? [] {
            guard let id = resourceIDs[assignment.resourceUID] else {
                let resource = project.resources.first { $0.uid == assignment.resourceUID }
                note("'\(task.name)': the assignment of \(resource.map { "'\($0.name)'" } ?? "resource UID \(assignment.resourceUID)") is not imported"
                     + (resource.map { $0.type == 0 ? " (a material resource)" : $0.type == 2 ? " (a cost resource)" : "" } ?? " (no such resource)"))
                continue
            }
            var units = assignment.units
            if units <= 0 {
                // Zero units would be work nobody does; planc's default units are the full share.
                note("'\(task.name)': the assignment of '\(id)' at \(NumberText.plain(units * 100))% units is imported at the default units")
                units = resourceIsPool[assignment.resourceUID] == true ? 1 : resourceMaxUnits[assignment.resourceUID] ?? 1
            }
            if resourceIsPool[assignment.resourceUID] == true {
                attributes.append(units == 1 ? "@" + id : "@\(id):" + NumberText.plain(units))
            } else {
                let availability = resourceMaxUnits[assignment.resourceUID] ?? 1
                attributes.append(abs(units - availability) < 0.0001 ? "@" + id : "@\(id):" + NumberText.percentLiteral(units))
            }
        }
        return attributes
    }

    /// Must Start On and Must Finish On pin the task; Start No Earlier Than is `not-before:`;
    /// the other constraint types have no counterpart and are noted.
    mutating func constraint(_ index: Int, package: Bool) -> [String] {
        let task = project.tasks[index]
        let names = [1: "As Late As Possible", 2: "Must Start On", 3: "Must Finish On", 4: "Start No Earlier Than",
                     5: "Start No Later Than", 6: "Finish No Earlier Than", 7: "Finish No Later Than"]
        switch (task.constraintType, task.constraintDate) {
        case (0, _): return []
        case (2, let date?) where !package: return ["start:\(date.iso)"]
        case (3, let date?) where !package: return ["finish:\(date.iso)"]
        case (4, let date?): return ["not-before:\(date.iso)"]
        default:
            let name = names[task.constraintType] ?? "type \(task.constraintType)"
            note("'\(task.name)': constraint \(name)" + (task.constraintDate.map { " \($0.iso)" } ?? "") + " is not imported; planc schedules as soon as possible")
            return []
        }
    }

    /// `[x]` with `finished:`, a percentage with `started:`, from percent complete and actual dates.
    func progress(_ index: Int) -> [String] {
        let task = project.tasks[index]
        var attributes: [String] = []
        if task.percentComplete >= 100 {
            if !task.isMilestone, let started = task.actualStart ?? task.start { attributes.append("started:\(started.iso)") }
            if let finished = task.actualFinish ?? task.finish { attributes.append("finished:\(finished.iso)") }
        } else {
            if task.percentComplete > 0, !isSummary(index) { attributes.append(NumberText.plain(task.percentComplete) + "%") }
            if let started = task.actualStart, !task.isMilestone, !isSummary(index) { attributes.append("started:\(started.iso)") }
        }
        return attributes
    }

    /// The project's own summary task becomes the project file's metadata and description; what
    /// it holds beyond its name, deadline and notes has no place in the metadata.
    mutating func projectSummaryNotes(_ summary: MSPDIProject.Task) {
        taskNotes(summary)
        if summary.constraintType != 0 {
            note("the project summary task '\(summary.name)': constraint type \(summary.constraintType)" + (summary.constraintDate.map { " \($0.iso)" } ?? "") + " is not imported")
        }
        if let priority = summary.priority, priority != 500 {
            note("the project summary task '\(summary.name)': priority \(priority) is not imported; tasks keep their own")
        }
        if let cost = summary.fixedCost, cost > 0 {
            note("the project summary task '\(summary.name)': a fixed cost of \(NumberText.plain(cost)) is not imported")
        }
    }

    /// What a task holds beyond the plan language, noted once per task.
    mutating func taskNotes(_ task: MSPDIProject.Task?) {
        guard let task else { return }
        if task.isRecurring { note("'\(task.name)': a recurring task, imported as one task") }
        if task.isEstimated { note("'\(task.name)': an estimated duration (shown with '?'), imported as firm") }
        if task.isManual { note("'\(task.name)': manually scheduled, imported as scheduled by planc") }
        if let format = task.durationFormat, [4, 6, 8, 10, 12, 36, 38, 40, 42, 44].contains(format) {
            note("'\(task.name)': an elapsed duration, imported as working days")
        }
        if task.extendedAttributeCount > 0 {
            note("'\(task.name)': \(NumberText.count(task.extendedAttributeCount, "custom field value")) (ExtendedAttribute)")
        }
        if let calendar = task.calendarUID, calendar != projectCalendarUID {
            note("'\(task.name)': a task calendar (\(calendarNames[calendar] ?? "UID \(calendar)")); planc uses its people's calendars")
        }
        if isSummaryTask(task), assignmentsByTask[task.uid] != nil {
            note("'\(task.name)': assignments to a summary task; planc assigns people to its tasks")
        }
        if isSummaryTask(task), let cost = task.fixedCost, cost > 0 {
            note("'\(task.name)': a fixed cost of \(NumberText.plain(cost)) on a summary task; planc takes fixed costs on tasks")
        }
    }

    func isSummaryTask(_ task: MSPDIProject.Task) -> Bool { taskIndex[task.uid].map(isSummary) ?? false }
}
