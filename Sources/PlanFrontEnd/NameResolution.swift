import PlanModel

// Name resolution, the step of lowering after every file is read: as swiftc binds names only
// once all declarations are known, a reference to a task or person never depends on the order in
// which files or sections are read. Lowering declares (projects, people and pools, written task
// ids) and records every reference as written; `NameResolution.bind` builds the task symbol
// tables, binds every reference to an index, and reports unknown names with the likely one.
//
// Calendars are the exception: a calendar's working day is needed while amounts are read (`16h`
// on a task of a calendar with 7.5-hour days), so `calendar:` is bound as soon as it is read.
// Calendar files are lowered first, so the table is complete by then.

/// What the files declare, gathered while lowering.
struct Declarations {
    /// Project ids to indices in `plan.projects`.
    var projects: [String: Int] = [:]
    /// People and pools share one namespace: `@id`.
    var resources: [String: (ref: ResourceRef, range: SourceRange)] = [:]
    /// Task ids written with `id:`, by task index, and where; other tasks are named by their title.
    var writtenTaskIDs: [Int: (id: String, range: SourceRange)] = [:]
}

/// `after:`, `fs:`, `ss:`, `ff:`, `sf:`: one predecessor of a task, as written.
struct DependencyReference {
    var task: Int
    var reference: String
    var kind: DependencyKind
    var lag: Double
    var range: SourceRange
    /// Where `reference` starts in `range`, in characters, when it is written there as read.
    var offset: Int?
}

/// `@id` or `@id:units` on a task.
struct AssignmentReference {
    var task: Int
    var resource: String
    var units: String?
    var range: SourceRange
}

/// `tasks:a,b` on a risk or an issue.
struct TaskListReference {
    enum Owner {
        case risk(project: Int, index: Int)
        case issue(project: Int, index: Int)
    }
    var owner: Owner
    var references: [String]
    /// Where each reference starts in `range`, in characters, when it is written there as read.
    var offsets: [Int?]
    var range: SourceRange
}

/// `owner:@id` on a project, task, risk, issue or decision.
struct OwnerReference {
    enum Slot {
        case project(Int)
        case task(Int)
        case risk(project: Int, index: Int)
        case issue(project: Int, index: Int)
        case decision(project: Int, index: Int)
    }
    var of: Slot
    /// As written, with the `@`.
    var written: String
    var range: SourceRange
}

/// Every reference left for name resolution, in the order the files wrote them.
struct UnboundReferences {
    var owners: [OwnerReference] = []
    var dependencies: [DependencyReference] = []
    var assignments: [AssignmentReference] = []
    var taskLists: [TaskListReference] = []
}

/// One project's task names: ids written with `id:` (unique within the project) and ids derived
/// from titles (which may repeat; a reference to a repeated one is ambiguous).
struct TaskSymbols {
    var written: [String: Int] = [:]
    var derived: [String: [Int]] = [:]
}

enum NameResolution {
    /// Builds the task symbol tables, binds every reference, then gives each task its final id.
    static func bind(_ context: inout LoweringContext) {
        let tasks = taskSymbols(&context)
        let references = context.references
        for owner in references.owners { bindOwner(owner, &context) }
        for dependency in references.dependencies { bindDependency(dependency, tasks, &context) }
        for assignment in references.assignments { bindAssignment(assignment, &context) }
        for list in references.taskLists { bindTaskList(list, tasks, &context) }
        context.references = UnboundReferences()
        assignFinalTaskIDs(tasks, &context)
    }

    // MARK: Symbol tables

    /// Per project, in task order: written ids (invalid and repeated ones are reported and not
    /// entered) and derived ones.
    static func taskSymbols(_ context: inout LoweringContext) -> [TaskSymbols] {
        var tables = Array(repeating: TaskSymbols(), count: context.plan.projects.count)
        for (index, task) in context.plan.tasks.enumerated() {
            let project = task.projectIndex
            if let (id, range) = context.declarations.writtenTaskIDs[index] {
                if !Slug.isValid(id) {
                    context.diagnostics.report(.unknownValue, "'\(id)' is not a valid id", at: range, hint: "use letters, digits, '-', '_' or '.'")
                } else if let first = tables[project].written[id] {
                    context.diagnostics.report(.duplicateID, "task id '\(id)' is already used in this project", at: range,
                                               notes: [.init("first used here", at: context.declarations.writtenTaskIDs[first]?.range)],
                                               hint: "task ids must be unique within a project")
                } else {
                    tables[project].written[id] = index
                }
            }
            let slug = Slug.make(task.title)
            if !slug.isEmpty { tables[project].derived[slug, default: []].append(index) }
        }
        return tables
    }

    // MARK: Binding

    static func bindOwner(_ owner: OwnerReference, _ context: inout LoweringContext) {
        let person = context.ownerReference(owner.written, at: owner.range)
        if let person {
            context.plan.occurrences.append(.init(symbol: .resource(.person(person)), role: .reference,
                                                  range: owner.range.suffix(characters: owner.written.count - 1)))
        }
        switch owner.of {
        case .project(let project):
            context.plan.projects[project].ownerIndex = person
            if let person { context.plan.projects[project].ownerName = context.plan.people[person].name }
        case .task(let task): context.plan.tasks[task].ownerIndex = person
        case .risk(let project, let index): context.plan.projects[project].risks[index].ownerIndex = person
        case .issue(let project, let index): context.plan.projects[project].issues[index].ownerIndex = person
        case .decision(let project, let index): context.plan.projects[project].decisions[index].ownerIndex = person
        }
    }

    static func bindDependency(_ pending: DependencyReference, _ tasks: [TaskSymbols], _ context: inout LoweringContext) {
        let project = context.plan.tasks[pending.task].projectIndex
        guard let predecessor = resolveTask(pending.reference, from: project, at: pending.range, offset: pending.offset,
                                                  tasks, &context) else { return }
        if let offset = pending.offset {
            context.plan.occurrences.append(taskReference(predecessor, pending.reference,
                                                          at: pending.range.slice(from: offset, characters: pending.reference.count)))
        }
        if isSelfOrRelated(pending.task, predecessor, in: context.plan) {
            let same = predecessor == pending.task
            context.diagnostics.report(.selfDependency, same ? "'\(pending.reference)' is this task itself"
                                           : "a task cannot wait for its own work package or subtask '\(pending.reference)'",
                                       at: pending.range, hint: "depend on a task outside this part of the work breakdown")
            return
        }
        context.plan.tasks[pending.task].dependencies.append(Dependency(predecessor: predecessor, kind: pending.kind,
                                                                        lagDays: pending.lag, range: pending.range))
    }

    static func bindAssignment(_ pending: AssignmentReference, _ context: inout LoweringContext) {
        guard let (ref, _) = context.declarations.resources[pending.resource] else {
            let known = Array(context.declarations.resources.keys).sorted()
            let written = "@" + pending.resource + (pending.units.map { ":" + $0 } ?? "")
            let range = pending.range
            // Only when the range holds the token exactly as read, so the id sits right after `@`.
            let certain = range.start.line == range.end.line && range.end.column - range.start.column == written.count
            context.diagnostics.report(.unknownResource, "no person or pool has the id '@\(pending.resource)'", at: pending.range,
                                       hint: Suggest.hint(for: pending.resource, among: known) ?? "define people and pools in a team file",
                                       fixIts: fixIt(pending.resource, at: certain ? 1 : nil, in: range,
                                                     with: Suggest.closest(to: pending.resource, among: known)))
            return
        }
        context.plan.occurrences.append(.init(symbol: .resource(ref), role: .reference,
                                              range: pending.range.slice(from: 1, characters: pending.resource.count)))
        var units: Double
        switch ref {
        case .person(let person): units = context.plan.people[person].availability
        case .pool: units = 1
        }
        if let text = pending.units {
            if text.hasSuffix("%"), let percent = context.values.percent(text, at: pending.range, what: "assignment units") {
                units = percent / 100
            } else if !text.hasSuffix("%"), let number = Double(text), number.isFinite {
                units = number
            } else if !text.hasSuffix("%") {
                context.diagnostics.report(.malformedNumber, "assignment units '\(text)' are not a number or a percentage", at: pending.range,
                                           hint: "write @person:50% for half days, or @pool:2 for two people")
                return
            } else {
                return
            }
            guard units > 0, units <= 1000 else {
                context.diagnostics.report(.valueOutOfRange, "assignment units must be above 0 and at most 1,000, not \(text)", at: pending.range,
                                           hint: "write @person:50% for half days, or @pool:2 for two people")
                return
            }
        }
        if context.plan.tasks[pending.task].assignments.contains(where: { $0.resource == ref }) {
            context.diagnostics.report(.repeatedAttribute, "'@\(pending.resource)' is assigned twice", at: pending.range, hint: "remove one")
            return
        }
        context.plan.tasks[pending.task].assignments.append(Assignment(resource: ref, units: units, range: pending.range))
    }

    static func bindTaskList(_ pending: TaskListReference, _ tasks: [TaskSymbols], _ context: inout LoweringContext) {
        let project: Int
        switch pending.owner {
        case .risk(let p, _), .issue(let p, _): project = p
        }
        var indices: [Int] = []
        for (reference, offset) in zip(pending.references, pending.offsets) where !reference.isEmpty {
            if let index = resolveTask(reference, from: project, at: pending.range, offset: offset, tasks, &context) {
                indices.append(index)
                if let offset {
                    context.plan.occurrences.append(taskReference(index, reference, at: pending.range.slice(from: offset, characters: reference.count)))
                }
            }
        }
        switch pending.owner {
        case .risk(let p, let index): context.plan.projects[p].risks[index].taskIndices = indices
        case .issue(let p, let index): context.plan.projects[p].issues[index].taskIndices = indices
        }
    }

    /// `id` in the referring task's project, or `project/id` in another: a written id first,
    /// then a title's derived id if exactly one task has it. `offset` is where `reference` is
    /// written in `range`, for the fix-its of "did you mean".
    static func resolveTask(_ reference: String, from project: Int, at range: SourceRange, offset: Int? = nil, _ tasks: [TaskSymbols],
                            _ context: inout LoweringContext) -> Int? {
        var projectIndex = project
        var id = Substring(reference)
        if let slash = reference.firstIndex(of: "/") {
            let name = String(reference[..<slash])
            guard let other = context.declarations.projects[name] else {
                let projects = Array(context.declarations.projects.keys).sorted()
                let near = Suggest.closest(to: name, among: projects)
                context.diagnostics.report(.unknownProject, "no project has the id '\(name)'", at: range,
                                           hint: Suggest.hint(for: name, among: projects) ?? "write project/task",
                                           fixIts: fixIt(name, at: offset, in: range, with: near))
                return nil
            }
            projectIndex = other
            id = reference[reference.index(after: slash)...]
        }
        let key = String(id)
        let symbols = tasks[projectIndex]
        if let index = symbols.written[key] { return index }
        if let candidates = symbols.derived[key] {
            if candidates.count == 1 { return candidates[0] }
            let plan = context.plan
            context.diagnostics.report(.unknownTask, "'\(key)' is ambiguous: \(candidates.count) tasks have this title", at: range,
                                       notes: candidates.map { .init("'\(plan.tasks[$0].title)' is here", at: plan.tasks[$0].range) },
                                       hint: "give the task you mean an explicit id, like `id:\(key)-2`, and refer to that")
            return nil
        }
        let known = (Array(symbols.written.keys) + Array(symbols.derived.keys)).sorted()
        // The id after `project/`, when there is one.
        let idOffset = offset.map { $0 + reference.count - key.count }
        context.diagnostics.report(.unknownTask, "no task '\(reference)' in project '\(context.plan.projects[projectIndex].id)'", at: range,
                                   hint: Suggest.hint(for: key, among: known) ?? "refer to a task by its id or its title in lower case with dashes",
                                   fixIts: fixIt(key, at: idOffset, in: range, with: Suggest.closest(to: key, among: known)))
        return nil
    }

    /// The fix-it that puts `replacement` in place of `word`, written `offset` characters into
    /// `range`; none without a replacement or a certain place.
    static func fixIt(_ word: String, at offset: Int?, in range: SourceRange, with replacement: String?) -> [Diagnostic.FixIt] {
        guard let offset, let replacement, let fix = Diagnostic.FixIt.replacing(word, at: offset, in: range, with: replacement) else { return [] }
        return [fix]
    }

    /// A reference to `task` written as `reference` at `range`; of `project/task`, the task's id alone.
    static func taskReference(_ task: Int, _ reference: String, at range: SourceRange) -> SymbolOccurrence {
        let prefix = reference.firstIndex(of: "/").map { reference[...$0].count } ?? 0
        return SymbolOccurrence(symbol: .task(task), role: .reference,
                                range: range.slice(from: prefix, characters: reference.count - prefix))
    }

    /// Whether `a` and `b` are the same task or one contains the other.
    static func isSelfOrRelated(_ a: Int, _ b: Int, in plan: Plan) -> Bool {
        if a == b { return true }
        var current = plan.tasks[a].parent
        while let parent = current { if parent == b { return true }; current = plan.tasks[parent].parent }
        current = plan.tasks[b].parent
        while let parent = current { if parent == a { return true }; current = plan.tasks[parent].parent }
        return false
    }

    // MARK: Final ids

    /// Final ids for outputs: written ids as written; derived ones from the title, with `-2`, `-3`
    /// for repeats in file order, never clashing with a written id. Done last, because a
    /// reference names a task by its title's id, never by a numbered one.
    static func assignFinalTaskIDs(_ tasks: [TaskSymbols], _ context: inout LoweringContext) {
        for (project, range) in context.plan.projects.map(\.taskRange).enumerated() {
            var used = Set(tasks[project].written.keys)
            for index in range {
                let task = context.plan.tasks[index]
                guard context.declarations.writtenTaskIDs[index] == nil || task.id.isEmpty || tasks[project].written[task.id] != index else { continue }
                var base = Slug.make(task.title)
                if base.isEmpty { base = "task-\(task.range.start.line)" }
                var candidate = base
                var counter = 2
                while used.contains(candidate) { candidate = "\(base)-\(counter)"; counter += 1 }
                used.insert(candidate)
                context.plan.tasks[index].id = candidate
            }
        }
    }
}

// MARK: Names bound while reading

extension LoweringContext {
    /// `calendar:` on a project or person, bound at once (see the top of this file).
    mutating func calendarReference(_ name: String, at range: SourceRange) -> Int? {
        if let index = plan.calendarIndex(named: name) {
            plan.occurrences.append(.init(symbol: .calendar(index), role: .reference, range: range.suffix(characters: name.count)))
            return index
        }
        let names = plan.calendars.map(\.name)
        let fix = Suggest.closest(to: name, among: names).flatMap {
            Diagnostic.FixIt.replacing(name, inValue: name, key: "calendar", in: range, with: $0)
        }
        diagnostics.report(.unknownReference, "no calendar named '\(name)'", at: range,
                           hint: Suggest.hint(for: name, among: names)
                               ?? "define it in a file starting `- \(Vocabulary.kindKey(.calendar)): \(name)`",
                           fixIts: fix.map { [$0] } ?? [])
        return nil
    }

    /// `@id` naming a person (a pool cannot own anything).
    /// `range` holds `@id` or `owner:@id`.
    mutating func personReference(_ id: String, at range: SourceRange) -> Int? {
        if case .person(let index)? = declarations.resources[id]?.ref { return index }
        let people = plan.people.map(\.id)
        let fix = Suggest.closest(to: id, among: people).flatMap {
            Diagnostic.FixIt.replacing(id, at: 1, inValue: "@" + id, key: "owner", in: range, with: $0)
        }
        diagnostics.report(.unknownResource, declarations.resources[id] == nil ? "no person has the id '@\(id)'" : "'@\(id)' is a pool, not a person",
                           at: range, hint: Suggest.hint(for: id, among: people)
                               ?? "define people in a team file under `## \(Vocabulary.Section.people.heading)`",
                           fixIts: fix.map { [$0] } ?? [])
        return nil
    }

    mutating func ownerReference(_ value: String, at range: SourceRange) -> Int? {
        guard value.hasPrefix("@") else {
            diagnostics.report(.unknownValue, "owner must be a person written @id, not '\(value)'", at: range,
                               hint: ownerHint(for: value))
            return nil
        }
        return personReference(String(value.dropFirst()), at: range)
    }

    /// "write owner:@id" with a person of this plan: the one whose name matches the text, else
    /// the first one defined; never an example name from the docs.
    func ownerHint(for value: String) -> String {
        let wanted = Slug.make(value)
        let person = plan.people.first { $0.id == wanted || Slug.make($0.name) == wanted } ?? plan.people.first
        return person.map { "write owner:@\($0.id)" } ?? "write owner:@ID with the id of a person from a team file"
    }
}
