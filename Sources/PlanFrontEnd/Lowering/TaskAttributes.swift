import PlanModel

/// What the attribute tokens of one task or work package line say, read without looking at the
/// rest of the plan: a pure function from tokens to values and diagnostics, so it can be tested
/// alone and the work breakdown reader only applies what it returns. References (predecessors,
/// people, owners) come back as written; name resolution binds them once every file is read.
struct TaskAttributes {
    /// `id:x` as written, and where.
    var explicitID: (String, SourceRange)?
    var effortDays: Double?
    var durationDays: Double?
    /// A malformed estimate is already an error; the task then counts one day, without a
    /// second warning that it has no estimate.
    var estimateWasInvalid = false
    var percentComplete: Double?
    /// The first percentage token, even a malformed one: where a contradiction with the box points.
    var percentRange: SourceRange?
    var tags: [String] = []
    var isMilestone = false
    var fixedStart: Day?
    var fixedFinish: Day?
    var notBefore: Day?
    var deadline: Day?
    var priority: Int?
    /// `priority:` was written (even if its value was not read): a package's written priority
    /// passes down to its tasks, the default does not.
    var priorityWasWritten = false
    var cost: Money?
    var status: (state: TaskState, range: SourceRange)?
    var actualStart: Day?
    var actualFinish: Day?
    var spentDays: Double?
    var dependencies: [(reference: String, kind: DependencyKind, lag: Double, range: SourceRange, idRange: SourceRange)] = []
    var assignments: [(resource: String, units: String?, range: SourceRange)] = []
    /// Every `owner:` in order; the last one counts, as with the other repeatable attributes.
    var owners: [(written: String, range: SourceRange)] = []
    /// Problems with the tokens (repeats, unknown attributes, values out of range) and with
    /// reading values (dates, amounts, money), kept apart as lowering keeps them.
    var diagnostics: [Diagnostic] = []
    var valueDiagnostics: [Diagnostic] = []

    /// `hoursPerDay` is the project calendar's working day (for `16h`); `defaultCurrency` the
    /// project's (for `cost:4500`); `decimalMark` the settings file's (for money).
    static func read(_ attributes: [AttributeSyntax], isPackage: Bool, hoursPerDay hours: Double, defaultCurrency: String?,
                     decimalMark: Character?) -> TaskAttributes {
        var result = TaskAttributes()
        var diagnostics = DiagnosticBag()
        var values = ValueReader()
        values.decimalMark = decimalMark
        let allowed = isPackage ? Vocabulary.packageKeys : Vocabulary.taskKeys
        let entry = isPackage ? "work package" : "task"
        var seen: [String: SourceRange] = [:]
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
            if case .percent = attribute.form, result.percentRange == nil { result.percentRange = range }
            switch attribute.form {
            case .amount(let text) where !isPackage:
                if once("effort", range, &diagnostics) { result.effortDays = values.workDays(text, hoursPerDay: hours, at: range, what: "effort") }
                if result.effortDays == nil { result.estimateWasInvalid = true }
            case .amount where isPackage:
                diagnostics.report(.summaryWithWork, "a work package is rolled up from its tasks, so '\(attribute.text)' is not used",
                                   at: range, hint: "put the amount of work on the tasks under this heading")
            case .percent(let text) where !isPackage:
                if once("percent complete", range, &diagnostics), let value = values.percent(text, at: range, what: "percent complete") {
                    if value < 0 || value > 100 {
                        diagnostics.report(.progressOutOfRange, "percent complete must be from 0 to 100, not \(text)%", at: range,
                                           hint: "write how much of the work is done, like 40%")
                    } else {
                        result.percentComplete = value
                    }
                }
            case .tag(let tag):
                if !result.tags.contains(tag) { result.tags.append(tag) }
            case .assignment(let id, let units) where !isPackage:
                result.assignments.append((id, units, range))
            case .word(let word) where !isPackage && Vocabulary.taskWords.contains(word.lowercased()):
                result.isMilestone = true
            case .keyed(let key, let value) where allowed.contains(key):
                switch key {
                case "id": result.explicitID = (value, range)
                case "effort":
                    if once("effort", range, &diagnostics) { result.effortDays = values.workDays(value, hoursPerDay: hours, at: range, what: "effort") }
                    if result.effortDays == nil { result.estimateWasInvalid = true }
                case "duration":
                    if once("duration", range, &diagnostics) { result.durationDays = values.workDays(value, hoursPerDay: hours, at: range, what: "duration") }
                    if result.durationDays == nil { result.estimateWasInvalid = true }
                case "after", "fs", "ss", "ff", "sf":
                    let kind: DependencyKind = key == "ss" ? .startToStart : key == "ff" ? .finishToFinish : key == "sf" ? .startToFinish : .finishToStart
                    result.dependencies += Self.dependencies(value, kind: kind, hoursPerDay: hours, at: range, &diagnostics, &values)
                case "start": if once("start", range, &diagnostics) { result.fixedStart = values.date(value, at: range, what: "start") }
                case "finish": if once("finish", range, &diagnostics) { result.fixedFinish = values.date(value, at: range, what: "finish") }
                case "not-before": if once("not-before", range, &diagnostics) { result.notBefore = values.date(value, at: range, what: "not-before") }
                case "due": if once("due", range, &diagnostics) { result.deadline = values.date(value, at: range, what: "due date") }
                case "priority":
                    if once("priority", range, &diagnostics), let priority = Self.priority(value, at: range, &diagnostics) { result.priority = priority }
                case "cost":
                    if once("cost", range, &diagnostics) {
                        result.cost = values.money(value, at: range, what: "cost", defaultCurrency: defaultCurrency)?.0
                    }
                case "status":
                    if let state = values.choice(TaskState.self, value, at: range, what: "status") { result.status = (state, range) }
                case "started": result.actualStart = values.date(value, at: range, what: "started")
                case "finished": result.actualFinish = values.date(value, at: range, what: "finished")
                case "spent":
                    result.spentDays = values.workDays(value, hoursPerDay: hours, at: range, what: "spent effort")
                case "owner":
                    result.owners.append((value, range))
                default: LoweringContext.unknownAttribute(attribute, allowed: allowed, entry: entry, into: &diagnostics)
                }
            default:
                LoweringContext.unknownAttribute(attribute, allowed: allowed + (isPackage ? [] : Vocabulary.taskWords),
                                                 entry: entry, into: &diagnostics)
            }
        }
        result.priorityWasWritten = seen["priority"] != nil
        result.diagnostics = diagnostics.items
        result.valueDiagnostics = values.diagnostics.items
        return result
    }

    /// `priority:N` (1 to 1000) or a named level.
    static func priority(_ text: String, at range: SourceRange, _ diagnostics: inout DiagnosticBag) -> Int? {
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
    static func dependencies(_ value: String, kind: DependencyKind, hoursPerDay: Double, at range: SourceRange,
                             _ diagnostics: inout DiagnosticBag, _ values: inout ValueReader)
        -> [(reference: String, kind: DependencyKind, lag: Double, range: SourceRange, idRange: SourceRange)] {
        var result: [(reference: String, kind: DependencyKind, lag: Double, range: SourceRange, idRange: SourceRange)] = []
        // Works on the UTF-8 bytes: references are short and there can be tens of thousands.
        let bytes = Array(value.utf8)
        // Ranges count characters, so each part's column is the characters before it, counted
        // once as the parts go by (ids may be written in any script).
        let valueRange = range.suffix(characters: value.count)
        var charactersBefore = 0
        var counted = 0
        var partStart = 0
        while partStart <= bytes.count {
            if partStart > counted {
                charactersBefore += String(decoding: bytes[counted..<min(partStart, bytes.count)], as: UTF8.self).count
                counted = partStart
            }
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
            result.append((reference, kind, lag, range, valueRange.slice(from: charactersBefore, characters: reference.count)))
        }
        return result
    }
}
