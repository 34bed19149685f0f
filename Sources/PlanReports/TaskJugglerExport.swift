import PlanAnalysis
import PlanModel

/// `planc export --format tjp`: a TaskJuggler 3 project that `tj3` accepts, for people moving
/// between the two tools. One TaskJuggler project holds the selected planc projects as top-level
/// tasks, so dependencies between projects survive.
///
/// What TaskJuggler cannot say is written as a comment beside the task instead of being dropped
/// silently: deadlines (`maxend` would make tj3 fail rather than report), negative lags,
/// finish-to-finish and start-to-finish links, and fixed dates on tasks that also have predecessors.
public enum TaskJugglerExport {
    public static func render(_ context: ReportContext, projects: [Int]) -> String {
        var writer = Writer(context: context, projects: projects)
        return writer.render()
    }

    /// TaskJuggler ids: `[A-Za-z_][A-Za-z0-9_]*`.
    static func identifier(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            let isAllowed = scalar.isASCII && (scalar.properties.isAlphabetic || (scalar.value >= 48 && scalar.value <= 57))
            out += isAllowed ? String(scalar) : "_"
        }
        if out.isEmpty { return "_" }
        if let first = out.unicodeScalars.first, first.value >= 48, first.value <= 57 { out = "_" + out }
        return out
    }

    /// A double-quoted TaskJuggler string; quotes become apostrophes and line breaks spaces.
    static func quoted(_ text: String) -> String {
        var out = "\""
        for character in text {
            switch character {
            case "\"": out += "'"
            case "\n", "\r\n", "\r": out += " "
            case "\\": out += "/"
            default: out.append(character)
            }
        }
        return out + "\""
    }

    static func amount(_ value: Double) -> String {
        let hundredths = Int((value * 100).rounded())
        let magnitude = hundredths.magnitude
        let fraction = magnitude % 100
        let sign = hundredths < 0 ? "-" : ""
        if fraction == 0 { return sign + String(magnitude / 100) }
        if fraction % 10 == 0 { return sign + "\(magnitude / 100).\(fraction / 10)" }
        return sign + "\(magnitude / 100).\(fraction < 10 ? "0" : "")\(fraction)"
    }

    struct Writer {
        let context: ReportContext
        let projects: [Int]
        var lines: [String] = []
        /// TaskJuggler's absolute id (`crm.build.customer_api`) for every exported task.
        var paths: [Int: String] = [:]
        /// Member resource ids of each pool, in order.
        var poolMembers: [Int: [String]] = [:]
        var personIDs: [Int: String] = [:]

        init(context: ReportContext, projects: [Int]) {
            self.context = context
            self.projects = projects
        }

        mutating func render() -> String {
            let plan = context.plan
            assignPaths()
            let schedule = context.schedule
            let starts = projects.compactMap { index -> Day? in
                let scheduled = schedule.projectStart.indices.contains(index) ? schedule.projectStart[index] : nil
                return [scheduled, plan.projects[index].start].compactMap { $0 }.min()
            }
            let finishes = projects.compactMap { index -> Day? in
                let scheduled = schedule.projectFinish.indices.contains(index) ? schedule.projectFinish[index] : nil
                return [scheduled, plan.projects[index].deadline].compactMap { $0 }.max()
            }
            let start = starts.min() ?? schedule.today
            // TaskJuggler fails when its own schedule runs past the project end; leave it a year of room.
            let end = (finishes.max() ?? start).adding(days: 365)
            let single = projects.count == 1 ? plan.projects[projects[0]] : nil
            let projectID = TaskJugglerExport.identifier(single.map { $0.id + "_plan" } ?? "portfolio")
            let title = single?.title ?? "Portfolio"
            let calendarIndex = single?.calendarIndex ?? plan.calendarIndex(named: "default") ?? 0
            let calendarSpec = plan.calendars.indices.contains(calendarIndex) ? plan.calendars[calendarIndex] : CalendarSpec(name: "default")
            let currency = projects.lazy.compactMap { plan.projects[$0].currency ?? plan.projects[$0].budget?.currency }.first

            lines.append("/*")
            lines.append(" * Exported by planc from \(plan.files.count) plan file\(plan.files.count == 1 ? "" : "s"), today \(schedule.today.iso).")
            lines.append(" * Task ids are planc ids with characters TaskJuggler does not allow replaced by '_'.")
            lines.append(" * tj3 schedules it as is; add a report to see the result, for example:")
            lines.append(" *   taskreport overview \"overview\" { formats html columns name, start, end, effort, chart }")
            lines.append(" */")
            lines.append("project \(projectID) \(TaskJugglerExport.quoted(title)) \(start.iso) - \(end.iso) {")
            lines.append("  timezone \"UTC\"")
            lines.append("  timeformat \"%Y-%m-%d\"")
            lines.append("  now \(schedule.today.iso)")
            if let currency { lines.append("  currency \(TaskJugglerExport.quoted(currency))") }
            if calendarSpec.hoursPerDay != 8 { lines.append("  dailyworkinghours \(TaskJugglerExport.amount(calendarSpec.hoursPerDay))") }
            for weekday in Weekday.allCases {
                let works = calendarSpec.workingDays.contains(weekday)
                let isDefault = weekday.rawValue < 5
                if works && !isDefault { lines.append("  workinghours \(weekday.shortName) 9:00 - 12:00, 13:00 - 18:00") }
                if !works && isDefault { lines.append("  workinghours \(weekday.shortName) off") }
            }
            lines.append("}")
            lines.append("")

            let holidays = WorkingCalendar(plan: plan, calendarIndex: calendarIndex).closed
            let holidayNames = plan.calendars.flatMap(\.holidays)
            for holiday in holidays {
                let name = holidayNames.first { $0.days == holiday }?.name ?? "Holiday"
                lines.append("leaves holiday \(TaskJugglerExport.quoted(name)) \(holiday.first.iso) +\(holiday.last - holiday.first + 1)d")
            }
            if !holidays.isEmpty { lines.append("") }

            let hasFixedCosts = projects.contains { index in
                plan.projects[index].taskRange.clamped(to: plan.tasks.indices).contains { plan.tasks[$0].cost != nil }
            }
            if hasFixedCosts {
                lines.append("account cost \"Cost\"")
                lines.append("")
            }

            writeResources(hoursPerDay: calendarSpec.hoursPerDay, projectCalendar: calendarIndex)
            for projectIndex in projects { writeProject(projectIndex, hoursPerDay: calendarSpec.hoursPerDay) }
            return lines.joined(separator: "\n") + "\n"
        }

        /// Ids unique among siblings, as TaskJuggler requires; summaries nest their children.
        mutating func assignPaths() {
            let plan = context.plan
            var projectIDs: Set<String> = []
            for projectIndex in projects {
                let project = plan.projects[projectIndex]
                var root = TaskJugglerExport.identifier(project.id)
                while projectIDs.contains(root) { root += "_" }
                projectIDs.insert(root)
                var siblingIDs: [Int: Set<String>] = [:]
                let rootKey = -1 - projectIndex
                for index in project.taskRange.clamped(to: plan.tasks.indices) {
                    let task = plan.tasks[index]
                    let parentKey = task.parent ?? rootKey
                    let parentPath = task.parent.flatMap { paths[$0] } ?? root
                    var id = TaskJugglerExport.identifier(task.id)
                    var suffix = 2
                    let base = id
                    while siblingIDs[parentKey, default: []].contains(id) { id = "\(base)_\(suffix)"; suffix += 1 }
                    siblingIDs[parentKey, default: []].insert(id)
                    paths[index] = parentPath + "." + id
                }
            }
        }

        mutating func writeResources(hoursPerDay: Double, projectCalendar: Int) {
            let plan = context.plan
            var used: Set<String> = []
            func unique(_ text: String) -> String {
                var id = TaskJugglerExport.identifier(text)
                while used.contains(id) { id += "_" }
                used.insert(id)
                return id
            }
            for (index, person) in plan.people.enumerated() {
                let id = unique(person.id)
                personIDs[index] = id
                lines.append("resource \(id) \(TaskJugglerExport.quoted(person.name)) {")
                if let rate = person.rate { lines.append("  rate \(TaskJugglerExport.amount(rate.amount))") }
                if person.availability < 1, person.availability > 0 {
                    lines.append("  limits { dailymax \(TaskJugglerExport.amount(person.availability * hoursPerDay))h }")
                }
                for off in person.timeOff {
                    lines.append("  leaves annual \(off.first.iso) +\(off.last - off.first + 1)d")
                }
                if let own = person.calendarIndex, own != projectCalendar, plan.calendars.indices.contains(own) {
                    // A person on another calendar (another office) gets its extra holidays and working week.
                    let shared = Set(WorkingCalendar(plan: plan, calendarIndex: projectCalendar).closed)
                    let names = plan.calendars.flatMap(\.holidays)
                    for holiday in WorkingCalendar(plan: plan, calendarIndex: own).closed where !shared.contains(holiday) {
                        let name = names.first { $0.days == holiday }?.name ?? "Holiday"
                        lines.append("  leaves holiday \(TaskJugglerExport.quoted(name)) \(holiday.first.iso) +\(holiday.last - holiday.first + 1)d")
                    }
                    let week = plan.calendars[own].workingDays
                    for weekday in Weekday.allCases where week.contains(weekday) != plan.calendars[projectCalendar].workingDays.contains(weekday) {
                        lines.append(week.contains(weekday)
                            ? "  workinghours \(weekday.shortName) 9:00 - 12:00, 13:00 - 18:00"
                            : "  workinghours \(weekday.shortName) off")
                    }
                }
                lines.append("}")
            }
            for (index, pool) in plan.pools.enumerated() {
                let id = unique(pool.id)
                lines.append("resource \(id) \(TaskJugglerExport.quoted(pool.name)) {")
                if let rate = pool.rate { lines.append("  rate \(TaskJugglerExport.amount(rate.amount))") }
                var members: [String] = []
                for head in 1...max(pool.size, 1) {
                    let member = unique("\(pool.id)_\(head)")
                    members.append(member)
                    lines.append("  resource \(member) \(TaskJugglerExport.quoted("\(pool.name) \(head)"))")
                }
                poolMembers[index] = members
                lines.append("}")
            }
            if !plan.people.isEmpty || !plan.pools.isEmpty { lines.append("") }
        }

        mutating func writeProject(_ projectIndex: Int, hoursPerDay: Double) {
            let plan = context.plan
            let project = plan.projects[projectIndex]
            let range = project.taskRange.clamped(to: plan.tasks.indices)
            guard let anyTask = range.first, let anyPath = paths[anyTask] else {
                // TaskJuggler needs at least one task; an empty project becomes a milestone at its start.
                lines.append("task \(TaskJugglerExport.identifier(project.id)) \(TaskJugglerExport.quoted(project.title)) {")
                lines.append("  milestone")
                lines.append("}")
                return
            }
            let root = String(anyPath.prefix { $0 != "." })
            lines.append("task \(root) \(TaskJugglerExport.quoted(project.title)) {")
            if let deadline = project.deadline { lines.append("  # deadline \(deadline.iso)") }
            for index in range where plan.tasks[index].parent == nil {
                writeTask(index, depth: 1, hoursPerDay: hoursPerDay)
            }
            lines.append("}")
            lines.append("")
        }

        mutating func writeTask(_ index: Int, depth: Int, hoursPerDay: Double) {
            let plan = context.plan
            let task = plan.tasks[index]
            let pad = String(repeating: "  ", count: depth)
            guard let path = paths[index] else { return }
            let localID = String(path.split(separator: ".").last ?? "_")
            lines.append("\(pad)task \(localID) \(TaskJugglerExport.quoted(task.title)) {")
            let inner = pad + "  "

            var hasDependencies = false
            for dependency in task.dependencies {
                guard let predecessorPath = paths[dependency.predecessor] else {
                    lines.append("\(inner)# after \(plan.tasks.indices.contains(dependency.predecessor) ? context.qualifiedID(dependency.predecessor) : "?") (not exported)")
                    continue
                }
                // TaskJuggler rejects links between a task and its own ancestors or descendants.
                if path.hasPrefix(predecessorPath + ".") || predecessorPath.hasPrefix(path + ".") {
                    lines.append("\(inner)# after \(context.qualifiedID(dependency.predecessor)): a parent-child link TaskJuggler does not allow")
                    continue
                }
                var options: [String] = []
                if dependency.kind == .startToStart { options.append("onstart") }
                if dependency.kind == .finishToFinish || dependency.kind == .startToFinish {
                    lines.append("\(inner)# \(dependency.kind.rawValue) link on \(context.qualifiedID(dependency.predecessor)): TaskJuggler has no such link")
                    continue
                }
                if dependency.lagDays > 0 { options.append("gaplength \(TaskJugglerExport.amount(dependency.lagDays))d") }
                if dependency.lagDays < 0 {
                    lines.append("\(inner)# lead of \(TaskJugglerExport.amount(-dependency.lagDays))d on \(context.qualifiedID(dependency.predecessor)) left out: TaskJuggler has no negative gaps")
                }
                lines.append("\(inner)depends \(predecessorPath)" + (options.isEmpty ? "" : " { \(options.joined(separator: " ")) }"))
                hasDependencies = true
            }
            if task.priority != 500 { lines.append("\(inner)priority \(min(max(task.priority, 1), 1000))") }
            if let deadline = task.deadline { lines.append("\(inner)# due \(deadline.iso)") }

            if !Analyzer.isLeaf(task) {
                for child in task.children where plan.tasks.indices.contains(child) {
                    writeTask(child, depth: depth + 1, hoursPerDay: hoursPerDay)
                }
                lines.append("\(pad)}")
                return
            }

            if task.kind == .milestone {
                lines.append("\(inner)milestone")
                if !hasDependencies, let day = task.fixedStart ?? task.fixedFinish ?? context.slot(index)?.finish {
                    lines.append("\(inner)start \(day.iso)")
                }
            } else {
                let fixedBoth = task.fixedStart != nil && task.fixedFinish != nil
                if fixedBoth, !hasDependencies, let first = task.fixedStart, let last = task.fixedFinish {
                    // TaskJuggler's end is the instant the task ends: the morning after its last day.
                    lines.append("\(inner)start \(first.iso)")
                    lines.append("\(inner)end \(last.adding(days: 1).iso)")
                } else {
                    if let anchor = task.fixedStart ?? task.notBefore {
                        if hasDependencies { lines.append("\(inner)# not before \(anchor.iso) (TaskJuggler takes dates or predecessors, not both)") }
                        else { lines.append("\(inner)start \(anchor.iso)") }
                    }
                    if let last = task.fixedFinish { lines.append("\(inner)# finish \(last.iso)") }
                    let allocations = allocationIDs(task)
                    if let effort = task.effortDays, !allocations.isEmpty {
                        lines.append("\(inner)effort \(TaskJugglerExport.amount(max(effort, 0.1)))d")
                    } else if let duration = task.durationDays {
                        lines.append("\(inner)length \(TaskJugglerExport.amount(max(duration, 0.1)))d")
                    } else if let effort = task.effortDays {
                        lines.append("\(inner)# effort \(TaskJugglerExport.amount(effort))d with nobody assigned: exported as length")
                        lines.append("\(inner)length \(TaskJugglerExport.amount(max(effort, 0.1)))d")
                    } else {
                        lines.append("\(inner)length 1d")
                    }
                    if !allocations.isEmpty { lines.append("\(inner)allocate \(allocations.joined(separator: ", "))") }
                    // Part-time assignments as daily limits, all in one block: a second `limits` would replace the first.
                    var limits: [String] = []
                    for assignment in task.assignments {
                        if case .person(let person) = assignment.resource, assignment.units > 0, assignment.units < 1,
                           let id = personIDs[person] {
                            limits.append("dailymax \(TaskJugglerExport.amount(assignment.units * hoursPerDay))h { resources \(id) }")
                        }
                    }
                    if !limits.isEmpty { lines.append("\(inner)limits { \(limits.joined(separator: " ")) }") }
                }
            }
            if let cost = task.cost {
                lines.append("\(inner)chargeset cost")
                lines.append("\(inner)charge \(TaskJugglerExport.amount(cost.amount)) onstart")
            }
            if task.state == .done || task.state == .cancelled {
                lines.append("\(inner)complete 100")
            } else if let percent = task.percentComplete, percent > 0 {
                lines.append("\(inner)complete \(TaskJugglerExport.amount(min(percent, 100)))")
            }
            lines.append("\(pad)}")
        }

        func allocationIDs(_ task: Task) -> [String] {
            var ids: [String] = []
            for assignment in task.assignments {
                switch assignment.resource {
                case .person(let index):
                    if let id = personIDs[index] { ids.append(id) }
                case .pool(let index):
                    let members = poolMembers[index] ?? []
                    let heads = min(max(Int(assignment.units.rounded(.up)), 1), members.count)
                    ids.append(contentsOf: members.prefix(heads))
                }
            }
            var seen: Set<String> = []
            return ids.filter { seen.insert($0).inserted }
        }
    }
}
