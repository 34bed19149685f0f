import Foundation
import Testing
import PlanCompiler
import PlanModel

/// The phases run in the declared order; a caller runs a prefix or enters in the middle.
@Suite struct PipelineTests {
    static let today = Day(year: 2026, month: 9, day: 15)!

    func folder(_ plan: String) throws -> String {
        let base = NSTemporaryDirectory() + "planc-pipeline-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: base, withIntermediateDirectories: true)
        try plan.write(toFile: base + "/plan.md", atomically: true, encoding: .utf8)
        return base
    }

    static let plan = "# Demo\n\n- project: demo\n- start: 2026-09-01\n\n## Work\n- [x] First — 2d finished:2026-09-02\n- [ ] Second — 3d after:first\n"

    @Test func thePhasesAreDeclaredInTheOrderTheyRun() {
        #expect(Phase.allCases.map { "\($0)" } == ["load", "parse", "lower", "check", "schedule", "analyze", "publish"])
        #expect(Phase.allCases == Phase.allCases.sorted())
    }

    @Test func aPrefixStopsWhereItIsAsked() throws {
        let base = try folder(Self.plan)
        defer { try? FileManager.default.removeItem(atPath: base) }
        let options = CompileOptions(path: base, today: Self.today)
        let checked = Pipeline.compile(options, through: .check)
        #expect(checked.plan.tasks.count == 2)
        #expect(checked.schedule == nil && checked.analysis == nil)
        let scheduled = Pipeline.compile(options, through: .schedule)
        #expect(scheduled.schedule != nil && scheduled.analysis == nil)
        let analysed = Pipeline.compile(options)
        #expect(analysed.schedule != nil)
        #expect(analysed.analysis?.projects.map(\.projectIndex) == [0])
        #expect(analysed.reportContext != nil)
    }

    @Test func aLoweredPlanEntersInTheMiddle() throws {
        let base = try folder(Self.plan)
        defer { try? FileManager.default.removeItem(atPath: base) }
        let whole = Pipeline.compile(CompileOptions(path: base, today: Self.today))
        let checked = Pipeline.compile(CompileOptions(path: base, today: Self.today), through: .check)
        let resumed = Pipeline.run(CompiledPlan(plan: checked.plan, today: Self.today, diagnostics: checked.diagnostics),
                                   from: .schedule, through: .analyze)
        #expect(resumed.schedule?.tasks.map(\.finish) == whole.schedule?.tasks.map(\.finish))
        #expect(resumed.diagnostics.map(\.code) == whole.diagnostics.map(\.code))
        #expect(resumed.analysis != nil)
    }

    @Test func buildAndReportsWriteDiagnosticsOneLineEach() {
        let range = SourceRange(file: "plan.md", start: .init(line: 3, column: 5), end: .init(line: 3, column: 9))
        let diagnostic = Diagnostic(.unreadableFile, "cannot read it", at: range, hint: "pass a plan folder")
        #expect(DiagnosticWriter.lines([diagnostic]) == "plan.md:3:5: error: cannot read it [P001]\n  hint: pass a plan folder\n")
    }
}
