import PlanModel

/// `## Work`: headings of level 3 and below are work packages, list items are tasks, nested items
/// subtasks. A task's line is read by `TaskAttributes` and its state decided by
/// `TaskStateReading`; this file builds the tree and passes down what a package states.
extension LoweringContext {
    mutating func lowerWork(_ section: SectionSyntax, project: Int) {
        var packages: [(level: Int, task: Int)] = []
        // Tasks whose priority was written on them or on a package above them: only a written
        // priority passes down, never the default. Parents are always in this section.
        var explicitPriority: Set<Int> = []
        for block in section.blocks {
            switch block {
            case .heading(let heading):
                while let last = packages.last, last.level >= heading.level { packages.removeLast() }
                let parent = packages.last?.task
                let index = addTask(title: heading.title, titleRange: heading.titleRange, attributes: heading.attributes,
                                    checkbox: nil, checkboxRange: nil, notes: "", parent: parent, project: project, isPackage: true,
                                    explicitPriority: &explicitPriority)
                packages.append((heading.level, index))
            case .list(let list):
                for entry in list { addEntry(entry, parent: packages.last?.task, project: project, explicitPriority: &explicitPriority) }
            case .text(let markdown, let range):
                if let package = packages.last?.task {
                    plan.tasks[package].notes += (plan.tasks[package].notes.isEmpty ? "" : "\n\n") + markdown
                } else {
                    diagnostics.report(.strayContent, "text in '\(Vocabulary.Section.work.heading)' before the first work package or task is not read", at: range,
                                       hint: "put it under a work package heading, or in the project description")
                }
            }
        }
    }

    mutating func addEntry(_ entry: EntrySyntax, parent: Int?, project: Int, explicitPriority: inout Set<Int>) {
        let index = addTask(title: entry.title, titleRange: entry.titleRange, attributes: entry.attributes,
                            checkbox: entry.checkbox, checkboxRange: entry.checkboxRange, notes: entry.notes,
                            parent: parent, project: project, isPackage: false, explicitPriority: &explicitPriority)
        for child in entry.children { addEntry(child, parent: index, project: project, explicitPriority: &explicitPriority) }
    }

    mutating func addTask(title: String, titleRange: SourceRange, attributes: [AttributeSyntax], checkbox: Bool?,
                          checkboxRange: SourceRange?, notes: String, parent: Int?, project: Int, isPackage: Bool,
                          explicitPriority: inout Set<Int>) -> Int {
        let index = plan.tasks.count
        let level = parent.map { plan.tasks[$0].level + 1 } ?? 0
        var task = PlanTask(id: "", projectIndex: project, title: title, range: titleRange, parent: parent, level: level,
                        kind: isPackage ? .summary : .task)
        task.notes = notes
        task.checkbox = checkbox
        if title.isEmpty {
            diagnostics.report(.emptyTitle, "task has no title", at: titleRange, hint: "write what the work is before the ` — `")
        }
        let calendar = plan.calendars[plan.projects[project].calendarIndex]
        let read = TaskAttributes.read(attributes, isPackage: isPackage, hoursPerDay: calendar.hoursPerDay,
                                       defaultCurrency: plan.projects[project].currency, decimalMark: values.decimalMark)
        diagnostics.append(contentsOf: read.diagnostics)
        values.diagnostics.append(contentsOf: read.valueDiagnostics)
        task.effortDays = read.effortDays
        task.durationDays = read.durationDays
        task.percentComplete = read.percentComplete
        task.tags = read.tags
        if read.isMilestone { task.kind = .milestone }
        task.fixedStart = read.fixedStart
        task.fixedFinish = read.fixedFinish
        task.notBefore = read.notBefore
        task.deadline = read.deadline
        if let priority = read.priority { task.priority = priority }
        task.cost = read.cost
        task.actualStart = read.actualStart
        task.actualFinish = read.actualFinish
        task.spentDays = read.spentDays
        for dependency in read.dependencies {
            references.dependencies.append(DependencyReference(task: index, reference: dependency.reference, kind: dependency.kind,
                                                               lag: dependency.lag, range: dependency.range, offset: dependency.offset))
        }
        for assignment in read.assignments {
            references.assignments.append(AssignmentReference(task: index, resource: assignment.resource, units: assignment.units,
                                                              range: assignment.range))
        }
        for owner in read.owners {
            references.owners.append(OwnerReference(of: .task(index), written: owner.written, range: owner.range))
        }

        let decided = TaskStateReading.decide(.init(status: read.status, checkbox: checkbox, checkboxRange: checkboxRange,
                                                    percent: task.percentComplete, percentRange: read.percentRange,
                                                    actualStart: task.actualStart, actualFinish: task.actualFinish,
                                                    titleRange: titleRange))
        task.state = decided.state
        diagnostics.append(contentsOf: decided.diagnostics)
        if task.kind == .milestone, task.effortDays != nil || task.durationDays != nil {
            diagnostics.report(.milestoneWithWork, "a milestone takes no time, but this one has \(task.effortDays != nil ? "effort" : "a duration")",
                               at: titleRange, hint: "remove the amount of work, or make it a task by removing `milestone`")
            task.effortDays = nil
            task.durationDays = nil
        }
        if read.estimateWasInvalid, task.effortDays == nil, task.durationDays == nil, task.kind == .task { task.durationDays = 1 }
        // What a work package states applies to everything in it, unless a task says otherwise.
        if let parent {
            let package = plan.tasks[parent]
            if !read.priorityWasWritten, explicitPriority.contains(parent) { task.priority = package.priority }
            if let limit = package.notBefore { task.notBefore = max(task.notBefore ?? limit, limit) }
        }
        if read.priorityWasWritten || (parent.map { explicitPriority.contains($0) } ?? false) { explicitPriority.insert(index) }
        // The id as written for now; name resolution checks it and gives every task its final id.
        task.id = read.explicitID?.0 ?? ""
        if let written = read.explicitID { declarations.writtenTaskIDs[index] = written }
        plan.occurrences.append(declaration(of: .task(index), explicit: read.explicitID, title: titleRange))
        plan.tasks.append(task)
        if let parent {
            plan.tasks[parent].children.append(index)
            if plan.tasks[parent].kind != .summary { plan.tasks[parent].kind = .summary }
        }
        return index
    }
}
