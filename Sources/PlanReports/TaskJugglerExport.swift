import PlanAnalysis
import PlanModel

/// `planc export --format tjp`: a TaskJuggler 3 project that `tj3` accepts and schedules like
/// planc, for people moving between the two tools. One TaskJuggler project holds the selected
/// planc projects as top-level tasks, so dependencies between projects survive.
///
/// The export says what the plan says, in TaskJuggler's terms: the project calendar becomes the
/// working hours (`dailyworkinghours` hours on each working weekday) and global leaves; pools
/// become resource groups whose members each task picks per head (`alternative`); milestones
/// happen at the end of their day; pins, not-before dates and finish-to-finish or start-to-finish
/// links become start constraints where TaskJuggler's forward scheduling can hold them; done
/// tasks keep their actual dates and tasks in progress schedule their remaining work from
/// today; cancelled tasks are left out. What TaskJuggler cannot say is written as a comment
/// beside the task instead of being dropped silently. docs/terminal.md lists which plans the two
/// tools schedule alike; `TaskJugglerComparisonTests` checks them with tj3.
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

    /// The working day of a TaskJuggler calendar: `hoursPerDay` hours from 9:00 (earlier when
    /// they would run past midnight), so that a day's effort is one working day, as in planc.
    /// Hours that are not whole are rounded to the quarter hour: TaskJuggler's clock has slots
    /// of at least five minutes, and `dailyworkinghours` must equal the day exactly, or effort
    /// and lengths drift against the days.
    struct WorkingDay {
        /// Minutes after midnight.
        let opens: Int
        let closes: Int

        init(hoursPerDay: Double) {
            let quarters = min(max(Int((hoursPerDay * 4).rounded()), 1), 24 * 4)
            opens = min(9 * 60, 24 * 60 - quarters * 15)
            closes = opens + quarters * 15
        }

        var hours: Double { Double(closes - opens) / 60 }

        static func clock(_ minutes: Int) -> String {
            "\(minutes / 60):\(minutes % 60 < 10 ? "0" : "")\(minutes % 60)"
        }

        /// `timingresolution` that the hours fall on (TaskJuggler's default is one hour).
        var resolution: Int? { (closes - opens) % 60 == 0 && opens % 60 == 0 ? nil : 15 }

        var interval: String { "\(WorkingDay.clock(opens)) - \(WorkingDay.clock(closes))" }

        /// The instant a working day ends: where TaskJuggler puts a milestone or a fixed end so
        /// that reports show the day and successors start on the next working day.
        func end(of day: Day) -> String {
            closes >= 24 * 60 ? day.adding(days: 1).iso : "\(day.iso)-\(WorkingDay.clock(closes))"
        }

        /// `workinghours` lines for a working week: its days open, the others off.
        func lines(_ week: Set<Weekday>, indent: String) -> [String] {
            let open = Weekday.allCases.filter { week.contains($0) }.map(\.shortName)
            let closed = Weekday.allCases.filter { !week.contains($0) }.map(\.shortName)
            var lines: [String] = []
            if !open.isEmpty { lines.append("\(indent)workinghours \(open.joined(separator: ", ")) \(interval)") }
            if !closed.isEmpty { lines.append("\(indent)workinghours \(closed.joined(separator: ", ")) off") }
            return lines
        }
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
        /// The one calendar TaskJuggler works with (see `render`).
        var calendarIndex = Plan.defaultCalendar
        var workingDay = WorkingDay(hoursPerDay: 8)
        var week = CalendarSpec(name: "default").workingDays
        /// The TaskJuggler project's start and end: nothing is scheduled before it.
        var projectStart = Day(ordinal: 0)
        var projectEnd = Day(ordinal: 0)

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
            projectStart = start
            // TaskJuggler fails when its own schedule runs past the project end; leave it a year of room.
            let end = (finishes.max() ?? start).adding(days: 365)
            projectEnd = end
            let single = projects.count == 1 ? plan.projects[projects[0]] : nil
            let projectID = TaskJugglerExport.identifier(single.map { $0.id + "_plan" } ?? "portfolio")
            let title = single?.title ?? "Portfolio"
            // TaskJuggler has one working calendar for lengths and gaps: the projects' own when
            // they share one, else the repository's default.
            let projectCalendars = Set(projects.map { plan.projects[$0].calendarIndex })
            calendarIndex = projectCalendars.count == 1 ? projectCalendars.first! : (plan.calendarIndex(named: "default") ?? Plan.defaultCalendar)
            let calendarSpec = plan.calendars.indices.contains(calendarIndex) ? plan.calendars[calendarIndex] : CalendarSpec(name: "default")
            workingDay = WorkingDay(hoursPerDay: calendarSpec.hoursPerDay)
            week = calendarSpec.workingDays
            let currency = projects.lazy.compactMap { plan.projects[$0].currency ?? plan.projects[$0].budget?.currency }.first

            lines.append("/*")
            lines.append(" * Exported by planc from \(NumberText.count(plan.files.count, "plan file")), today \(schedule.today.iso).")
            lines.append(" * Task ids are planc ids with characters TaskJuggler does not allow replaced by '_'.")
            lines.append(" * tj3 schedules it as is; add a report to see the result, for example:")
            lines.append(" *   taskreport overview \"overview\" { formats html columns name, start, end, effort, chart }")
            lines.append(" */")
            lines.append("project \(projectID) \(TaskJugglerExport.quoted(title)) \(start.iso) - \(end.iso) {")
            lines.append("  timezone \"UTC\"")
            lines.append("  timeformat \"%Y-%m-%d\"")
            lines.append("  now \(schedule.today.iso)")
            if let currency { lines.append("  currency \(TaskJugglerExport.quoted(currency))") }
            if let resolution = workingDay.resolution { lines.append("  timingresolution \(resolution)min") }
            if workingDay.hours != calendarSpec.hoursPerDay {
                lines.append("  # hours-per-day \(NumberText.plain(calendarSpec.hoursPerDay)) rounded to the quarter hour TaskJuggler's clock can hold")
            }
            lines.append("  dailyworkinghours \(NumberText.plain(workingDay.hours))")
            lines.append(contentsOf: workingDay.lines(calendarSpec.workingDays, indent: "  "))
            lines.append("}")
            lines.append("")

            let holidays = WorkingCalendar(plan: plan, calendarIndex: calendarIndex).closed
            for holiday in holidays {
                lines.append("leaves holiday \(TaskJugglerExport.quoted(holidayName(holiday))) \(holiday.first.iso) +\(holiday.last - holiday.first + 1)d")
            }
            if !holidays.isEmpty { lines.append("") }

            // A project on another calendar works in a shift of its own: its tasks' lengths and
            // work follow that calendar's week (gaps between tasks still count the one above).
            // tj3 ignores a shift's leaves when it counts a length, so the calendar's own
            // holidays are periods of a shift that never works (`writeProject`).
            let others = Set(projects.map { plan.projects[$0].calendarIndex }).sorted().filter { $0 != calendarIndex && plan.calendars.indices.contains($0) }
            for own in others {
                lines.append("shift \(shiftID(own)) \(TaskJugglerExport.quoted(plan.calendars[own].name)) {")
                lines.append(contentsOf: workingDay.lines(plan.calendars[own].workingDays, indent: "  "))
                lines.append("}")
                lines.append("")
            }
            if others.contains(where: { !ownHolidays($0).isEmpty }) {
                lines.append("shift closed \"Holiday\" {")
                lines.append(contentsOf: workingDay.lines([], indent: "  "))
                lines.append("}")
                lines.append("")
            }

            let hasFixedCosts = projects.contains { index in
                plan.projects[index].taskRange.clamped(to: plan.tasks.indices).contains { plan.tasks[$0].cost != nil }
            }
            if hasFixedCosts {
                lines.append("account cost \"Cost\"")
                lines.append("")
            }

            writeResources(hoursPerDay: workingDay.hours)
            for projectIndex in projects { writeProject(projectIndex) }
            return lines.joined(separator: "\n") + "\n"
        }

        func holidayName(_ days: DayRange) -> String {
            context.plan.calendars.lazy.flatMap(\.holidays).first { $0.days == days }?.name ?? "Holiday"
        }

        /// Whether a task appears in the export: cancelled work is left out, and so is a summary
        /// with nothing left inside it.
        func isExported(_ index: Int) -> Bool {
            let plan = context.plan
            guard plan.tasks.indices.contains(index) else { return false }
            let task = plan.tasks[index]
            if Analyzer.isLeaf(task) { return task.state != .cancelled }
            return task.children.contains { $0 > index && isExported($0) }
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
                for index in project.taskRange.clamped(to: plan.tasks.indices) where isExported(index) {
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

        mutating func writeResources(hoursPerDay: Double) {
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
                if let rate = person.rate { lines.append("  rate \(NumberText.plain(rate.amount))") }
                if person.availability < 1, person.availability > 0 {
                    lines.append("  limits { dailymax \(NumberText.plain(person.availability * hoursPerDay))h }")
                }
                if !person.changes.isEmpty {
                    lines.append("  # availability or rate changes from \(person.changes.map(\.from.iso).joined(separator: ", ")) are not exported")
                }
                for off in person.timeOff {
                    lines.append("  leaves annual \(off.first.iso) +\(off.last - off.first + 1)d")
                }
                if let own = person.calendarIndex {
                    // A person on another calendar (another office) gets its extra holidays and working week.
                    lines.append(contentsOf: calendarDifference(own, indent: "  "))
                }
                lines.append("}")
            }
            for (index, pool) in plan.pools.enumerated() {
                let id = unique(pool.id)
                lines.append("resource \(id) \(TaskJugglerExport.quoted(pool.name)) {")
                if let rate = pool.rate { lines.append("  rate \(NumberText.plain(rate.amount))") }
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

        func shiftID(_ calendar: Int) -> String {
            TaskJugglerExport.identifier("calendar_" + context.plan.calendars[calendar].name)
        }

        /// Holidays of calendar `own` that the export's one lacks.
        func ownHolidays(_ own: Int) -> [DayRange] {
            let plan = context.plan
            guard own != calendarIndex, plan.calendars.indices.contains(own) else { return [] }
            let shared = Set(WorkingCalendar(plan: plan, calendarIndex: calendarIndex).closed)
            return WorkingCalendar(plan: plan, calendarIndex: own).closed.filter { !shared.contains($0) }
        }

        /// What calendar `own` adds to the export's one: its working week when it differs, with
        /// the export's hours so that a day's effort stays a day, and its own holidays.
        func calendarDifference(_ own: Int, indent: String) -> [String] {
            let plan = context.plan
            guard own != calendarIndex, plan.calendars.indices.contains(own) else { return [] }
            var lines: [String] = []
            if plan.calendars[own].workingDays != week {
                lines.append(contentsOf: workingDay.lines(plan.calendars[own].workingDays, indent: indent))
            }
            for holiday in ownHolidays(own) {
                lines.append("\(indent)leaves holiday \(TaskJugglerExport.quoted(holidayName(holiday))) \(holiday.first.iso) +\(holiday.last - holiday.first + 1)d")
            }
            return lines
        }

        /// `shifts` of a project on calendar `own`: its week, and no work on its own holidays.
        func shiftAssignments(_ own: Int) -> String {
            var periods: [String] = []
            var from = projectStart
            for holiday in ownHolidays(own) where holiday.last >= projectStart && holiday.first < projectEnd {
                let first = max(holiday.first, projectStart), after = min(holiday.last.adding(days: 1), projectEnd)
                if from < first { periods.append("\(shiftID(own)) \(from.iso) - \(first.iso)") }
                periods.append("closed \(first.iso) - \(after.iso)")
                from = max(from, after)
            }
            if from < projectEnd { periods.append("\(shiftID(own)) \(from.iso) - \(projectEnd.iso)") }
            return "shifts " + periods.joined(separator: ", ")
        }

        mutating func writeProject(_ projectIndex: Int) {
            let plan = context.plan
            let project = plan.projects[projectIndex]
            let range = project.taskRange.clamped(to: plan.tasks.indices)
            guard let anyTask = range.first(where: { paths[$0] != nil }), let anyPath = paths[anyTask] else {
                // TaskJuggler needs at least one task; an empty project becomes a milestone at its start.
                lines.append("task \(TaskJugglerExport.identifier(project.id)) \(TaskJugglerExport.quoted(project.title)) {")
                lines.append("  milestone")
                lines.append("}")
                lines.append("")
                return
            }
            let root = String(anyPath.prefix { $0 != "." })
            lines.append("task \(root) \(TaskJugglerExport.quoted(project.title)) {")
            if let deadline = project.deadline { lines.append("  # deadline \(deadline.iso)") }
            if project.calendarIndex != calendarIndex, plan.calendars.indices.contains(project.calendarIndex) {
                lines.append("  # calendar \(plan.calendars[project.calendarIndex].name): its lags count the working days of \(plan.calendars.indices.contains(calendarIndex) ? plan.calendars[calendarIndex].name : "default")")
                lines.append("  " + shiftAssignments(project.calendarIndex))
            }
            for index in range where plan.tasks[index].parent == nil {
                writeTask(index, depth: 1)
            }
            lines.append("}")
            lines.append("")
        }
    }
}
