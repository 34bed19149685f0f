import PlanModel
import PlanTestSupport
import Testing
@testable import PlanReports

@Suite struct GanttTests {
    let context = SamplePlans.context(SamplePlans.crm())

    func render(width: Int = 80, ascii: Bool = false, color: Bool = false, _ configure: (inout GanttOptions) -> Void = { _ in }) throws -> String {
        var options = GanttOptions()
        options.style = TerminalStyle(width: width, color: color, ascii: ascii)
        configure(&options)
        return try GanttRenderer.render(context, options)
    }

    func row(_ text: String, _ title: String) -> String? {
        text.split(separator: "\n").map(String.init).first { $0.contains(title) }
    }

    @Test(arguments: [80, 120, 200])
    func everyLineFitsTheWidth(width: Int) throws {
        for (ascii, color) in [(false, false), (true, false), (false, true)] {
            let text = try render(width: width, ascii: ascii, color: color)
            for line in text.split(separator: "\n") {
                #expect(TerminalText.width(line) <= width, "\(line)")
            }
        }
    }

    @Test func rowsAreIndentedByWorkBreakdownLevel() throws {
        let text = try render()
        #expect(row(text, "Discovery")?.hasPrefix("   Discovery") == true)
        #expect(row(text, "Stakeholder interviews")?.hasPrefix(" *   Stakeholder interviews") == true)
    }

    @Test func lateAndCriticalTasksAreMarkedWithoutColour() throws {
        let text = try render()
        #expect(row(text, "Data audit")?.hasPrefix("!*") == true)
        #expect(row(text, "Order licences")?.hasPrefix("   ") == true)
        #expect(row(text, "Kick-off")?.hasPrefix("!  ") == true)  // a missed milestone
        #expect(text.contains("! late"))
        #expect(text.contains("* critical"))
        #expect(!text.contains("\u{1B}["))
    }

    @Test func progressFillsTheBarAndMilestonesAreDiamonds() throws {
        let text = try render(width: 200)
        let audit = try #require(row(text, "Data audit"))
        // 15 days at 3 columns/day... whatever the scale, 40 % of the bar is filled.
        let filled = audit.filter { $0 == "█" }.count
        let open = audit.filter { $0 == "░" }.count
        #expect(filled > 0 && open > 0)
        #expect(abs(Double(filled) / Double(filled + open) - 0.4) < 0.1)
        #expect(row(text, "Go-live")?.contains("◆") == true)
        #expect(row(text, "Discovery")?.contains("━") == true)
    }

    @Test func todayIsMarkedInTheRulerAndTheRows() throws {
        let text = try render()
        let lines = text.split(separator: "\n").map(String.init)
        let ruler = try #require(lines.first { $0.contains("▼") })
        let column = try #require(ruler.firstIndex(of: "▼")).utf16Offset(in: ruler)
        let interviews = try #require(row(text, "Order licences"))
        #expect(Array(interviews)[ruler.distance(from: ruler.startIndex, to: ruler.firstIndex(of: "▼")!)] == "│")
        #expect(column > 0)
    }

    @Test func asciiOutputIsPureASCII() throws {
        let text = try render(ascii: true)
        #expect(text.unicodeScalars.allSatisfy { $0.isASCII })
        #expect(row(text, "Go-live")?.contains("o") == true)
    }

    @Test func colourUsesANSIOnlyWhenEnabled() throws {
        let coloured = try render(color: true)
        #expect(coloured.contains("\u{1B}[31m") || coloured.contains("\u{1B}[1;31m"))
        #expect(coloured.contains("\u{1B}[0m"))
    }

    @Test func dependencyHintsNameThePredecessor() throws {
        let text = try render(width: 200)
        #expect(row(text, "Load test")?.contains("customer-api→") == true)
        let plain = try render(width: 200) { $0.dependencyHints = false }
        #expect(row(plain, "Load test")?.contains("customer-api") == false)
    }

    @Test func personFilterKeepsTheWorkPackagesAboveTheirTasks() throws {
        let text = try render { $0.filter.person = "dana" }
        #expect(row(text, "Stakeholder interviews") != nil)
        #expect(row(text, "Order licences") != nil)
        #expect(row(text, "Discovery") != nil)
        #expect(row(text, "Build") != nil)
        #expect(row(text, "Data audit") == nil)
        #expect(row(text, "Go-live") == nil)
    }

    @Test func criticalOpenAndPackageFilters() throws {
        let critical = try render { $0.filter.criticalOnly = true; $0.filter.openOnly = true }
        #expect(row(critical, "Stakeholder interviews") == nil)  // critical but done
        #expect(row(critical, "Customer API") != nil)
        #expect(row(critical, "Order licences") == nil)

        let build = try render { $0.filter.workPackage = "crm/build" }
        #expect(row(build, "Customer API") != nil)
        #expect(row(build, "Data audit") == nil)
    }

    @Test func unknownFilterValuesAreReportedNotIgnored() {
        #expect(throws: ReportError.self) { try render { $0.filter.person = "nobody" } }
        #expect(throws: ReportError.self) { try render { $0.filter.projects = ["erp"] } }
        #expect(throws: ReportError.self) { try render { $0.filter.workPackage = "nothing" } }
    }

    @Test func dateWindowCutsBarsAndSaysSo() throws {
        let text = try render(width: 200) { $0.filter.from = day("2026-10-01"); $0.filter.to = day("2026-10-31") }
        #expect(row(text, "Customer API")?.contains("◂") == true)
        #expect(row(text, "Load test")?.contains("▸") == true)
        #expect(row(text, "Stakeholder interviews") == nil)
    }

    @Test func explicitScaleTooLongForTheWidthIsCutWithANote() throws {
        let text = try render(width: 80) { $0.scale = .day }
        #expect(text.contains("The chart shows"))
        let weeks = try render(width: 80) { $0.scale = .week }
        #expect(!weeks.contains("The chart shows"))
    }

    /// `--scale day` on a long plan: rows wholly before or after the days shown say so at the edge.
    @Test func rowsOutsideTheWindowAreMarkedAtTheEdge() throws {
        let text = try render(width: 80) { $0.scale = .day }
        // Before the days shown: the mark in the chart's first column; after them: in its last.
        let interviews = try #require(row(text, "Stakeholder interviews"))
        #expect(interviews.hasSuffix("◂") || interviews.contains(" ◂ ") || interviews.contains("◂  "), "\(text)")
        #expect(interviews.filter { $0 == "░" || $0 == "█" }.isEmpty)
        #expect(row(text, "Go-live")?.hasSuffix("▸") == true, "\(text)")
        #expect(row(text, "Load test")?.hasSuffix("▸") == true, "\(text)")
        let ascii = try render(width: 80, ascii: true) { $0.scale = .day }
        #expect(row(ascii, "Go-live")?.hasSuffix(">") == true, "\(ascii)")
    }

    @Test func renderingIsDeterministic() throws {
        let first = try render(width: 137)
        #expect(try render(width: 137) == first)
    }

    @Test func aThousandTasksStayReadableAtBothWidths() throws {
        var fixture = PlanFixture(today: "2026-09-15")
        fixture.project("big", deadline: "2027-12-31")
        var previous: Int?
        for package in 0..<50 {
            let parent = fixture.task("wp-\(package)", "2026-01-05", "2027-12-17", title: "Work package \(package)")
            for item in 0..<19 {
                let start = day("2026-01-05").adding(days: (package * 19 + item) * 5 % 700)
                let index = fixture.task("t-\(package)-\(item)", start.iso, start.adding(days: 4).iso,
                                         title: "Task \(item) of package \(package) with a fairly long title",
                                         parent: parent, effort: 5, after: previous.map { [$0] } ?? [])
                previous = index
            }
        }
        let big = SamplePlans.context(fixture)
        for width in [80, 200] {
            var options = GanttOptions()
            options.style = TerminalStyle(width: width)
            let text = try GanttRenderer.render(big, options)
            let lines = text.split(separator: "\n")
            #expect(lines.filter { $0.contains("Task ") || $0.contains("Work package ") }.count == 1000)
            #expect(lines.count <= 1000 + 3 + 2 + 2)  // rows, header, title and legend (wrapped at most once each)
            #expect(lines.allSatisfy { TerminalText.width($0) <= width })
        }
    }
}

@Suite struct TimeAxisTests {
    @Test func fittedAxisUsesTheWholeWidthAndCoversTheWindow() {
        let axis = TimeAxis(from: day("2026-01-01"), to: day("2026-12-31"), width: 50, scale: .auto)
        #expect(axis.columns.count == 50)
        #expect(axis.firstDay == day("2026-01-01"))
        #expect(axis.lastDay == day("2026-12-31"))
        #expect(axis.column(of: day("2026-01-01")) == 0)
        #expect(axis.column(of: day("2026-12-31")) == 49)
        #expect(axis.column(of: day("2027-01-01")) == nil)
    }

    @Test func shortWindowsStretchWholeDays() {
        let axis = TimeAxis(from: day("2026-09-14"), to: day("2026-09-18"), width: 40, scale: .auto)
        #expect(axis.columns.count == 15)  // 5 days x 3 columns
        #expect(axis.columns(from: day("2026-09-15"), through: day("2026-09-15")) == 3...5)
    }

    @Test func weekScaleStartsOnMonday() {
        let axis = TimeAxis(from: day("2026-09-16"), to: day("2026-10-30"), width: 7, scale: .week)
        #expect(axis.firstDay == day("2026-09-14"))
        #expect(axis.columns.count == 7)
    }

    /// Every month that starts inside the chart is named at its first column, even when months
    /// are only a few columns wide (cut to their first letters) or the window starts with a stub.
    @Test(arguments: [(day("2026-06-25"), day("2027-06-30"), 46), (day("2026-06-01"), day("2026-11-25"), 46),
                      (day("2026-01-10"), day("2027-12-20"), 50), (day("2026-07-30"), day("2026-12-31"), 21)])
    func headerNamesEveryMonth(from: Day, to: Day, width: Int) {
        let axis = TimeAxis(from: from, to: to, width: width, scale: .auto)
        let (_, fine) = axis.headerLines()
        let letters = Array(fine)
        var month = TimeAxis.monthIndex(from) + 1
        while TimeAxis.firstDay(ofMonthIndex: month) <= axis.lastDay {
            let first = TimeAxis.firstDay(ofMonthIndex: month)
            let column = axis.column(of: first)!
            let name = CalendarNames.monthAbbreviation(month % 12 + 1)
            #expect(letters[column] == name.first, "\(first.iso) at \(column): '\(fine)'")
            month += 1
        }
    }

    @Test func headerNamesMonthsOverMondays() {
        let axis = TimeAxis(from: day("2026-08-17"), to: day("2026-10-11"), width: 56, scale: .auto)
        let (coarse, fine) = axis.headerLines()
        #expect(coarse.hasPrefix("Aug 2026"))
        #expect(Array(coarse)[15...17] == ["S", "e", "p"])  // 1 September is the 16th day shown
        #expect(fine.hasPrefix("17"))
        #expect(fine.contains("07"))
    }
}

@Suite struct GanttProgressTests {
    @Test func unstartedTasksInWideColumnsStayUnfilled() throws {
        var fixture = PlanFixture(today: "2026-09-15")
        fixture.project("p")
        fixture.task("long", "2026-01-05", "2026-12-18", effort: 100, percent: 50)
        fixture.task("late-start", "2026-12-16", "2026-12-18", effort: 1)
        fixture.task("finished", "2026-12-16", "2026-12-18", effort: 1, state: .done)
        var options = GanttOptions()
        options.style = TerminalStyle(width: 60)
        let lines = try GanttRenderer.render(SamplePlans.context(fixture), options).split(separator: "\n")
        let unstarted = try #require(lines.first { $0.contains("Late-Start") })
        #expect(unstarted.contains("░") && !unstarted.contains("█"))
        let done = try #require(lines.first { $0.contains("Finished") })
        #expect(done.contains("█") && !done.contains("░"))
        let half = try #require(lines.first { $0.contains("Long") })
        let filled = half.filter { $0 == "█" }.count, open = half.filter { $0 == "░" }.count
        #expect(abs(Double(filled) / Double(filled + open) - 0.5) < 0.1)
    }
}
