import Foundation
import Testing
import PlanCompiler
import PlanModel
import PlanTestSupport

/// The plans of the issue "Forecasts a project manager can trust and explain", written as a
/// project manager writes them and compiled through the whole front end, each with the answer
/// docs/scheduling.md documents.
struct ForecastRegressionTests {
    /// Compiles a one-project plan with a team file; `people` are team-file entries.
    static func compile(_ work: String, people: [String] = ["Ann — id:ann"], start: String = "2026-03-02",
                        today: String, extraMetadata: String = "") throws -> (CompiledPlan, (String) -> Int) {
        let team = "# Team\n\n- team: t\n\n## People\n" + people.map { "- \($0)\n" }.joined()
        let plan = "# P\n\n- project: p\n- start: \(start)\n\(extraMetadata)\n## Work\n\(work)\n"
        let compiled = try withTemporaryFolder("forecast") { folder in
            try write(["team.md": team, "plan.md": plan], into: folder)
            return Pipeline.compile(CompileOptions(path: folder.path, today: Day(iso: today)!))
        }
        let index: (String) -> Int = { id in compiled.plan.tasks.firstIndex { $0.id == id } ?? -1 }
        return (compiled, index)
    }

    static func span(_ compiled: CompiledPlan, _ i: Int) -> String {
        guard let t = compiled.schedule?.tasks[i] else { return "unscheduled" }
        return "\(t.start.iso)..\(t.finish.iso)"
    }

    @Test func slackNextToALeadAfterLevelingIsNeverBuiltFromUnsetTimes() throws {
        let (c, id) = try Self.compile("""
            - [ ] W — 2.5d @ann:50% priority:high
            - [ ] B — 2d @ann
            - [ ] Prep — 0.5d @ann:50% ss:b-1d
            """, today: "2026-03-01")
        let s = try #require(c.schedule)
        for i in [id("w"), id("b"), id("prep")] {
            #expect(abs(s.tasks[i].totalSlack) < 100, "\(c.plan.tasks[i].id) slack \(s.tasks[i].totalSlack)")
            #expect(s.tasks[i].totalSlack >= 0)
        }
        // The project ends with the last of them; whatever ends last is critical, with no slack.
        let last = [id("w"), id("b"), id("prep")].max { s.tasks[$0].finish < s.tasks[$1].finish }!
        #expect(s.tasks[last].isCritical)
        #expect(s.tasks[last].totalSlack == 0)
    }

    @Test func slackAfterLevelingKeepsTheLeveledOrder() throws {
        let (c, id) = try Self.compile("""
            - [ ] X — 2d @ann
            - [ ] Z — duration:5d
            - [ ] Y — 2d @ann after:z
            """, today: "2026-03-02")
        let s = try #require(c.schedule)
        #expect(Self.span(c, id("x")) == "2026-03-02..2026-03-03")
        #expect(Self.span(c, id("y")) == "2026-03-09..2026-03-10")
        // Slipping X more than 3 days would double-book Ann with Y.
        #expect(s.tasks[id("x")].totalSlack == 3)
    }

    /// Slack keeps the length elastic work got from the share its people had left: Fix runs 4
    /// days on Ann's free half, and slipping it keeps 4 days, so with Test tied to its start it
    /// has no slack (at full units it would show -2, as if it had a deadline to miss).
    @Test func slackOfWorkSlowedByASharedPersonKeepsItsLeveledLength() throws {
        let (c, id) = try Self.compile("""
            - [ ] PM — start:2026-03-02 finish:2026-03-31 @ann:50%
            - [ ] Fix — 2d @ann
            - [ ] Test — duration:2d ss:fix+2d
            """, today: "2026-03-02")
        let s = try #require(c.schedule)
        #expect(Self.span(c, id("fix")) == "2026-03-02..2026-03-05")
        #expect(Self.span(c, id("test")) == "2026-03-04..2026-03-05")
        #expect(s.tasks[id("fix")].totalSlack == 0)
        #expect(s.tasks[id("test")].totalSlack == 0)
    }

    @Test func theCriticalFlagAndTheCriticalPathGiveOneAnswer() throws {
        let (c, id) = try Self.compile("""
            - [ ] Pair work — 4d @ann @bob
            - [ ] Review — 1d after:pair-work
            """, people: ["Ann — id:ann", "Bob — id:bob off:2026-03-02..2026-03-02"], today: "2026-03-02")
        let s = try #require(c.schedule)
        for i in s.criticalPaths[0] { #expect(s.tasks[i].isCritical, "\(c.plan.tasks[i].id) is on the path") }
        #expect(s.criticalPaths[0].contains(id("pair-work")))
        #expect(s.tasks[id("pair-work")].totalSlack == 0)
    }

    /// A task without work pinned by `start:` alone happens on that date, as a milestone with
    /// `start:` does (it was shown on the day before), and its successors start the next day.
    @Test func aTaskWithoutWorkPinnedByItsStartHappensOnThatDate() throws {
        // Friday 6 March.
        let (c, id) = try Self.compile("""
            - [ ] Sign-off — 0d start:2026-03-06
            - [ ] Hand-over — 1d after:sign-off
            """, today: "2026-03-02")
        #expect(Self.span(c, id("sign-off")) == "2026-03-06..2026-03-06")
        #expect(Self.span(c, id("hand-over")) == "2026-03-09..2026-03-09")
    }

    @Test func openMilestonesAreNeverBeforeTodayAndSitOnTheirNotBeforeDate() throws {
        // Wednesday 4 March; Friday 6 March.
        let (c, id) = try Self.compile("""
            - [ ] Kick-off — milestone
            - [ ] Go decision — milestone not-before:2026-03-06 due:2026-04-10
            """, today: "2026-03-04")
        #expect(Self.span(c, id("kick-off")) == "2026-03-04..2026-03-04")
        #expect(Self.span(c, id("go-decision")) == "2026-03-06..2026-03-06")
        #expect(c.schedule?.tasks[id("go-decision")].isLate == false)
        #expect(!c.diagnostics.contains { $0.code == .milestoneMissed })
    }

    @Test func aMilestoneWithoutPredecessorsSitsOnTheFirstWorkingDay() throws {
        // The project starts on a Saturday.
        let (c, id) = try Self.compile("- [ ] Start — milestone", start: "2026-02-28", today: "2026-02-20")
        #expect(Self.span(c, id("start")) == "2026-03-02..2026-03-02")
    }

    @Test func priorityIsAGuarantee() throws {
        let (c, id) = try Self.compile("""
            - [ ] H — 5d @ann priority:high
            - [ ] L — 5d @ann priority:low
            - [ ] S — duration:20d after:l
            """, today: "2026-03-02")
        #expect(Self.span(c, id("h")) == "2026-03-02..2026-03-06")
        #expect(Self.span(c, id("l")) == "2026-03-09..2026-03-13")
    }

    @Test func amongEqualPrioritiesTheEarlierDueDateGoesFirst() throws {
        let (c, id) = try Self.compile("""
            - [ ] Relaxed — 3d @ann
            - [ ] Urgent — 3d @ann
            - [ ] Board pack — milestone after:urgent due:2026-03-06
            """, today: "2026-03-02")
        #expect(Self.span(c, id("urgent")) == "2026-03-02..2026-03-04")
        #expect(Self.span(c, id("relaxed")) == "2026-03-05..2026-03-09")
    }

    @Test func cancelledTasksAreNotWorkAndNotDatedADayEarly() throws {
        let (c, id) = try Self.compile("""
            - [ ] Old interface — 5d @ann status:cancelled
            - [ ] New interface — 2d @ann after:old-interface
            """, today: "2026-03-02")
        let s = try #require(c.schedule)
        #expect(Self.span(c, id("old-interface")) == "2026-03-02..2026-03-02")
        #expect(Self.span(c, id("new-interface")) == "2026-03-02..2026-03-03")
        #expect(!s.tasks[id("old-interface")].isCritical)
        let ann = s.resourceLoad.first { $0.resource == .person(0) }
        #expect(ann?.days.map(\.day.iso) == ["2026-03-02", "2026-03-03"])
    }

    @Test func pinsHoldInEveryState() throws {
        let (c, id) = try Self.compile("""
            - [ ] Vendor audit — start:2026-03-09 finish:2026-03-13 @ann
            - [ ] Steering pack — 3d start:2026-03-02 finish:2026-03-11 @ann:50% 40%
            - [ ] Handover — finish:2026-03-20 duration:2d
            """, today: "2026-03-04")
        #expect(Self.span(c, id("vendor-audit")) == "2026-03-09..2026-03-13")
        #expect(Self.span(c, id("steering-pack")) == "2026-03-02..2026-03-11")
        #expect(Self.span(c, id("handover")) == "2026-03-19..2026-03-20")
        #expect(c.schedule?.tasks[id("vendor-audit")].isFixedDate == true)
        #expect(c.schedule?.tasks[id("vendor-audit")].isCritical == false)
        #expect(!c.diagnostics.contains { $0.code == .missingEstimate })
    }

    @Test func notBeforeHoldsForStartedAndBlockedWork() throws {
        let (c, id) = try Self.compile("""
            - [ ] Vendor interface — 8d status:blocked 25% not-before:2027-06-01
            - [ ] Telephony — 3d status:blocked
            - [ ] Go-live — milestone after:telephony
            """, start: "2027-01-11", today: "2027-05-10")
        #expect(Self.span(c, id("vendor-interface")) == "2027-06-01..2027-06-08")
        let s = try #require(c.schedule)
        #expect(Self.span(c, id("telephony")) == "2027-05-10..2027-05-12")
        #expect(s.explanations[id("telephony")].driver == .blocked)
        #expect(s.explanations[id("go-live")].dependsOnBlocked == [id("telephony")])
    }

    @Test func peopleShareThemselvesAcrossTasks() throws {
        let (c, id) = try Self.compile("""
            - [ ] PM — id:pm start:2027-01-11 finish:2027-03-31 @sarah:50%
            - [ ] Kick-off workshop — id:kickoff duration:1d @sarah @david
            - [ ] Charter — id:charter 4d @sarah after:kickoff
            """, people: ["Sarah — id:sarah off:2027-02-15..2027-02-19", "David — id:david"],
            start: "2027-01-11", today: "2027-01-04")
        #expect(Self.span(c, id("kickoff")) == "2027-01-11..2027-01-11")
        #expect(Self.span(c, id("charter")) == "2027-01-12..2027-01-21")
        let s = try #require(c.schedule)
        let sarah = try #require(s.resourceLoad.first { $0.resource == .person(0) })
        for (day, load) in sarah.days {
            #expect(load <= 1 + 1e-9, "Sarah carries \(load) on \(day.iso)")
            #expect(!(day.iso >= "2027-02-15" && day.iso <= "2027-02-19"), "Sarah booked on leave \(day.iso)")
        }
    }

    @Test func aDurationTaskNeverStartsOnAPersonsDayOff() throws {
        let (c, id) = try Self.compile("""
            - [ ] Workshop — duration:1d @sarah @david not-before:2027-02-15
            """, people: ["Sarah — id:sarah off:2027-02-15..2027-02-19", "David — id:david"],
            start: "2027-01-11", today: "2027-01-11")
        #expect(Self.span(c, id("workshop")) == "2027-02-22..2027-02-22")
        let explanation = c.schedule?.explanations[id("workshop")]
        #expect(explanation?.shift?.person == 0)
    }

    @Test func inProgressWorkWithNothingLeftFinishesToday() throws {
        let (c, id) = try Self.compile("- [ ] Report — 2d 100% started:2026-03-02 status:in-progress",
                                       today: "2026-03-11")
        #expect(Self.span(c, id("report")) == "2026-03-02..2026-03-11")
    }

    @Test func doneWorkWithoutAFinishDateNeverHoldsSuccessorsPastToday() throws {
        let (c, id) = try Self.compile("""
            - [x] Interviews — 10d
            - [ ] Summary — 1d after:interviews
            """, today: "2026-03-04")
        let s = try #require(c.schedule)
        #expect(s.tasks[id("interviews")].finish.iso == "2026-03-04")
        #expect(Self.span(c, id("summary")) == "2026-03-05..2026-03-05")
    }

    @Test func everyTaskIsExplained() throws {
        let (c, id) = try Self.compile("""
            - [ ] A — 2d @ann
            - [ ] B — 2d @ann
            - [ ] C — 1d ss:a+1d
            - [ ] D — 1d not-before:2026-03-20
            """, today: "2026-03-02")
        let s = try #require(c.schedule)
        #expect(s.explanations[id("a")].driver == .projectStart(Day(iso: "2026-03-02")!))
        #expect(s.explanations[id("b")].driver == .resource(.person(0), busyWith: id("a")))
        #expect(s.explanations[id("c")].driver == .predecessor(task: id("a"), kind: .startToStart, lagDays: 1))
        #expect(s.explanations[id("d")].driver == .notBefore(Day(iso: "2026-03-20")!))
        #expect(s.drivingChain(of: id("b")) == [id("a"), id("b")])
    }

    @Test func startToStartFromAWorkPackageFollowsItsLeveledStart() throws {
        let (c, id) = try Self.compile("""
            - [ ] Busy — 5d @ann priority:high
            ### Build
            - [ ] Code — 3d @ann
            ### Docs
            - [ ] Write — 2d ss:build
            """,
            today: "2026-03-02")
        // Code waits for Ann until Monday 9 March; the package starts then, and so does Write.
        #expect(Self.span(c, id("code")) == "2026-03-09..2026-03-11")
        #expect(Self.span(c, id("write")) == "2026-03-09..2026-03-10")
    }

    @Test func startedWorkNoLongerWaitsForItsPackagesPredecessor() throws {
        let (c, id) = try Self.compile("""
            - [ ] Design — 10d
            ### Build — after:design
            - [ ] Spike — 4d 50% started:2026-03-02
            """, today: "2026-03-04")
        #expect(Self.span(c, id("spike")) == "2026-03-02..2026-03-05")
    }

    @Test func aLevelOfEffortTaskPinnedToTheDeadlineDoesNotGiveEveryTaskSlack() throws {
        let (c, id) = try Self.compile("""
            - [ ] Project management — id:pm start:2026-03-02 finish:2026-05-29 @ann:50%
            - [ ] Build — 10d @bob
            - [ ] Go-live — milestone after:build
            """, people: ["Ann — id:ann", "Bob — id:bob"], today: "2026-03-02")
        let s = try #require(c.schedule)
        #expect(s.tasks[id("build")].isCritical)
        #expect(s.tasks[id("build")].totalSlack == 0)
        #expect(s.tasks[id("pm")].isFixedDate && !s.tasks[id("pm")].isCritical)
        #expect(s.criticalPaths[0] == [id("build"), id("go-live")])
    }
}
