import Foundation
import PlanModel

/// Phase 3, lower: syntax of all plan files becomes one `Plan`, with every id reference resolved
/// to an index. Problems become diagnostics and the offending piece is left out; lowering never
/// stops early, so one run reports everything.
public enum Lowering {
    public static func lower(_ files: [FileSyntax], today: Day) -> (plan: Plan, diagnostics: [Diagnostic]) {
        var lowerer = Lowerer(today: today)
        lowerer.run(files)
        var bag = lowerer.diagnostics
        bag.append(contentsOf: lowerer.values.diagnostics.items)
        return (lowerer.plan, bag.items)
    }
}

/// A reference written in the plan, resolved once every file has been read.
private struct PendingDependency {
    var task: Int
    var reference: String
    var kind: DependencyKind
    var lag: Double
    var range: SourceRange
}

private struct PendingAssignment {
    var task: Int
    var resource: String
    var units: String?
    var range: SourceRange
}

private enum TaskListOwner {
    case risk(project: Int, index: Int)
    case issue(project: Int, index: Int)
}

struct Lowerer {
    let today: Day
    var plan = Plan()
    var diagnostics = DiagnosticBag()
    var values = ValueReader()

    /// People and pools share one namespace: `@id`.
    private var resourceIDs: [String: (ResourceRef, SourceRange)] = [:]
    private var projectIDs: [String: Int] = [:]
    /// Per project: explicit task ids and derived ones (which may repeat).
    private var explicitTaskIDs: [[String: Int]] = []
    private var derivedTaskIDs: [[String: [Int]]] = []
    private var explicitTaskRanges: [Int: SourceRange] = [:]
    private var pendingDependencies: [PendingDependency] = []
    private var pendingAssignments: [PendingAssignment] = []
    private var pendingTaskLists: [(owner: TaskListOwner, references: [String], range: SourceRange)] = []
    /// Whether each task's id was written (true) or derived from its title.
    private var taskIDIsExplicit: [Bool] = []
    /// Tasks whose priority was written on them or on a package above them.
    private var explicitPriority: Set<Int> = []

    init(today: Day) { self.today = today }

    mutating func run(_ files: [FileSyntax]) {
        plan.files = files.map(\.path)
        var defaultCalendar = CalendarSpec(name: "default")
        defaultCalendar.range = nil
        plan.calendars = [defaultCalendar]
        for file in files where file.kind == .calendar { lowerCalendar(file) }
        resolveCalendarBases(files.filter { $0.kind == .calendar })
        for file in files where file.kind == .settings { lowerSettings(file) }
        for file in files where file.kind == .team { lowerTeam(file) }

        // Projects first, so `part-of` files can find theirs whatever the path order.
        var partsByProject: [Int: [FileSyntax]] = [:]
        var projectFiles: [FileSyntax] = []
        for file in files where file.kind == .project {
            guard Slug.isValid(file.name) else {
                diagnostics.report(.missingValue, "project id '\(file.name)' is not a valid id", at: file.nameRange,
                                   hint: "use letters, digits, '-', '_' or '.', for example `- project: \(Slug.make(file.title).isEmpty ? "ID" : Slug.make(file.title))`")
                continue
            }
            if let existing = projectIDs[file.name] {
                diagnostics.report(.duplicateID, "project id '\(file.name)' is already used", at: file.nameRange,
                                   notes: [.init("first defined here", at: plan.projects[existing].range)],
                                   hint: "give each project its own id; continue a project in another file with `- part-of: \(file.name)`")
                continue
            }
            projectIDs[file.name] = plan.projects.count
            plan.projects.append(Project(id: file.name, title: file.title, range: file.nameRange, file: file.path))
            explicitTaskIDs.append([:])
            derivedTaskIDs.append([:])
            projectFiles.append(file)
        }
        for file in files where file.kind == .partOf {
            if let project = projectIDs[file.name] {
                partsByProject[project, default: []].append(file)
            } else {
                diagnostics.report(.unknownProject, "no project has the id '\(file.name)'", at: file.nameRange,
                                   hint: Suggest.hint(for: file.name, among: Array(projectIDs.keys).sorted())
                                       ?? "a `part-of:` file continues a project defined with `- project: ID`")
            }
        }
        for (index, file) in projectFiles.enumerated() {
            let first = plan.tasks.count
            lowerProjectMetadata(file, project: index)
            lowerSections(file, project: index)
            for part in partsByProject[index] ?? [] {
                for item in part.metadata.dropFirst() {
                    diagnostics.report(.unknownKey, "'\(item.key)' is not read in a `part-of` file", at: item.keyRange,
                                       hint: "set project metadata in the project's main file, \(file.path)")
                }
                if !part.description.isEmpty { plan.projects[index].notes += (plan.projects[index].notes.isEmpty ? "" : "\n\n") + part.description }
                lowerSections(part, project: index)
            }
            plan.projects[index].taskRange = first..<plan.tasks.count
        }
        resolveReferences()
        assignFinalTaskIDs()
    }

    // MARK: Calendars

    mutating func lowerCalendar(_ file: FileSyntax) {
        let index: Int
        if file.name == "default" {
            if plan.calendars[0].range != nil {
                diagnostics.report(.duplicateID, "calendar 'default' is already defined", at: file.nameRange,
                                   notes: [.init("first defined here", at: plan.calendars[0].range)], hint: "give this calendar another name")
                return
            }
            index = 0
        } else if let existing = plan.calendarIndex(named: file.name) {
            diagnostics.report(.duplicateID, "calendar '\(file.name)' is already defined", at: file.nameRange,
                               notes: [.init("first defined here", at: plan.calendars[existing].range)], hint: "give this calendar another name")
            return
        } else {
            index = plan.calendars.count
            plan.calendars.append(CalendarSpec(name: file.name))
        }
        var calendar = plan.calendars[index]
        calendar.range = file.nameRange
        for item in file.metadata.dropFirst() {
            switch item.key {
            case "working-days":
                if let days = weekdays(item.value, at: item.valueRange) { calendar.workingDays = days }
            case "hours-per-day":
                if let hours = Double(item.value), hours > 0, hours <= 24 {
                    calendar.hoursPerDay = hours
                } else {
                    diagnostics.report(.valueOutOfRange, "hours-per-day must be a number above 0 and at most 24, not '\(item.value)'",
                                       at: item.valueRange, hint: "write the hours of a working day, like 8")
                }
            case "based-on":
                break  // resolved once all calendars exist
            default:
                unknownMetadata(item, allowed: Vocabulary.calendarKeys)
            }
        }
        for section in file.sections {
            guard Vocabulary.section(named: section.title) == .holidays else {
                unknownSection(section, allowed: ["Holidays"])
                continue
            }
            for entry in entries(of: section) {
                let text = entry.rawText
                let split = text.firstIndex(where: { $0 == " " || $0 == "\t" }) ?? text.endIndex
                let dates = String(text[..<split])
                let name = String(text[split...]).trimmingSpaces
                let dateRange = SourceRange(file: entry.range.file, start: entry.range.start,
                                            end: SourceLocation(line: entry.range.start.line, column: entry.range.start.column + dates.count))
                if let days = values.dayRange(dates, at: dateRange, what: "holiday") {
                    calendar.holidays.append(Holiday(days: days, name: name.isEmpty ? "Holiday" : name))
                }
            }
        }
        plan.calendars[index] = calendar
    }

    /// `mon-fri`, `mon,tue,thu`, `mon-thu,sat`.
    mutating func weekdays(_ text: String, at range: SourceRange) -> Set<Weekday>? {
        var result: Set<Weekday> = []
        for part in text.lowercased().split(separator: ",") {
            let bounds = part.split(separator: "-")
            let names = bounds.map { $0.trimmingCharacters }
            guard (1...2).contains(names.count), let first = Weekday(shortName: Substring(names[0])),
                  let last = Weekday(shortName: Substring(names[names.count - 1])) else {
                diagnostics.report(.unknownValue, "'\(part)' is not a weekday or a range of weekdays", at: range,
                                   hint: "write mon-fri, or a list like mon,tue,wed,thu")
                return nil
            }
            var day = first.rawValue
            while true {
                result.insert(Weekday.allCases[day])
                if day == last.rawValue { break }
                day = (day + 1) % 7
            }
        }
        return result
    }

    mutating func resolveCalendarBases(_ files: [FileSyntax]) {
        // Calendars without a base first, then each based one after its base: at most one level
        // of chaining per pass, and a chain longer than the number of calendars is a cycle.
        var baseOf: [Int: (Int, SourceRange)] = [:]
        for file in files {
            guard let index = plan.calendarIndex(named: file.name),
                  let item = file.metadata.first(where: { $0.key == "based-on" }) else { continue }
            guard let base = plan.calendarIndex(named: item.value), base != index else {
                diagnostics.report(.unknownReference, "no calendar named '\(item.value)' to base '\(file.name)' on", at: item.valueRange,
                                   hint: Suggest.hint(for: item.value, among: plan.calendars.map(\.name).filter { $0 != file.name })
                                       ?? "name another calendar, such as `default`")
                continue
            }
            baseOf[index] = (base, item.valueRange)
        }
        var merged: Set<Int> = []
        func merge(_ index: Int, _ depth: Int, _ plan: inout Plan, _ diagnostics: inout DiagnosticBag) {
            guard let (base, range) = baseOf[index], !merged.contains(index) else { return }
            guard depth <= plan.calendars.count else {
                diagnostics.report(.dependencyCycle, "calendars are based on each other in a circle", at: range,
                                   hint: "base one of them on `default` only")
                merged.insert(index)
                return
            }
            merge(base, depth + 1, &plan, &diagnostics)
            merged.insert(index)
            let baseCalendar = plan.calendars[base]
            plan.calendars[index].base = base
            plan.calendars[index].holidays = baseCalendar.holidays + plan.calendars[index].holidays
        }
        for index in baseOf.keys.sorted() { merge(index, 0, &plan, &diagnostics) }
        // A based calendar that sets no working week or hours takes its base's.
        for file in files {
            guard let index = plan.calendarIndex(named: file.name), let base = plan.calendars[index].base else { continue }
            if !file.metadata.contains(where: { $0.key == "working-days" }) { plan.calendars[index].workingDays = plan.calendars[base].workingDays }
            if !file.metadata.contains(where: { $0.key == "hours-per-day" }) { plan.calendars[index].hoursPerDay = plan.calendars[base].hoursPerDay }
        }
    }

    func calendarIndex(named name: String) -> Int? { plan.calendarIndex(named: name) }

    mutating func calendarReference(_ name: String, at range: SourceRange) -> Int? {
        if let index = plan.calendarIndex(named: name) { return index }
        diagnostics.report(.unknownReference, "no calendar named '\(name)'", at: range,
                           hint: Suggest.hint(for: name, among: plan.calendars.map(\.name))
                               ?? "define it in a file starting `- calendar: \(name)`")
        return nil
    }

    // MARK: Settings

    mutating func lowerSettings(_ file: FileSyntax) {
        if let first = plan.settings.range {
            diagnostics.report(.duplicateID, "the repository already has a settings file", at: file.nameRange,
                               notes: [.init("first defined here", at: first)], hint: "keep one `- settings:` file per repository")
            return
        }
        var settings = PortfolioSettings()
        settings.title = file.title
        settings.range = file.nameRange
        for item in file.metadata.dropFirst() {
            switch item.key {
            case "currency":
                if let code = currencyCode(item.value, at: item.valueRange) { settings.currency = code }
            case "tracks-actuals":
                settings.tracksActuals = values.yesNo(item.value, at: item.valueRange, what: "tracks-actuals") ?? false
            case "decimal-mark":
                switch item.value.lowercased() {
                case "comma", ",": values.decimalMark = ","
                case "point", "dot", ".": values.decimalMark = "."
                default:
                    diagnostics.report(.unknownValue, "decimal-mark must be comma or point, not '\(item.value)'", at: item.valueRange,
                                       hint: "write `- decimal-mark: comma` for amounts like 1.234,50 EUR")
                }
            case "theme":
                let folder = (file.path as NSString).deletingLastPathComponent
                settings.theme = item.value.hasPrefix("/") || folder.isEmpty ? item.value : folder + "/" + item.value
            default:
                unknownMetadata(item, allowed: Vocabulary.settingsKeys)
            }
        }
        for section in file.sections { unknownSection(section, allowed: []) }
        plan.settings = settings
    }

    mutating func currencyCode(_ value: String, at range: SourceRange) -> String? {
        if value.count == 3, value.allSatisfy({ $0.isASCII && $0.isUppercase }) { return value }
        diagnostics.report(.unknownValue, "currency '\(value)' is not a three-letter code", at: range,
                           hint: "write an ISO 4217 code such as EUR, USD or GBP")
        return nil
    }

    // MARK: Team

    mutating func lowerTeam(_ file: FileSyntax) {
        for item in file.metadata.dropFirst() { unknownMetadata(item, allowed: Vocabulary.teamKeys) }
        for section in file.sections {
            switch Vocabulary.section(named: section.title) {
            case .people:
                for entry in entries(of: section) { lowerPerson(entry) }
            case .pools:
                for entry in entries(of: section) { lowerPool(entry) }
            default:
                unknownSection(section, allowed: ["People", "Pools"])
            }
        }
    }

    mutating func lowerPerson(_ entry: EntrySyntax) {
        var explicitID: (String, SourceRange)?
        var person = Person(id: "", name: entry.title, range: entry.titleRange)
        let hours = plan.calendars[0].hoursPerDay
        var rateText: (String, SourceRange)?
        for attribute in entry.attributes {
            guard case .keyed(let key, let value) = attribute.form else {
                unknownAttribute(attribute, allowed: Vocabulary.personKeys, entry: "person")
                continue
            }
            switch key {
            case "id": explicitID = (value, attribute.range)
            case "role": person.role = value
            case "availability":
                if let percent = values.percent(value, at: attribute.range, what: "availability") {
                    if percent <= 0 || percent > 100 {
                        diagnostics.report(.valueOutOfRange, "availability must be above 0 % and at most 100 %, not \(value)",
                                           at: attribute.range, hint: "write the share of full time, like 80%")
                    } else {
                        person.availability = percent / 100
                    }
                }
            case "rate": rateText = (value, attribute.range)
            case "off":
                if let days = values.dayRange(value, at: attribute.range, what: "time off") { person.timeOff.append(days) }
            case "calendar":
                person.calendarIndex = calendarReference(value, at: attribute.range)
            default:
                unknownAttribute(attribute, allowed: Vocabulary.personKeys, entry: "person")
            }
        }
        let calendarHours = person.calendarIndex.map { plan.calendars[$0].hoursPerDay } ?? hours
        if let (text, range) = rateText {
            person.rate = rate(text, at: range, hoursPerDay: calendarHours)
        }
        person.changes = personChanges(entry.children, hoursPerDay: calendarHours)
        person.id = identifier(explicit: explicitID, title: entry.title, fallback: "person-\(entry.range.start.line)")
        guard registerResource(person.id, .person(plan.people.count), at: explicitID?.1 ?? entry.titleRange) else { return }
        plan.people.append(person)
    }

    /// The items nested under a person: `From DATE — availability:60% rate:720EUR/d` and
    /// `Leaves DATE` (availability 0 from the day after). Sorted by date, file order on a tie;
    /// a second change on one date is an error and dropped, so each date has one meaning.
    mutating func personChanges(_ items: [EntrySyntax], hoursPerDay: Double) -> [PersonChange] {
        var changes: [PersonChange] = []
        var byDay: [Day: SourceRange] = [:]
        for item in items {
            let words = item.title.split(separator: " ", omittingEmptySubsequences: true)
            let word = words.first.map(String.init) ?? ""
            guard words.count == 2, let kind = Vocabulary.personChangeWords.first(where: { $0.lowercased() == word.lowercased() }) else {
                let suggestion = words.count == 2
                    ? Suggest.closest(to: word.lowercased(), among: Vocabulary.personChangeWords.map { $0.lowercased() }, maximumDistance: 2)
                        .map { close in "did you mean `\(close.prefix(1).uppercased() + close.dropFirst()) \(words[1])`?" }
                    : nil
                diagnostics.report(.malformedPersonChange,
                                   "'\(item.title)' is not a change of availability or rate", at: item.titleRange,
                                   hint: suggestion ?? "under a person write `From YYYY-MM-DD — availability:60% rate:720EUR/d` or `Leaves YYYY-MM-DD`")
                continue
            }
            guard let day = values.date(String(words[1]), at: item.titleRange, what: kind == "From" ? "change date" : "leaving date") else { continue }
            var change = PersonChange(from: kind == "From" ? day : day.adding(days: 1), availability: nil, rate: nil, range: item.range)
            if kind == "Leaves" { change.availability = 0 }
            for attribute in item.attributes {
                guard kind == "From", case .keyed(let key, let value) = attribute.form else {
                    if kind == "Leaves" {
                        diagnostics.report(.unknownAttribute, "'\(attribute.text)' is not read on a `Leaves` line", at: attribute.range,
                                           hint: "a person who leaves has no availability from the next day; to change the rate, add `From YYYY-MM-DD — rate:…`")
                    } else {
                        unknownAttribute(attribute, allowed: Vocabulary.personChangeKeys, entry: "change")
                    }
                    continue
                }
                switch key {
                case "availability":
                    if let percent = values.percent(value, at: attribute.range, what: "availability") {
                        if percent < 0 || percent > 100 {
                            diagnostics.report(.valueOutOfRange, "availability must be from 0 % to 100 %, not \(value)",
                                               at: attribute.range, hint: "write the share of full time from that date, like 60%; 0% while away")
                        } else {
                            change.availability = percent / 100
                        }
                    }
                case "rate": change.rate = rate(value, at: attribute.range, hoursPerDay: hoursPerDay)
                default: unknownAttribute(attribute, allowed: Vocabulary.personChangeKeys, entry: "change")
                }
            }
            if kind == "From", item.attributes.isEmpty {
                diagnostics.report(.missingValue, "'\(item.title)' changes nothing", at: item.titleRange,
                                   hint: "add what changes after ` — `, like `availability:60%` or `rate:720EUR/d`")
                continue
            }
            guard change.availability != nil || change.rate != nil else { continue }
            if let first = byDay[change.from] {
                diagnostics.report(.duplicatePersonChange, "a change from \(change.from) is already written for this person",
                                   at: item.titleRange, notes: [.init("first written here", at: first)],
                                   hint: "write one line per date with every value that changes, like `From \(change.from) — availability:60% rate:720EUR/d`")
                continue
            }
            byDay[change.from] = item.titleRange
            changes.append(change)
        }
        // Stable: equal dates cannot occur (rejected above), so file order never matters.
        return changes.sorted { $0.from < $1.from }
    }

    mutating func lowerPool(_ entry: EntrySyntax) {
        var explicitID: (String, SourceRange)?
        var size: Int?
        var rateMoney: Money?
        for attribute in entry.attributes {
            guard case .keyed(let key, let value) = attribute.form else {
                unknownAttribute(attribute, allowed: Vocabulary.poolKeys, entry: "pool")
                continue
            }
            switch key {
            case "id": explicitID = (value, attribute.range)
            case "size":
                if let number = Int(value), number >= 1, number <= 100_000 {
                    size = number
                } else {
                    diagnostics.report(.valueOutOfRange, "pool size must be a whole number of people from 1 to 100,000, not '\(value)'",
                                       at: attribute.range, hint: "write the head count, like size:3")
                }
            case "rate": rateMoney = rate(value, at: attribute.range, hoursPerDay: plan.calendars[0].hoursPerDay)
            default: unknownAttribute(attribute, allowed: Vocabulary.poolKeys, entry: "pool")
            }
        }
        let id = identifier(explicit: explicitID, title: entry.title, fallback: "pool-\(entry.range.start.line)")
        guard let size else {
            if !entry.attributes.contains(where: { if case .keyed("size", _) = $0.form { return true }; return false }) {
                diagnostics.report(.missingValue, "pool '\(id)' has no size", at: entry.titleRange,
                                   hint: "add the head count after ` — `, like `size:3`")
            }
            return
        }
        var pool = Pool(id: id, name: entry.title, size: size, range: entry.titleRange)
        pool.rate = rateMoney
        guard registerResource(id, .pool(plan.pools.count), at: explicitID?.1 ?? entry.titleRange) else { return }
        plan.pools.append(pool)
    }

    /// A rate per day: `900EUR/d`, or per hour `/h` (converted with the calendar's working day).
    mutating func rate(_ text: String, at range: SourceRange, hoursPerDay: Double) -> Money? {
        guard let (money, per) = values.money(text, at: range, what: "rate", defaultCurrency: nil) else { return nil }
        return per == "h" ? Money(amount: money.amount * hoursPerDay, currency: money.currency) : money
    }

    mutating func registerResource(_ id: String, _ ref: ResourceRef, at range: SourceRange) -> Bool {
        if let (_, first) = resourceIDs[id] {
            diagnostics.report(.duplicateID, "'@\(id)' is already defined", at: range, notes: [.init("first defined here", at: first)],
                               hint: "people and pools share one namespace; give this one another id")
            return false
        }
        resourceIDs[id] = (ref, range)
        return true
    }

    // MARK: Project metadata

    mutating func lowerProjectMetadata(_ file: FileSyntax, project index: Int) {
        var project = plan.projects[index]
        project.description = file.description
        project.tracksActuals = plan.settings.tracksActuals
        var seen: [String: SourceRange] = [:]
        var budgetText: MetadataSyntax?
        for item in file.metadata.dropFirst() {
            if let first = seen[item.key] {
                diagnostics.report(.repeatedAttribute, "'\(item.key)' is given twice; the first one counts", at: item.keyRange,
                                   notes: [.init("first given here", at: first)], hint: "remove one of them")
                continue
            }
            seen[item.key] = item.keyRange
            let value = item.value
            switch item.key {
            case "owner":
                if value.hasPrefix("@") {
                    project.ownerIndex = personReference(String(value.dropFirst()), at: item.valueRange)
                    project.ownerName = project.ownerIndex.map { plan.people[$0].name } ?? value
                } else {
                    project.ownerName = value
                }
            case "sponsor": project.sponsor = value
            case "stakeholders":
                project.stakeholders = value.split(separator: ",").map { String($0).trimmingSpaces }.filter { !$0.isEmpty }
            case "start": project.start = values.date(value, at: item.valueRange, what: "start")
            case "deadline": project.deadline = values.date(value, at: item.valueRange, what: "deadline")
            case "budget": budgetText = item
            case "currency":
                if let code = currencyCode(value, at: item.valueRange) { project.currency = code }
            case "phase": project.phase = values.choice(ProjectPhase.self, value, at: item.valueRange, what: "phase")
            case "calendar": project.calendarIndex = calendarReference(value, at: item.valueRange) ?? 0
            case "tracks-actuals": project.tracksActuals = values.yesNo(value, at: item.valueRange, what: "tracks-actuals") ?? project.tracksActuals
            default: unknownMetadata(item, allowed: Vocabulary.projectKeys)
            }
        }
        if let item = budgetText, let (money, _) = values.money(item.value, at: item.valueRange, what: "budget",
                                                                  defaultCurrency: project.currency ?? plan.settings.currency) {
            project.budget = money
            if project.currency == nil { project.currency = money.currency }
        }
        if project.currency == nil { project.currency = plan.settings.currency }
        if let start = project.start, let deadline = project.deadline, deadline < start {
            diagnostics.report(.deadlineBeforeStart, "deadline \(deadline) is before the project start \(start)",
                               at: file.metadata.first { $0.key == "deadline" }?.valueRange,
                               hint: "check both dates")
        }
        plan.projects[index] = project
    }

    // MARK: Sections

    mutating func lowerSections(_ file: FileSyntax, project: Int) {
        for section in file.sections {
            guard let kind = Vocabulary.section(named: section.title) else {
                unknownSection(section, allowed: ["Objectives", "Scope", "Success criteria", "Work", "Risks", "Issues",
                                                  "Decisions", "Journal", "Outcome", "Lessons learned", "Notes"])
                continue
            }
            switch kind {
            case .objectives:
                plan.projects[project].objectives += objectives(section, after: plan.projects[project].objectives, what: "objective")
            case .successCriteria:
                plan.projects[project].successCriteria += objectives(section, after: plan.projects[project].successCriteria,
                                                                     what: "success criterion")
            case .scope:
                lowerScope(section, project: project)
            case .inScope:
                plan.projects[project].scopeIn += entries(of: section).map(\.title)
            case .outOfScope:
                plan.projects[project].scopeOut += entries(of: section).map(\.title)
            case .work:
                lowerWork(section, project: project)
            case .risks:
                for entry in entries(of: section) { lowerRisk(entry, project: project) }
            case .issues:
                for entry in entries(of: section) { lowerIssue(entry, project: project) }
            case .decisions:
                for entry in entries(of: section) { lowerDecision(entry, project: project) }
            case .journal:
                lowerJournal(section, project: project)
            case .outcome:
                plan.projects[project].outcome += section.markdown
            case .lessons:
                plan.projects[project].lessons += entries(of: section).map { $0.notes.isEmpty ? $0.rawText : $0.rawText + "\n\n" + $0.notes }
            case .notes:
                let notes = plan.projects[project].notes
                plan.projects[project].notes = notes.isEmpty ? section.markdown : notes + "\n\n" + section.markdown
            case .people, .pools, .holidays:
                diagnostics.report(.unknownSection, "'\(section.title)' belongs in a team or calendar file, not in a project",
                                   at: section.range, hint: "move it to a file that starts with `- team: NAME` or `- calendar: NAME`")
            }
        }
    }

    /// The entries of a section's lists; other blocks in a list section are reported, not lost.
    mutating func entries(of section: SectionSyntax) -> [EntrySyntax] {
        var result: [EntrySyntax] = []
        for block in section.blocks {
            switch block {
            case .list(let list): result += list
            case .heading(let heading):
                diagnostics.report(.strayContent, "headings inside '\(section.title)' are not read", at: heading.range,
                                   hint: "write each entry as a list item `- Title — attributes`")
            case .text(_, let range):
                diagnostics.report(.strayContent, "text inside '\(section.title)' outside a list item is not read", at: range,
                                   hint: "indent it under a list item to make it that entry's notes")
            }
        }
        return result
    }

    /// Risks, issues, decisions and objectives are told apart by id alone, within their project.
    mutating func duplicate(_ what: String, _ id: String, at range: SourceRange, first: SourceRange) {
        diagnostics.report(.duplicateID, "\(what) id '\(id)' is already used in this project", at: range,
                           notes: [.init("first used here", at: first)], hint: "give one of them an explicit `id:`")
    }

    mutating func objectives(_ section: SectionSyntax, after earlier: [Objective], what: String) -> [Objective] {
        var result: [Objective] = []
        for entry in entries(of: section) {
            var explicitID: (String, SourceRange)?
            var outcome: Objective.Result?
            for attribute in entry.attributes {
                switch attribute.form {
                case .keyed("id", let value): explicitID = (value, attribute.range)
                case .keyed("result", let value): outcome = values.choice(Objective.Result.self, value, at: attribute.range, what: "result")
                default: unknownAttribute(attribute, allowed: Vocabulary.objectiveKeys, entry: "objective")
                }
            }
            let id = identifier(explicit: explicitID, title: entry.title, fallback: "objective-\(entry.range.start.line)")
            if let first = (earlier + result).first(where: { $0.id == id }) {
                duplicate(what, id, at: explicitID?.1 ?? entry.titleRange, first: first.range)
            }
            result.append(Objective(id: id, text: entry.title, result: outcome, notes: entry.notes, range: entry.titleRange))
        }
        return result
    }

    mutating func lowerScope(_ section: SectionSyntax, project: Int) {
        var target: Vocabulary.Section?
        for block in section.blocks {
            switch block {
            case .heading(let heading):
                target = Vocabulary.section(named: heading.rawText)
                if target != .inScope, target != .outOfScope {
                    diagnostics.report(.unknownSection, "'\(heading.rawText)' is not a part of the scope", at: heading.range,
                                       hint: "use the headings 'In scope' and 'Out of scope'")
                    target = nil
                }
            case .list(let list):
                switch target {
                case .inScope?: plan.projects[project].scopeIn += list.map(\.title)
                case .outOfScope?: plan.projects[project].scopeOut += list.map(\.title)
                default:
                    diagnostics.report(.strayContent, "scope items need an 'In scope' or 'Out of scope' heading above them",
                                       at: list.first?.range ?? section.range, hint: "add `### In scope` or `### Out of scope`")
                }
            case .text(_, let range):
                diagnostics.report(.strayContent, "text inside 'Scope' outside a list is not read", at: range,
                                   hint: "write scope items as list items")
            }
        }
    }

    // MARK: Work breakdown

    mutating func lowerWork(_ section: SectionSyntax, project: Int) {
        var packages: [(level: Int, task: Int)] = []
        for block in section.blocks {
            switch block {
            case .heading(let heading):
                while let last = packages.last, last.level >= heading.level { packages.removeLast() }
                let parent = packages.last?.task
                let index = addTask(title: heading.title, titleRange: heading.titleRange, attributes: heading.attributes,
                                    checkbox: nil, checkboxRange: nil, notes: "", parent: parent, project: project, isPackage: true)
                packages.append((heading.level, index))
            case .list(let list):
                for entry in list { addEntry(entry, parent: packages.last?.task, project: project) }
            case .text(let markdown, let range):
                if let package = packages.last?.task {
                    plan.tasks[package].notes += (plan.tasks[package].notes.isEmpty ? "" : "\n\n") + markdown
                } else {
                    diagnostics.report(.strayContent, "text in 'Work' before the first work package or task is not read", at: range,
                                       hint: "put it under a work package heading, or in the project description")
                }
            }
        }
    }

    mutating func addEntry(_ entry: EntrySyntax, parent: Int?, project: Int) {
        let index = addTask(title: entry.title, titleRange: entry.titleRange, attributes: entry.attributes,
                            checkbox: entry.checkbox, checkboxRange: entry.checkboxRange, notes: entry.notes,
                            parent: parent, project: project, isPackage: false)
        for child in entry.children { addEntry(child, parent: index, project: project) }
    }

    mutating func addTask(title: String, titleRange: SourceRange, attributes: [AttributeSyntax], checkbox: Bool?,
                          checkboxRange: SourceRange?, notes: String, parent: Int?, project: Int, isPackage: Bool) -> Int {
        let index = plan.tasks.count
        let level = parent.map { plan.tasks[$0].level + 1 } ?? 0
        var task = Task(id: "", projectIndex: project, title: title, range: titleRange, parent: parent, level: level,
                        kind: isPackage ? .summary : .task)
        task.notes = notes
        task.checkbox = checkbox
        if title.isEmpty {
            diagnostics.report(.emptyTitle, "task has no title", at: titleRange, hint: "write what the work is before the ` — `")
        }
        let calendar = plan.calendars[plan.projects[project].calendarIndex]
        let hours = calendar.hoursPerDay
        let allowed = isPackage ? Vocabulary.packageKeys : Vocabulary.taskKeys
        var explicitID: (String, SourceRange)?
        var explicitStatus: (TaskState, SourceRange)?
        var seen: [String: SourceRange] = [:]
        // A malformed estimate is already an error; the task then counts one day, without a
        // second warning that it has no estimate.
        var estimateWasInvalid = false
        func once(_ name: String, _ range: SourceRange, _ diagnostics: inout DiagnosticBag) -> Bool {
            if let first = seen[name] {
                diagnostics.report(.repeatedAttribute, "\(name) is given twice; the first one counts", at: range,
                                   notes: [.init("first given here", at: first)], hint: "remove one of them")
                return false
            }
            seen[name] = range
            return true
        }
        for attribute in attributes {
            let range = attribute.range
            switch attribute.form {
            case .amount(let text) where !isPackage:
                if once("effort", range, &diagnostics) { task.effortDays = values.workDays(text, hoursPerDay: hours, at: range, what: "effort") }
                if task.effortDays == nil { estimateWasInvalid = true }
            case .amount where isPackage:
                diagnostics.report(.summaryWithWork, "a work package is rolled up from its tasks, so '\(attribute.text)' is not used",
                                   at: range, hint: "put the amount of work on the tasks under this heading")
            case .percent(let text) where !isPackage:
                if once("percent complete", range, &diagnostics), let value = values.percent(text, at: range, what: "percent complete") {
                    if value < 0 || value > 100 {
                        diagnostics.report(.progressOutOfRange, "percent complete must be from 0 to 100, not \(text)%", at: range,
                                           hint: "write how much of the work is done, like 40%")
                    } else {
                        task.percentComplete = value
                    }
                }
            case .tag(let tag):
                if !task.tags.contains(tag) { task.tags.append(tag) }
            case .assignment(let id, let units) where !isPackage:
                pendingAssignments.append(PendingAssignment(task: index, resource: id, units: units, range: range))
            case .word(let word) where !isPackage && word.lowercased() == "milestone":
                task.kind = .milestone
            case .keyed(let key, let value) where allowed.contains(key):
                switch key {
                case "id": explicitID = (value, range)
                case "effort":
                    if once("effort", range, &diagnostics) { task.effortDays = values.workDays(value, hoursPerDay: hours, at: range, what: "effort") }
                    if task.effortDays == nil { estimateWasInvalid = true }
                case "duration":
                    if once("duration", range, &diagnostics) { task.durationDays = values.workDays(value, hoursPerDay: hours, at: range, what: "duration") }
                    if task.durationDays == nil { estimateWasInvalid = true }
                case "after", "fs", "ss", "ff", "sf":
                    let kind: DependencyKind = key == "ss" ? .startToStart : key == "ff" ? .finishToFinish : key == "sf" ? .startToFinish : .finishToStart
                    addDependencies(value, kind: kind, task: index, hoursPerDay: hours, at: range)
                case "start": if once("start", range, &diagnostics) { task.fixedStart = values.date(value, at: range, what: "start") }
                case "finish": if once("finish", range, &diagnostics) { task.fixedFinish = values.date(value, at: range, what: "finish") }
                case "not-before": if once("not-before", range, &diagnostics) { task.notBefore = values.date(value, at: range, what: "not-before") }
                case "due": if once("due", range, &diagnostics) { task.deadline = values.date(value, at: range, what: "due date") }
                case "priority":
                    if once("priority", range, &diagnostics), let priority = priority(value, at: range) { task.priority = priority }
                case "cost":
                    if once("cost", range, &diagnostics) {
                        task.cost = values.money(value, at: range, what: "cost", defaultCurrency: plan.projects[project].currency)?.0
                    }
                case "status":
                    if let state = values.choice(TaskState.self, value, at: range, what: "status") { explicitStatus = (state, range) }
                case "started": task.actualStart = values.date(value, at: range, what: "started")
                case "finished": task.actualFinish = values.date(value, at: range, what: "finished")
                case "spent":
                    task.spentDays = values.workDays(value, hoursPerDay: hours, at: range, what: "spent effort")
                case "owner":
                    task.ownerIndex = ownerReference(value, at: range)
                default: unknownAttribute(attribute, allowed: allowed, entry: isPackage ? "work package" : "task")
                }
            default:
                unknownAttribute(attribute, allowed: allowed + (isPackage ? [] : Vocabulary.taskWords),
                                 entry: isPackage ? "work package" : "task")
            }
        }

        // State: an explicit status wins, then the box, then the percentage (docs/plan-language.md).
        let percent = task.percentComplete
        if let (state, range) = explicitStatus {
            task.state = state
            if checkbox == true, state != .done, state != .cancelled {
                diagnostics.report(.progressContradictsState, "the box is ticked but the status is \(state.rawValue)", at: range,
                                   hint: "untick the box, or set status:done")
            } else if checkbox == false, state == .done {
                diagnostics.report(.progressContradictsState, "status is done but the box is not ticked", at: checkboxRange ?? range,
                                   hint: "tick the box: [x]")
            }
        } else if checkbox == true {
            task.state = .done
        } else if (percent ?? 0) >= 100, checkbox == nil {
            task.state = .done
        } else if (percent ?? 0) > 0 || task.actualStart != nil {
            task.state = .inProgress
        }
        if let percent {
            if task.state == .done, percent < 100 {
                diagnostics.report(.progressContradictsState, "the task is done but only \(format(percent))% complete",
                                   at: attributes.first { if case .percent = $0.form { return true }; return false }?.range ?? titleRange,
                                   hint: "remove the percentage, or untick the box")
            } else if checkbox == false, percent >= 100 {
                diagnostics.report(.progressContradictsState, "100% complete but the box is not ticked", at: checkboxRange ?? titleRange,
                                   hint: "tick the box: [x]")
            }
        }
        if task.actualFinish != nil, task.state != .done, task.state != .cancelled {
            diagnostics.report(.progressContradictsState, "the task has a finished date but is not done", at: titleRange,
                               hint: "tick the box, or remove `finished:`")
        }
        if task.kind == .milestone, task.effortDays != nil || task.durationDays != nil {
            diagnostics.report(.milestoneWithWork, "a milestone takes no time, but this one has \(task.effortDays != nil ? "effort" : "a duration")",
                               at: titleRange, hint: "remove the amount of work, or make it a task by removing `milestone`")
            task.effortDays = nil
            task.durationDays = nil
        }
        if estimateWasInvalid, task.effortDays == nil, task.durationDays == nil, task.kind == .task { task.durationDays = 1 }
        // What a work package states applies to everything in it, unless a task says otherwise.
        if let parent {
            let package = plan.tasks[parent]
            if seen["priority"] == nil, explicitPriority.contains(parent) { task.priority = package.priority }
            if let limit = package.notBefore { task.notBefore = max(task.notBefore ?? limit, limit) }
        }
        if seen["priority"] != nil || (parent.map { explicitPriority.contains($0) } ?? false) { explicitPriority.insert(index) }
        task.id = explicitID?.0 ?? ""
        registerTask(index, explicit: explicitID, title: title, project: project)
        plan.tasks.append(task)
        if let parent {
            plan.tasks[parent].children.append(index)
            if plan.tasks[parent].kind != .summary { plan.tasks[parent].kind = .summary }
        }
        return index
    }

    mutating func priority(_ text: String, at range: SourceRange) -> Int? {
        switch text.lowercased() {
        case "low": return 300
        case "normal", "medium": return 500
        case "high": return 700
        case "critical": return 900
        default:
            if let number = Int(text), (1...1000).contains(number) { return number }
            diagnostics.report(.unknownValue, "priority must be 1 to 1000 or low, normal, high, critical; not '\(text)'", at: range,
                               hint: "higher priorities get people first when tasks compete")
            return nil
        }
    }

    /// `a,b+2d,c-1d`: one dependency per reference, each with its own lag.
    mutating func addDependencies(_ value: String, kind: DependencyKind, task: Int, hoursPerDay: Double, at range: SourceRange) {
        // Works on the UTF-8 bytes: references are short and there can be tens of thousands.
        let bytes = Array(value.utf8)
        var partStart = 0
        while partStart <= bytes.count {
            let partEnd = bytes[partStart...].firstIndex(of: UInt8(ascii: ",")) ?? bytes.count
            let part = bytes[partStart..<partEnd]
            partStart = partEnd + 1
            // `a+1,5d`: the comma splits the list, so a decimal comma in a lag shows up as a
            // reference ending in digits followed by a bare amount. Name it for what it is.
            if partEnd < bytes.count, let sign = part.lastIndex(where: { $0 == UInt8(ascii: "+") || $0 == UInt8(ascii: "-") }),
               sign != part.startIndex, sign + 1 < part.endIndex, part[(sign + 1)...].allSatisfy(isDigit) {
                let nextEnd = bytes[partStart...].firstIndex(of: UInt8(ascii: ",")) ?? bytes.count
                let next = bytes[partStart..<nextEnd]
                if ParserSupport.isAmount(next), next.dropLast().allSatisfy(isDigit) {
                    let lag = String(decoding: bytes[sign..<nextEnd], as: UTF8.self)
                    diagnostics.report(.decimalSeparator, "lag '\(lag)' has a decimal comma", at: range,
                                       hint: "write \(lag.replacingOccurrences(of: ",", with: ".")): a comma separates references")
                    partStart = nextEnd + 1
                    continue
                }
            }
            var referenceEnd = part.endIndex
            var lag = 0.0
            // A lag is a signed amount with a unit at the end (`+2d`, `-1d`); `trial-1` is an id.
            if let sign = part.lastIndex(where: { $0 == UInt8(ascii: "+") || $0 == UInt8(ascii: "-") }), sign != part.startIndex,
               ParserSupport.looksLikeAmount(part[(sign + 1)...]) {
                let amount = String(decoding: part[(sign + 1)...], as: UTF8.self)
                if let days = values.workDays(amount, hoursPerDay: hoursPerDay, at: range, what: "lag") {
                    lag = part[sign] == UInt8(ascii: "-") ? -days : days
                }
                referenceEnd = sign
            }
            guard referenceEnd > part.startIndex else {
                diagnostics.report(.missingValue, "empty task reference in '\(value)'", at: range,
                                   hint: "list task ids separated by commas, without spaces")
                continue
            }
            let reference = String(decoding: part[part.startIndex..<referenceEnd], as: UTF8.self)
            pendingDependencies.append(PendingDependency(task: task, reference: reference, kind: kind, lag: lag, range: range))
        }
    }

    mutating func registerTask(_ index: Int, explicit: (String, SourceRange)?, title: String, project: Int) {
        if let (id, range) = explicit {
            if !Slug.isValid(id) {
                diagnostics.report(.unknownValue, "'\(id)' is not a valid id", at: range, hint: "use letters, digits, '-', '_' or '.'")
            } else if let first = explicitTaskIDs[project][id] {
                diagnostics.report(.duplicateID, "task id '\(id)' is already used in this project", at: range,
                                   notes: [.init("first used here", at: explicitTaskRanges[first])],
                                   hint: "task ids must be unique within a project")
            } else {
                explicitTaskIDs[project][id] = index
                explicitTaskRanges[index] = range
            }
            taskIDIsExplicit.append(true)
        } else {
            taskIDIsExplicit.append(false)
        }
        let slug = Slug.make(title)
        if !slug.isEmpty { derivedTaskIDs[project][slug, default: []].append(index) }
    }

    // MARK: Risks, issues, decisions, journal

    mutating func lowerRisk(_ entry: EntrySyntax, project: Int) {
        var explicitID: (String, SourceRange)?
        var risk = Risk(id: "", title: entry.title, range: entry.titleRange)
        var tasks: (String, SourceRange)?
        for attribute in entry.attributes {
            guard case .keyed(let key, let value) = attribute.form, Vocabulary.riskKeys.contains(key) else {
                unknownAttribute(attribute, allowed: Vocabulary.riskKeys, entry: "risk")
                continue
            }
            switch key {
            case "id": explicitID = (value, attribute.range)
            case "likelihood": risk.likelihood = values.choice(Level.self, value, at: attribute.range, what: "likelihood")
            case "impact": risk.impact = values.choice(Level.self, value, at: attribute.range, what: "impact")
            case "owner":
                risk.ownerIndex = ownerReference(value, at: attribute.range)
                risk.ownerRange = attribute.range
            case "status": risk.status = values.choice(Risk.Status.self, value, at: attribute.range, what: "risk status") ?? .open
            case "review": risk.review = values.date(value, at: attribute.range, what: "review date")
            case "tasks": tasks = (value, attribute.range)
            default: break
            }
        }
        let fields = labelledFields(entry.notes, labels: ["mitigation", "contingency"])
        risk.mitigation = fields.values["mitigation"]
        risk.contingency = fields.values["contingency"]
        risk.notes = fields.rest
        risk.id = identifier(explicit: explicitID, title: entry.title, fallback: "risk-\(entry.range.start.line)")
        if let first = plan.projects[project].risks.first(where: { $0.id == risk.id }) {
            duplicate("risk", risk.id, at: explicitID?.1 ?? entry.titleRange, first: first.range)
        }
        let riskIndex = plan.projects[project].risks.count
        if let (value, range) = tasks {
            pendingTaskLists.append((.risk(project: project, index: riskIndex), value.split(separator: ",").map(String.init), range))
        }
        plan.projects[project].risks.append(risk)
    }

    mutating func lowerIssue(_ entry: EntrySyntax, project: Int) {
        var explicitID: (String, SourceRange)?
        var issue = IssueEntry(id: "", title: entry.title, range: entry.titleRange)
        var tasks: (String, SourceRange)?
        for attribute in entry.attributes {
            guard case .keyed(let key, let value) = attribute.form, Vocabulary.issueKeys.contains(key) else {
                unknownAttribute(attribute, allowed: Vocabulary.issueKeys, entry: "issue")
                continue
            }
            switch key {
            case "id": explicitID = (value, attribute.range)
            case "owner": issue.ownerIndex = ownerReference(value, at: attribute.range)
            case "status": issue.status = values.choice(IssueEntry.Status.self, value, at: attribute.range, what: "issue status") ?? .open
            case "raised": issue.raised = values.date(value, at: attribute.range, what: "raised date")
            case "due": issue.due = values.date(value, at: attribute.range, what: "due date")
            case "severity": issue.severity = values.choice(Level.self, value, at: attribute.range, what: "severity")
            case "tasks": tasks = (value, attribute.range)
            default: break
            }
        }
        issue.notes = entry.notes
        issue.id = identifier(explicit: explicitID, title: entry.title, fallback: "issue-\(entry.range.start.line)")
        if let first = plan.projects[project].issues.first(where: { $0.id == issue.id }) {
            duplicate("issue", issue.id, at: explicitID?.1 ?? entry.titleRange, first: first.range)
        }
        if let (value, range) = tasks {
            pendingTaskLists.append((.issue(project: project, index: plan.projects[project].issues.count),
                                     value.split(separator: ",").map(String.init), range))
        }
        plan.projects[project].issues.append(issue)
    }

    mutating func lowerDecision(_ entry: EntrySyntax, project: Int) {
        var explicitID: (String, SourceRange)?
        var decision = Decision(id: "", title: entry.title, range: entry.titleRange)
        for attribute in entry.attributes {
            guard case .keyed(let key, let value) = attribute.form, Vocabulary.decisionKeys.contains(key) else {
                unknownAttribute(attribute, allowed: Vocabulary.decisionKeys, entry: "decision")
                continue
            }
            switch key {
            case "id": explicitID = (value, attribute.range)
            case "date": decision.date = values.date(value, at: attribute.range, what: "decision date")
            case "owner": decision.ownerIndex = ownerReference(value, at: attribute.range)
            default: break
            }
        }
        decision.notes = entry.notes
        decision.id = identifier(explicit: explicitID, title: entry.title, fallback: "decision-\(entry.range.start.line)")
        if let first = plan.projects[project].decisions.first(where: { $0.id == decision.id }) {
            duplicate("decision", decision.id, at: explicitID?.1 ?? entry.titleRange, first: first.range)
        }
        plan.projects[project].decisions.append(decision)
    }

    mutating func lowerJournal(_ section: SectionSyntax, project: Int) {
        var current: JournalEntry?
        var texts: [String] = []
        func flush(_ plan: inout Plan) {
            if var entry = current {
                entry.text = texts.joined(separator: "\n\n")
                plan.projects[project].journal.append(entry)
            }
            current = nil
            texts = []
        }
        for block in section.blocks {
            switch block {
            case .heading(let heading):
                flush(&plan)
                current = journalEntry(heading)
            case .list(let list):
                if current != nil {
                    texts.append(list.map { "- " + $0.rawText + ($0.notes.isEmpty ? "" : "\n  " + $0.notes) }.joined(separator: "\n"))
                } else {
                    diagnostics.report(.strayContent, "journal text before the first dated heading is not read",
                                       at: list.first?.range ?? section.range, hint: "start each entry with `### YYYY-MM-DD — green|amber|red — headline`")
                }
            case .text(let markdown, let range):
                if current != nil { texts.append(markdown) } else {
                    diagnostics.report(.strayContent, "journal text before the first dated heading is not read", at: range,
                                       hint: "start each entry with `### YYYY-MM-DD — green|amber|red — headline`")
                }
            }
        }
        flush(&plan)
    }

    /// `2026-03-06 — green — Back on track`: a date, an optional rating, an optional headline.
    mutating func journalEntry(_ heading: HeadingSyntax) -> JournalEntry? {
        let parts = heading.rawText.components(separatedBy: " — ").flatMap { $0.components(separatedBy: " -- ") }.map(\.trimmingSpaces)
        let range = heading.range
        guard let first = parts.first, let date = values.date(first.split(separator: " ").first.map(String.init) ?? first, at: range, what: "journal date") else {
            return nil
        }
        var rating: Rating?
        var headline = parts.dropFirst().joined(separator: " — ")
        if parts.count > 1 {
            if let value = Rating(rawValue: parts[1].lowercased()) {
                rating = value
                headline = parts.dropFirst(2).joined(separator: " — ")
            } else if let near = Suggest.closest(to: parts[1].lowercased(), among: Rating.allCases.map(\.rawValue)) {
                diagnostics.report(.unknownValue, "unknown rating '\(parts[1])'", at: range, hint: "did you mean '\(near)'?")
                headline = parts.dropFirst(2).joined(separator: " — ")
            }
        }
        return JournalEntry(date: date, rating: rating, headline: headline, text: "", range: range)
    }

    /// Splits `Mitigation: …` style lines out of notes; a field runs until a blank line or the next label.
    func labelledFields(_ notes: String, labels: [String]) -> (values: [String: String], rest: String) {
        var values: [String: String] = [:]
        var rest: [Substring] = []
        var current: String?
        for line in notes.split(separator: "\n", omittingEmptySubsequences: false) {
            let trimmed = line.drop { $0 == " " || $0 == "\t" }
            if let colon = trimmed.firstIndex(of: ":"), labels.contains(trimmed[..<colon].lowercased()) {
                let label = trimmed[..<colon].lowercased()
                current = label
                values[label] = String(trimmed[trimmed.index(after: colon)...]).trimmingSpaces
            } else if trimmed.isEmpty {
                current = nil
                rest.append(line)
            } else if let field = current {
                values[field, default: ""] += " " + String(trimmed).trimmingSpaces
            } else {
                rest.append(line)
            }
        }
        return (values, rest.joined(separator: "\n").trimmingCharacters)
    }

    // MARK: References

    mutating func personReference(_ id: String, at range: SourceRange) -> Int? {
        if case .person(let index)? = resourceIDs[id]?.0 { return index }
        let people = plan.people.map(\.id)
        diagnostics.report(.unknownResource, resourceIDs[id] == nil ? "no person has the id '@\(id)'" : "'@\(id)' is a pool, not a person",
                           at: range, hint: Suggest.hint(for: id, among: people) ?? "define people in a team file under `## People`")
        return nil
    }

    mutating func ownerReference(_ value: String, at range: SourceRange) -> Int? {
        guard value.hasPrefix("@") else {
            diagnostics.report(.unknownValue, "owner must be a person written @id, not '\(value)'", at: range,
                               hint: ownerHint(for: value))
            return nil
        }
        return personReference(String(value.dropFirst()), at: range)
    }

    /// "write owner:@id" with a person of this plan: the one whose name matches the text, else
    /// the first one defined; never an example name from the docs.
    func ownerHint(for value: String) -> String {
        let wanted = Slug.make(value)
        let person = plan.people.first { $0.id == wanted || Slug.make($0.name) == wanted } ?? plan.people.first
        return person.map { "write owner:@\($0.id)" } ?? "write owner:@ID with the id of a person from a team file"
    }

    mutating func resolveTask(_ reference: String, from project: Int, at range: SourceRange) -> Int? {
        var projectIndex = project
        var id = Substring(reference)
        if let slash = reference.firstIndex(of: "/") {
            let name = String(reference[..<slash])
            guard let other = projectIDs[name] else {
                diagnostics.report(.unknownProject, "no project has the id '\(name)'", at: range,
                                   hint: Suggest.hint(for: name, among: Array(projectIDs.keys).sorted()) ?? "write project/task")
                return nil
            }
            projectIndex = other
            id = reference[reference.index(after: slash)...]
        }
        let key = String(id)
        if let index = explicitTaskIDs[projectIndex][key] { return index }
        if let candidates = derivedTaskIDs[projectIndex][key] {
            if candidates.count == 1 { return candidates[0] }
            diagnostics.report(.unknownTask, "'\(key)' is ambiguous: \(candidates.count) tasks have this title", at: range,
                               notes: candidates.map { .init("'\(plan.tasks[$0].title)' is here", at: plan.tasks[$0].range) },
                               hint: "give the task you mean an explicit id, like `id:\(key)-2`, and refer to that")
            return nil
        }
        let known = Array(explicitTaskIDs[projectIndex].keys) + Array(derivedTaskIDs[projectIndex].keys)
        diagnostics.report(.unknownTask, "no task '\(reference)' in project '\(plan.projects[projectIndex].id)'", at: range,
                           hint: Suggest.hint(for: key, among: known.sorted()) ?? "refer to a task by its id or its title in lower case with dashes")
        return nil
    }

    mutating func resolveReferences() {
        for pending in pendingDependencies {
            let project = plan.tasks[pending.task].projectIndex
            guard let predecessor = resolveTask(pending.reference, from: project, at: pending.range) else { continue }
            if isSelfOrRelated(pending.task, predecessor) {
                let same = predecessor == pending.task
                diagnostics.report(.selfDependency, same ? "'\(pending.reference)' is this task itself"
                                       : "a task cannot wait for its own work package or subtask '\(pending.reference)'",
                                   at: pending.range, hint: "depend on a task outside this part of the work breakdown")
                continue
            }
            plan.tasks[pending.task].dependencies.append(Dependency(predecessor: predecessor, kind: pending.kind,
                                                                    lagDays: pending.lag, range: pending.range))
        }
        for pending in pendingAssignments {
            guard let (ref, _) = resourceIDs[pending.resource] else {
                let known = Array(resourceIDs.keys).sorted()
                diagnostics.report(.unknownResource, "no person or pool has the id '@\(pending.resource)'", at: pending.range,
                                   hint: Suggest.hint(for: pending.resource, among: known) ?? "define people and pools in a team file")
                continue
            }
            var units: Double
            switch ref {
            case .person(let person): units = plan.people[person].availability
            case .pool: units = 1
            }
            if let text = pending.units {
                if text.hasSuffix("%"), let percent = values.percent(text, at: pending.range, what: "assignment units") {
                    units = percent / 100
                } else if !text.hasSuffix("%"), let number = Double(text), number.isFinite {
                    units = number
                } else if !text.hasSuffix("%") {
                    diagnostics.report(.malformedNumber, "assignment units '\(text)' are not a number or a percentage", at: pending.range,
                                       hint: "write @person:50% for half days, or @pool:2 for two people")
                    continue
                } else {
                    continue
                }
                guard units > 0, units <= 1000 else {
                    diagnostics.report(.valueOutOfRange, "assignment units must be above 0 and at most 1,000, not \(text)", at: pending.range,
                                       hint: "write @person:50% for half days, or @pool:2 for two people")
                    continue
                }
            }
            if plan.tasks[pending.task].assignments.contains(where: { $0.resource == ref }) {
                diagnostics.report(.repeatedAttribute, "'@\(pending.resource)' is assigned twice", at: pending.range, hint: "remove one")
                continue
            }
            plan.tasks[pending.task].assignments.append(Assignment(resource: ref, units: units, range: pending.range))
        }
        for pending in pendingTaskLists {
            let project: Int
            switch pending.owner {
            case .risk(let p, _), .issue(let p, _): project = p
            }
            var indices: [Int] = []
            for reference in pending.references where !reference.isEmpty {
                if let index = resolveTask(reference, from: project, at: pending.range) { indices.append(index) }
            }
            switch pending.owner {
            case .risk(let p, let index): plan.projects[p].risks[index].taskIndices = indices
            case .issue(let p, let index): plan.projects[p].issues[index].taskIndices = indices
            }
        }
    }

    /// Whether `a` and `b` are the same task or one contains the other.
    func isSelfOrRelated(_ a: Int, _ b: Int) -> Bool {
        if a == b { return true }
        var current = plan.tasks[a].parent
        while let parent = current { if parent == b { return true }; current = plan.tasks[parent].parent }
        current = plan.tasks[b].parent
        while let parent = current { if parent == a { return true }; current = plan.tasks[parent].parent }
        return false
    }

    /// Final ids for outputs: explicit ids as written; derived ones from the title, with `-2`, `-3`
    /// for repeats in file order, never clashing with an explicit id.
    mutating func assignFinalTaskIDs() {
        for (project, range) in plan.projects.map(\.taskRange).enumerated() {
            var used = Set(explicitTaskIDs[project].keys)
            for index in range where !taskIDIsExplicit[index] || plan.tasks[index].id.isEmpty || explicitTaskIDs[project][plan.tasks[index].id] != index {
                var base = Slug.make(plan.tasks[index].title)
                if base.isEmpty { base = "task-\(plan.tasks[index].range.start.line)" }
                var candidate = base
                var counter = 2
                while used.contains(candidate) { candidate = "\(base)-\(counter)"; counter += 1 }
                used.insert(candidate)
                plan.tasks[index].id = candidate
            }
        }
    }

    // MARK: Shared helpers

    mutating func identifier(explicit: (String, SourceRange)?, title: String, fallback: String) -> String {
        if let (id, range) = explicit {
            if Slug.isValid(id) { return id }
            diagnostics.report(.unknownValue, "'\(id)' is not a valid id", at: range, hint: "use letters, digits, '-', '_' or '.'")
        }
        let slug = Slug.make(title)
        return slug.isEmpty ? fallback : slug
    }

    mutating func unknownMetadata(_ item: MetadataSyntax, allowed: [String]) {
        diagnostics.report(.unknownKey, "unknown key '\(item.key)'", at: item.keyRange,
                           hint: Suggest.hint(for: item.key, among: allowed) ?? "known keys here: \(allowed.joined(separator: ", "))")
    }

    mutating func unknownAttribute(_ attribute: AttributeSyntax, allowed: [String], entry: String) {
        let word: String
        switch attribute.form {
        case .keyed(let key, _): word = key
        case .word(let text): word = text
        default:
            diagnostics.report(.unknownAttribute, "'\(attribute.text)' is not an attribute of a \(entry)", at: attribute.range,
                               hint: "\(entry) attributes: \(allowed.joined(separator: ", "))")
            return
        }
        let suggestion = Suggest.hint(for: word.lowercased(), among: allowed)
        diagnostics.report(.unknownAttribute, "unknown \(entry) attribute '\(word)'", at: attribute.range,
                           hint: suggestion ?? "\(entry) attributes: \(allowed.joined(separator: ", ")); if the ` — ` is part of the title, the attributes start after the last one")
    }

    mutating func unknownSection(_ section: SectionSyntax, allowed: [String]) {
        let suggestion = Suggest.closest(to: section.title.lowercased(), among: allowed.map { $0.lowercased() })
        diagnostics.report(.unknownSection, "unknown section '\(section.title)'; its content is not read", at: section.range,
                           hint: suggestion.map { "did you mean '\($0)'?" } ?? "sections here: \(allowed.joined(separator: ", ")); put free text under `## Notes`")
    }

    func format(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(value)
    }
}

extension StringProtocol {
    var trimmingCharacters: String {
        var text = Substring(self)
        while let first = text.first, first.isWhitespace { text = text.dropFirst() }
        while let last = text.last, last.isWhitespace { text = text.dropLast() }
        return String(text)
    }
}
