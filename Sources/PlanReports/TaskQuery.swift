import PlanAnalysis
import PlanModel

/// A column of `planc tasks`. The raw value is what `--columns` and `--sort` accept.
public enum TaskColumn: String, CaseIterable, Sendable {
    case id, project, wbs, title, kind, status, progress, start, finish, due, effort, people, slack, critical, late, tags, cost
    /// Against the baseline (`--baseline`, or `baseline:` in the settings file): its dates, and the
    /// variances in working days (positive: later), person-days and money (positive: more).
    case baselineStart = "baseline-start", baselineFinish = "baseline-finish"
    case startVariance = "start-variance", finishVariance = "finish-variance"
    case effortVariance = "effort-variance", costVariance = "cost-variance"

    /// What `planc tasks` shows unless --columns says otherwise: fewer columns on narrow terminals,
    /// and the finish variance when there is a baseline.
    public static func defaults(width: Int, baseline: Bool = false) -> [TaskColumn] {
        let columns: [TaskColumn] = width >= 120 ? [.id, .title, .status, .progress, .start, .finish, .due, .people, .slack]
            : [.id, .title, .status, .finish, .people]
        guard baseline, let finish = columns.firstIndex(of: .finish) else { return columns }
        var withVariance = columns
        withVariance.insert(.finishVariance, at: finish + 1)
        return withVariance
    }
}

public enum TaskListFormat: String, CaseIterable, Sendable { case table, json, csv }

public struct TaskSortKey: Sendable, Hashable {
    public var column: TaskColumn
    public var descending: Bool
    public init(_ column: TaskColumn, descending: Bool = false) { self.column = column; self.descending = descending }

    /// `finish` or `-slack` (a leading `-` sorts descending).
    public init?(_ text: String) {
        let descending = text.hasPrefix("-")
        guard let column = TaskColumn(rawValue: descending ? String(text.dropFirst()) : text) else { return nil }
        self.init(column, descending: descending)
    }
}

public struct TaskListOptions: Sendable {
    public var filter = TaskFilter()
    /// Nil: `TaskColumn.defaults(width:)`, for the style's width in a table.
    public var columns: [TaskColumn]?
    /// Applied in order; ties keep work breakdown order.
    public var sort: [TaskSortKey] = []
    public var format = TaskListFormat.table
    /// Work packages and other summary tasks are listed too (they never match work filters).
    public var includeSummaries = false
    public var style = TerminalStyle()
    public init() {}
}

/// `planc tasks`: the plan as a table to filter and sort.
public enum TaskList {
    public static func render(_ context: ReportContext, _ options: TaskListOptions) throws(ReportError) -> String {
        // JSON and CSV are read by programs: their default columns must not depend on the terminal.
        let columns = options.columns ?? TaskColumn.defaults(width: options.format == .table ? options.style.width : .max,
                                                             baseline: context.baseline != nil)
        var rows = try options.filter.select(context, withContext: false)
        if !options.includeSummaries { rows = rows.filter { !context.isSummary($0) } }
        if !options.sort.isEmpty {
            rows = rows.enumerated().sorted { a, b in
                for key in options.sort {
                    let order = compare(value(key.column, a.element, context), value(key.column, b.element, context))
                    if order != 0 { return key.descending ? order > 0 : order < 0 }
                }
                return a.offset < b.offset
            }.map(\.element)
        }
        switch options.format {
        case .json:
            return JSONValue.array(rows.map { row in
                .object(columns.map { ($0.rawValue, json(value($0, row, context))) })
            }).rendered()
        case .csv:
            return CSV.document(header: columns.map(\.rawValue),
                                rows: rows.map { row in columns.map { text(value($0, row, context)) } })
        case .table:
            if rows.isEmpty { return "No tasks match.\n" }
            var table = TextTable(columns: columns.map {
                // The header says what the figure holds; JSON and CSV keep the plain key.
                TextTable.Column($0 == .cost ? "cost (labour+fixed)" : $0.rawValue,
                                 alignRight: [.progress, .effort, .slack, .cost].contains($0))
            })
            for row in rows {
                let late = context.isLate(row)
                table.add(columns.map { column in
                    let cell = options.style.text(text(value(column, row, context)))
                    return TextTable.Cell(cell, paint: column == .title && late ? .red : nil)
                })
            }
            // The title gets the most of the width there is, ids and the lists beside it less;
            // what is cut ends in `…`.
            var share: [TextTable.Share] = []
            for (column, minimum, weight) in [(TaskColumn.title, 10, 2), (.id, 10, 1), (.people, 8, 1), (.tags, 6, 1)] {
                if let index = columns.firstIndex(of: column) { share.append(.init(index, minimum: minimum, weight: weight)) }
            }
            var out = table.render(style: options.style, width: options.style.width, share: share)
            out += NumberText.count(rows.count, "task") + "\n"
            return out
        }
    }

    enum Value {
        case text(String), number(Double), integer(Int), flag(Bool), day(Day), list([String]), none
    }

    static func value(_ column: TaskColumn, _ index: Int, _ context: ReportContext) -> Value {
        let task = context.plan.tasks[index]
        let slot = context.slot(index)
        switch column {
        case .id: return .text(task.id)
        case .project: return .text(context.plan.projects.indices.contains(task.projectIndex) ? context.plan.projects[task.projectIndex].id : "")
        case .wbs: return .text(context.outlineNumbers[index])
        case .title: return .text(task.title)
        case .kind: return .text(task.kind.rawValue)
        case .status: return .text(context.states[index].rawValue)
        case .progress: return context.progressPercent(index).map { .integer($0) } ?? .none
        case .start: return slot.map { .day($0.start) } ?? .none
        case .finish: return slot.map { .day($0.finish) } ?? .none
        case .due: return task.deadline.map { .day($0) } ?? .none
        case .effort:
            if task.kind == .milestone || context.isSummary(index) { return task.effortDays.map { .number($0) } ?? .none }
            return .number(context.plannedEffort(index))
        case .people: return .list(context.assigneeIDs(index))
        case .slack: return slot.map { .integer($0.totalSlack) } ?? .none
        case .critical: return .flag(slot?.isCritical == true)
        case .late: return .flag(context.isLate(index))
        case .tags: return .list(task.tags)
        case .cost:
            // Planned labour at the rates in force plus fixed cost; empty for cancelled work.
            if context.isCancelled(index) && !context.isSummary(index) { return .none }
            return .number(context.plannedCost[index].rounded())
        case .baselineStart: return context.variance(index).map { .day($0.baselineStart) } ?? .none
        case .baselineFinish: return context.variance(index).map { .day($0.baselineFinish) } ?? .none
        case .startVariance: return context.variance(index).map { .integer($0.startVariance) } ?? .none
        case .finishVariance: return context.variance(index).map { .integer($0.finishVariance) } ?? .none
        case .effortVariance: return context.variance(index).map { .number($0.effortVariance) } ?? .none
        case .costVariance: return context.variance(index).map { .number($0.costVariance.rounded()) } ?? .none
        }
    }

    static func text(_ value: Value) -> String {
        switch value {
        case .text(let text): return text
        case .number(let number): return NumberText.decimal(number)
        case .integer(let number): return String(number)
        case .flag(let flag): return flag ? "yes" : ""
        case .day(let day): return day.iso
        case .list(let items): return items.joined(separator: " ")
        case .none: return ""
        }
    }

    static func json(_ value: Value) -> JSONValue {
        switch value {
        case .text(let text): return .string(text)
        case .number(let number): return .number(number)
        case .integer(let number): return .int(number)
        case .flag(let flag): return .bool(flag)
        case .day(let day): return .string(day.iso)
        case .list(let items): return .array(items.map { .string($0) })
        case .none: return .null
        }
    }

    /// Missing values sort last in ascending order.
    static func compare(_ a: Value, _ b: Value) -> Int {
        func sign<T: Comparable>(_ x: T, _ y: T) -> Int { x < y ? -1 : x > y ? 1 : 0 }
        switch (a, b) {
        case (.none, .none): return 0
        case (.none, _): return 1
        case (_, .none): return -1
        case let (.number(x), .number(y)): return sign(x, y)
        case let (.integer(x), .integer(y)): return sign(x, y)
        case let (.day(x), .day(y)): return sign(x, y)
        case let (.flag(x), .flag(y)): return sign(x ? 1 : 0, y ? 1 : 0)
        default: return sign(text(a), text(b))
        }
    }
}
