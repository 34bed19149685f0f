import PlanFrontEnd
import PlanModel

/// The mapping from an `MSPDIProject` to plan files (docs/import.md): a project file with the
/// work breakdown, a team file, one calendar file per base calendar, and notes for everything
/// the plan language has no place for. Pure and deterministic: the same project gives the same
/// bytes.
public enum PlanImporter {
    /// `sourceName` is the MSPDI file's name, quoted in the notes and the project's description.
    public static func plan(from project: MSPDIProject, sourceName: String) throws(ImportError) -> ImportedPlan {
        var mapping = Mapping(project: project, sourceName: sourceName)
        return try mapping.run()
    }
}

struct Mapping {
    let project: MSPDIProject
    let sourceName: String
    var notes: [String] = []
    /// Task index → its planc id; resource UID → the id of the person or pool it became.
    var taskIDs: [String] = []
    var taskIndex: [Int: Int] = [:]
    var children: [[Int]] = []
    var roots: [Int] = []
    var resourceIDs: [Int: String] = [:]
    var resourceIsPool: [Int: Bool] = [:]
    var resourceMaxUnits: [Int: Double] = [:]
    /// Calendar UID → the planc calendar name it became.
    var calendarNames: [Int: String] = [:]
    var projectCalendarUID: Int?
    var currency: String?
    /// Task UID → its assignments in file order (looked up once per task, so built once).
    let assignmentsByTask: [Int: [MSPDIProject.Assignment]]

    init(project: MSPDIProject, sourceName: String) {
        self.project = project
        self.sourceName = sourceName
        assignmentsByTask = Dictionary(grouping: project.assignments, by: \.taskUID)
        currency = project.currencyCode.flatMap { code in
            code.count == 3 && code.allSatisfy { $0.isASCII && $0.isLetter } ? code.uppercased() : nil
        }
    }

    var minutesPerDay: Double { project.minutesPerDay }

    mutating func note(_ text: String) { notes.append(text) }

    mutating func run() throws(ImportError) -> ImportedPlan {
        buildOutline()
        assignTaskIDs()
        try checkLinks()
        var files: [ImportedPlan.File] = []
        let calendarFiles = calendars()
        let team = teamFile()
        if !project.schedulesFromStart {
            note("the project is scheduled from its finish date; planc schedules forward from the start")
        }
        if !project.extendedAttributeNames.isEmpty {
            note("custom fields: " + project.extendedAttributeNames.joined(separator: ", "))
        }
        let baselines = project.tasks.filter(\.hasBaseline).count
        if baselines > 0 {
            note("baseline dates of \(NumberText.count(baselines, "task")); planc measures against a baseline from git (`baseline:` in the settings file)")
        }
        let projectFile = try self.projectFile()
        files.append(.init(name: "plan.md", text: projectFile))
        if let team { files.append(.init(name: "team.md", text: team)) }
        files += calendarFiles
        return ImportedPlan(files: files, notes: notes)
    }

    // MARK: Outline and ids

    /// Parents from outline levels: each task's parent is the closest earlier task one level up.
    mutating func buildOutline() {
        children = Array(repeating: [], count: project.tasks.count)
        var stack: [Int] = []
        for (index, task) in project.tasks.enumerated() {
            taskIndex[task.uid] = index
            while let last = stack.last, project.tasks[last].outlineLevel >= task.outlineLevel { stack.removeLast() }
            if let parent = stack.last { children[parent].append(index) } else { roots.append(index) }
            stack.append(index)
        }
    }

    func isSummary(_ index: Int) -> Bool { !children[index].isEmpty }

    /// Readable ids from names (planc's own derivation), made unique with `-2`, `-3` in file order.
    mutating func assignTaskIDs() {
        var used: Set<String> = []
        for task in project.tasks {
            let base = EditVocabulary.derivedID(task.name).isEmpty ? "task-\(task.uid)" : EditVocabulary.derivedID(task.name)
            taskIDs.append(Self.unique(base, in: &used))
        }
    }

    static func unique(_ base: String, in used: inout Set<String>) -> String {
        var candidate = base, counter = 2
        while used.contains(candidate) { candidate = "\(base)-\(counter)"; counter += 1 }
        used.insert(candidate)
        return candidate
    }

    // MARK: Links

    /// Unknown link types are an error (the file is not what it claims); links to tasks that are
    /// not in the file are dropped with a note; a cycle of links is an error, since no schedule
    /// satisfies it.
    mutating func checkLinks() throws(ImportError) {
        var successors = Array(repeating: [(Int, MSPDIProject.Link)](), count: project.tasks.count)
        for (index, task) in project.tasks.enumerated() {
            for link in task.links {
                guard (0...3).contains(link.type) else {
                    throw ImportError("task '\(task.name)' (UID \(task.uid)) has a link of type \(link.type); MSPDI's types are 0 (FF), 1 (FS), 2 (SF) and 3 (SS)", at: link.location)
                }
                guard let predecessor = taskIndex[link.predecessorUID], predecessor != index else { continue }
                successors[predecessor].append((index, link))
            }
        }
        // Depth-first search with colours, on an explicit stack (a chain of 100,000 links must
        // not exhaust the thread's stack); the first back edge names the cycle.
        var colour = Array(repeating: 0, count: project.tasks.count)
        for start in project.tasks.indices where colour[start] == 0 {
            var path: [(node: Int, next: Int)] = [(start, 0)]
            colour[start] = 1
            while let top = path.last {
                guard top.next < successors[top.node].count else {
                    colour[top.node] = 2
                    path.removeLast()
                    continue
                }
                path[path.count - 1].next += 1
                let (successor, link) = successors[top.node][top.next]
                if colour[successor] == 1 {
                    let nodes = path.map(\.node)
                    let cycle = nodes[(nodes.firstIndex(of: successor) ?? 0)...].map { "'\(project.tasks[$0].name)'" } + ["'\(project.tasks[successor].name)'"]
                    throw ImportError("the links form a cycle: " + cycle.joined(separator: " → "), at: link.location)
                }
                if colour[successor] == 0 {
                    colour[successor] = 1
                    path.append((successor, 0))
                }
            }
        }
    }

    /// A lag in working days as the plan language writes it (`+2d`, `-0.5d`), or "" for none.
    mutating func lag(_ link: MSPDIProject.Link, predecessor: Int, successorName: String) -> String {
        var days: Double
        switch link.lagFormat {
        case 19, 20, 51, 52, 53, 54:
            // Percent lags are whole percent of the predecessor's duration (as MPXJ reads and
            // writes them); planc's lags are days, so the share is taken of the duration in the file.
            let duration = (project.tasks[predecessor].durationMinutes ?? 0) / minutesPerDay
            days = link.linkLag / 100 * duration
            if link.linkLag != 0 {
                note("'\(successorName)': a lag of \(NumberText.plain(link.linkLag))% of '\(project.tasks[predecessor].name)' imported as \(NumberText.plain((days * 100).rounded() / 100)) working days")
            }
        case 4, 6, 8, 10, 12, 36, 38, 40, 42, 44:
            // Elapsed lags count calendar time; planc's lags are working days.
            let calendarDays = link.linkLag / 10 / (24 * 60)
            days = calendarDays * 5 / 7
            if link.linkLag != 0 {
                note("'\(successorName)': an elapsed lag of \(NumberText.plain(calendarDays)) calendar days imported as \(NumberText.plain(days)) working days")
            }
        default:
            days = link.linkLag / 10 / minutesPerDay
        }
        days = (days * 100).rounded() / 100
        if days == 0 { return "" }
        return (days > 0 ? "+" : "-") + NumberText.plain(abs(days)) + "d"
    }

    /// `after:a,b+2d ss:c`: a task's or package's links, grouped by kind in the language's order.
    mutating func linkAttributes(_ index: Int) -> [String] {
        let task = project.tasks[index]
        var byKind: [Int: [String]] = [:]
        for link in task.links {
            guard let predecessor = taskIndex[link.predecessorUID] else {
                note("'\(task.name)': a link to task UID \(link.predecessorUID), which is not in the file\(link.crossProject ? " (a link to another project)" : ""), is not imported")
                continue
            }
            if predecessor == index {
                note("'\(task.name)': a link to itself is not imported")
                continue
            }
            byKind[link.type, default: []].append(taskIDs[predecessor] + lag(link, predecessor: predecessor, successorName: task.name))
        }
        return [(1, "after"), (3, "ss"), (0, "ff"), (2, "sf")].compactMap { type, key in
            byKind[type].map { "\(key):" + $0.joined(separator: ",") }
        }
    }

    // MARK: Numbers

    func days(minutes: Double) -> String { NumberText.plain(minutes / minutesPerDay) + "d" }

    func money(_ amount: Double) -> String? {
        guard let currency else { return nil }
        return NumberText.plain(amount) + currency
    }
}
