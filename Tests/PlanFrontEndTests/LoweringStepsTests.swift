@testable import PlanFrontEnd
import PlanModel
import Testing

/// The steps inside lowering, each alone: the task attribute reader and the state rule are pure
/// functions, name resolution binds references whatever order the files come in, and the
/// section names hints use come from `Vocabulary`.
struct LoweringStepsTests {
    static func range(_ column: Int) -> SourceRange { SourceRange(file: "plan.md", line: 1, column: column) }

    static func attributes(_ forms: [AttributeSyntax.Form]) -> [AttributeSyntax] {
        forms.enumerated().map { AttributeSyntax(form: $0.element, text: "\($0.element)", range: range($0.offset + 1)) }
    }

    @Test func taskAttributesAreReadWithoutThePlan() {
        let read = TaskAttributes.read(Self.attributes([
            .amount("8d"), .assignment(id: "omar", units: nil), .keyed(key: "after", value: "a,b+2d"), .percent("40"),
            .tag("data"), .keyed(key: "owner", value: "@dana"), .keyed(key: "priority", value: "high"), .word("milestone"),
        ]), isPackage: false, hoursPerDay: 8, defaultCurrency: "EUR", decimalMark: nil)
        #expect(read.effortDays == 8)
        #expect(read.assignments.map(\.resource) == ["omar"])
        #expect(read.dependencies.map(\.reference) == ["a", "b"])
        #expect(read.dependencies.map(\.lag) == [0, 2])
        #expect(read.percentComplete == 40 && read.percentRange == Self.range(4))
        #expect(read.tags == ["data"] && read.isMilestone)
        #expect(read.owners.map(\.written) == ["@dana"])
        #expect(read.priority == 700 && read.priorityWasWritten)
        #expect(read.diagnostics.isEmpty && read.valueDiagnostics.isEmpty)
    }

    @Test func taskAttributeProblemsComeBackAsDiagnostics() {
        let task = TaskAttributes.read(Self.attributes([.amount("5d"), .keyed(key: "effort", value: "3d"), .keyed(key: "due", value: "2026-02-30")]),
                                       isPackage: false, hoursPerDay: 8, defaultCurrency: nil, decimalMark: nil)
        #expect(task.effortDays == 5)
        #expect(task.diagnostics.map(\.code) == [.repeatedAttribute])
        #expect(task.valueDiagnostics.map(\.code) == [.impossibleDate])
        let package = TaskAttributes.read(Self.attributes([.amount("5d"), .keyed(key: "priority", value: "urgent")]),
                                          isPackage: true, hoursPerDay: 8, defaultCurrency: nil, decimalMark: nil)
        #expect(package.effortDays == nil && package.priority == nil && package.priorityWasWritten)
        #expect(package.diagnostics.map(\.code) == [.summaryWithWork, .unknownValue])
    }

    @Test func theStateRuleAndItsContradictions() {
        let title = Self.range(1)
        func decide(_ status: TaskState? = nil, box: Bool? = nil, percent: Double? = nil, started: Day? = nil, finished: Day? = nil)
            -> (TaskState, [DiagnosticCode]) {
            let decided = TaskStateReading.decide(.init(status: status.map { ($0, Self.range(9)) }, checkbox: box, checkboxRange: nil,
                                                        percent: percent, percentRange: nil, actualStart: started,
                                                        actualFinish: finished, titleRange: title))
            return (decided.state, decided.diagnostics.map(\.code))
        }
        let day = Day(iso: "2026-02-20")!
        #expect(decide(box: true, percent: 40) == (.done, [.progressContradictsState]))
        #expect(decide(percent: 100) == (.done, []))
        // An open box wins over 100 %, which then only shows the work under way.
        #expect(decide(box: false, percent: 100) == (.inProgress, [.progressContradictsState]))
        #expect(decide(.blocked, box: false, started: day) == (.blocked, []))
        #expect(decide(box: false, started: day) == (.inProgress, []))
        #expect(decide(box: false, finished: day) == (.todo, [.progressContradictsState]))
    }

    /// The scheduler's reading of the same facts: a status that lags behind them never schedules
    /// done work again.
    @Test func theWorkStageTheSchedulerReads() {
        var task = PlanTask(id: "t", projectIndex: 0, title: "T", range: Self.range(1), parent: nil, level: 0, kind: .task)
        #expect(task.workStage == .unstarted)
        task.spentDays = 2
        #expect(task.workStage == .inProgress)
        task.state = .blocked
        task.percentComplete = 100
        task.actualFinish = Day(iso: "2026-02-20")
        #expect(task.workStage == .done)
        task.state = .cancelled
        #expect(task.workStage == .cancelled)
    }

    /// References are bound after every file is read: a `part-of` file read before its project's
    /// file, and owners, predecessors and risk task lists across both.
    @Test func namesAreBoundWhateverTheFileOrder() {
        let part = "# Cutover\n\n- part-of: p\n\n## Work\n- [ ] Switch — 1d after:build owner:@dana\n\n## Risks\n- Late — owner:@omar tasks:build,switch\n  Mitigation: start early.\n"
        let main = "# P\n\n- project: p\n- owner: @dana\n\n## Work\n- [ ] Build — 2d after:switch-2 @backend\n- [ ] Switch 2 — 1d\n"
        let result = frontEnd(["a-part.md": part, "b-main.md": main, "team.md": teamFile])
        #expect(result.diagnostics.isEmpty)
        let project = result.plan.projects[0]
        #expect(project.ownerName == "Dana Whitfield")
        #expect(result.task("switch")?.ownerIndex == 0)
        #expect(result.task("build")?.dependencies.map { result.plan.tasks[$0.predecessor].id } == ["switch-2"])
        #expect(project.risks[0].taskIndices.map { result.plan.tasks[$0].id } == ["build", "switch"])
        #expect(project.risks[0].ownerIndex == 1)
    }

    @Test func unknownNamesGetTheLikelyOne() {
        let text = "# P\n\n- project: p\n\n## Work\n- [ ] Build — 2d @dnaa owner:@omra\n- [ ] Ship — 1d after:buld\n"
        let result = frontEnd(["plan.md": text, "team.md": teamFile])
        let codes: [DiagnosticCode] = result.diagnostics.map(\.code)
        #expect(codes.filter { $0 == .unknownResource }.count == 2)
        #expect(codes.filter { $0 == .unknownTask }.count == 1)
        #expect(codes.count == 3)
        let hints = result.diagnostics.compactMap(\.hint)
        #expect(hints.contains { $0.contains("dana") })
        #expect(hints.contains { $0.contains("omar") })
        #expect(hints.contains { $0.contains("build") })
    }

    @Test func everySectionHasOneDocumentedHeading() {
        for section in Vocabulary.Section.allCases {
            #expect(Vocabulary.section(named: section.heading) == section)
        }
        #expect(Vocabulary.sections(of: .project).map(\.heading) == ["Objectives", "Scope", "Success criteria", "Work", "Risks", "Issues",
                                                                     "Decisions", "Journal", "Outcome", "Lessons learned", "Notes"])
        #expect(Vocabulary.sections(of: .team).map(\.heading) == ["People", "Pools"])
        #expect(PlanFileKind.allCases.map(Vocabulary.kindKey) == ["project", "part-of", "team", "calendar", "settings"])
    }
}
