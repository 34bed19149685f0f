import PlanAnalysis
import PlanModel
import PlanTestSupport
import Testing
@testable import PlanReports

/// A plan whose schedule carries hand-built explanations, one task per kind of driver, so the
/// words do not depend on the scheduler (which fills them in separately).
enum WhyFixture {
    static let tasks = ["kickoff", "data-audit", "interviews", "mapping", "budget-review", "report", "telephony",
                        "cutover", "go-live", "steering", "training", "build", "setup", "lead", "shifted", "holiday"]

    static func index(_ id: String) -> Int { tasks.firstIndex(of: id)! }

    static func make(explained: Bool = true) -> ReportContext {
        var f = PlanFixture(today: "2026-09-15")
        f.project("crm", deadline: "2026-12-18")
        let ann = f.person("ann")
        f.plan.people[ann].name = "Ann Lee"
        f.plan.people[ann].timeOff = [DayRange(first: day("2026-09-28"), last: day("2026-10-02"))]
        f.task("kickoff", "2026-09-01", "2026-09-01", title: "Kick-off workshop", state: .done)
        f.task("data-audit", "2026-09-14", "2026-09-25", title: "Data audit", state: .inProgress, percent: 10)
        f.task("interviews", "2026-09-15", "2026-09-18")
        f.task("mapping", "2026-09-16", "2026-09-22", after: [1])
        f.task("budget-review", "2026-09-21", "2026-09-22", title: "Budget review", people: [ann])
        f.task("report", "2026-09-23", "2026-09-24", people: [ann])
        f.task("telephony", "2026-09-15", "2026-09-18", title: "Telephony <integration>", state: .blocked)
        f.task("cutover", "2026-09-21", "2026-09-25", after: [6])
        f.task("go-live", "2026-09-25", "2026-09-25", kind: .milestone, title: "Go-live", after: [7])
        f.task("steering", "2026-10-05", "2026-10-07")
        f.task("training", "2027-06-01", "2027-06-04")
        let build = f.task("build", "2026-09-16", "2026-09-18", kind: .summary, title: "Build")
        f.task("setup", "2026-09-16", "2026-09-18", parent: build)
        f.task("lead", "2026-09-18", "2026-09-22", after: [12])
        f.task("shifted", "2026-10-05", "2026-10-06", people: [ann], after: [3])
        f.task("holiday", "2026-10-06", "2026-10-07")
        f.plan.tasks[3].dependencies[0].kind = .startToStart
        f.plan.tasks[3].dependencies[0].lagDays = 2
        f.plan.tasks[13].dependencies[0].lagDays = -1
        var schedule = f.schedule
        if explained {
            schedule.explanations = [
                DateExplanation(driver: .actual(start: day("2026-09-01"), finish: day("2026-09-01"))),
                DateExplanation(driver: .inProgress(actualStart: day("2026-09-14"))),
                DateExplanation(driver: .today(day("2026-09-15"))),
                DateExplanation(driver: .predecessor(task: 1, kind: .startToStart, lagDays: 2)),
                DateExplanation(driver: .projectStart(day("2026-09-21"))),
                DateExplanation(driver: .resource(.person(ann), busyWith: 4)),
                DateExplanation(driver: .blocked),
                DateExplanation(driver: .predecessor(task: 6, kind: .finishToStart, lagDays: 0), dependsOnBlocked: [6]),
                DateExplanation(driver: .predecessor(task: 7, kind: .finishToFinish, lagDays: 0), dependsOnBlocked: [6]),
                DateExplanation(driver: .pinned(start: day("2026-10-05"), finish: day("2026-10-07"))),
                DateExplanation(driver: .notBefore(day("2027-06-01"))),
                DateExplanation(driver: .projectStart(day("2026-09-16"))),
                DateExplanation(driver: .workPackage(11)),
                DateExplanation(driver: .predecessor(task: 12, kind: .finishToStart, lagDays: -1)),
                DateExplanation(driver: .predecessor(task: 3, kind: .finishToStart, lagDays: 0),
                                shift: CalendarShift(from: day("2026-09-28"), person: ann, holiday: nil)),
                DateExplanation(driver: .projectStart(day("2026-10-05")),
                                shift: CalendarShift(from: day("2026-10-05"), person: nil, holiday: "Whit Monday")),
            ]
        }
        return ReportContext(plan: f.plan, schedule: schedule, analysis: Analyzer.analyze(f.plan, schedule))
    }
}

@Suite struct DateExplanationTextTests {
    let context = WhyFixture.make()
    var words: DateExplanationText { DateExplanationText(context) }
    func sentence(_ id: String) -> String? { words.sentence(WhyFixture.index(id)) }
    func reason(_ id: String) -> String? { words.reason(WhyFixture.index(id)) }

    @Test func everyDriverInPlainWords() {
        #expect(sentence("kickoff") == "started Tue 1 Sep 2026, done: actual dates 1 Sep")
        #expect(sentence("data-audit") == "started Mon 14 Sep 2026: in progress, the remaining work is forecast from today")
        #expect(reason("data-audit") == "in progress since Mon 14 Sep: the remaining work is forecast from today")
        #expect(sentence("interviews") == "starts Tue 15 Sep 2026 because open work is not forecast before today (Tue 15 Sep)")
        #expect(sentence("mapping") == "starts Wed 16 Sep 2026, 2 working days after 'Data audit' starts Mon 14 Sep (start-to-start +2d)")
        #expect(sentence("budget-review") == "starts Mon 21 Sep 2026 because the project starts Mon 21 Sep")
        #expect(sentence("report") == "starts Wed 23 Sep 2026 because it waits for Ann Lee (@ann), busy with 'Budget review' until Tue 22 Sep")
        #expect(reason("report") == "waits for Ann Lee (@ann), busy with 'Budget review' until Tue 22 Sep")
        #expect(sentence("telephony") == "starts Tue 15 Sep 2026, blocked: forecast from today until a resume date is set (not-before:)")
        #expect(sentence("cutover") == "starts Mon 21 Sep 2026 because 'Telephony <integration>' finishes Fri 18 Sep (finish-to-start)")
        #expect(sentence("go-live") == "happens Fri 25 Sep 2026 so that it finishes no earlier than 'Cutover' finishes Fri 25 Sep (finish-to-finish)")
        #expect(sentence("steering") == "starts Mon 5 Oct 2026, pinned to 5–7 Oct")
        #expect(sentence("training") == "starts Tue 1 Jun 2027, not before 1 Jun 2027 (not-before)")
        #expect(sentence("setup") == "starts Wed 16 Sep 2026 because its work package 'Build' starts Wed 16 Sep")
        #expect(sentence("lead") == "starts Fri 18 Sep 2026, 1 working day before 'Setup' finishes Fri 18 Sep (finish-to-start -1d)")
    }

    @Test func shiftsNameTheTimeOffOrHoliday() {
        #expect(sentence("shifted") == "starts Mon 5 Oct 2026 because 'Mapping' finishes Tue 22 Sep (finish-to-start); moved past Ann Lee's time off (28 Sep – 2 Oct)")
        #expect(reason("holiday") == "the project starts Mon 5 Oct; moved past the holiday 'Whit Monday'")
    }

    @Test func blockedDependenciesAreNamed() {
        #expect(words.blockedNote(task: WhyFixture.index("cutover")) == "depends on blocked 'Telephony <integration>'")
        #expect(words.blockedNote(task: WhyFixture.index("telephony")) == nil)
        #expect(words.blockedNote(task: WhyFixture.index("telephony"), includingItself: true) != nil)
        #expect(words.blockedNote(task: WhyFixture.index("mapping")) == nil)
        // The project finishes with the training in 2027, which depends on nothing blocked.
        #expect(words.finishBlockers(ofProject: 0) == [])
    }

    @Test func linkLabelsCarryKindAndLag() {
        #expect(DateExplanationText.linkLabel(.startToStart, lagDays: 2) == "SS+2d")
        #expect(DateExplanationText.linkLabel(.finishToStart, lagDays: -1) == "FS-1d")
        #expect(DateExplanationText.linkLabel(.finishToFinish, lagDays: 0) == "FF")
        #expect(DateExplanationText.linkLabel(.startToFinish, lagDays: 0.5) == "SF+0.5d")
    }

    @Test func withoutExplanationsNothingIsSaid() {
        let bare = DateExplanationText(WhyFixture.make(explained: false))
        for index in WhyFixture.tasks.indices {
            #expect(bare.sentence(index) == nil)
            #expect(bare.reason(index) == nil)
            #expect(bare.blockers(of: index).isEmpty)
        }
        #expect(bare.finishBlockers(ofProject: 0).isEmpty)
    }
}

@Suite struct WhyReportTests {
    let context = WhyFixture.make()

    @Test func showsDatesReasonChainAndDriven() throws {
        let index = try WhyReport.resolve("mapping", context)
        let text = WhyReport.render(context, task: index, style: TerminalStyle(width: 100))
        #expect(text.hasPrefix("Mapping (crm/mapping)\n  Wed 16 Sep 2026 – Tue 22 Sep 2026 (5 working days)\n  slack 5 working days (free 0)\n"))
        #expect(text.contains("Why\n  starts Wed 16 Sep 2026, 2 working days after 'Data audit' starts Mon 14 Sep (start-to-start +2d)\n"))
        #expect(text.contains("Driving chain (2 steps, from the start)\n  14–25 Sep  data-audit  in progress since Mon 14 Sep"))
        #expect(text.contains("  16–22 Sep  mapping     2 working days after 'Data audit'"))
        #expect(text.contains("Drives (1)\n  5–6 Oct  shifted  'Mapping' finishes Tue 22 Sep (finish-to-start); moved past Ann Lee's time off"))
    }

    @Test func chainFollowsResourcesAndPackages() throws {
        let text = WhyReport.render(context, task: try WhyReport.resolve("crm/lead", context), style: TerminalStyle(width: 120))
        #expect(text.contains("Driving chain (3 steps, from the start)\n  16–18 Sep  build  the project starts Wed 16 Sep\n  16–18 Sep  setup  its work package 'Build' starts Wed 16 Sep\n  18–22 Sep  lead   1 working day before"))
        let report = WhyReport.render(context, task: WhyFixture.index("report"), style: TerminalStyle(width: 120))
        #expect(report.contains("  21–22 Sep  budget-review  the project starts Mon 21 Sep\n  23–24 Sep  report         waits for Ann Lee (@ann)"))
    }

    @Test func saysWhenADateDependsOnABlockedTask() {
        let text = WhyReport.render(context, task: WhyFixture.index("go-live"), style: TerminalStyle(width: 120))
        #expect(text.contains("  depends on blocked 'Telephony <integration>'\n"))
        #expect(text.contains("Go-live (crm/go-live)\n  milestone Fri 25 Sep 2026\n"))
    }

    @Test func unknownTaskSuggestsTheClosestId() {
        #expect(throws: ReportError.self) { try WhyReport.resolve("maping", context) }
        do { _ = try WhyReport.resolve("maping", context) } catch {
            #expect(error.message == "no task 'maping' in the selected projects; did you mean 'mapping'?")
        }
        do { _ = try WhyReport.resolve("crm/setpp", context) } catch {
            #expect(error.message.hasSuffix("did you mean 'crm/setup'?"))
        }
        do { _ = try WhyReport.resolve("zzzzzzzz", context) } catch {
            #expect(!error.message.contains("did you mean"))
        }
    }

    @Test func withoutExplanationsListsSuccessors() throws {
        let bare = WhyFixture.make(explained: false)
        let text = WhyReport.render(bare, task: WhyFixture.index("data-audit"), style: TerminalStyle(width: 100))
        #expect(text.contains("No explanation recorded"))
        #expect(text.contains("Successors\n  16–22 Sep  mapping  SS+2d\n"))
        let json = WhyReport.json(bare, task: WhyFixture.index("data-audit"))
        #expect(json.contains("\"drivenBy\": null"))
        #expect(json.contains("\"chain\": []"))
    }

    @Test func jsonCarriesChainAndDrivenBy() {
        let json = WhyReport.json(context, task: WhyFixture.index("mapping"))
        #expect(json.contains("\"explanation\": \"starts Wed 16 Sep 2026, 2 working days after 'Data audit' starts Mon 14 Sep (start-to-start +2d)\""))
        #expect(json.contains("\"chain\": [\n    {\n      \"task\": \"crm/data-audit\""))
        #expect(json.contains("\"drives\": [\n    {\n      \"task\": \"crm/shifted\""))
    }
}

@Suite struct DrivenByExportTests {
    let context = WhyFixture.make()

    func drivenBy(_ id: String) -> JSONValue { JSONExport.drivenBy(WhyFixture.index(id), context) }

    func member(_ value: JSONValue, _ key: String) -> JSONValue? {
        guard case .object(let members) = value else { return nil }
        return members.first { $0.0 == key }?.1
    }

    @Test func everyDriverHasAKind() {
        let kinds: [String: String] = [
            "kickoff": "actual", "data-audit": "inProgress", "interviews": "today", "mapping": "predecessor",
            "budget-review": "projectStart", "report": "resource", "telephony": "blocked", "steering": "pinned",
            "training": "notBefore", "setup": "workPackage",
        ]
        for (id, kind) in kinds { #expect(member(drivenBy(id), "kind") == .string(kind), "\(id)") }
    }

    @Test func linksResourcesShiftsAndBlockers() {
        let mapping = drivenBy("mapping")
        #expect(member(mapping, "task") == .string("crm/data-audit"))
        #expect(member(mapping, "linkType") == .string("SS"))
        #expect(member(mapping, "lagDays") == .number(2))
        let report = drivenBy("report")
        #expect(member(report, "resource") == .string("ann"))
        #expect(member(report, "task") == .string("crm/budget-review"))
        #expect(member(report, "linkType") == .null)
        #expect(member(drivenBy("steering"), "date") == .string("2026-10-05"))
        #expect(member(drivenBy("steering"), "finish") == .string("2026-10-07"))
        #expect(member(drivenBy("shifted"), "shift") == .object([("from", .string("2026-09-28")), ("person", .string("ann")), ("holiday", .null)]))
        #expect(member(drivenBy("holiday"), "shift") == .object([("from", .string("2026-10-05")), ("person", .null), ("holiday", .string("Whit Monday"))]))
        #expect(member(drivenBy("go-live"), "dependsOnBlocked") == .array([.string("crm/telephony")]))
        #expect(member(drivenBy("telephony"), "dependsOnBlocked") == .array([]))
    }

    @Test func exportWritesNullWithoutExplanations() {
        let bare = JSONExport.render(WhyFixture.make(explained: false))
        #expect(bare.contains("\"drivenBy\": null"))
        #expect(!bare.contains("\"kind\": \"predecessor\""))
        let full = JSONExport.render(context)
        #expect(full.contains("\"drivenBy\": {\n"))
    }
}

@Suite struct ExplainedGanttAndStatusTests {
    let context = WhyFixture.make()

    func gantt(_ context: ReportContext, width: Int = 160) throws -> String {
        var options = GanttOptions()
        options.style = TerminalStyle(width: width)
        options.scale = .day
        return try GanttRenderer.render(context, options)
    }

    func row(_ text: String, _ title: String) -> String {
        text.split(separator: "\n").map(String.init).first { $0.contains(title) } ?? ""
    }

    @Test func hintsShowLinkKindLagAndResources() throws {
        let text = try gantt(context)
        #expect(row(text, "Mapping").hasSuffix("░ ←SS+2d data-audit"))
        #expect(row(text, "Lead").hasSuffix("░ ←FS-1d setup"))
        #expect(row(text, "Go-live").hasSuffix("◆ ←FF cutover"))
        #expect(row(text, "Report").hasSuffix("░ ←waits for @ann (busy with budget-review)"))
        #expect(row(text, "Cutover").hasSuffix("░ ←telephony"))
        #expect(row(text, "Shifted").contains("mapping→ ░░"))
        #expect(text.contains("SS+2d x: link kind and lag"))
        #expect(text.contains("waits for @p: a person or pool busy with another task"))
    }

    @Test func withoutExplanationsHintsUseTheFirstDependency() throws {
        let text = try gantt(WhyFixture.make(explained: false))
        #expect(row(text, "Mapping").hasSuffix("←SS+2d data-audit"))
        #expect(!row(text, "Report").contains("waits for"))
        #expect(!text.contains("waits for @p"))
    }

    @Test func statusSaysWhatDependsOnABlockedTask() throws {
        var options = StatusOptions()
        options.style = TerminalStyle(width: 120)
        let text = try StatusReport.render(context, options)
        #expect(text.contains("Go-Live  depends on blocked 'Telephony <integration>'") || text.contains("Go-live  depends on blocked"))
        let bare = try StatusReport.render(WhyFixture.make(explained: false), options)
        #expect(!bare.contains("depends on blocked"))
    }

    @Test func statusForecastNamesTheBlockerOfTheFinish() throws {
        // A project whose last task waits for the blocked one.
        var f = PlanFixture(today: "2026-09-15")
        f.project("p")
        f.task("stuck", "2026-09-15", "2026-09-18", title: "Telephony integration", state: .blocked)
        f.task("after", "2026-09-21", "2026-09-25", after: [0])
        var schedule = f.schedule
        schedule.explanations = [DateExplanation(driver: .blocked),
                                 DateExplanation(driver: .predecessor(task: 0, kind: .finishToStart, lagDays: 0), dependsOnBlocked: [0])]
        let blockedContext = ReportContext(plan: f.plan, schedule: schedule, analysis: Analyzer.analyze(f.plan, schedule))
        var options = StatusOptions()
        options.style = TerminalStyle(width: 120)
        let text = try StatusReport.render(blockedContext, options)
        #expect(text.contains("Forecast   finish 2026-09-25, depends on blocked 'Telephony integration'"))
    }
}
