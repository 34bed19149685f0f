import Foundation
import PlanModel

/// A team file (`- team: NAME`): `## People` and `## Pools`, which share the `@id` namespace.
/// Read before projects, so every `@id` a project writes can be bound against the full team.
extension LoweringContext {
    mutating func lowerTeam(_ file: FileSyntax) {
        for item in file.metadata.dropFirst() { unknownMetadata(item, allowed: Vocabulary.teamKeys) }
        for section in file.sections {
            switch Vocabulary.section(named: section.title) {
            case .people:
                for entry in entries(of: section) { lowerPerson(entry) }
            case .pools:
                for entry in entries(of: section) { lowerPool(entry) }
            default:
                unknownSection(section, in: .team)
            }
        }
    }

    mutating func lowerPerson(_ entry: EntrySyntax) {
        var explicitID: (String, SourceRange)?
        var person = Person(id: "", name: entry.title, range: entry.titleRange)
        let hours = plan.calendars[0].hoursPerDay
        var rateText: (String, SourceRange)?
        for attribute in keyedAttributes(of: entry, allowed: Vocabulary.personKeys, kind: "person") {
            let (key, value) = (attribute.key, attribute.value)
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
            default: break   // keyedAttributes reported it
            }
        }
        let calendarHours = person.calendarIndex.map { plan.calendars[$0].hoursPerDay } ?? hours
        if let (text, range) = rateText {
            person.rate = rate(text, at: range, hoursPerDay: calendarHours)
        }
        person.changes = personChanges(entry.children, hoursPerDay: calendarHours)
        person.id = identifier(explicit: explicitID, title: entry.title, fallback: "person-\(entry.range.start.line)")
        guard registerResource(person.id, .person(plan.people.count), at: explicitID?.1 ?? entry.titleRange) else { return }
        plan.occurrences.append(declaration(of: .resource(.person(plan.people.count)), explicit: explicitID, title: entry.titleRange))
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
                let near = words.count == 2
                    ? Suggest.closest(to: word.lowercased(), among: Vocabulary.personChangeWords.map { $0.lowercased() }, maximumDistance: 2)
                        .map { $0.prefix(1).uppercased() + $0.dropFirst() }
                    : nil
                let suggestion = near.map { "did you mean `\($0) \(words[1])`?" }
                // The title starts with the word when the range holds the title as written (no escapes).
                let range = item.titleRange
                let fix = item.title.hasPrefix(word) && range.start.line == range.end.line
                    && range.end.column - range.start.column == item.title.count
                    ? near.flatMap { Diagnostic.FixIt.replacing(word, at: 0, in: range, with: $0) } : nil
                diagnostics.report(.malformedPersonChange,
                                   "'\(item.title)' is not a change of availability or rate", at: item.titleRange,
                                   hint: suggestion ?? "under a person write `From YYYY-MM-DD — availability:60% rate:720EUR/d` or `Leaves YYYY-MM-DD`",
                                   fixIts: fix.map { [$0] } ?? [])
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
        for attribute in keyedAttributes(of: entry, allowed: Vocabulary.poolKeys, kind: "pool") {
            let (key, value) = (attribute.key, attribute.value)
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
            default: break   // keyedAttributes reported it
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
        plan.occurrences.append(declaration(of: .resource(.pool(plan.pools.count)), explicit: explicitID, title: entry.titleRange))
        plan.pools.append(pool)
    }

    /// A rate per day: `900EUR/d`, or per hour `/h` (converted with the calendar's working day).
    mutating func rate(_ text: String, at range: SourceRange, hoursPerDay: Double) -> Money? {
        guard let (money, per) = values.money(text, at: range, what: "rate", defaultCurrency: nil) else { return nil }
        return per == "h" ? Money(amount: money.amount * hoursPerDay, currency: money.currency) : money
    }

    /// Declares `@id`; a second declaration is reported and dropped, so every index in
    /// `plan.people` and `plan.pools` names the one resource its id means.
    mutating func registerResource(_ id: String, _ ref: ResourceRef, at range: SourceRange) -> Bool {
        if let (_, first) = declarations.resources[id] {
            diagnostics.report(.duplicateID, "'@\(id)' is already defined", at: range, notes: [.init("first defined here", at: first)],
                               hint: "people and pools share one namespace; give this one another id")
            return false
        }
        declarations.resources[id] = (ref, range)
        return true
    }
}
