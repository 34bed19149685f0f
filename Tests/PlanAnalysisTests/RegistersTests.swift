import PlanModel
import PlanTestSupport
import Testing
@testable import PlanAnalysis

/// The risk and issue registers: an occurred risk is an issue, and both lists are sorted by what
/// matters most, the same for every output.
@Suite struct RegistersTests {
    private func fixture() -> PlanFixture {
        var fixture = PlanFixture(today: "2026-09-15")
        fixture.project("crm", deadline: "2026-11-30")
        fixture.task("build", "2026-09-15", "2026-10-30", effort: 5)
        fixture.risk("r-later", .high, .high)                         // 9, review 30 Sep
        fixture.risk("r-vendor", .veryHigh, .veryHigh, status: .occurred)
        fixture.risk("r-sooner", .high, .high, status: .watching)     // 9, review 20 Sep
        fixture.risk("r-closed", .veryHigh, .veryHigh, status: .closed)
        fixture.risk("r-top", .veryHigh, .high)                       // 12, no review
        fixture.plan.projects[0].risks[0].review = PlanFixture.day("2026-09-30")
        fixture.plan.projects[0].risks[2].review = PlanFixture.day("2026-09-20")
        func issue(_ id: String, _ severity: Level?, due: String?, status: IssueEntry.Status = .open) {
            var entry = IssueEntry(id: id, title: id, range: SourceRange(file: "plan.md", line: 90, column: 1))
            entry.severity = severity
            entry.due = due.map(PlanFixture.day)
            entry.status = status
            fixture.plan.projects[0].issues.append(entry)
        }
        issue("i-medium", .medium, due: "2026-09-20")
        issue("i-high-late", .high, due: "2026-10-10")
        issue("i-resolved", .veryHigh, due: "2026-09-01", status: .resolved)
        issue("i-high-soon", .high, due: "2026-09-25")
        issue("i-unrated", nil, due: nil)
        return fixture
    }

    @Test func risksAreSortedByScoreThenReviewDateAndOccurredOnesAreLeftOut() {
        let plan = fixture().plan
        let analysis = Analyzer.analyze(plan, fixture().schedule).projects[0]
        let risks = plan.projects[0].risks
        #expect(analysis.topRisks.map { risks[$0].id } == ["r-top", "r-sooner", "r-later"])
        #expect(analysis.riskRegister.map { risks[$0].id } == ["r-top", "r-sooner", "r-later", "r-closed"])
    }

    @Test func occurredRisksAreIssuesSortedBySeverityThenDueDate() {
        let plan = fixture().plan
        let analysis = Analyzer.analyze(plan, fixture().schedule).projects[0]
        let project = plan.projects[0]
        let ids = analysis.issues.map { item -> String in
            switch item.source {
            case .issue(let index): project.issues[index].id
            case .occurredRisk(let index): "occurred: " + project.risks[index].id
            }
        }
        // The occurred risk's impact (very high) is its severity; resolved issues come last.
        #expect(ids == ["occurred: r-vendor", "i-high-soon", "i-high-late", "i-medium", "i-unrated", "i-resolved"])
        #expect(analysis.issues.map(\.isOpen) == [true, true, true, true, true, false])
        // An occurred risk is a fact, not a chance: it does not fire the risk-score rule, it
        // counts as an issue of its impact's severity.
        #expect(!analysis.healthReasons.contains { $0.contains("scores") && $0.contains("R-Vendor") })
        #expect(analysis.reasons.contains { $0.dimension == .risk && $0.text.contains("occurred risk R-Vendor") })
    }
}

/// Milestones are listed by date in every output: the day reached when done, else the forecast.
@Suite struct MilestoneOrderTests {
    @Test func milestonesAreInDateOrderAndSlippedOnesByForecast() {
        var fixture = PlanFixture(today: "2026-09-15")
        fixture.project("crm", deadline: "2026-12-31")
        let late = fixture.task("go-live", "2026-11-20", "2026-11-20", kind: .milestone, deadline: "2026-11-13")
        let reached = fixture.task("kick-off", "2026-07-01", "2026-07-01", kind: .milestone, state: .done)
        let missedLater = fixture.task("uat-done", "2026-09-18", "2026-09-18", kind: .milestone, deadline: "2026-09-10")
        let missedSooner = fixture.task("design-ok", "2026-09-16", "2026-09-16", kind: .milestone, deadline: "2026-09-01")
        let analysis = Analyzer.analyze(fixture.plan, fixture.schedule).projects[0]
        #expect(analysis.milestones == [reached, missedSooner, missedLater, late])
        #expect(analysis.nextMilestones == [missedSooner, missedLater, late])
        #expect(analysis.missedMilestones == [missedSooner, missedLater])
        #expect(analysis.forecastLateMilestones == [late])
        // The health reason still names the worst missed one with its own slip.
        #expect(analysis.healthReasons.first == "Milestone Design-Ok was due 2026-09-01 and is not done: missed by 10 working days (1 more milestone missed)")
    }
}

/// Late work is what the Gantt charts mark late (`Analyzer.isLate`), work packages included; work
/// done after its due date is history.
@Suite struct LateWorkTests {
    @Test func lateWorkPackagesAreOpenLateWorkAndDoneLateTasksAreHistory() {
        var fixture = PlanFixture(today: "2026-09-15")
        fixture.project("crm", deadline: "2026-12-31")
        let build = fixture.task("build", "2026-09-01", "2026-09-30", deadline: "2026-09-25")
        let api = fixture.task("api", "2026-09-01", "2026-09-10", parent: build, state: .done, deadline: "2026-09-08")
        fixture.task("ui", "2026-09-11", "2026-09-30", parent: build, percent: 50)
        let plan = fixture.plan, schedule = fixture.schedule
        let analysis = Analyzer.analyze(plan, schedule).projects[0]
        #expect(analysis.lateWork == [build])
        #expect(analysis.finishedLate == [api])
        #expect(analysis.lateTasks.isEmpty)
        let calendar = WorkingCalendar(plan: plan, calendarIndex: plan.projects[0].calendarIndex)
        #expect(Analyzer.lateness(plan.tasks[build], schedule.tasks[build], today: schedule.today, calendar: calendar)?
            .phrase(\.iso) == "forecast late by 3 working days")
        #expect(Analyzer.lateness(plan.tasks[api], schedule.tasks[api], today: schedule.today, calendar: calendar)?
            .phrase(\.iso) == "finished 2 working days after its due date 2026-09-08")
    }
}
