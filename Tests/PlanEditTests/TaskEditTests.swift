import Foundation
import PlanEdit
import PlanFrontEnd
import PlanModel
import Testing

@Suite struct DoneTests {
    @Test func ticksTheBoxDropsTheOpenPercentageAndRecordsTheFinish() throws {
        let files = ["plan.md": project("- [ ] Data audit — 8d @omar 40% priority:high\n  Notes stay as they are.\n- [ ] Next — 2d after:data-audit\n")]
        let result = try edit(files, .task("data-audit", .done(on: nil)))
        let line = changedLine(result.before, result.after)
        #expect(line?.0 == "- [ ] Data audit — 8d @omar 40% priority:high")
        #expect(line?.1 == "- [x] Data audit — 8d @omar priority:high finished:2026-09-15")
    }

    @Test func aLineWithoutABoxGetsStatusDone() throws {
        let files = ["plan.md": project("- Data audit — 8d status:in-progress started:2026-09-01\n")]
        let result = try edit(files, .task("data-audit", .done(on: Day(iso: "2026-09-14"))))
        #expect(changedLine(result.before, result.after)?.1 == "- Data audit — 8d status:done started:2026-09-01 finished:2026-09-14")
    }

    @Test func aBoxedLineLosesAContradictingStatusAndKeepsAFullPercentage() throws {
        let files = ["plan.md": project("- [ ] CTI — 8d status:blocked 100% finished:2026-09-01\n")]
        let result = try edit(files, .task("cti", .done(on: nil)))
        #expect(changedLine(result.before, result.after)?.1 == "- [x] CTI — 8d 100% finished:2026-09-15")
    }

    @Test func alreadyDoneIsLeftAloneUnlessADateIsGiven() throws {
        let files = ["plan.md": project("- [x] Kick-off — 2d finished:2026-06-02\n")]
        let same = try edit(files, .task("kick-off", .done(on: nil)))
        #expect(same.before == same.after)
        let moved = try edit(files, .task("kick-off", .done(on: Day(iso: "2026-06-03"))))
        #expect(changedLine(moved.before, moved.after)?.1 == "- [x] Kick-off — 2d finished:2026-06-03")
    }

    @Test func anUpperCaseBoxStaysAsWritten() throws {
        let files = ["plan.md": project("- [X] Kick-off — 2d 100%\n")]
        let result = try edit(files, .task("kick-off", .done(on: Day(iso: "2026-06-02"))))
        #expect(changedLine(result.before, result.after)?.1 == "- [X] Kick-off — 2d 100% finished:2026-06-02")
    }

    @Test func aMilestone() throws {
        let files = ["plan.md": project("- [ ] Go-live — milestone due:2026-11-09\n")]
        let result = try edit(files, .task("go-live", .done(on: nil)))
        #expect(changedLine(result.before, result.after)?.1 == "- [x] Go-live — milestone due:2026-11-09 finished:2026-09-15")
    }

    @Test func aLineWithoutAttributesGetsTheSeparator() throws {
        let files = ["plan.md": project("- [ ] Tidy up\n")]
        let result = try edit(files, .task("tidy-up", .done(on: nil)))
        #expect(changedLine(result.before, result.after)?.1 == "- [x] Tidy up — finished:2026-09-15")
    }

    @Test func workPackagesAndSummaryTasksAreRolledUp() throws {
        let files = ["plan.md": project("### Build — id:build\n- [ ] API — 5d\n  - [ ] Accounts — 2d\n")]
        #expect(throws: EditError.self) { try edit(files, .task("build", .done(on: nil))) }
        do {
            _ = try edit(files, .task("api", .done(on: nil)))
            Issue.record("a summary task was marked done")
        } catch let error as EditError {
            #expect(error.message.contains("has subtasks"))
        }
        let leaf = try edit(files, .task("accounts", .done(on: nil)))
        #expect(changedLine(leaf.before, leaf.after)?.1 == "  - [x] Accounts — 2d finished:2026-09-15")
    }
}

@Suite struct LineFormTests {
    @Test func crlfLineEndingsAndEveryOtherByteStay() throws {
        let text = project("- [ ] Data audit — 8d 40%\n  A note.\n- [ ] Next — 2d\n").replacingOccurrences(of: "\n", with: "\r\n")
        let result = try edit(["plan.md": text], .task("data-audit", .done(on: nil)))
        #expect(result.after == text.replacingOccurrences(of: "- [ ] Data audit — 8d 40%", with: "- [x] Data audit — 8d finished:2026-09-15"))
    }

    @Test func tabIndentedSubtasks() throws {
        let text = project("- [ ] API — 5d\n\t- [ ] Accounts — 2d  @omar\n\t- [ ] Contacts — 3d\n")
        let result = try edit(["plan.md": text], .task("contacts", .progress(percent: "30%", spent: "1d")))
        #expect(changedLine(result.before, result.after)?.1 == "\t- [ ] Contacts — 3d 30% spent:1d")
        let spaced = try edit(["plan.md": text], .task("accounts", .set(["priority:high"])))
        #expect(changedLine(spaced.before, spaced.after)?.1 == "\t- [ ] Accounts — 2d  @omar priority:high")
    }

    @Test func nonASCIITitles() throws {
        let text = project("""
            - [ ] Review — draft one — 3d 20%
            - [ ] 🚀 Launch 🎉 — id:launch milestone
            - [ ] 数据迁移 — id:migration 5d @omar
            - [ ] Café au lait́ — id:cafe 1d

            """)
        let review = try edit(["plan.md": text], .task("review-draft-one", .progress(percent: "60%", spent: nil)))
        #expect(changedLine(review.before, review.after)?.1 == "- [ ] Review — draft one — 3d 60%")
        let launch = try edit(["plan.md": text], .task("launch", .done(on: nil)))
        #expect(changedLine(launch.before, launch.after)?.1 == "- [x] 🚀 Launch 🎉 — id:launch milestone finished:2026-09-15")
        let migration = try edit(["plan.md": text], .task("migration", .unset(["effort"])))
        #expect(changedLine(migration.before, migration.after)?.1 == "- [ ] 数据迁移 — id:migration @omar")
        let cafe = try edit(["plan.md": text], .task("cafe", .set(["due:2026-10-01"])))
        #expect(changedLine(cafe.before, cafe.after)?.1 == "- [ ] Café au lait́ — id:cafe 1d due:2026-10-01")
    }

    @Test func unknownAndAmbiguousIDs() throws {
        let files = ["a.md": project("- [ ] Data audit — 8d\n"),
                     "b.md": "# Other\n\n- project: other\n\n## Work\n\n- [ ] Data audit — 8d\n"]
        do {
            _ = try edit(files, .task("data-audti", .done(on: nil)))
            Issue.record("an unknown id was edited")
        } catch let error as EditError {
            #expect(error.message == "no task 'data-audti' in '.'; did you mean 'data-audit'?")
        }
        do {
            _ = try edit(files, .task("data-audit", .done(on: nil)))
            Issue.record("an ambiguous id was edited")
        } catch let error as EditError {
            #expect(error.message == "'data-audit' names several tasks (demo/data-audit, other/data-audit); write it as project/id")
        }
        let qualified = try edit(files, .task("other/data-audit", .done(on: nil)))
        #expect(qualified.path == "b.md")
        #expect(changedLine(qualified.before, qualified.after)?.1 == "- [x] Data audit — 8d finished:2026-09-15")
    }
}

@Suite struct ProgressSetUnsetTests {
    @Test func progressReplacesThePercentageInPlace() throws {
        let files = ["plan.md": project("- [ ] Cleansing — 20d 55% spent:11d started:2026-08-10 priority:high\n", tracksActuals: true)]
        let result = try edit(files, .task("cleansing", .progress(percent: "60%", spent: "12.5d")))
        #expect(changedLine(result.before, result.after)?.1 == "- [ ] Cleansing — 20d 60% spent:12.5d started:2026-08-10 priority:high")
    }

    @Test func progressStartsAnUnstartedTaskWhenTheProjectTracksActuals() throws {
        let text = "- [ ] Cleansing — 20d status:todo\n"
        let tracked = try edit(["plan.md": project(text, tracksActuals: true)], .task("cleansing", .progress(percent: "10", spent: nil)))
        #expect(changedLine(tracked.before, tracked.after)?.1 == "- [ ] Cleansing — 20d 10% started:2026-09-15")
        let untracked = try edit(["plan.md": project(text)], .task("cleansing", .progress(percent: "10", spent: nil)))
        #expect(changedLine(untracked.before, untracked.after)?.1 == "- [ ] Cleansing — 20d 10%")
    }

    @Test func progressRefusesWhatItCannotMean() throws {
        let files = ["plan.md": project("- [x] Done one — 2d\n- [ ] Open — 2d\n- [ ] Gate — milestone\n")]
        #expect(throws: EditError("100% is done: use `planc done`")) { try edit(files, .task("open", .progress(percent: "100%", spent: nil))) }
        #expect(throws: EditError.self) { try edit(files, .task("open", .progress(percent: "sixty", spent: nil))) }
        #expect(throws: EditError.self) { try edit(files, .task("open", .progress(percent: "50%", spent: "3 days"))) }
        #expect(throws: EditError.self) { try edit(files, .task("done-one", .progress(percent: "50%", spent: nil))) }
        #expect(throws: EditError.self) { try edit(files, .task("gate", .progress(percent: "50%", spent: nil))) }
    }

    @Test func setReplacesInPlaceAndAppendsTheRest() throws {
        let files = ["plan.md": project("- [ ] Load test — 8d due:2026-10-01 @omar #perf\n")]
        let result = try edit(files, .task("load-test", .set(["due:2026-10-09", "priority:high", "effort:10d"])))
        #expect(changedLine(result.before, result.after)?.1 == "- [ ] Load test — 10d due:2026-10-09 @omar #perf priority:high")
    }

    @Test func setQuotesAValueWithSpacesAndSuggestsAKnownKey() throws {
        let files = ["plan.md": project("### Build — id:build\n- [ ] Load test — 8d\n")]
        #expect(throws: EditError.self) { try edit(files, .task("load-test", .set(["due"]))) }
        #expect(throws: EditError.self) { try edit(files, .task("load-test", .set(["owner:a — b"]))) }
        let quoted = try edit(files, .task("load-test", .set(["owner:Dana Whitfield"])))
        #expect(changedLine(quoted.before, quoted.after)?.1 == "- [ ] Load test — 8d owner:\"Dana Whitfield\"")
        do {
            _ = try edit(files, .task("load-test", .set(["priorty:high"])))
            Issue.record("an unknown key was written")
        } catch let error as EditError {
            #expect(error.message.hasPrefix("unknown attribute 'priorty' for a task; did you mean 'priority'?"))
        }
        do {
            _ = try edit(files, .task("build", .set(["effort:3d"])))
            Issue.record("a work package took an effort")
        } catch let error as EditError {
            #expect(error.message.hasPrefix("unknown attribute 'effort' for a work package"))
        }
        let package = try edit(files, .task("build", .set(["due:2026-12-01"])))
        #expect(changedLine(package.before, package.after)?.1 == "### Build — id:build due:2026-12-01")
    }

    @Test func unsetRemovesTokensWithTheirBlanksAndTheSeparatorWhenNothingIsLeft() throws {
        let files = ["plan.md": project("- [ ] Load test — 8d due:2026-10-01  priority:high\n- [ ] Alone — due:2026-10-01\n")]
        let middle = try edit(files, .task("load-test", .unset(["due"])))
        #expect(changedLine(middle.before, middle.after)?.1 == "- [ ] Load test — 8d  priority:high")
        let first = try edit(files, .task("load-test", .unset(["effort", "priority"])))
        #expect(changedLine(first.before, first.after)?.1 == "- [ ] Load test — due:2026-10-01")
        let alone = try edit(files, .task("alone", .unset(["due"])))
        #expect(changedLine(alone.before, alone.after)?.1 == "- [ ] Alone")
        let nothing = try edit(files, .task("alone", .unset(["priority"])))
        #expect(nothing.before == nothing.after)
        #expect(throws: EditError.self) { try edit(files, .task("alone", .unset(["prio"]))) }
    }
}
