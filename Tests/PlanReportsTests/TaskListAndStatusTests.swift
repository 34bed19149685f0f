import Foundation
import PlanModel
import PlanTestSupport
import Testing
@testable import PlanReports

@Suite struct TaskListTests {
    let context = SamplePlans.context(SamplePlans.crm())

    func list(_ configure: (inout TaskListOptions) -> Void) throws -> String {
        var options = TaskListOptions()
        options.style = TerminalStyle(width: 200)
        configure(&options)
        return try TaskList.render(context, options)
    }

    func ids(_ configure: (inout TaskListOptions) -> Void) throws -> [String] {
        let csv = try list { $0.format = .csv; $0.columns = [.id]; configure(&$0) }
        return try RFC4180.parse(csv).dropFirst().map { $0[0] }
    }

    @Test func listsLeafTasksInWorkBreakdownOrderByDefault() throws {
        #expect(try ids { _ in } == ["interviews", "data-audit", "design-sign-off", "customer-api", "licences",
                                     "load-test", "go-live", "kickoff"])
        #expect(try ids { $0.includeSummaries = true }.contains("discovery"))
    }

    @Test func summariesShowRolledUpProgress() throws {
        let csv = try list { $0.format = .csv; $0.columns = [.id, .progress]; $0.includeSummaries = true }
        let rows = try RFC4180.parse(csv)
        // Discovery: interviews 4 d done, data audit 40 % of 12 d, a milestone: 8.8 of 16 d.
        #expect(rows.first { $0[0] == "discovery" }?[1] == "55")
        #expect(rows.first { $0[0] == "build" }?[1] == "0")
    }

    @Test func filtersCombine() throws {
        #expect(try ids { $0.filter.person = "omar" } == ["data-audit", "customer-api", "load-test"])
        #expect(try ids { $0.filter.person = "omar"; $0.filter.tags = ["test"] } == ["load-test"])
        #expect(try ids { $0.filter.states = [.blocked, .inProgress] } == ["data-audit", "licences"])
        #expect(try ids { $0.filter.lateOnly = true } == ["data-audit", "kickoff"])
        #expect(try ids { $0.filter.dueBefore = day("2026-09-26") } == ["interviews", "data-audit", "kickoff"])
        #expect(try ids { $0.filter.dueAfter = day("2026-11-01") } == ["load-test", "go-live"])
        #expect(try ids { $0.filter.phases = [.closed] }.isEmpty)
    }

    @Test func sortsByKeysThenKeepsWorkBreakdownOrder() throws {
        #expect(try ids { $0.sort = [TaskSortKey("-finish")!] }.prefix(3) == ["load-test", "go-live", "customer-api"])
        #expect(try ids { $0.sort = [TaskSortKey("status")!, TaskSortKey("id")!] }.first == "licences")
    }

    @Test func tableAlignsColumnsAndCountsRows() throws {
        let text = try list { $0.columns = [.id, .title, .progress] }
        let lines = text.split(separator: "\n").map(String.init)
        #expect(lines[0] == "id               title                       progress")
        #expect(lines[2] == "data-audit       Data audit                        40")
        #expect(lines.last == "8 tasks")
    }

    @Test func narrowTablesShortenTitlesFirst() throws {
        let text = try list { $0.style = TerminalStyle(width: 72) }
        for line in text.split(separator: "\n") { #expect(TerminalText.width(line) <= 72, "\(line)") }
        #expect(text.contains("…"))
    }

    /// At 80 columns the title gets the most of the room; a long id is cut with `…` first.
    @Test func narrowTablesShareTheWidthWithTheTitleFirst() throws {
        var fixture = SamplePlans.crm()
        let audit = fixture.index("data-audit")
        fixture.plan.tasks[audit].id = "legacy-data-audit-and-profiling-of-exports"
        fixture.plan.tasks[audit].title = "Audit of the legacy data and profiling of its exports"
        let text = try SamplePlans.context(fixture).tasksTable(width: 80)
        let row = String(try #require(text.split(separator: "\n").first { $0.hasPrefix("legacy") }))
        let cells = row.components(separatedBy: "  ").filter { !$0.isEmpty }.map { $0.trimmingCharacters(in: .whitespaces) }
        #expect(cells[0].hasSuffix("…") && cells[1].hasSuffix("…"))
        #expect(cells[1].count > cells[0].count, "\(row)")
        for line in text.split(separator: "\n") { #expect(TerminalText.width(line) <= 80, "\(line)") }
    }

    @Test func scheduleListsTitlesAndPeopleWithinTheWidth() throws {
        let fixture = SamplePlans.crm()
        let wide = ScheduleListing.render(plan: fixture.plan, schedule: fixture.schedule, style: TerminalStyle(width: 200))
        let lines = wide.split(separator: "\n").map(String.init)
        #expect(lines[1].hasPrefix("    ID ") && lines[1].contains(" TITLE ") && lines[1].contains(" PEOPLE "), "\(wide)")
        #expect(lines.contains { $0.hasPrefix("!*  ") && $0.contains("data-audit  ") && $0.contains("  Data audit  ")
            && $0.contains("  omar  ") }, "\(wide)")
        #expect(lines.last == "* critical  ! late")
        let fixture72 = SamplePlans.crm()
        let narrow = ScheduleListing.render(plan: fixture72.plan, schedule: fixture72.schedule, style: TerminalStyle(width: 72))
        for line in narrow.split(separator: "\n").dropFirst() { #expect(TerminalText.width(line) <= 72, "\(line)") }
        #expect(narrow.contains("Stakeh"), "\(narrow)")
        #expect(narrow.contains("…"))
    }

    /// Cost is the planned cost the status report sums: labour at the day rates in force plus fixed cost.
    @Test func costIncludesLabourAtTheRatesInForce() throws {
        var fixture = SamplePlans.crm()
        let dana = fixture.plan.people.firstIndex { $0.id == "dana" }!
        // Dana's rate rises from 1 October: the licences (28 Sep – 2 Oct, 1 day of effort spread
        // over 5 working days) are priced at the average of the rates on those days.
        fixture.plan.people[dana].changes = [PersonChange(from: day("2026-10-01"), availability: nil,
                                                        rate: Money(amount: 1_450, currency: "EUR"), range: PlanFixture.range(1))]
        let context = SamplePlans.context(fixture)
        var options = TaskListOptions()
        options.format = .csv
        options.columns = [.id, .cost]
        options.includeSummaries = true
        let rows = try RFC4180.parse(try TaskList.render(context, options))
        func cost(_ id: String) -> String? { rows.first { $0[0] == id }?[1] }
        #expect(cost("interviews") == "3800")              // 4 d x 950, no fixed cost
        #expect(cost("licences") == "13150")               // 12,000 fixed + 1 d x (3 x 950 + 2 x 1,450) / 5
        #expect(cost("data-audit") == "9360")              // 12 d x 780
        #expect(cost("kickoff") == "0")
        func amount(_ id: String) -> Double { cost(id).flatMap(Double.init) ?? -1 }
        let buildParts: Double = amount("customer-api") + amount("licences") + amount("load-test")
        #expect(abs(amount("build") - buildParts) < 2)
        let planned: Double = context.analysis.projects[0].plannedCost
        let leafRows = rows.dropFirst().filter { !["discovery", "build"].contains($0[0]) }
        let leaves: Double = leafRows.map { Double($0[1]) ?? 0 }.reduce(0, +)
        #expect(abs(leaves - planned) < 5)
        options.format = .table
        #expect(try TaskList.render(context, options).split(separator: "\n")[0].hasSuffix("  cost (labour+fixed)"))
    }

    /// One rule for a work package's state (`TaskStateRule.displayedStates`), in every output.
    @Test func workPackagesShowTheStateRolledUpFromTheirTasks() throws {
        var fixture = SamplePlans.crm()
        let states = { (f: PlanFixture) in TaskStateRule.displayedStates(f.plan) }
        // Discovery: one task done, one under way, a milestone ahead; Build: a blocked task.
        #expect(states(fixture)[fixture.index("discovery")] == .inProgress)
        #expect(states(fixture)[fixture.index("build")] == .blocked)
        let csv = try list { $0.format = .csv; $0.columns = [.id, .status]; $0.includeSummaries = true }
        #expect(try RFC4180.parse(csv).contains(["discovery", "in-progress"]))
        let context = SamplePlans.context(fixture)
        let export = try Exporter.render(.csv, context)
        #expect(export.contains(",discovery,1,Discovery,summary,,in-progress,55,"), "\(export)")
        #expect(JSONExport.render(context).contains("\"state\": \"in-progress\""))
        // Unblocked, Build has not started; all done or cancelled, it is done; all cancelled, cancelled.
        fixture.plan.tasks[fixture.index("licences")].state = .todo
        #expect(states(fixture)[fixture.index("build")] == .todo)
        for id in ["customer-api", "load-test"] { fixture.plan.tasks[fixture.index(id)].state = .done }
        fixture.plan.tasks[fixture.index("licences")].state = .cancelled
        #expect(states(fixture)[fixture.index("build")] == .done)
        for id in ["customer-api", "load-test"] { fixture.plan.tasks[fixture.index(id)].state = .cancelled }
        #expect(states(fixture)[fixture.index("build")] == .cancelled)
    }

    @Test func jsonHasTypedValuesInColumnOrder() throws {
        let text = try list { $0.format = .json; $0.columns = [.id, .progress, .critical, .people, .due] }
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [[String: Any]])
        #expect(rows.count == 8)
        #expect(rows[1]["id"] as? String == "data-audit")
        #expect(rows[1]["progress"] as? Int == 40)
        #expect(rows[1]["people"] as? [String] == ["omar"])
        #expect(rows[1]["due"] as? String == "2026-09-18")
        #expect(rows[0]["due"] is NSNull)
        #expect(text.contains("\"id\": \"interviews\",\n    \"progress\": 100"))
    }
}

extension ReportContext {
    func tasksTable(width: Int) throws -> String {
        var options = TaskListOptions()
        options.style = TerminalStyle(width: width)
        return try TaskList.render(self, options)
    }
}

@Suite struct StatusReportTests {
    func render(_ fixture: PlanFixture, width: Int = 80, _ configure: (inout StatusOptions) -> Void = { _ in }) throws -> String {
        var options = StatusOptions()
        options.style = TerminalStyle(width: width)
        configure(&options)
        return try StatusReport.render(SamplePlans.context(fixture), options)
    }

    @Test func showsHealthReasonsFiguresAndLists() throws {
        let text = try render(SamplePlans.crm())
        #expect(text.hasPrefix("CRM Migration (crm)  execution  RED  today 2026-09-15\n"))
        #expect(text.contains("• Milestone Kick-off was due 2026-09-04 and is not done: missed by 7 working\n  days"))
        #expect(text.contains("• 1 task is blocked: Order licences"))
        #expect(text.contains("Forecast   finish 2026-11-20, deadline 2026-11-30, 6 working days of buffer\n           before the deadline"))
        // Every task the Gantt marks late: the missed milestone too.
        #expect(text.contains("Late (2)\n  Data audit  finish 2026-09-25, due 2026-09-18: forecast late by 5 working day…\n  Kick-off  finish 2026-09-04, due 2026-09-04: due 2026-09-04, not done"))
        #expect(text.contains("Top risks\n   9  Legacy export API is throttled  (high x high)  owner Omar Haddad"))
        #expect(text.contains("Over-allocated\n  Omar Haddad  2026-09-29..2026-09-30, 2 days, peak 150 %"))
        #expect(text.contains("Latest journal  2026-09-11 AMBER  Data audit slips by three days"))
        #expect(!text.contains("Portfolio"))
        for line in text.split(separator: "\n") { #expect(TerminalText.width(line) <= 80, "\(line)") }
    }

    @Test func severalProjectsGetAPortfolioTableFirst() throws {
        var fixture = SamplePlans.crm()
        fixture.project("web", deadline: "2026-10-30")
        fixture.task("launch", "2026-10-01", "2026-10-01", kind: .milestone)
        let text = try render(fixture)
        #expect(text.hasPrefix("Portfolio  2 projects  health RED (crm)  today 2026-09-15\n"))
        #expect(text.contains("red     CRM Migration  execution"))
        #expect(text.contains("Web (web)  planning  GREEN"))
        let only = try render(fixture) { $0.projects = ["web"] }
        #expect(!only.contains("Portfolio") && !only.contains("CRM"))
    }

    /// The portfolio is as healthy as its worst open project, named; a closed project's outcome
    /// (history) is left out, however it is rated.
    @Test func portfolioHealthIsTheWorstOpenProjects() throws {
        var fixture = PlanFixture(today: "2026-09-15")
        fixture.project("done", deadline: "2026-10-30")
        fixture.plan.projects[0].phase = .closed
        fixture.task("old", "2026-09-01", "2026-09-01", kind: .milestone)
        fixture.project("web", deadline: "2026-10-30")
        fixture.task("launch", "2026-10-01", "2026-10-01", kind: .milestone)
        fixture.project("app", deadline: "2026-10-30")
        fixture.task("store", "2026-10-01", "2026-10-02", effort: 1, state: .blocked)
        let text = try render(fixture)
        #expect(text.hasPrefix("Portfolio  3 projects  health AMBER (app)  today 2026-09-15\n"
            + "1 closed project, rated on its outcome, is left out of the portfolio's health\n"))
        #expect(text.contains("Web (web)  planning  GREEN"))
    }

    @Test func countsAgreeWithTheirNouns() throws {
        var fixture = SamplePlans.crm()
        // The sample finishes on Friday 20 November: Monday 23rd leaves one working day, Tuesday
        // 24th two (the weekend between is not buffer).
        fixture.plan.projects[0].deadline = day("2026-11-23")
        // Lines wrap at the report's width: compare the words.
        func words(_ text: String) -> String { text.split(whereSeparator: \.isWhitespace).joined(separator: " ") }
        #expect(words(try render(fixture)).contains("deadline 2026-11-23, 1 working day of buffer before the deadline"))
        fixture.plan.projects[0].deadline = day("2026-11-24")
        #expect(words(try render(fixture)).contains("deadline 2026-11-24, 2 working days of buffer before the deadline"))
    }

    @Test func colouredLinesFitTheWidthToo() throws {
        var fixture = SamplePlans.crm()
        fixture.plan.projects[0].risks[0].title = String(repeating: "Very long risk title ", count: 8)
        let text = try render(fixture) { $0.style = TerminalStyle(width: 80, color: true) }
        #expect(text.contains("\u{1B}["))
        for line in text.split(separator: "\n") { #expect(TerminalText.width(line) <= 80, "\(line)") }
    }

    @Test func listsAreLimited() throws {
        var fixture = SamplePlans.crm()
        for number in 0..<8 { fixture.risk("r-\(number)", .low, .low) }
        let text = try render(fixture) { $0.listLimit = 3 }
        #expect(text.contains("  and 7 more"))
    }
}

@Suite struct TerminalTextTests {
    @Test func widthCountsColumnsNotCharacters() {
        #expect(TerminalText.width("abc") == 3)
        #expect(TerminalText.width("日本") == 4)
        #expect(TerminalText.width("e\u{301}") == 1)
        #expect(TerminalText.width("\u{1B}[1;31mred\u{1B}[0m") == 3)
    }

    /// The one cell-width table: wide and fullwidth characters and emoji take two columns,
    /// combining marks and zero-width characters none.
    @Test func widthTableCoversWideEmojiAndZeroWidth() {
        #expect(TerminalText.width("ＡＢ") == 4)             // fullwidth Latin
        #expect(TerminalText.width("한국어") == 6)
        #expect(TerminalText.width("🚀 go") == 5)           // emoji presentation outside 1F300–1F64F
        #expect(TerminalText.width("✔\u{FE0F}") == 2)      // text symbol made emoji by VS16
        #expect(TerminalText.width("🇩🇪") == 2)
        #expect(TerminalText.width("a\u{200B}b") == 2)     // zero-width space
        #expect(TerminalText.width("\u{301}a") == 1)       // a combining mark with no base
        #expect(TerminalText.width("◆━█░▼│") == 6)          // the Gantt chart's marks stay narrow
    }

    @Test func truncationKeepsColourSequencesWhole() {
        #expect(TerminalText.truncate("Stakeholder interviews", to: 10) == "Stakehold…")
        #expect(TerminalText.truncate("日本語のタイトル", to: 7) == "日本語…")
        #expect(TerminalText.truncate("\u{1B}[31mStakeholder\u{1B}[0m interviews", to: 6) == "\u{1B}[31mStake…\u{1B}[0m")
    }

    @Test func wrappingKeepsSegmentsTogether() {
        #expect(TerminalText.wrap(segments: ["CRM Migration (crm)", "2026-06-01 → 2026-11-25", "deadline 2026-11-30"], width: 45, indent: 2)
                == ["CRM Migration (crm)  2026-06-01 → 2026-11-25", "  deadline 2026-11-30"])
        #expect(TerminalText.wrap("one two three four", width: 9, indent: 2) == ["one two", "  three", "  four"])
    }

    @Test func asciiFoldingSpellsOutUmlauts() {
        #expect(TerminalText.asciiFolded("Müller — naïve “quotes”…") == "Mueller - naive \"quotes\"...")
    }
}
