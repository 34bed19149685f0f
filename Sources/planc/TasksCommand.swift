import ArgumentParser
import PlanModel
import PlanReports

extension TaskListFormat: ExpressibleByArgument {}

struct Tasks: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List tasks with filters, sorting and chosen columns, as a table, JSON or CSV.",
        discussion: """
            Columns: \(TaskColumn.allCases.map(\.rawValue).joined(separator: ", ")).
            Sort by any column; a leading '-' sorts descending: --sort finish,-slack.
            'Due' is a task's deadline, or its forecast finish when it has none.
            Examples:
              planc tasks --person omar --open --sort finish
              planc tasks --late --columns id,title,finish,due,people --format csv
            """)

    @OptionGroup var plan: PlanOptions
    @OptionGroup var baselineOptions: BaselineOptions
    @OptionGroup var colorOptions: ColorOptions
    @OptionGroup var terminal: TerminalOptions

    @Option(name: .customLong("project"), help: "Only this project (repeatable).")
    var projects: [String] = []

    @Option(help: "Only tasks assigned to this person or pool (id).")
    var person: String?

    @Option(help: "Only tasks with this status: todo, in-progress, blocked, done, cancelled (repeatable or comma-separated).")
    var status: [String] = []

    @Option(help: "Only projects in this phase (repeatable or comma-separated).")
    var phase: [String] = []

    @Option(help: "Only tasks with this tag, without '#' (repeatable: all must match).")
    var tag: [String] = []

    @Option(help: "Only tasks due before this date.")
    var dueBefore: String?

    @Option(help: "Only tasks due after this date.")
    var dueAfter: String?

    @Flag(help: "Only tasks on the critical path.")
    var critical = false

    @Flag(help: "Only late tasks: finished or forecast after their due date, or open past it (milestones missed or forecast late); never cancelled.")
    var late = false

    @Flag(help: "Only tasks not yet done or cancelled.")
    var open = false

    @Flag(help: "List work packages and other summary tasks too.")
    var all = false

    @Option(parsing: .unconditionalSingleValue, help: "Sort keys, comma-separated; '-' in front sorts descending (--sort -slack).")
    var sort: [String] = []

    @Option(help: "Columns to show, comma-separated.")
    var columns: [String] = []

    @Option(help: "table (default), json or csv.")
    var format: TaskListFormat = .table

    func validate() throws {
        for value in ReportArguments.list(status) where TaskState(rawValue: value) == nil {
            throw ValidationError("unknown status '\(value)'; use \(TaskState.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        for value in ReportArguments.list(phase) where ProjectPhase(rawValue: value) == nil {
            throw ValidationError("unknown phase '\(value)'; use \(ProjectPhase.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        for value in ReportArguments.list(columns) where TaskColumn(rawValue: value) == nil {
            throw ValidationError("unknown column '\(value)'; use \(TaskColumn.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        for value in ReportArguments.list(sort) where TaskSortKey(value) == nil {
            throw ValidationError("unknown sort key '\(value)'; use a column name, with '-' in front to sort descending")
        }
        _ = try ReportArguments.day(dueBefore, "--due-before")
        _ = try ReportArguments.day(dueAfter, "--due-after")
    }

    func run() throws {
        let context = try ReportInput.context(plan, baseline: baselineOptions)
        var options = TaskListOptions()
        options.style = terminal.style(color: colorOptions.enabled)
        options.format = format
        options.includeSummaries = all
        options.filter.projects = projects
        options.filter.person = person
        options.filter.states = ReportArguments.list(status).compactMap(TaskState.init(rawValue:))
        options.filter.phases = ReportArguments.list(phase).compactMap(ProjectPhase.init(rawValue:))
        options.filter.tags = ReportArguments.list(tag).map { $0.hasPrefix("#") ? String($0.dropFirst()) : $0 }
        options.filter.dueBefore = try ReportArguments.day(dueBefore, "--due-before")
        options.filter.dueAfter = try ReportArguments.day(dueAfter, "--due-after")
        options.filter.criticalOnly = critical
        options.filter.lateOnly = late
        options.filter.openOnly = open
        let chosen = ReportArguments.list(columns).compactMap(TaskColumn.init(rawValue:))
        if !chosen.isEmpty { options.columns = chosen }
        options.sort = ReportArguments.list(sort).compactMap(TaskSortKey.init)
        print(try ReportInput.run { () throws(ReportError) in try TaskList.render(context, options) }, terminator: "")
    }
}
