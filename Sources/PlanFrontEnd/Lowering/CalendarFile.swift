import Foundation
import PlanModel

/// A calendar file (`- calendar: NAME`): working week, hours per day and `## Holidays`. Read
/// before everything else, because a calendar's working day turns `16h` into days wherever an
/// amount is read; `based-on` is bound once every calendar is known.
extension LoweringContext {
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
        plan.occurrences.append(.init(symbol: .calendar(index), role: .definition, range: file.nameRange))
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
                unknownSection(section, in: .calendar)
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
                let others = plan.calendars.map(\.name).filter { $0 != file.name }
                let fix = Suggest.closest(to: item.value, among: others).flatMap {
                    Diagnostic.FixIt.replacing(item.value, inValue: item.value, key: "based-on", in: item.valueRange, with: $0)
                }
                diagnostics.report(.unknownReference, "no calendar named '\(item.value)' to base '\(file.name)' on", at: item.valueRange,
                                   hint: Suggest.hint(for: item.value, among: others)
                                       ?? "name another calendar, such as `default`",
                                   fixIts: fix.map { [$0] } ?? [])
                continue
            }
            baseOf[index] = (base, item.valueRange)
            plan.occurrences.append(.init(symbol: .calendar(base), role: .reference, range: item.valueRange))
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
}
