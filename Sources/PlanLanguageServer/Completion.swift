import Foundation
import PlanCompiler
import PlanFrontEnd
import PlanModel

/// Completion, and hover on what is not a task line (a person, a date, an attribute key). Both
/// read the context from the buffer's line up to the cursor: which entry the line is (by the
/// level-2 section above it) and which token the cursor is in; the values come from the last
/// compile.
extension LanguageServer {
    /// The cursor's line and what it is.
    struct LineContext {
        var path: String
        /// 0-based.
        var line: Int
        /// The line's characters, and how many lie before the cursor.
        var characters: [Character]
        var cursor: Int
        /// What entry the line is, when it takes attributes (or is a metadata item).
        var entry: EditorVocabulary.Entry?
        /// The cursor is after the entry's ` — ` (or in a `- key: value` metadata item).
        var inAttributes: Bool

        /// The space-separated token that ends at the cursor, and where it starts.
        var tokenBeforeCursor: (text: String, start: Int) {
            var start = cursor
            while start > 0, characters[start - 1] != " ", characters[start - 1] != "\t" { start -= 1 }
            return (String(characters[start..<cursor]), start)
        }

        /// The range of characters `start ..< cursor` on this line.
        func range(from start: Int) -> SourceRange {
            SourceRange(file: path, line: line + 1, column: start + 1, length: cursor - start)
        }
    }

    func lineContext(_ params: [String: Any]) -> LineContext? {
        guard let (path, location) = sourceLocation(params) else { return nil }
        let table = lines(of: path)
        let line = location.line - 1
        guard line >= 0, line < table.lines.count else { return nil }
        let characters = Array(table.lines[line])
        let cursor = min(location.column - 1, characters.count)
        let text = table.lines[line]
        let trimmed = text.drop { $0 == " " || $0 == "\t" }
        let isHeading = trimmed.hasPrefix("###")
        let isItem = trimmed.hasPrefix("- ") || trimmed.hasPrefix("* ") || trimmed.hasPrefix("+ ")
        var entry: EditorVocabulary.Entry?
        var inAttributes = false
        if isHeading || isItem {
            // The nearest level-2 heading above names the section; none means the metadata list.
            let section = table.lines[..<line].last { $0.hasPrefix("## ") }
            if let section {
                entry = EditorVocabulary.entry(inSection: String(section.dropFirst(3)), isHeading: isHeading)
                let before = String(characters[..<cursor])
                inAttributes = before.contains(" — ") || before.contains(" -- ")
            } else if isItem {
                let first = table.lines[..<line].first { $0.hasPrefix("- ") } ?? text
                let kind = first.dropFirst(2).prefix { $0 != ":" }
                entry = EditorVocabulary.metadataEntry(ofKindKey: String(kind))
                inAttributes = entry != nil
            }
        }
        return LineContext(path: path, line: line, characters: characters, cursor: cursor, entry: entry, inAttributes: inAttributes)
    }

    /// The project a file belongs to: the one it declares, else that of its first task.
    func project(of path: String, _ plan: Plan) -> Int? {
        plan.projects.firstIndex { $0.file == path } ?? plan.tasks.first { $0.range.file == path }?.projectIndex
    }

    // MARK: Completion

    func completion(_ params: [String: Any]) -> Any {
        guard let context = lineContext(params), let compiled, context.inAttributes else { return NSNull() }
        let plan = compiled.plan
        let (token, start) = context.tokenBeforeCursor
        let isMetadata = [.projectMetadata, .calendarMetadata, .settingsMetadata].contains(context.entry)
        var items: [[String: Any]] = []
        if let at = token.lastIndex(of: "@") {
            let from = start + token[..<at].count + 1
            items = resources(plan, replacing: lspRange(context.range(from: from)))
        } else if let (key, written, valueStart) = keyedValue(token, start, context, isMetadata: isMetadata) {
            var value = written
            var from = valueStart
            if let comma = value.lastIndex(of: ",") {
                from += value[...comma].count
                value = value[value.index(after: comma)...]
            }
            if EditorVocabulary.taskListKeys.contains(key) {
                items = taskIDs(plan, context, written: String(value), from: from)
            } else if EditorVocabulary.dateKeys.contains(key) {
                items = dates(plan, context, replacing: lspRange(context.range(from: from)), today: compiled.today)
            } else if key == "owner" {
                items = resources(plan, replacing: lspRange(context.range(from: from)), people: true)
            } else if key == "calendar" || key == "based-on" {
                let range = lspRange(context.range(from: from))
                items = plan.calendars.map { item($0.name, kind: 12, detail: "calendar", edit: range) }
            }
        } else if let entry = context.entry, !isMetadata || start == 2 {
            // A metadata item takes its key right after `- `; an entry, any token after the ` — `.
            items = keys(of: entry, replacing: lspRange(context.range(from: start)), metadata: isMetadata)
        }
        return ["isIncomplete": false, "items": items] as [String: Any]
    }

    /// The key and the value typed so far (with where it starts) of `key:value` in an entry's
    /// token, or of a `- key: value` metadata item, whose value is a token of its own.
    private func keyedValue(_ token: String, _ start: Int, _ context: LineContext, isMetadata: Bool)
        -> (key: String, value: Substring, start: Int)? {
        if let colon = token.firstIndex(of: ":") {
            return (token[..<colon].lowercased(), token[token.index(after: colon)...], start + token[...colon].count)
        }
        guard isMetadata, start > 2, let colon = context.characters.firstIndex(of: ":"), colon < start, colon > 2 else { return nil }
        return (String(context.characters[2..<colon]).lowercased(), token[...], start)
    }

    /// `range` is an LSP range, converted once for all items: a plan may offer thousands of task ids.
    private func item(_ label: String, kind: Int, detail: String?, edit range: [String: Any], text: String? = nil,
                      documentation: String? = nil, sort: Int? = nil) -> [String: Any] {
        var item: [String: Any] = ["label": label, "kind": kind,
                                   "textEdit": ["range": range, "newText": text ?? label] as [String: Any]]
        if let detail { item["detail"] = detail }
        if let documentation { item["documentation"] = ["kind": "markdown", "value": documentation] }
        // Numbered so the editor keeps our order (dates by day, tasks by their place in the plan).
        if let sort { item["sortText"] = String(format: "%08d", sort) }
        return item
    }

    /// The keys the entry takes, each with its meaning; on a task also its bare words (`milestone`).
    private func keys(of entry: EditorVocabulary.Entry, replacing range: [String: Any], metadata: Bool) -> [[String: Any]] {
        var items = EditorVocabulary.keys(of: entry).enumerated().map { index, key in
            item(key, kind: 10, detail: nil, edit: range, text: metadata ? key + ": " : key + ":",
                 documentation: EditorVocabulary.documentation(of: key, on: entry), sort: index)
        }
        if entry == .task {
            items += EditVocabulary.taskWords.map { item($0, kind: 14, detail: "a zero-length event", edit: range, sort: items.count) }
        }
        return items
    }

    /// `@people` and pools (people only for `owner:`, written with their `@`).
    private func resources(_ plan: Plan, replacing range: [String: Any], people only: Bool = false) -> [[String: Any]] {
        let prefix = only ? "@" : ""
        var items = plan.people.map { person in
            item(person.id, kind: 18, detail: [person.name, person.role].compactMap { $0 }.joined(separator: ", "),
                 edit: range, text: prefix + person.id)
        }
        if !only {
            items += plan.pools.map { item($0.id, kind: 18, detail: "\($0.name), pool of \($0.size)", edit: range) }
        }
        return items
    }

    /// The tasks of the line's project, or of `project/` when written, with their titles; never
    /// the task on this line itself.
    private func taskIDs(_ plan: Plan, _ context: LineContext, written: String, from: Int) -> [[String: Any]] {
        var from = from
        var projectIndex = project(of: context.path, plan)
        if let slash = written.firstIndex(of: "/") {
            let name = String(written[..<slash])
            projectIndex = plan.projects.firstIndex { $0.id == name }
            from += written[...slash].count
        }
        guard let projectIndex else { return [] }
        let range = lspRange(context.range(from: from))
        return plan.projects[projectIndex].taskRange.compactMap { index in
            let task = plan.tasks[index]
            guard !(task.range.file == context.path && task.range.start.line == context.line + 1) else { return nil }
            return item(task.id, kind: 18, detail: task.title, edit: range, sort: index)
        }
    }

    /// Today, the next five working days and next Monday, in the project's calendar.
    private func dates(_ plan: Plan, _ context: LineContext, replacing range: [String: Any], today: Day) -> [[String: Any]] {
        let calendar = WorkingCalendar(plan: plan, calendarIndex: project(of: context.path, plan).map { plan.projects[$0].calendarIndex } ?? 0)
        var days: [(Day, String)] = [(today, "today")]
        var day = today
        while days.count < 6, day < today.adding(days: 366) {
            day = day.adding(days: 1)
            if calendar.isWorkingDay(day) { days.append((day, days.count == 1 ? "next working day" : "working day")) }
        }
        let monday = today.adding(days: 7 - today.weekday.rawValue)
        if !days.contains(where: { $0.0 == monday }) { days.append((monday, "next Monday")) }
        return days.sorted { $0.0 < $1.0 }.enumerated().map { index, entry in
            item(entry.0.iso, kind: 12, detail: "\(entry.0.weekday.name), \(entry.1)", edit: range, sort: index)
        }
    }

    // MARK: Hover

    /// Hover on a person (their load in the weeks of the task on the line), a date (its weekday
    /// and whether it is a working day) or an attribute key (its meaning); nil elsewhere.
    func tokenHover(_ params: [String: Any]) -> [String: Any]? {
        guard let context = lineContext(params), let compiled else { return nil }
        if let occurrence = occurrence(params), case .resource(.person(let person)) = occurrence.symbol {
            return hover(personHover(person, context, compiled), occurrence.range)
        }
        // The run of digits and dashes under the cursor, if it is a date.
        let isDatePart: (Character) -> Bool = { $0.isASCII && ($0.isNumber || $0 == "-") }
        var first = context.cursor, last = context.cursor
        while first > 0, isDatePart(context.characters[first - 1]) { first -= 1 }
        while last < context.characters.count, isDatePart(context.characters[last]) { last += 1 }
        if last - first == 10, let day = Day(iso: String(context.characters[first..<last])) {
            let range = SourceRange(file: context.path, line: context.line + 1, column: first + 1, length: 10)
            return hover(dateHover(day, context, compiled.plan, today: compiled.today), range)
        }
        // A key: the word before a `:` the cursor is in.
        guard let entry = context.entry, context.inAttributes else { return nil }
        var start = context.cursor, end = context.cursor
        while start > 0, context.characters[start - 1] != " " { start -= 1 }
        while end < context.characters.count, context.characters[end] != " ", context.characters[end] != ":" { end += 1 }
        guard end < context.characters.count, context.characters[end] == ":", start < end,
              let text = EditorVocabulary.documentation(of: String(context.characters[start..<end]).lowercased(), on: entry) else { return nil }
        return hover(text, SourceRange(file: context.path, line: context.line + 1, column: start + 1, length: end - start))
    }

    private func hover(_ markdown: String, _ range: SourceRange) -> [String: Any] {
        ["contents": ["kind": "markdown", "value": markdown], "range": lspRange(range)]
    }

    private func personHover(_ index: Int, _ context: LineContext, _ compiled: CompiledPlan) -> String {
        let plan = compiled.plan
        let person = plan.people[index]
        var text = "**\(person.name)** (@\(person.id))" + (person.role.map { ", \($0)" } ?? "")
        text += ", available \(NumberText.percent(person.availability))"
        guard let schedule = compiled.schedule,
              let task = plan.tasks.indices.first(where: { plan.tasks[$0].range.file == context.path && plan.tasks[$0].range.start.line == context.line + 1 }),
              task < schedule.tasks.count else { return text }
        let dates = schedule.tasks[task]
        let calendar = WorkingCalendar(plan: plan, person: index, fallback: plan.projects[plan.tasks[task].projectIndex].calendarIndex)
        let load = schedule.resourceLoad.first { $0.resource == .person(index) }?.days ?? []
        // Monday to Sunday weeks, from the task's first week to its last (at most twelve). Load
        // is forecast from today: weeks before this one hold progress, not bookings, so they
        // are left out rather than shown as idle.
        let title = plan.tasks[task].title
        guard dates.finish >= compiled.today else {
            return text + "\n\n'\(title)' finished before today (\(compiled.today.iso)); load is forecast from today on."
        }
        let from = max(dates.start, compiled.today)
        let firstMonday = from.adding(days: -from.weekday.rawValue)
        let fromNow = dates.start < firstMonday ? " from this week on" : ""
        text += "\n\nLoad in the weeks of '\(title)'\(fromNow), in days booked of days available:\n"
        var monday = firstMonday
        var weeks = 0
        while monday <= dates.finish, weeks < 12 {
            let sunday = monday.adding(days: 6)
            let booked = load.lazy.filter { $0.day >= monday && $0.day <= sunday }.reduce(0) { $0 + $1.load }
            var available = 0.0
            for offset in 0..<7 where calendar.isWorkingDay(monday.adding(days: offset)) {
                available += person.availability(on: monday.adding(days: offset))
            }
            let share = available > 0 ? " (\(NumberText.percent(booked / available)))" : ""
            text += "\n- week of \(monday.iso): \(NumberText.decimal(booked)) of \(NumberText.decimal(available))\(share)"
            monday = monday.adding(days: 7)
            weeks += 1
        }
        if monday <= dates.finish { text += "\n- and later weeks up to \(dates.finish.iso)" }
        return text
    }

    private func dateHover(_ day: Day, _ context: LineContext, _ plan: Plan, today: Day) -> String {
        let index = project(of: context.path, plan).map { plan.projects[$0].calendarIndex } ?? Plan.defaultCalendar
        let calendarIndex = plan.calendarIndex(resolving: index)
        let name = plan.calendars.indices.contains(calendarIndex) ? plan.calendars[calendarIndex].name : "default"
        let (year, month, date) = day.components
        var text = "**\(day.weekday.name) \(date) \(CalendarNames.month(month)) \(year)**: "
        if WorkingCalendar(plan: plan, calendarIndex: index).isWorkingDay(day) {
            text += "a working day in calendar `\(name)`"
        } else if let holiday = plan.calendars.indices.contains(calendarIndex)
                    ? plan.calendars[calendarIndex].holidays.first(where: { $0.days.contains(day) }) : nil {
            text += "not a working day in calendar `\(name)` (\(holiday.name))"
        } else {
            text += "not a working day in calendar `\(name)`"
        }
        let offset = day - today
        text += offset == 0 ? "; today" : offset > 0 ? "; in \(NumberText.count(offset, "day"))" : "; \(NumberText.count(-offset, "day")) ago"
        return text
    }
}
