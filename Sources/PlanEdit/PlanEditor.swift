import PlanCompiler
import PlanFrontEnd
import PlanModel

/// What to change in a plan.
public enum EditRequest: Sendable, Equatable {
    /// An edit of the task named by its id, or `project/id` when ids repeat across projects.
    case task(String, TaskEdit)
    case journal(JournalEntryRequest)
}

/// A plan read for editing: its files as loaded, their syntax, and the lowered plan that knows
/// every task's final id and where its line is.
public struct EditablePlan: Sendable {
    public var loaded: Loader.Result
    public var root: String
    public var syntax: [FileSyntax]
    public var plan: Plan

    public init(_ loaded: Loader.Result, root: String, today: Day) {
        var cache = ParseCache()
        self.init(loaded, root: root, today: today, cache: &cache)
    }

    /// With a parse cache kept between calls: the language server reads its buffers for an edit
    /// as often as the editor asks, and unchanged files need not be parsed again.
    public init(_ loaded: Loader.Result, root: String, today: Day, cache: inout ParseCache) {
        self.loaded = loaded
        self.root = root
        let parsed = Pipeline.parse(loaded, root: root, cache: &cache)
        syntax = parsed.syntax
        plan = Pipeline.lower(parsed, today: today).plan
    }

    func file(_ path: String) -> SourceFile? { loaded.files.first { $0.path == path } }

    /// The task `reference` names: its id, or `project/id`; an unknown id fails with "did you
    /// mean", an id several projects use asks for the project.
    public func resolveTask(_ reference: String) throws -> Int {
        var projects = Array(plan.projects.indices)
        var id = reference
        var prefix = ""
        if let slash = reference.firstIndex(of: "/") {
            let projectID = String(reference[..<slash])
            id = String(reference[reference.index(after: slash)...])
            prefix = projectID + "/"
            projects = projects.filter { plan.projects[$0].id == projectID }
            if projects.isEmpty {
                let hint = Suggest.closest(to: projectID, among: plan.projects.map(\.id)).map { "; did you mean '\($0)'?" } ?? ""
                throw EditError("no project '\(projectID)' in '\(root)'\(hint)")
            }
        }
        let inScope = projects.flatMap { plan.projects[$0].taskRange.clamped(to: plan.tasks.indices) }
        let found = inScope.filter { plan.tasks[$0].id == id }
        guard let first = found.first else {
            let hint = Suggest.closest(to: id, among: inScope.map { plan.tasks[$0].id }).map { "; did you mean '\(prefix)\($0)'?" } ?? ""
            throw EditError("no task '\(reference)' in '\(root)'\(hint)")
        }
        if found.count > 1 {
            let names = found.map { plan.projects[plan.tasks[$0].projectIndex].id + "/" + id }.joined(separator: ", ")
            throw EditError("'\(reference)' names several tasks (\(names)); write it as project/id")
        }
        return first
    }

    /// The first line of task `index` and what an edit needs to know of it.
    func taskLine(_ index: Int, today: Day) throws -> (file: SourceFile, line: EntryLine, facts: TaskFacts) {
        let task = plan.tasks[index]
        guard let file = file(task.range.file), let fileSyntax = syntax.first(where: { $0.path == task.range.file }) else {
            throw EditError("cannot find the file of task '\(task.id)'")
        }
        var found: (EntryLine, Bool)?
        func visit(_ entries: [EntrySyntax]) {
            for entry in entries where found == nil {
                if entry.titleRange == task.range {
                    found = (EntryLine(file: file, titleRange: entry.titleRange, checkboxRange: entry.checkboxRange, attributes: entry.attributes), false)
                    return
                }
                visit(entry.children)
            }
        }
        for section in fileSyntax.sections where found == nil {
            for block in section.blocks where found == nil {
                switch block {
                case .heading(let heading) where heading.titleRange == task.range:
                    found = (EntryLine(file: file, titleRange: heading.titleRange, checkboxRange: nil, attributes: heading.attributes), true)
                case .list(let entries): visit(entries)
                default: break
                }
            }
        }
        guard let (line, isPackage) = found else { throw EditError("cannot find the line of task '\(task.id)'") }
        let project = plan.projects[task.projectIndex]
        let facts = TaskFacts(id: task.id, isPackage: isPackage, hasChildren: !task.children.isEmpty, kind: task.kind,
                              state: task.state, tracksActuals: project.tracksActuals, today: today)
        return (file, line, facts)
    }

    /// The file `request` changes and the replacements that make the change (none when the plan
    /// already says it). Pure: nothing is written.
    public func edit(_ request: EditRequest, today: Day) throws -> (file: SourceFile, replacements: [ByteReplacement]) {
        switch request {
        case .task(let reference, let edit):
            let index = try resolveTask(reference)
            let (file, line, facts) = try taskLine(index, today: today)
            return (file, try TaskEdits.replacements(edit, line: line, task: facts))
        case .journal(let entry):
            let project = try resolveProject(entry.project)
            let paths = [plan.projects[project].file] + plan.projects[project].partFiles
            let withJournal = paths.first { path in
                syntax.first { $0.path == path }?.sections.contains { EditVocabulary.isJournalSection($0.title) } ?? false
            }
            let path = withJournal ?? plan.projects[project].file
            guard let file = file(path), let fileSyntax = syntax.first(where: { $0.path == path }) else {
                throw EditError("cannot find the file of project '\(plan.projects[project].id)'")
            }
            return (file, try JournalEdit.replacements(entry, file: file, syntax: fileSyntax))
        }
    }

    func resolveProject(_ id: String?) throws -> Int {
        let ids = plan.projects.map(\.id)
        guard let id else {
            if plan.projects.count == 1 { return 0 }
            if plan.projects.isEmpty { throw EditError("no project in '\(root)'") }
            throw EditError("'\(root)' holds several projects (\(ids.joined(separator: ", "))); say which with --project")
        }
        guard let index = ids.firstIndex(of: id) else {
            let hint = Suggest.closest(to: id, among: ids).map { "; did you mean '\($0)'?" } ?? ""
            throw EditError("no project '\(id)' in '\(root)'\(hint)")
        }
        return index
    }
}
