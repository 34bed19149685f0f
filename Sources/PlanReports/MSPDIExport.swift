import PlanAnalysis
import PlanModel

/// `planc export --format mspdi`: the plan as Microsoft Project's XML interchange format (MSPDI),
/// which MS Project, ProjectLibre, GanttProject and MPXJ-based tools read.
///
/// What it holds: one base calendar per plan calendar (working week, hours per day, holidays as
/// exceptions) and one resource calendar per person (time off as exceptions, on the person's or
/// the project's calendar); each selected planc project as a summary task at outline level 1
/// with its work breakdown beneath (work packages are summary tasks); planc's forecast dates,
/// durations in working time and planned work; all four link types with their lags (in days);
/// pins as Must Start On (or Must Finish On when only the finish is pinned), not-before dates as
/// Start No Earlier Than; milestones and deadlines; people and pools as work resources with
/// their day rate (written per hour, shown per day) and availability (a pool's size as its
/// maximum units), and a person's changes over time as availability periods and rate table 0;
/// assignments with their units and their share of the work; percent complete
/// and actual dates; baseline 0 dates when a baseline is measured. Cancelled work is kept as an
/// inactive task. Task UIDs follow the order of the export: 1 for the first project's summary
/// task, then its tasks in work breakdown order, then the next project. Resource UIDs are the
/// people in order, then the pools. `.ci/check-mspdi` reads the file with MPXJ and compares it
/// with the JSON export.
public enum MSPDIExport {
    public static func render(_ context: ReportContext, projects: [Int]) -> String {
        var writer = Writer(context: context, projects: projects)
        return writer.render()
    }

    /// Text content or an attribute value: the five XML specials escaped, and characters XML 1.0
    /// does not allow (control characters other than tab, line feed and carriage return,
    /// surrogates, U+FFFE and U+FFFF) replaced by U+FFFD.
    public static func escaped(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            case "\t", "\n": out.unicodeScalars.append(scalar)
            case "\r": out += "&#13;"
            default:
                let value = scalar.value
                if value < 0x20 || value == 0xFFFE || value == 0xFFFF {
                    out += "\u{FFFD}"
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out
    }

    /// `PT40H0M0S`: MSPDI's durations, in hours and minutes of working time.
    static func duration(minutes: Double) -> String {
        let total = max(Int(minutes.rounded()), 0)
        return "PT\(total / 60)H\(total % 60)M0S"
    }

    /// The working periods of a day of `hours` hours: from 08:00, with an hour's lunch at noon
    /// when the day is longer than four hours. Minutes from midnight.
    static func workingPeriods(hours: Double) -> [(from: Int, to: Int)] {
        let minutes = min(max(Int((hours * 60).rounded()), 1), 15 * 60)
        if minutes <= 240 { return [(480, 480 + minutes)] }
        return [(480, 720), (780, 780 + minutes - 240)]
    }

    static func clock(_ minutes: Int) -> String {
        let hours = minutes / 60, rest = minutes % 60
        return (hours < 10 ? "0" : "") + String(hours) + ":" + (rest < 10 ? "0" : "") + String(rest) + ":00"
    }

    /// MSPDI's link types.
    static func linkType(_ kind: DependencyKind) -> Int {
        switch kind {
        case .finishToFinish: 0
        case .finishToStart: 1
        case .startToFinish: 2
        case .startToStart: 3
        }
    }

    /// MSPDI's day numbers: 1 for Sunday to 7 for Saturday.
    static func dayType(_ weekday: Weekday) -> Int { weekday == .sunday ? 1 : weekday.rawValue + 2 }

    struct Writer {
        let context: ReportContext
        let projects: [Int]
        var lines: [String] = []
        var taskUIDs: [Int: Int] = [:]
        /// The calendar of the MSPDI project: its hours give the minutes of a day.
        var calendarIndex = Plan.defaultCalendar
        var minutesPerDay = 480.0
        var periods: [(from: Int, to: Int)] = MSPDIExport.workingPeriods(hours: 8)
        /// UID of the calendar standing for each plan calendar, and of each person's own.
        var calendarUIDs: [Int: Int] = [:]
        var personCalendarUIDs: [Int: Int] = [:]
        /// The file's one currency (`CurrencyCode`); costs in another are not written as amounts.
        var currency: String?

        init(context: ReportContext, projects: [Int]) {
            self.context = context
            self.projects = projects
        }

        mutating func element(_ name: String, _ value: String, _ depth: Int) {
            lines.append(String(repeating: "  ", count: depth) + "<\(name)>\(MSPDIExport.escaped(value))</\(name)>")
        }

        mutating func open(_ name: String, _ depth: Int) { lines.append(String(repeating: "  ", count: depth) + "<\(name)>") }
        mutating func close(_ name: String, _ depth: Int) { lines.append(String(repeating: "  ", count: depth) + "</\(name)>") }

        func startTime(_ day: Day) -> String { day.iso + "T" + MSPDIExport.clock(periods.first?.from ?? 480) }
        func finishTime(_ day: Day) -> String { day.iso + "T" + MSPDIExport.clock(periods.last?.to ?? 1020) }

        mutating func render() -> String {
            let plan = context.plan
            let schedule = context.schedule
            let projectCalendars = Set(projects.map { plan.projects[$0].calendarIndex })
            calendarIndex = projectCalendars.count == 1 ? projectCalendars.first! : (plan.calendarIndex(named: "default") ?? Plan.defaultCalendar)
            let hours = plan.calendars.indices.contains(calendarIndex) ? plan.calendars[calendarIndex].hoursPerDay : 8
            periods = MSPDIExport.workingPeriods(hours: hours)
            minutesPerDay = Double(periods.reduce(0) { $0 + $1.to - $1.from })
            let workingDaysPerWeek = plan.calendars.indices.contains(calendarIndex) ? plan.calendars[calendarIndex].workingDays.count : 5

            let starts = projects.compactMap { index -> Day? in
                let scheduled = schedule.projectStart.indices.contains(index) ? schedule.projectStart[index] : nil
                return [scheduled, plan.projects[index].start].compactMap { $0 }.min()
            }
            let finishes = projects.compactMap { index -> Day? in
                schedule.projectFinish.indices.contains(index) ? schedule.projectFinish[index] : nil
            }
            let start = starts.min() ?? schedule.today
            let finish = max(finishes.max() ?? start, start)
            let single = projects.count == 1 ? plan.projects[projects[0]] : nil
            let title = single?.title ?? plan.settings.title ?? "Portfolio"
            currency = projects.lazy.compactMap { plan.projects[$0].currency ?? plan.projects[$0].budget?.currency }.first
                ?? plan.settings.currency

            // UIDs: calendars first, so resources and the project can name them.
            var nextCalendar = 1
            for index in plan.calendars.indices {
                calendarUIDs[index] = nextCalendar
                nextCalendar += 1
            }
            if plan.calendars.isEmpty { calendarUIDs[Plan.defaultCalendar] = nextCalendar; nextCalendar += 1 }
            for index in plan.people.indices {
                personCalendarUIDs[index] = nextCalendar
                nextCalendar += 1
            }
            var nextTask = 1
            for projectIndex in projects {
                taskUIDs[-1 - projectIndex] = nextTask
                nextTask += 1
                for index in plan.projects[projectIndex].taskRange.clamped(to: plan.tasks.indices) {
                    taskUIDs[index] = nextTask
                    nextTask += 1
                }
            }

            lines.append("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>")
            lines.append("<Project xmlns=\"http://schemas.microsoft.com/project\">")
            element("SaveVersion", "14", 1)
            element("Name", (single?.id ?? "portfolio") + ".xml", 1)
            element("Title", title, 1)
            element("ScheduleFromStart", "1", 1)
            element("StartDate", startTime(start), 1)
            element("FinishDate", finishTime(finish), 1)
            element("CurrentDate", startTime(schedule.today), 1)
            element("StatusDate", startTime(schedule.today), 1)
            element("CalendarUID", String(calendarUIDs[calendarIndex] ?? 1), 1)
            element("DefaultStartTime", MSPDIExport.clock(periods.first?.from ?? 480), 1)
            element("DefaultFinishTime", MSPDIExport.clock(periods.last?.to ?? 1020), 1)
            element("MinutesPerDay", String(Int(minutesPerDay)), 1)
            element("MinutesPerWeek", String(Int(minutesPerDay) * workingDaysPerWeek), 1)
            element("DaysPerMonth", "20", 1)
            element("DurationFormat", "7", 1)
            element("WorkFormat", "2", 1)
            if let currency { element("CurrencyCode", currency, 1) }
            element("NewTasksEffortDriven", "0", 1)
            element("HonorConstraints", "1", 1)
            writeCalendars()
            writeTasks()
            writeResources()
            writeAssignments()
            lines.append("</Project>")
            return lines.joined(separator: "\n") + "\n"
        }

        // MARK: Calendars

        mutating func writeCalendars() {
            let plan = context.plan
            open("Calendars", 1)
            if plan.calendars.isEmpty {
                writeCalendar(uid: calendarUIDs[Plan.defaultCalendar] ?? 1, name: "Standard", base: nil,
                              week: Weekday.workweek, hours: 8, exceptions: [])
            }
            for (index, spec) in plan.calendars.enumerated() {
                let holidays = WorkingCalendar(plan: plan, calendarIndex: index).closed.map { days in
                    (days: days, name: plan.calendars.lazy.flatMap(\.holidays).first { $0.days == days }?.name ?? "Holiday")
                }
                writeCalendar(uid: calendarUIDs[index] ?? 1, name: spec.name, base: nil, week: spec.workingDays,
                              hours: spec.hoursPerDay, exceptions: holidays)
            }
            for (index, person) in plan.people.enumerated() {
                let base = plan.calendarIndex(resolving: person.calendarIndex ?? calendarIndex)
                writeCalendar(uid: personCalendarUIDs[index] ?? 1, name: person.name, base: calendarUIDs[base] ?? calendarUIDs[calendarIndex] ?? 1,
                              week: nil, hours: 8, exceptions: person.timeOff.map { ($0, "Time off") })
            }
            close("Calendars", 1)
        }

        /// A base calendar (`week` given) or a resource calendar on `base` that adds exceptions.
        mutating func writeCalendar(uid: Int, name: String, base: Int?, week: Set<Weekday>?, hours: Double,
                                    exceptions: [(days: DayRange, name: String)]) {
            open("Calendar", 2)
            element("UID", String(uid), 3)
            element("Name", name, 3)
            element("IsBaseCalendar", base == nil ? "1" : "0", 3)
            if let base { element("BaseCalendarUID", String(base), 3) }
            if let week {
                let dayPeriods = MSPDIExport.workingPeriods(hours: hours)
                open("WeekDays", 3)
                for weekday in [Weekday.sunday, .monday, .tuesday, .wednesday, .thursday, .friday, .saturday] {
                    open("WeekDay", 4)
                    element("DayType", String(MSPDIExport.dayType(weekday)), 5)
                    element("DayWorking", week.contains(weekday) ? "1" : "0", 5)
                    if week.contains(weekday) {
                        open("WorkingTimes", 5)
                        for period in dayPeriods {
                            open("WorkingTime", 6)
                            element("FromTime", MSPDIExport.clock(period.from), 7)
                            element("ToTime", MSPDIExport.clock(period.to), 7)
                            close("WorkingTime", 6)
                        }
                        close("WorkingTimes", 5)
                    }
                    close("WeekDay", 4)
                }
                close("WeekDays", 3)
            }
            if !exceptions.isEmpty {
                open("Exceptions", 3)
                for exception in exceptions {
                    open("Exception", 4)
                    element("EnteredByOccurrences", "0", 5)
                    open("TimePeriod", 5)
                    element("FromDate", exception.days.first.iso + "T00:00:00", 6)
                    element("ToDate", exception.days.last.iso + "T23:59:00", 6)
                    close("TimePeriod", 5)
                    element("Occurrences", "1", 5)
                    element("Name", exception.name, 5)
                    element("Type", "1", 5)
                    element("DayWorking", "0", 5)
                    close("Exception", 4)
                }
                close("Exceptions", 3)
            }
            close("Calendar", 2)
        }

        // MARK: Tasks

        /// Planned work in minutes: the leaves' planned effort, summed up for summaries.
        func plannedWork() -> [Double] {
            let plan = context.plan
            var work = Array(repeating: 0.0, count: plan.tasks.count)
            for index in plan.tasks.indices.reversed() {
                let task = plan.tasks[index]
                if Analyzer.isLeaf(task), task.state != .cancelled, task.kind != .milestone {
                    work[index] = context.plannedEffort(index) * minutesPerDay
                }
                if let parent = task.parent, parent < index, parent >= 0 { work[parent] += work[index] }
            }
            return work
        }

        mutating func writeTasks() {
            let plan = context.plan
            let work = plannedWork()
            open("Tasks", 1)
            for (position, projectIndex) in projects.enumerated() {
                let project = plan.projects[projectIndex]
                let range = project.taskRange.clamped(to: plan.tasks.indices)
                open("Task", 2)
                element("UID", String(taskUIDs[-1 - projectIndex] ?? 0), 3)
                element("ID", String(taskUIDs[-1 - projectIndex] ?? 0), 3)
                element("Name", project.title, 3)
                element("WBS", String(position + 1), 3)
                element("OutlineNumber", String(position + 1), 3)
                element("OutlineLevel", "1", 3)
                element("Summary", "1", 3)
                let schedule = context.schedule
                let scheduledStart = schedule.projectStart.indices.contains(projectIndex) ? schedule.projectStart[projectIndex] : nil
                let scheduledFinish = schedule.projectFinish.indices.contains(projectIndex) ? schedule.projectFinish[projectIndex] : nil
                if let first = scheduledStart ?? project.start {
                    let last = max(scheduledFinish ?? first, first)
                    element("Start", startTime(first), 3)
                    element("Finish", finishTime(last), 3)
                    element("Duration", MSPDIExport.duration(minutes: Double(context.calendars[projectIndex].workingDays(in: first, through: last)) * minutesPerDay), 3)
                }
                element("Work", MSPDIExport.duration(minutes: range.filter { plan.tasks[$0].parent == nil }.reduce(0) { $0 + work[$1] }), 3)
                if let deadline = project.deadline { element("Deadline", finishTime(deadline), 3) }
                close("Task", 2)
                for index in range { writeTask(index, project: position + 1, work: work[index]) }
            }
            close("Tasks", 1)
        }

        mutating func writeTask(_ index: Int, project: Int, work: Double) {
            let plan = context.plan
            let task = plan.tasks[index]
            let isSummary = context.isSummary(index)
            let isMilestone = task.kind == .milestone && !isSummary
            let uid = String(taskUIDs[index] ?? 0)
            open("Task", 2)
            element("UID", uid, 3)
            element("ID", uid, 3)
            element("Name", task.title, 3)
            if task.state == .cancelled { element("Active", "0", 3) }
            element("WBS", "\(project).\(context.outlineNumbers[index])", 3)
            element("OutlineNumber", "\(project).\(context.outlineNumbers[index])", 3)
            element("OutlineLevel", String(context.outlineNumbers[index].split(separator: ".").count + 1), 3)
            element("Priority", String(min(max(task.priority, 0), 1000)), 3)
            element("Summary", isSummary ? "1" : "0", 3)
            element("Milestone", isMilestone ? "1" : "0", 3)
            let calendar = context.calendar(ofTask: index)
            let slot = context.slot(index)
            if let slot {
                element("Start", isMilestone ? finishTime(slot.finish) : startTime(slot.start), 3)
                element("Finish", finishTime(slot.finish), 3)
                let days = isMilestone ? 0 : calendar.workingDays(in: slot.start, through: slot.finish)
                element("Duration", MSPDIExport.duration(minutes: Double(days) * minutesPerDay), 3)
                element("DurationFormat", "7", 3)
            }
            element("Work", MSPDIExport.duration(minutes: work), 3)
            if context.plannedCost[index] > 0 { element("Cost", NumberText.plain((context.plannedCost[index] * 100).rounded()), 3) }
            // `cost:` is the task's fixed part, beside what its people's rates add: MSPDI's
            // FixedCost, in hundredths as MS Project writes currency.
            if !isSummary, let cost = task.cost, cost.amount > 0, cost.currency == currency {
                element("FixedCost", NumberText.plain((cost.amount * 100).rounded()), 3)
            }
            if !isSummary { element("Type", task.durationDays != nil || task.assignments.isEmpty ? "0" : "2", 3) }
            let percent = context.progressPercent(index) ?? 0
            element("PercentComplete", String(percent), 3)
            let started = task.state == .done || task.state == .inProgress || percent > 0
            if let actualStart = task.actualStart ?? (started ? slot?.start : nil) {
                element("ActualStart", isMilestone ? finishTime(actualStart) : startTime(actualStart), 3)
            }
            if let actualFinish = task.actualFinish ?? (task.state == .done || percent >= 100 ? slot?.finish : nil) {
                element("ActualFinish", finishTime(actualFinish), 3)
            }
            // Pins and not-before dates.
            if let pinned = task.fixedStart {
                element("ConstraintType", "2", 3)
                element("ConstraintDate", isMilestone ? finishTime(pinned) : startTime(pinned), 3)
            } else if let pinned = task.fixedFinish {
                element("ConstraintType", "3", 3)
                element("ConstraintDate", finishTime(pinned), 3)
            } else if let notBefore = task.notBefore {
                element("ConstraintType", "4", 3)
                element("ConstraintDate", startTime(notBefore), 3)
            } else {
                element("ConstraintType", "0", 3)
            }
            if let deadline = task.deadline { element("Deadline", finishTime(deadline), 3) }
            if !task.notes.isEmpty { element("Notes", task.notes, 3) }
            for dependency in task.dependencies {
                guard let predecessor = taskUIDs[dependency.predecessor] else { continue }
                open("PredecessorLink", 3)
                element("PredecessorUID", String(predecessor), 4)
                element("Type", String(MSPDIExport.linkType(dependency.kind)), 4)
                element("CrossProject", "0", 4)
                element("LinkLag", String(Int((dependency.lagDays * minutesPerDay * 10).rounded())), 4)
                element("LagFormat", "7", 4)
                close("PredecessorLink", 3)
            }
            if let variance = context.variance(index) {
                open("Baseline", 3)
                element("Number", "0", 4)
                element("Start", isMilestone ? finishTime(variance.baselineFinish) : startTime(variance.baselineStart), 4)
                element("Finish", finishTime(variance.baselineFinish), 4)
                let days = isMilestone ? 0 : calendar.workingDays(in: variance.baselineStart, through: variance.baselineFinish)
                element("Duration", MSPDIExport.duration(minutes: Double(days) * minutesPerDay), 4)
                close("Baseline", 3)
            }
            close("Task", 2)
        }

        // MARK: Resources and assignments

        mutating func writeResources() {
            let plan = context.plan
            open("Resources", 1)
            for (index, person) in plan.people.enumerated() {
                writeResource(uid: index + 1, name: person.name, initials: person.id, group: person.role,
                              maxUnits: person.availability, rate: person.rate, calendar: personCalendarUIDs[index],
                              changes: person.changes)
            }
            for (index, pool) in plan.pools.enumerated() {
                writeResource(uid: plan.people.count + index + 1, name: pool.name, initials: pool.id, group: nil,
                              maxUnits: Double(max(pool.size, 1)), rate: pool.rate, calendar: nil, changes: [])
            }
            close("Resources", 1)
        }

        mutating func writeResource(uid: Int, name: String, initials: String, group: String?, maxUnits: Double,
                                    rate: Money?, calendar: Int?, changes: [PersonChange]) {
            open("Resource", 2)
            element("UID", String(uid), 3)
            element("ID", String(uid), 3)
            element("Name", name, 3)
            element("Type", "1", 3)
            element("Initials", initials, 3)
            if let group { element("Group", group, 3) }
            element("MaxUnits", NumberText.plain(maxUnits), 3)
            if let rate {
                // MSPDI keeps rates per hour; planc's are per day.
                element("StandardRate", NumberText.plain(rate.amount / (minutesPerDay / 60)), 3)
                element("StandardRateFormat", "3", 3)
            }
            if let calendar { element("CalendarUID", String(calendar), 3) }
            writeChanges(maxUnits: maxUnits, rate: rate, changes: changes)
            close("Resource", 2)
        }

        /// MS Project's first and last dates: its tables of availability and rates run from the
        /// one to the other, with no gap.
        static let firstDate = "1984-01-01T00:00:00", lastDate = "2049-12-31T23:59:00"

        /// A person's changes over time as MS Project keeps them: availability periods, and cost
        /// rate table 0 (A), each a run of periods over the whole timeline, the first holding the
        /// person's own `availability` and `rate`. A period ends on the last minute of the day
        /// before the next begins, as the calendar exceptions above do. Only written when there are
        /// changes, so a file without them stays as it was.
        mutating func writeChanges(maxUnits: Double, rate: Money?, changes: [PersonChange]) {
            guard !changes.isEmpty else { return }
            func periods<Value: Equatable>(_ first: Value, _ value: (PersonChange) -> Value?) -> [(from: Day?, value: Value)] {
                var runs: [(from: Day?, value: Value)] = [(nil, first)]
                for change in changes {
                    guard let next = value(change), next != runs[runs.count - 1].value else { continue }
                    runs.append((change.from, next))
                }
                return runs
            }
            let availability = periods(maxUnits) { $0.availability }
            writePeriods(availability, table: "AvailabilityPeriods", period: "AvailabilityPeriod", from: "AvailableFrom", to: "AvailableTo") { units in
                [("AvailableUnits", NumberText.plain(units))]
            }
            let rates = periods(rate?.amount ?? 0) { $0.rate?.amount }
            guard rates.count > 1 || rate != nil else { return }
            // Per hour, as the resource's StandardRate.
            let hoursPerDay = minutesPerDay / 60
            writePeriods(rates, table: "Rates", period: "Rate", from: "RatesFrom", to: "RatesTo") { amount in
                [("RateTable", "0"), ("StandardRate", NumberText.plain(amount / hoursPerDay)), ("StandardRateFormat", "3")]
            }
        }

        mutating func writePeriods<Value>(_ runs: [(from: Day?, value: Value)], table: String, period: String, from: String, to: String,
                                          fields: (Value) -> [(String, String)]) {
            open(table, 3)
            for index in runs.indices {
                open(period, 4)
                element(from, runs[index].from.map { $0.iso + "T00:00:00" } ?? Self.firstDate, 5)
                element(to, index + 1 < runs.count ? runs[index + 1].from!.adding(days: -1).iso + "T23:59:00" : Self.lastDate, 5)
                for (name, value) in fields(runs[index].value) { element(name, value, 5) }
                close(period, 4)
            }
            close(table, 3)
        }

        mutating func writeAssignments() {
            let plan = context.plan
            let work = plannedWork()
            open("Assignments", 1)
            var uid = 1
            for projectIndex in projects {
                for index in plan.projects[projectIndex].taskRange.clamped(to: plan.tasks.indices) {
                    let task = plan.tasks[index]
                    guard let taskUID = taskUIDs[index], Analyzer.isLeaf(task) else { continue }
                    let totalUnits = task.assignments.reduce(0) { $0 + max($1.units, 0) }
                    for assignment in task.assignments {
                        let resourceUID: Int
                        switch assignment.resource {
                        case .person(let person): resourceUID = person + 1
                        case .pool(let pool): resourceUID = plan.people.count + pool + 1
                        }
                        open("Assignment", 2)
                        element("UID", String(uid), 3)
                        element("TaskUID", String(taskUID), 3)
                        element("ResourceUID", String(resourceUID), 3)
                        element("Units", NumberText.plain(assignment.units), 3)
                        let share = totalUnits > 0 ? max(assignment.units, 0) / totalUnits : 0
                        element("Work", MSPDIExport.duration(minutes: work[index] * share), 3)
                        if let slot = context.slot(index) {
                            element("Start", startTime(slot.start), 3)
                            element("Finish", finishTime(slot.finish), 3)
                        }
                        close("Assignment", 2)
                        uid += 1
                    }
                }
            }
            close("Assignments", 1)
        }
    }
}
