import PlanAnalysis
import PlanModel

/// A problem with what the user asked for (an unknown project, person or package), not with the plan.
public struct ReportError: Error, Sendable, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}

/// Which tasks a report shows. Every criterion narrows the selection; empty lists and nil mean
/// "any". Criteria about work (person, state, tags, dates) apply to leaf tasks; reports that show
/// structure add the matching leaves' work packages back for context.
public struct TaskFilter: Sendable {
    /// Project ids.
    public var projects: [String] = []
    /// A work package or summary task id (`build` or `crm/build`): it and everything beneath it.
    public var workPackage: String?
    /// A person or pool id: tasks assigned to it.
    public var person: String?
    public var states: [TaskState] = []
    /// Project life-cycle phases.
    public var phases: [ProjectPhase] = []
    /// Tasks carrying every one of these tags (without `#`).
    public var tags: [String] = []
    public var openOnly = false
    public var criticalOnly = false
    public var lateOnly = false
    /// Due means the task's deadline, or its forecast finish when it has none.
    public var dueBefore: Day?
    public var dueAfter: Day?
    /// Tasks scheduled to overlap this window.
    public var from: Day?
    public var to: Day?

    public init() {}

    var narrowsWork: Bool {
        person != nil || !states.isEmpty || !tags.isEmpty || openOnly || criticalOnly || lateOnly
            || dueBefore != nil || dueAfter != nil || from != nil || to != nil
    }

    /// Indices of the projects the filter admits, in plan order.
    public func projectIndices(_ context: ReportContext) throws(ReportError) -> [Int] {
        let plan = context.plan
        for id in projects where !plan.projects.contains(where: { $0.id == id }) {
            let known = plan.projects.map(\.id).joined(separator: ", ")
            throw ReportError("no project '\(id)' in the plan (projects: \(known.isEmpty ? "none" : known))")
        }
        return plan.projects.indices.filter { index in
            let project = plan.projects[index]
            if !projects.isEmpty && !projects.contains(project.id) { return false }
            if !phases.isEmpty && !phases.contains(project.phase ?? .planning) { return false }
            return true
        }
    }

    /// The selected tasks in work breakdown order. With `withContext`, the summaries above every
    /// selected task are included too, so an indented chart keeps its structure.
    public func select(_ context: ReportContext, withContext: Bool) throws(ReportError) -> [Int] {
        let plan = context.plan
        let projectIndices = try projectIndices(context)
        var resource: ResourceRef?
        if let person {
            guard let found = context.resource(withID: person) else {
                throw ReportError("no person or pool '\(person)' in the plan")
            }
            resource = found
        }
        var packageRoot: Int?
        if let workPackage {
            packageRoot = try Self.resolveTask(workPackage, context, among: projectIndices)
        }

        var selected = Array(repeating: false, count: plan.tasks.count)
        for projectIndex in projectIndices {
            for index in plan.projects[projectIndex].taskRange where plan.tasks.indices.contains(index) {
                if let packageRoot, !isWithin(index, packageRoot, plan) { continue }
                if matches(index, context, resource: resource) { selected[index] = true }
            }
        }
        if withContext {
            // Walk up from each selected task until an already-selected ancestor: linear overall.
            for index in selected.indices where selected[index] {
                var parent = plan.tasks[index].parent
                while let current = parent, plan.tasks.indices.contains(current), !selected[current] {
                    if let packageRoot, !isWithin(current, packageRoot, plan) { break }
                    selected[current] = true
                    parent = plan.tasks[current].parent
                }
            }
        }
        return selected.indices.filter { selected[$0] }
    }

    private func matches(_ index: Int, _ context: ReportContext, resource: ResourceRef?) -> Bool {
        let task = context.plan.tasks[index]
        let leaf = Analyzer.isLeaf(task)
        if narrowsWork && !leaf { return false }
        if let resource, !task.assignments.contains(where: { $0.resource == resource }) { return false }
        if !states.isEmpty && !states.contains(task.state) { return false }
        if openOnly && !Analyzer.isOpen(task) { return false }
        for tag in tags where !task.tags.contains(tag) { return false }
        let slot = context.slot(index)
        if criticalOnly && slot?.isCritical != true { return false }
        if lateOnly && !context.isLate(index) { return false }
        if dueBefore != nil || dueAfter != nil {
            guard let due = task.deadline ?? slot?.finish else { return false }
            if let dueBefore, !(due < dueBefore) { return false }
            if let dueAfter, !(due > dueAfter) { return false }
        }
        if from != nil || to != nil {
            guard let slot else { return false }
            if let from, slot.finish < from { return false }
            if let to, slot.start > to { return false }
        }
        return true
    }

    /// Whether `index` is `root` or lies beneath it. Depth is bounded by the nesting limit.
    private func isWithin(_ index: Int, _ root: Int, _ plan: Plan) -> Bool {
        var current: Int? = index
        while let step = current {
            if step == root { return true }
            current = plan.tasks[step].parent
        }
        return false
    }

    /// A task named by its id, or `project/id` when ids repeat across projects; an unknown one
    /// fails with "did you mean" when an id in scope is close.
    static func resolveTask(_ reference: String, _ context: ReportContext, among projects: [Int],
                            what: String = "work package or task") throws(ReportError) -> Int {
        let plan = context.plan
        var projectScope = projects
        var id = reference
        if let slash = reference.firstIndex(of: "/") {
            let projectID = String(reference[..<slash])
            id = String(reference[reference.index(after: slash)...])
            projectScope = projects.filter { plan.projects[$0].id == projectID }
        }
        var found: [Int] = []
        for projectIndex in projectScope {
            for index in plan.projects[projectIndex].taskRange where plan.tasks.indices.contains(index) && plan.tasks[index].id == id {
                found.append(index)
            }
        }
        guard let first = found.first else {
            let prefix = id == reference ? "" : String(reference.prefix(reference.count - id.count))
            let candidates = projectScope.flatMap { plan.projects[$0].taskRange.clamped(to: plan.tasks.indices).map { plan.tasks[$0].id } }
            let hint = Suggest.closest(to: id, among: candidates).map { "; did you mean '\(prefix)\($0)'?" } ?? ""
            throw ReportError("no \(what) '\(reference)' in the selected projects\(hint)")
        }
        if found.count > 1 {
            let names = found.map { context.qualifiedID($0) }.joined(separator: ", ")
            throw ReportError("'\(reference)' names several tasks (\(names)); write it as project/id")
        }
        return first
    }
}
