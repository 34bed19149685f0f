import PlanAnalysis
import PlanModel
import PlanTestSupport
import Testing

/// The comparison behind `planc diff`, on plans built in memory and run through the real scheduler.
@Suite struct PlanChangesTests {
    /// design (3d, dana) → build (5d, omar) → launch (milestone); docs (2d, dana) beside them.
    static func plan(build: Double = 5, rename: String? = nil, buildPeople: [(String, Double?)] = [("omar", nil)],
                     extra: Bool = false, dropDocs: Bool = false) -> PlanFixture {
        var fixture = PlanFixture(start: "2026-09-07")
        fixture.person("dana", rate: 800)
        fixture.person("omar", rate: 600)
        fixture.task("design", effort: 3, people: [("dana", nil)])
        fixture.task("build", effort: build, after: [("design", .finishToStart, 0)], people: buildPeople)
        if extra { fixture.task("review", effort: 1, after: [("build", .finishToStart, 0)], people: [("dana", nil)]) }
        fixture.task("launch", milestone: true, after: [(extra ? "review" : "build", .finishToStart, 0)])
        if !dropDocs { fixture.task("docs", effort: 2, people: [("dana", nil)]) }
        if let rename { fixture.plan.tasks[fixture.index("build")].title = rename }
        return fixture
    }

    static func version(_ fixture: PlanFixture, diagnostics: [Diagnostic] = []) -> PlanVersion {
        let scheduled = fixture.schedule(today: "2026-09-07")
        return PlanVersion(plan: fixture.plan, schedule: scheduled.schedule,
                           analysis: Analyzer.analyze(fixture.plan, scheduled.schedule), diagnostics: diagnostics)
    }

    @Test func unchangedPlanHasNoChanges() {
        let changes = PlanChanges.compare(Self.version(Self.plan()), Self.version(Self.plan()))
        #expect(changes.isEmpty)
        #expect(changes.projects.map(\.kind) == [.unchanged])
        #expect(changes.largestSlip == 0)
        #expect(!changes.projects[0].finish.moved)
    }

    @Test func aGrowingTaskMovesTheFinishAndTheMilestoneInWorkingDays() throws {
        let changes = PlanChanges.compare(Self.version(Self.plan()), Self.version(Self.plan(build: 8)))
        let project = try #require(changes.projects.first)
        #expect(project.kind == .changed)
        // 3 + 5 working days from Mon 7 Sep: build ends Wed 16 Sep; 3 more days end Mon 21 Sep.
        #expect(project.finish == DateMove(from: day("2026-09-16"), to: day("2026-09-21"), workingDays: 3))
        #expect(project.milestones.map(\.task.id) == ["launch"])
        #expect(project.milestones[0].move.workingDays == 3)
        #expect(project.largestSlip == 3)
        #expect(changes.largestSlip == 3)
        #expect(project.effortDays == AmountChange(from: 10, to: 13))
        #expect(project.cost == AmountChange(from: 3 * 800 + 5 * 600 + 2 * 800, to: 3 * 800 + 8 * 600 + 2 * 800))
        #expect(project.taskAmounts.map(\.task.id) == ["build"])
        #expect(project.taskAmounts[0].effortDays == AmountChange(from: 5, to: 8))
        #expect(project.added.isEmpty && project.removed.isEmpty && project.renamed.isEmpty && project.reassigned.isEmpty)
    }

    /// A milestone re-planned: its due date moved. The forecast did not, so it is no move.
    @Test func aDueDateChangeIsAReplanNotAMove() throws {
        var before = Self.plan(), after = Self.plan()
        before.plan.tasks[before.index("launch")].deadline = day("2026-09-18")
        after.plan.tasks[after.index("launch")].deadline = day("2026-09-25")
        after.plan.tasks[after.index("docs")].deadline = day("2026-09-30")
        let project = try #require(PlanChanges.compare(Self.version(before), Self.version(after)).projects.first)
        #expect(project.kind == .changed)
        #expect(project.milestones.isEmpty)
        #expect(project.replanned == [
            TaskDueChange(task: TaskReference(id: "launch", title: "launch"), from: day("2026-09-18"), to: day("2026-09-25")),
            TaskDueChange(task: TaskReference(id: "docs", title: "docs"), from: nil, to: day("2026-09-30")),
        ])
    }

    @Test func aShorterTaskIsANegativeMoveAndNoSlip() throws {
        let changes = PlanChanges.compare(Self.version(Self.plan(build: 8)), Self.version(Self.plan()))
        #expect(changes.projects[0].finish.workingDays == -3)
        #expect(changes.largestSlip == 0)
    }

    @Test func tasksAddedRemovedRenamedAndReassignedAreMatchedByID() throws {
        let old = Self.version(Self.plan())
        let new = Self.version(Self.plan(rename: "Build the importer", buildPeople: [("dana", 0.5)], extra: true, dropDocs: true))
        let project = try #require(PlanChanges.compare(old, new).projects.first)
        #expect(project.added.map(\.id) == ["review"])
        #expect(project.removed.map(\.id) == ["docs"])
        #expect(project.renamed == [TaskRename(id: "build", from: "build", to: "Build the importer")])
        #expect(project.reassigned.count == 1)
        #expect(project.reassigned.first?.from == [AssigneeReference(id: "omar", units: 1)])
        #expect(project.reassigned.first?.to == [AssigneeReference(id: "dana", units: 0.5)])
        #expect(project.criticalPathBefore.map(\.id) != project.criticalPathAfter.map(\.id))
        #expect(project.criticalPathAfter.map(\.id).contains("review"))
    }

    @Test func writingThePeopleInAnotherOrderIsNoReassignment() throws {
        let old = Self.version(Self.plan(buildPeople: [("omar", nil), ("dana", nil)]))
        let new = Self.version(Self.plan(buildPeople: [("dana", nil), ("omar", nil)]))
        #expect(try #require(PlanChanges.compare(old, new).projects.first).reassigned.isEmpty)
    }

    @Test func aMovedLineIsNotANewDiagnosticButAChangedMessageIs() {
        func warning(_ message: String, line: Int, file: String = "plan.md") -> Diagnostic {
            Diagnostic(.unknownResource, message, at: SourceRange(file: file, line: line, column: 3))
        }
        let old = Self.version(Self.plan(), diagnostics: [warning("dana is unknown", line: 4), warning("omar is unknown", line: 9)])
        let new = Self.version(Self.plan(), diagnostics: [warning("dana is unknown", line: 7), warning("kim is unknown", line: 2),
                                                          warning("dana is unknown", line: 3, file: "team.md")])
        let changes = PlanChanges.compare(old, new)
        #expect(changes.diagnosticsIntroduced.map(\.message) == ["kim is unknown", "dana is unknown"])
        #expect(changes.diagnosticsIntroduced.map { $0.range?.file } == ["plan.md", "team.md"])
        #expect(changes.diagnosticsFixed.map(\.message) == ["omar is unknown"])
        #expect(!changes.isEmpty)
    }

    @Test func projectsAddedAndRemovedAreMatchedByID() {
        var other = Self.plan()
        other.plan.projects[0].id = "q"
        let changes = PlanChanges.compare(Self.version(Self.plan()), Self.version(other))
        #expect(changes.projects.map(\.id) == ["q", "p"])
        #expect(changes.projects.map(\.kind) == [.added, .removed])
        #expect(changes.projects[0].finish.from == nil)
        #expect(changes.projects[1].finish.to == nil)
        #expect(changes.largestSlip == 0)
    }

    @Test func aVersionWithoutScheduleComparesTasksButNoDates() throws {
        let fixture = Self.plan(build: 8)
        let broken = PlanVersion(plan: fixture.plan, schedule: nil, analysis: nil, diagnostics: [])
        let project = try #require(PlanChanges.compare(Self.version(Self.plan()), broken).projects.first)
        #expect(project.finish.to == nil && project.finish.workingDays == nil)
        #expect(project.milestones.isEmpty || project.milestones.allSatisfy { $0.move.to == nil })
        #expect(project.largestSlip == 0)
    }
}
