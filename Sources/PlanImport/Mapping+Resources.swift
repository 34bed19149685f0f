import PlanFrontEnd
import PlanModel

/// The team file and the calendar files.
extension Mapping {
    // MARK: Team

    /// Work resources become people (maximum units up to 100 %, as availability) or pools (more
    /// than one unit, as size); material and cost resources have no counterpart and are noted.
    mutating func teamFile() -> String? {
        var used: Set<String> = []
        var people: [String] = [], pools: [String] = []
        for resource in project.resources {
            guard resource.type == 1 else {
                note("'\(resource.name)': a \(resource.type == 0 ? "material" : "cost") resource; planc plans people and pools only")
                continue
            }
            // MS Project's initials are often the id a team already uses (planc's export writes it there).
            let fromInitials = resource.initials.map(EditVocabulary.derivedID) ?? ""
            let base = [fromInitials, EditVocabulary.derivedID(resource.name), "resource-\(resource.uid)"].first { !$0.isEmpty && !used.contains($0) }!
            let id = Self.unique(base, in: &used)
            resourceIDs[resource.uid] = id
            let timeline = Timeline(resource)
            // With periods, the file's MaxUnits is the units of one day (MS Project's current
            // date); planc's `availability` holds before the first change.
            var maxUnits = timeline.availability ?? resource.maxUnits ?? 1
            if maxUnits <= 0 {
                // Nobody at 0 % could do the work assigned to them; planc would report it unschedulable.
                note("'\(resource.name)': maximum units of \(NumberText.plain(maxUnits * 100))% imported as full time")
                maxUnits = 1
            }
            var attributes = ["id:" + id]
            if let group = resource.group { attributes.append("role:" + MarkdownEscaping.quoted(group)) }
            let isPool = maxUnits > 1
            resourceIsPool[resource.uid] = isPool
            resourceMaxUnits[resource.uid] = isPool ? 1 : maxUnits
            if isPool {
                // A pool of a million is already no plan; the bound keeps the conversion safe.
                let size = Int(min(maxUnits, 1_000_000).rounded())
                if Double(size) != maxUnits {
                    note("'\(resource.name)': maximum units \(NumberText.plain(maxUnits * 100))% imported as a pool of \(size)")
                }
                attributes.append("size:\(size)")
            } else if maxUnits < 1 {
                attributes.append("availability:" + NumberText.percentLiteral(max(maxUnits, 0)))
            }
            if let rate = timeline.rate ?? resource.standardRate, rate > 0 {
                // MSPDI keeps rates per hour; planc's are per day of the project's length.
                let perDay = rate * minutesPerDay / 60
                if let money = money(perDay) { attributes.append("rate:" + money + "/d") } else {
                    note("'\(resource.name)': a rate of \(NumberText.plain(rate)) per hour without a currency code in the file")
                }
            }
            if !isPool { attributes += resourceCalendar(resource) }
            let changes = isPool ? [] : changeItems(resource, timeline)
            if isPool, timeline.changes.count > 0 {
                note("'\(resource.name)': a pool whose units or rate change over time (\(NumberText.count(timeline.changes.count, "change"))); planc's pools keep one size and rate")
            }
            if resource.otherRateTables > 0 {
                note("'\(resource.name)': cost rate tables B to E (\(NumberText.count(resource.otherRateTables, "rate"))); planc imports table A, one rate per day")
            }
            if resource.overtimeRates > 0 { note("'\(resource.name)': an overtime rate; planc has no overtime") }
            if resource.costsPerUse > 0 { note("'\(resource.name)': a cost per use; planc's costs are per day of work") }
            if resource.extendedAttributeCount > 0 {
                note("'\(resource.name)': \(NumberText.count(resource.extendedAttributeCount, "custom field value")) (ExtendedAttribute)")
            }
            let line = "- " + MarkdownEscaping.title(resource.name.isEmpty ? "Resource \(resource.uid)" : resource.name) + " — " + attributes.joined(separator: " ")
            let entry = [line] + changes + (resource.notes.map { MarkdownEscaping.notes($0, indent: "  ") } ?? [])
            if isPool { pools += entry } else { people += entry }
        }
        guard !people.isEmpty || !pools.isEmpty else { return nil }
        var lines = ["# Team", "", "- team: imported"]
        if !people.isEmpty { lines += ["", "## People"] + people }
        if !pools.isEmpty { lines += ["", "## Pools"] + pools }
        return lines.joined(separator: "\n") + "\n"
    }

    /// `  - From DATE — availability:P rate:R` under the person, one per date a value changes.
    mutating func changeItems(_ resource: MSPDIProject.Resource, _ timeline: Timeline) -> [String] {
        var items: [String] = []
        for change in timeline.changes {
            var attributes: [String] = []
            if var units = change.availability {
                if units > 1 {
                    note("'\(resource.name)': \(NumberText.plain(units * 100))% from \(change.from.iso) imported as 100%; a person gives at most full time")
                    units = 1
                }
                attributes.append("availability:" + NumberText.percentLiteral(max(units, 0)))
            }
            if let rate = change.rate {
                if let money = money(rate * minutesPerDay / 60) { attributes.append("rate:" + money + "/d") } else {
                    note("'\(resource.name)': a rate of \(NumberText.plain(rate)) per hour from \(change.from.iso) without a currency code in the file")
                }
            }
            if !attributes.isEmpty { items.append("  - From \(change.from.iso) — " + attributes.joined(separator: " ")) }
        }
        return items
    }

    /// A person's resource calendar: its base calendar (`calendar:`) and its non-working
    /// exceptions (`off:`); a week of its own has no counterpart.
    mutating func resourceCalendar(_ resource: MSPDIProject.Resource) -> [String] {
        guard let uid = resource.calendarUID, let calendar = project.calendars.first(where: { $0.uid == uid }) else { return [] }
        if calendar.isBase {
            return uid == projectCalendarUID ? [] : calendarNames[uid].map { ["calendar:\($0)"] } ?? []
        }
        var attributes: [String] = []
        if let base = calendar.baseUID, base != projectCalendarUID, let name = calendarNames[base] { attributes.append("calendar:\(name)") }
        if calendar.week.map({ week in week.values.contains { $0 > 0 } }) ?? false {
            note("'\(resource.name)': working hours of their own; planc takes the week from the person's calendar")
        }
        for exception in calendar.exceptions {
            if exception.isWorking || exception.isRecurring {
                note("'\(resource.name)': \(exception.isWorking ? "extra working time" : "recurring time off") \(range(exception)) is not imported")
                continue
            }
            attributes.append("off:" + range(exception))
        }
        return attributes
    }

    func range(_ exception: MSPDIProject.Exception) -> String {
        exception.first == exception.last ? exception.first.iso : exception.first.iso + ".." + exception.last.iso
    }

    // MARK: Calendars

    /// One file per base calendar: the project's is `default` (so people without a calendar of
    /// their own work on it), the others are named after their MS Project names.
    mutating func calendars() -> [ImportedPlan.File] {
        let bases = project.calendars.filter(\.isBase)
        projectCalendarUID = project.calendarUID.flatMap { uid in bases.contains { $0.uid == uid } ? uid : nil } ?? bases.first?.uid
        var used: Set<String> = ["default"]
        for calendar in bases {
            if calendar.uid == projectCalendarUID { calendarNames[calendar.uid] = "default"; continue }
            let slug = EditVocabulary.derivedID(calendar.name)
            calendarNames[calendar.uid] = Self.unique(slug.isEmpty ? "calendar-\(calendar.uid)" : slug, in: &used)
        }
        let hoursPerDay = NumberText.plain(minutesPerDay / 60)
        guard !bases.isEmpty else {
            return [.init(name: "calendar.md", text: "# Calendar\n\n- calendar: default\n- working-days: mon-fri\n- hours-per-day: \(hoursPerDay)\n")]
        }
        var files: [ImportedPlan.File] = []
        for calendar in bases {
            let name = calendarNames[calendar.uid] ?? "default"
            let week = self.week(of: calendar)
            let workingDays = [Weekday.monday, .tuesday, .wednesday, .thursday, .friday, .saturday, .sunday].filter { (week[$0] ?? 0) > 0 }
            let lengths = Set(workingDays.compactMap { week[$0] })
            if lengths.count > 1 {
                note("calendar '\(calendar.name)': working days of different lengths; planc's days all have the calendar's hours")
            }
            var lines = ["# " + MarkdownEscaping.title(calendar.name.isEmpty ? "Calendar" : calendar.name), "", "- calendar: \(name)"]
            if workingDays.isEmpty {
                note("calendar '\(calendar.name)': no working day in its week; imported as Monday to Friday")
                lines.append("- working-days: mon-fri")
            } else {
                lines.append("- working-days: " + Self.weekdayList(workingDays))
            }
            let hours = name == "default" || lengths.isEmpty ? minutesPerDay / 60 : Double(lengths.max()!) / 60
            lines.append("- hours-per-day: " + NumberText.plain(min(max(hours, 0.25), 24)))
            var holidays: [String] = []
            for exception in calendar.exceptions {
                if exception.isWorking || exception.isRecurring {
                    note("calendar '\(calendar.name)': \(exception.isWorking ? "extra working time" : "a recurring exception") \(range(exception))"
                         + (exception.name.map { " (\($0))" } ?? "") + " is not imported")
                    continue
                }
                holidays.append("- " + range(exception) + " " + MarkdownEscaping.title(exception.name ?? "Holiday"))
            }
            if !holidays.isEmpty { lines += ["", "## Holidays"] + holidays }
            files.append(.init(name: name == "default" ? "calendar.md" : "calendar-\(name).md", text: lines.joined(separator: "\n") + "\n"))
        }
        return files
    }

    /// `mon-fri` for a run of days in the week's order, `mon,wed,fri` otherwise.
    static func weekdayList(_ days: [Weekday]) -> String {
        let order: [Weekday] = [.monday, .tuesday, .wednesday, .thursday, .friday, .saturday, .sunday]
        let positions = days.compactMap { order.firstIndex(of: $0) }
        if positions.count >= 2, positions == Array(positions[0]...positions[positions.count - 1]) {
            return days[0].shortName + "-" + days[days.count - 1].shortName
        }
        return days.map(\.shortName).joined(separator: ",")
    }

    /// A calendar's week, or its base calendar's when it has none of its own.
    func week(of calendar: MSPDIProject.Calendar) -> [Weekday: Int] {
        var current: MSPDIProject.Calendar? = calendar
        var seen: Set<Int> = []
        while let next = current, seen.insert(next.uid).inserted {
            if let week = next.week, week.values.contains(where: { $0 > 0 }) { return week }
            current = next.baseUID.flatMap { uid in project.calendars.first { $0.uid == uid } }
        }
        return [.monday: Int(minutesPerDay), .tuesday: Int(minutesPerDay), .wednesday: Int(minutesPerDay),
                .thursday: Int(minutesPerDay), .friday: Int(minutesPerDay)]
    }
}
