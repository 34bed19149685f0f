import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import PlanAnalysis
import PlanCompiler
import PlanModel
import PlanTestSupport
import Testing
@testable import PlanReports

/// The MS Project XML export of small plans, read back with Foundation's XML parser: each link
/// type and lag, pins, not-before dates, a milestone with a deadline, a part-time assignment
/// and hostile titles. `MSPDIReaderTests` (PlancTests) reads the examples with MPXJ.
@Suite struct MSPDIExportTests {
    /// A parsed element: its name, text and children.
    final class Element {
        let name: String
        var text = ""
        var children: [Element] = []
        init(name: String) { self.name = name }
        func child(_ name: String) -> Element? { children.first { $0.name == name } }
        func all(_ name: String) -> [Element] { children.filter { $0.name == name } }
        subscript(_ name: String) -> String? { child(name)?.text }
    }

    final class TreeBuilder: NSObject, XMLParserDelegate {
        var stack: [Element] = []
        var root: Element?
        var namespace: String?
        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                    attributes: [String: String] = [:]) {
            let element = Element(name: name)
            if stack.isEmpty { root = element; namespace = attributes["xmlns"] ?? namespaceURI }
            stack.last?.children.append(element)
            stack.append(element)
        }
        func parser(_ parser: XMLParser, foundCharacters string: String) { stack.last?.text += string }
        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            _ = stack.popLast()
        }
    }

    static func parse(_ text: String) throws -> (root: Element, namespace: String?) {
        let parser = XMLParser(data: Data(text.utf8))
        let builder = TreeBuilder()
        parser.delegate = builder
        let parsed = parser.parse()
        #expect(parsed, "not well-formed XML: \(String(describing: parser.parserError))")
        return (try #require(builder.root), builder.namespace)
    }

    static let team = """
        # Team

        - team: t

        ## People
        - Dana — id:dana rate:800
        - Ann & <Co> "quoted" — id:ann availability:50%

        ## Pools
        - Backend developers — id:backend size:3

        """

    static let links = """
        # Links <&> "MSPDI"

        - project: links
        - start: 2026-03-02

        ## Work
        - [ ] Design & <build> "one" 'two' — id:design 3d @dana
        - [ ] Build — 4d @dana after:design+2d
        - [ ] Review — duration:2d ss:build+1d
        - [ ] Test — duration:2d ff:build+1d
        - [ ] Sign — duration:1d sf:build-1d
        - [ ] Part-time — 2d @ann:50% @backend:2
        - [ ] Pinned — duration:2d start:2026-03-23
        - [ ] Finish pinned — duration:2d finish:2026-03-27
        - [ ] Later — duration:1d not-before:2026-04-06
        - [ ] Release — milestone after:build due:2026-03-31

        """

    static func export(_ files: [String: String], today: String = "2026-03-02") throws -> (root: Element, text: String) {
        let compiled = try withTemporaryFolder("mspdi") { folder in
            for (name, text) in files { try text.write(to: folder.appendingPathComponent(name), atomically: true, encoding: .utf8) }
            return Pipeline.compile(CompileOptions(path: folder.path, today: PlanTestSupport.day(today)))
        }
        let errors = compiled.diagnostics.filter { $0.severity == .error }
        #expect(errors.isEmpty, "\(errors.map(\.message))")
        let schedule = try #require(compiled.schedule)
        let context = ReportContext(plan: compiled.plan, schedule: schedule, analysis: Analyzer.analyze(compiled.plan, schedule))
        let text = try Exporter.render(.mspdi, context)
        let (root, namespace) = try parse(text)
        #expect(root.name == "Project")
        #expect(namespace == "http://schemas.microsoft.com/project")
        return (root, text)
    }

    static func task(_ root: Element, _ title: String) throws -> Element {
        try #require(root.child("Tasks")?.all("Task").first { $0["Name"] == title }, "no task \(title)")
    }

    @Test func escapingKeepsHostileTextWellFormed() throws {
        #expect(MSPDIExport.escaped("a & b < c > d \"e\" 'f'") == "a &amp; b &lt; c &gt; d &quot;e&quot; &apos;f&apos;")
        #expect(MSPDIExport.escaped("bell\u{7}nul\u{0}tab\tline\nend\r") == "bell\u{FFFD}nul\u{FFFD}tab\tline\nend&#13;")
        #expect(MSPDIExport.escaped("]]> <![CDATA[ x") == "]]&gt; &lt;![CDATA[ x")
        let (root, _) = try Self.export(["plan.md": Self.links, "team.md": Self.team])
        #expect(root["Title"] == "Links <&> \"MSPDI\"")
        _ = try Self.task(root, "Design & <build> \"one\" 'two'")
        let names = root.child("Resources")?.all("Resource").compactMap { $0["Name"] } ?? []
        #expect(names.contains("Ann & <Co> \"quoted\""))
    }

    @Test func linksCarryTheirTypeAndLagInTenthsOfMinutes() throws {
        let (root, _) = try Self.export(["plan.md": Self.links, "team.md": Self.team])
        #expect(root["MinutesPerDay"] == "480")
        let design = try Self.task(root, "Design & <build> \"one\" 'two'")
        let build = try Self.task(root, "Build")
        func link(_ title: String) throws -> Element { try #require(Self.task(root, title).child("PredecessorLink")) }
        let fs = try link("Build"), ss = try link("Review"), ff = try link("Test"), sf = try link("Sign")
        #expect(fs["PredecessorUID"] == design["UID"] && fs["Type"] == "1" && fs["LinkLag"] == "9600" && fs["LagFormat"] == "7")
        #expect(ss["PredecessorUID"] == build["UID"] && ss["Type"] == "3" && ss["LinkLag"] == "4800")
        #expect(ff["Type"] == "0" && ff["LinkLag"] == "4800")
        #expect(sf["Type"] == "2" && sf["LinkLag"] == "-4800")
        #expect(design["Start"] == "2026-03-02T08:00:00" && design["Finish"] == "2026-03-04T17:00:00")
        #expect(design["Duration"] == "PT24H0M0S" && design["Work"] == "PT24H0M0S")
        #expect(design["OutlineLevel"] == "2" && design["OutlineNumber"] == "1.1")
        let project = try #require(root.child("Tasks")?.all("Task").first)
        #expect(project["Summary"] == "1" && project["OutlineLevel"] == "1" && project["UID"] == "1")
    }

    @Test func pinsNotBeforeDatesMilestonesAndDeadlines() throws {
        let (root, _) = try Self.export(["plan.md": Self.links, "team.md": Self.team])
        let pinned = try Self.task(root, "Pinned")
        #expect(pinned["ConstraintType"] == "2" && pinned["ConstraintDate"] == "2026-03-23T08:00:00")
        #expect(pinned["Start"] == "2026-03-23T08:00:00")
        let finishPinned = try Self.task(root, "Finish pinned")
        #expect(finishPinned["ConstraintType"] == "3" && finishPinned["ConstraintDate"] == "2026-03-27T17:00:00")
        let later = try Self.task(root, "Later")
        #expect(later["ConstraintType"] == "4" && later["ConstraintDate"] == "2026-04-06T08:00:00")
        #expect(later["Start"] == "2026-04-06T08:00:00")
        let release = try Self.task(root, "Release")
        #expect(release["Milestone"] == "1" && release["Duration"] == "PT0H0M0S")
        #expect(release["Deadline"] == "2026-03-31T17:00:00")
        #expect(release["Start"] == release["Finish"])
        #expect(try Self.task(root, "Build")["ConstraintType"] == "0")
    }

    @Test func resourcesAndPartTimeAssignments() throws {
        let (root, _) = try Self.export(["plan.md": Self.links, "team.md": Self.team])
        let resources = try #require(root.child("Resources")).all("Resource")
        let dana = try #require(resources.first { $0["Initials"] == "dana" })
        #expect(dana["UID"] == "1" && dana["MaxUnits"] == "1" && dana["StandardRate"] == "100" && dana["StandardRateFormat"] == "3")
        let ann = try #require(resources.first { $0["Initials"] == "ann" })
        #expect(ann["MaxUnits"] == "0.5")
        let backend = try #require(resources.first { $0["Initials"] == "backend" })
        #expect(backend["MaxUnits"] == "3" && backend["UID"] == "3")
        let calendarUIDs = Set(root.child("Calendars")?.all("Calendar").compactMap { $0["UID"] } ?? [])
        #expect(dana["CalendarUID"].map(calendarUIDs.contains) == true)
        let partTime = try Self.task(root, "Part-time")
        let assignments = root.child("Assignments")?.all("Assignment").filter { $0["TaskUID"] == partTime["UID"] } ?? []
        #expect(assignments.map { "\($0["ResourceUID"] ?? "")=\($0["Units"] ?? "")" } == ["2=0.5", "3=2"])
    }

    @Test func calendarsHoldHolidaysAndTimeOff() throws {
        let calendar = """
            # Calendar

            - calendar: default
            - working-days: mon-thu
            - hours-per-day: 6

            ## Holidays
            - 2026-03-05 Founders' day

            """
        let team = Self.team.replacingOccurrences(of: "rate:800", with: "rate:800 off:2026-03-09..2026-03-10")
        let (root, _) = try Self.export(["plan.md": Self.links, "team.md": team, "calendar.md": calendar])
        #expect(root["MinutesPerDay"] == "360")
        let calendars = try #require(root.child("Calendars")).all("Calendar")
        let base = try #require(calendars.first { $0["Name"] == "default" })
        #expect(base["IsBaseCalendar"] == "1")
        let week = base.child("WeekDays")?.all("WeekDay") ?? []
        #expect(week.map { $0["DayWorking"] ?? "" } == ["0", "1", "1", "1", "1", "0", "0"])
        let holiday = try #require(base.child("Exceptions")?.child("Exception"))
        #expect(holiday["Name"] == "Founders' day" && holiday.child("TimePeriod")?["FromDate"] == "2026-03-05T00:00:00")
        let dana = try #require(calendars.first { $0["Name"] == "Dana" })
        #expect(dana["IsBaseCalendar"] == "0" && dana["BaseCalendarUID"] == base["UID"])
        #expect(dana.child("Exceptions")?.child("Exception")?.child("TimePeriod")?["ToDate"] == "2026-03-10T23:59:00")
    }
}
