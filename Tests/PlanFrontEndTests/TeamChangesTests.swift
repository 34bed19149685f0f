import PlanFrontEnd
import PlanModel
import Testing

/// Availability and rates that change over time, written under a person in the team file.
struct TeamChangesTests {
    let team = """
    # Team

    - team: billing

    ## People
    - Priya Nair — id:priya availability:80% rate:800EUR/d
      - Leaves 2027-06-30
      - From 2027-04-01 — availability:60% rate:850EUR/d
      - From 2027-05-03 — rate:100EUR/h
    - Omar Haddad — id:omar rate:600EUR/d

    """

    @Test func changesAreLoweredSortedWithTheirLines() throws {
        let result = frontEnd(["team.md": team])
        #expect(result.diagnostics.isEmpty)
        let priya = try #require(result.plan.people.first { $0.id == "priya" })
        #expect(priya.changes.map(\.from.iso) == ["2027-04-01", "2027-05-03", "2027-07-01"])
        #expect(priya.changes.map(\.range.start.line) == [8, 9, 7])
        #expect(priya.changes[0].availability == 0.6 && priya.changes[0].rate?.amount == 850)
        #expect(priya.changes[1].availability == nil && priya.changes[1].rate?.amount == 800)  // 100 EUR/h x 8 h
        #expect(priya.changes[2].availability == 0 && priya.changes[2].rate == nil)
        // Before the first change the person's own attributes hold; `Leaves` is the last working day.
        #expect(priya.availability(on: Day(iso: "2027-03-31")!) == 0.8)
        #expect(priya.availability(on: Day(iso: "2027-06-30")!) == 0.6)
        #expect(priya.availability(on: Day(iso: "2027-07-01")!) == 0)
        #expect(priya.rate(on: Day(iso: "2027-07-01")!)?.amount == 800)
        #expect(result.plan.people.first { $0.id == "omar" }?.changes.isEmpty == true)
    }

    @Test func aMisspelledChangeWordSuggestsTheRightOne() {
        let result = frontEnd(["team.md": "# Team\n\n- team: t\n\n## People\n- Priya — id:priya\n  - Form 2027-04-01 — rate:850EUR/d\n"])
        #expect(result.placed == ["team.md:7:5 P117"])
        #expect(result.diagnostics.first?.hint == "did you mean `From 2027-04-01`?")
    }

    @Test func aChangeRateInAnotherCurrencyIsReported() {
        let files = [
            "team.md": "# Team\n\n- team: t\n\n## People\n- Priya — id:priya rate:800EUR/d\n  - From 2027-04-01 — rate:900USD/d\n",
            "plan.md": "# P\n\n- project: p\n- start: 2027-03-01\n- budget: 10000 EUR\n\n## Work\n- [ ] Audit — 5d @priya\n",
        ]
        #expect(frontEnd(files).codes == ["P402"])
    }

    /// Two workshops pinned on the same days fit Omar's full time in March, not the 50 % he gives
    /// from 1 April: the check uses the availability in force on each day, and only working days.
    @Test func pinnedTasksOverAllocateOnlyWhereTheAvailabilityIsExceeded() {
        let files = [
            "team.md": "# Team\n\n- team: t\n\n## People\n- Omar — id:omar\n  - From 2027-04-01 — availability:50%\n",
            "plan.md": """
            # P

            - project: p
            - start: 2027-03-01

            ## Work
            - [ ] Workshop A — start:2027-03-29 finish:2027-04-02 @omar:30%
            - [ ] Workshop B — start:2027-03-30 finish:2027-04-02 @omar:30%
            - [ ] Saturday cut-over — start:2027-04-03 finish:2027-04-03 @omar:40%
            - [ ] Saturday rehearsal — start:2027-04-03 finish:2027-04-03 @omar:40%

            """,
        ]
        let result = frontEnd(files)
        #expect(result.placed == ["plan.md:8:55 P406"])
        #expect(result.diagnostics.first?.message == "@omar is booked at 60% from 2027-04-01 by pinned tasks but available 50%")
        #expect(result.diagnostics.first?.notes.map(\.range?.start.line) == [7])
    }
}
