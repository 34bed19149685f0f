import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import PlanModel

/// Reads MSPDI bytes into an `MSPDIProject`. Foundation's `XMLParser` (libxml2 on Linux) builds
/// a small element tree first; the tree is then read element by element. Input is checked before
/// and while parsing so that a hostile file ends in one `ImportError`, never a crash: a size
/// limit, valid UTF-8, an element depth limit, a root named `Project` in Microsoft's namespace.
public enum MSPDIReader {
    public static let namespace = "http://schemas.microsoft.com/project"
    /// Far above any real schedule (a 10,000-task MSPDI file is about 30 MB).
    public static let maximumBytes = 256 << 20
    /// MSPDI nests seven deep (Project, Calendars, Calendar, WeekDays, WeekDay, WorkingTimes …).
    public static let maximumDepth = 32
    /// Work breakdowns are a handful of levels deep; the limit keeps the written plan (and the
    /// writer's recursion over it) bounded.
    public static let maximumOutlineLevel = 100

    public static func read(_ data: Data) throws(ImportError) -> MSPDIProject {
        guard data.count <= maximumBytes else {
            throw ImportError("the file is \(data.count) bytes; at most \(maximumBytes) are imported")
        }
        if let (line, column) = firstInvalidUTF8(data) {
            throw ImportError("not UTF-8: an invalid byte sequence", line: line, column: column)
        }
        let builder = TreeBuilder()
        // From a stream, libxml2 gets the file in chunks: handed over in one piece, a file above
        // about 10 MB fails with an internal error.
        let parser = XMLParser(stream: InputStream(data: data))
        parser.shouldResolveExternalEntities = false
        parser.shouldProcessNamespaces = false
        parser.delegate = builder
        builder.parser = parser
        let parsed = parser.parse()
        if let tooDeep = builder.tooDeep {
            throw ImportError("elements nest deeper than \(maximumDepth) levels; this is not an MSPDI file", at: tooDeep)
        }
        guard parsed, let root = builder.root else {
            // Foundation on Linux describes parser errors only by libxml2's number.
            let error = "XML error \((parser.parserError as NSError?)?.code ?? 0)"
            let location = builder.errorLocation ?? .init(line: parser.lineNumber, column: parser.columnNumber)
            throw ImportError("not well-formed XML (\(error))", line: max(location.line, 1), column: max(location.column, 1))
        }
        guard root.name == "Project", builder.rootNamespace == namespace else {
            throw ImportError("not an MSPDI file: the root element is <\(root.name)>"
                              + (builder.rootNamespace.map { " in namespace \($0)" } ?? " without a namespace")
                              + "; MS Project XML has <Project xmlns=\"\(namespace)\">", at: root.location)
        }
        return try project(from: root)
    }

    /// Line and column (in bytes, 1-based) of the first byte that is not valid UTF-8.
    static func firstInvalidUTF8(_ data: Data) -> (Int, Int)? {
        if String(validating: data, as: UTF8.self) != nil { return nil }
        let bytes = [UInt8](data)
        var line = 1, lineStart = 0, index = 0
        while index < bytes.count {
            let byte = bytes[index]
            let length: Int
            switch byte {
            case 0..<0x80: length = 1
            case 0xC2...0xDF: length = 2
            case 0xE0...0xEF: length = 3
            case 0xF0...0xF4: length = 4
            default: return (line, index - lineStart + 1)
            }
            let end = index + length
            guard end <= bytes.count,
                  String(validating: bytes[index..<end], as: UTF8.self) != nil else {
                return (line, index - lineStart + 1)
            }
            if byte == 10 { line += 1; lineStart = end }
            index = end
        }
        return (line, 1)
    }

    // MARK: The element tree

    final class Element {
        let name: String
        let location: MSPDIProject.Location
        var text = ""
        var children: [Element] = []
        init(name: String, location: MSPDIProject.Location) { self.name = name; self.location = location }
        func child(_ name: String) -> Element? { children.first { $0.name == name } }
        func all(_ name: String) -> [Element] { children.filter { $0.name == name } }
        subscript(_ name: String) -> String? {
            guard let text = child(name)?.text.trimmingCharacters(in: .whitespacesAndNewlines), !text.isEmpty else { return nil }
            return text
        }
    }

    final class TreeBuilder: NSObject, XMLParserDelegate {
        weak var parser: XMLParser?
        var stack: [Element] = []
        var root: Element?
        var rootNamespace: String?
        var tooDeep: MSPDIProject.Location?

        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                    attributes: [String: String] = [:]) {
            let location = MSPDIProject.Location(line: parser.lineNumber, column: parser.columnNumber)
            guard stack.count < MSPDIReader.maximumDepth else {
                tooDeep = location
                parser.abortParsing()
                return
            }
            let element = Element(name: name, location: location)
            if stack.isEmpty { root = element; rootNamespace = attributes["xmlns"] ?? namespaceURI }
            stack.last?.children.append(element)
            stack.append(element)
        }

        /// libxml2 reports an error where it finds it; the parser's position moves on after that.
        var errorLocation: MSPDIProject.Location?

        func parser(_ parser: XMLParser, parseErrorOccurred parseError: any Error) {
            if errorLocation == nil { errorLocation = .init(line: parser.lineNumber, column: parser.columnNumber) }
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            // Only leaves carry values; text between elements is indentation.
            if let last = stack.last, last.children.isEmpty { last.text += string }
        }

        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            _ = stack.popLast()
        }
    }

    // MARK: Values

    /// `2026-03-02T08:00:00` → the day; MSPDI's times of day are dropped (planc plans in days).
    static func day(_ text: String?) -> Day? {
        guard let text, text.count >= 10 else { return nil }
        return Day(iso: text.prefix(10))
    }

    /// `PT40H30M0S`, `P1DT2H`: an ISO 8601 duration in minutes (a day counts `minutesPerDay`).
    static func minutes(_ text: String?, minutesPerDay: Double) -> Double? {
        guard var rest = text.map({ Substring($0) }), !rest.isEmpty else { return nil }
        var sign = 1.0
        if rest.first == "-" { sign = -1; rest = rest.dropFirst() }
        guard rest.first == "P" else { return nil }
        rest = rest.dropFirst()
        var total = 0.0, number = "", inTime = false
        for character in rest {
            switch character {
            case "T": inTime = true
            case "0"..."9", ".": number.append(character)
            default:
                guard let value = Double(number) else { return nil }
                number = ""
                switch (character, inTime) {
                case ("Y", false): total += value * minutesPerDay * 260
                case ("M", false): total += value * minutesPerDay * 20
                case ("W", false): total += value * minutesPerDay * 5
                case ("D", _): total += value * minutesPerDay
                case ("H", true): total += value * 60
                case ("M", true): total += value
                case ("S", true): total += value / 60
                default: return nil
                }
            }
        }
        return number.isEmpty ? sign * total : nil
    }

    static func int(_ text: String?) -> Int? { text.flatMap { Int($0) } }
    static func double(_ text: String?) -> Double? { text.flatMap { Double($0) }.flatMap { $0.isFinite ? $0 : nil } }
    static func flag(_ text: String?) -> Bool { text == "1" || text?.lowercased() == "true" }

    static func clockMinutes(_ text: String?) -> Int? {
        guard let text else { return nil }
        let parts = text.split(separator: ":").compactMap { Int($0) }
        guard parts.count >= 2 else { return nil }
        return parts[0] * 60 + parts[1]
    }

    // MARK: Elements to values

    static func project(from root: Element) throws(ImportError) -> MSPDIProject {
        var project = MSPDIProject()
        project.title = root["Title"]
        project.name = root["Name"]
        project.startDate = day(root["StartDate"])
        project.currencyCode = root["CurrencyCode"]
        project.calendarUID = int(root["CalendarUID"])
        project.schedulesFromStart = root["ScheduleFromStart"] != "0"
        if let minutes = double(root["MinutesPerDay"]), minutes > 0, minutes <= 24 * 60 { project.minutesPerDay = minutes }
        project.extendedAttributeNames = root.child("ExtendedAttributes")?.all("ExtendedAttribute").compactMap {
            $0["Alias"] ?? $0["FieldName"]
        } ?? []
        for element in root.child("Calendars")?.all("Calendar") ?? [] {
            project.calendars.append(try calendar(from: element))
        }
        // Links and assignments name tasks by UID, so a UID used twice would make them ambiguous.
        var taskUIDs: Set<Int> = []
        for element in root.child("Tasks")?.all("Task") ?? [] {
            guard let task = try task(from: element, minutesPerDay: project.minutesPerDay) else { continue }
            guard taskUIDs.insert(task.uid).inserted else { throw ImportError("task UID \(task.uid) is used twice", at: task.location) }
            project.tasks.append(task)
        }
        for element in root.child("Resources")?.all("Resource") ?? [] {
            guard let uid = int(element["UID"]), uid > 0 else { continue }  // UID 0 is MS Project's unassigned resource
            var resource = MSPDIProject.Resource(uid: uid)
            resource.name = element["Name"] ?? ""
            resource.type = int(element["Type"]) ?? 1
            resource.initials = element["Initials"]
            resource.group = element["Group"]
            resource.maxUnits = double(element["MaxUnits"])
            resource.standardRate = double(element["StandardRate"])
            resource.calendarUID = int(element["CalendarUID"])
            resource.notes = element["Notes"]
            for period in element.child("AvailabilityPeriods")?.all("AvailabilityPeriod") ?? [] {
                // A period without units is MS Project's "available at MaxUnits".
                resource.availability.append(.init(from: day(period["AvailableFrom"]), to: day(period["AvailableTo"]),
                                                   value: double(period["AvailableUnits"]) ?? resource.maxUnits ?? 1))
            }
            for rate in element.child("Rates")?.all("Rate") ?? [] {
                let standard = double(rate["StandardRate"]) ?? 0
                if (double(rate["OvertimeRate"]) ?? 0) != 0 { resource.overtimeRates += 1 }
                if (double(rate["CostPerUse"]) ?? 0) != 0 { resource.costsPerUse += 1 }
                guard (int(rate["RateTable"]) ?? 0) == 0 else {
                    if standard != 0 { resource.otherRateTables += 1 }
                    continue
                }
                resource.rates.append(.init(from: day(rate["RatesFrom"]), to: day(rate["RatesTo"]), value: standard))
            }
            if (double(element["OvertimeRate"]) ?? 0) != 0 { resource.overtimeRates += 1 }
            if (double(element["CostPerUse"]) ?? 0) != 0 { resource.costsPerUse += 1 }
            resource.extendedAttributeCount = element.all("ExtendedAttribute").count
            project.resources.append(resource)
        }
        for element in root.child("Assignments")?.all("Assignment") ?? [] {
            guard let taskUID = int(element["TaskUID"]), let resourceUID = int(element["ResourceUID"]), resourceUID > 0 else { continue }
            project.assignments.append(.init(taskUID: taskUID, resourceUID: resourceUID, units: double(element["Units"]) ?? 1))
        }
        return project
    }

    static func calendar(from element: Element) throws(ImportError) -> MSPDIProject.Calendar {
        guard let uid = int(element["UID"]) else { throw ImportError("a calendar without a UID", at: element.location) }
        var calendar = MSPDIProject.Calendar(uid: uid)
        calendar.name = element["Name"] ?? ""
        calendar.isBase = flag(element["IsBaseCalendar"])
        if let base = int(element["BaseCalendarUID"]), base >= 0 { calendar.baseUID = base }
        var week: [Weekday: Int] = [:]
        var oldStyleExceptions: [MSPDIProject.Exception] = []
        for weekDay in element.child("WeekDays")?.all("WeekDay") ?? [] {
            let dayType = int(weekDay["DayType"]) ?? -1
            let working = flag(weekDay["DayWorking"])
            if dayType == 0 {
                // Before the <Exceptions> element (MS Project 2003 and 2007), exceptions were
                // week days of type 0 with a time period; MPXJ still writes both.
                if let period = weekDay.child("TimePeriod"), let first = day(period["FromDate"]), let last = day(period["ToDate"]) {
                    oldStyleExceptions.append(.init(first: first, last: max(first, last), isWorking: working))
                }
                continue
            }
            guard (1...7).contains(dayType) else { continue }
            let weekday: Weekday = dayType == 1 ? .sunday : Weekday(rawValue: dayType - 2) ?? .monday
            let minutes = (weekDay.child("WorkingTimes")?.all("WorkingTime") ?? []).reduce(0) { sum, time in
                guard let from = clockMinutes(time["FromTime"]), var to = clockMinutes(time["ToTime"]) else { return sum }
                if to <= from { to += 24 * 60 }  // 00:00 as an end is midnight
                return sum + to - from
            }
            week[weekday] = working ? minutes : 0
        }
        if !week.isEmpty { calendar.week = week }
        if let exceptions = element.child("Exceptions") {
            for exception in exceptions.all("Exception") {
                guard let period = exception.child("TimePeriod"), let first = day(period["FromDate"]), let last = day(period["ToDate"]) else { continue }
                let occurrences = int(exception["Occurrences"]) ?? 1
                let type = int(exception["Type"]) ?? 1
                calendar.exceptions.append(.init(first: first, last: max(first, last), name: exception["Name"],
                                                 isWorking: flag(exception["DayWorking"]),
                                                 isRecurring: type != 1 || occurrences > 1))
            }
        } else {
            calendar.exceptions = oldStyleExceptions
        }
        return calendar
    }

    static func task(from element: Element, minutesPerDay: Double) throws(ImportError) -> MSPDIProject.Task? {
        guard let uid = int(element["UID"]) else { throw ImportError("a task without a UID", at: element.location) }
        let outlineLevel = int(element["OutlineLevel"]) ?? 1
        // Outline level 0 is the project's own summary task (UID 0), which MS Project writes.
        if outlineLevel <= 0 || flag(element["IsNull"]) { return nil }
        guard outlineLevel <= maximumOutlineLevel else {
            throw ImportError("task UID \(uid) is at outline level \(outlineLevel); planc imports at most \(maximumOutlineLevel) levels", at: element.location)
        }
        var task = MSPDIProject.Task(uid: uid, location: element.location)
        task.name = element["Name"] ?? ""
        task.outlineLevel = outlineLevel
        task.outlineNumber = element["OutlineNumber"]
        task.isSummary = flag(element["Summary"])
        task.isMilestone = flag(element["Milestone"])
        task.isActive = element["Active"].map(flag) ?? true
        task.isRecurring = flag(element["Recurring"])
        task.isEstimated = flag(element["Estimated"])
        task.isManual = flag(element["Manual"])
        task.type = int(element["Type"]) ?? 0
        task.priority = int(element["Priority"])
        task.start = day(element["Start"])
        task.finish = day(element["Finish"])
        task.durationMinutes = minutes(element["Duration"], minutesPerDay: minutesPerDay)
        task.durationFormat = int(element["DurationFormat"])
        task.workMinutes = minutes(element["Work"], minutesPerDay: minutesPerDay)
        // Currency amounts are written in hundredths (MS Project and MPXJ write 1,500.00 as 150000).
        task.fixedCost = double(element["FixedCost"]).map { $0 / 100 }
        task.percentComplete = double(element["PercentComplete"]) ?? 0
        task.actualStart = day(element["ActualStart"])
        task.actualFinish = day(element["ActualFinish"])
        task.constraintType = int(element["ConstraintType"]) ?? 0
        task.constraintDate = day(element["ConstraintDate"])
        task.deadline = day(element["Deadline"])
        task.notes = element["Notes"]
        task.calendarUID = int(element["CalendarUID"]).flatMap { $0 >= 0 ? $0 : nil }
        task.extendedAttributeCount = element.all("ExtendedAttribute").count
        task.hasBaseline = !element.all("Baseline").isEmpty
        for link in element.all("PredecessorLink") {
            guard let predecessor = int(link["PredecessorUID"]) else {
                throw ImportError("a predecessor link without a PredecessorUID", at: link.location)
            }
            task.links.append(.init(predecessorUID: predecessor, type: int(link["Type"]) ?? 1,
                                    linkLag: double(link["LinkLag"]) ?? 0, lagFormat: int(link["LagFormat"]) ?? 7,
                                    crossProject: flag(link["CrossProject"]), location: link.location))
        }
        return task
    }
}
