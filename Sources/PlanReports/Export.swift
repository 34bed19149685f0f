import PlanAnalysis
import PlanModel
import PlanSQLite

public enum ExportFormat: String, CaseIterable, Sendable {
    case json, csv, ics, mermaid, tjp, mspdi, sqlite

    /// The usual file extension, for `-o` suggestions and docs.
    public var fileExtension: String {
        switch self { case .json: "json"; case .csv: "csv"; case .ics: "ics"; case .mermaid: "md"; case .tjp: "tjp"; case .mspdi: "xml"; case .sqlite: "db" }
    }

    /// A file, not text: written only with `-o FILE` (`Exporter.database`), never to standard output.
    public var isBinary: Bool { self == .sqlite }
}

/// `planc export`: the compiled plan in another tool's format.
public enum Exporter {
    /// - Parameters:
    ///   - projects: project ids to export; empty means all.
    ///   - diagnostics: included in the JSON export so tools see the same problems `planc check` shows.
    public static func render(_ format: ExportFormat, _ context: ReportContext, projects: [String] = [],
                              diagnostics: [Diagnostic] = []) throws(ReportError) -> String {
        var filter = TaskFilter()
        filter.projects = projects
        let indices = try filter.projectIndices(context)
        switch format {
        case .json: return JSONExport.render(context, projects: indices, diagnostics: diagnostics)
        case .csv: return TaskCSVExport.render(context, projects: indices)
        case .ics: return CalendarExport.render(context, projects: indices)
        case .mermaid: return MermaidExport.render(context, projects: indices)
        case .tjp: return TaskJugglerExport.render(context, projects: indices)
        case .mspdi: return MSPDIExport.render(context, projects: indices)
        case .sqlite: throw ReportError("sqlite writes a database file: give one with -o FILE")
        }
    }

    /// `planc export --format sqlite`: the database as data, for `SQLiteFile.write`.
    public static func database(_ context: ReportContext, projects: [String] = [],
                                diagnostics: [Diagnostic] = []) throws(ReportError) -> DatabaseContents {
        var filter = TaskFilter()
        filter.projects = projects
        return SQLiteExport.contents(context, projects: try filter.projectIndices(context), diagnostics: diagnostics)
    }
}

/// `planc export --format csv`: every task of the selected projects, one row each, RFC 4180.
public enum TaskCSVExport {
    public static let header = [
        "project", "id", "wbs", "title", "kind", "parent", "status", "progress", "start", "finish", "due",
        "effort_days", "duration_days", "people", "depends", "total_slack", "critical", "late", "tags",
        "cost", "currency", "actual_start", "actual_finish",
    ]

    public static func render(_ context: ReportContext, projects: [Int]) -> String {
        let plan = context.plan
        var rows: [[String]] = []
        for projectIndex in projects {
            let project = plan.projects[projectIndex]
            for index in project.taskRange.clamped(to: plan.tasks.indices) {
                let task = plan.tasks[index]
                let slot = context.slot(index)
                let depends = task.dependencies.filter { plan.tasks.indices.contains($0.predecessor) }.map { dependency -> String in
                    let predecessor = plan.tasks[dependency.predecessor]
                    var text = predecessor.projectIndex == task.projectIndex ? predecessor.id : context.qualifiedID(dependency.predecessor)
                    if dependency.kind != .finishToStart { text = dependency.kind.rawValue + ":" + text }
                    return text + DateExplanationText.lag(dependency.lagDays)
                }
                rows.append([
                    project.id, task.id, context.outlineNumbers[index], task.title, task.kind.rawValue,
                    task.parent.map { plan.tasks.indices.contains($0) ? plan.tasks[$0].id : "" } ?? "",
                    context.states[index].rawValue, context.progressPercent(index).map(String.init) ?? "",
                    slot?.start.iso ?? "", slot?.finish.iso ?? "", task.deadline?.iso ?? "",
                    task.effortDays.map(NumberText.decimal) ?? "", task.durationDays.map(NumberText.decimal) ?? "",
                    context.assigneeIDs(index).joined(separator: " "), depends.joined(separator: " "),
                    slot.map { String($0.totalSlack) } ?? "", slot?.isCritical == true ? "yes" : "no",
                    context.isLate(index) ? "yes" : "no", task.tags.joined(separator: " "),
                    task.cost.map { NumberText.plain($0.amount) } ?? "", task.cost?.currency ?? "",
                    task.actualStart?.iso ?? "", task.actualFinish?.iso ?? "",
                ])
            }
        }
        return CSV.document(header: header, rows: rows)
    }
}
