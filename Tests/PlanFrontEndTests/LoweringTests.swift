import PlanFrontEnd
import PlanModel
import Testing

struct LoweringTests {
    let header = "# P\n\n- project: p\n- start: 2026-03-02\n\n"

    @Test func derivedIDsFollowTheDocumentedRule() {
        let result = frontEnd(header + "## Work\n- [ ] Stakeholder interviews (Sales) — 1d\n- [ ] Ünïcode & “quotes” — 1d\n- [ ] 設計レビュー — 1d\n")
        #expect(result.plan.tasks.map(\.id) == ["stakeholder-interviews-sales", "ünïcode-quotes", "設計レビュー"])
    }

    /// `finish:` alone is a must-finish-on date and `start:` with `finish:` a window to fill (a level
    /// of effort): both are estimates, so only a task with no date and no amount gets P309.
    @Test func aFixedDateIsAnEstimate() {
        let text = header + "## Work\n- [ ] Review board — finish:2026-03-06\n"
            + "- [ ] Project management — start:2026-03-02 finish:2026-06-30 @dana:50%\n"
            + "- [ ] Tax filing — finish:2026-03-31 3d\n- [ ] No estimate\n"
        let result = frontEnd(["plan.md": text, "team.md": teamFile])
        #expect(result.placed == ["plan.md:10:7 P309"])
    }

    @Test func repeatedDerivedIDsAreFineUntilReferenced() {
        let plain = frontEnd(header + "## Work\n### A\n- [ ] Review — 1d\n### B\n- [ ] Review — 1d\n")
        #expect(plain.diagnostics.isEmpty)
        #expect(plain.plan.tasks.map(\.id) == ["a", "review", "b", "review-2"])
        let referenced = frontEnd(header + "## Work\n- [ ] Review — 1d\n- [ ] Review — 1d\n- [ ] Ship — 1d after:review\n")
        #expect(referenced.codes == ["P202"])
        #expect(referenced.diagnostics[0].notes.count == 2)
    }

    @Test func explicitIDsWinAndDuplicatesPointAtTheFirst() {
        let result = frontEnd(header + "## Work\n- [ ] One — id:x 1d\n- [ ] Two — id:x 1d\n")
        #expect(result.placed == ["plan.md:8:13 P201"])
        #expect(result.diagnostics[0].notes.first?.range?.start.line == 7)
    }

    @Test func duplicateProjectIDsAcrossFiles() {
        let result = frontEnd(["a.md": "# A\n\n- project: same\n", "b.md": "# B\n\n- project: same\n"])
        #expect(result.placed == ["b.md:3:12 P201"])
        #expect(result.diagnostics[0].notes.first?.range?.file == "a.md")
    }

    @Test func dependenciesOfEveryKindWithLags() {
        let result = frontEnd(header + "## Work\n- [ ] A — 1d\n- [ ] B — 1d after:a+2d\n- [ ] C — 1d ss:a-1d ff:b+0.5d sf:a\n- [ ] D — 1d after:a,b,c+1w\n")
        #expect(result.diagnostics.isEmpty)
        let c = result.task("c")!
        #expect(c.dependencies.map(\.kind) == [.startToStart, .finishToFinish, .startToFinish])
        #expect(c.dependencies.map(\.lagDays) == [-1, 0.5, 0])
        #expect(result.task("b")!.dependencies.first?.lagDays == 2)
        #expect(result.task("d")!.dependencies.map(\.lagDays) == [0, 0, 5])
    }

    @Test func idsWithDigitsAreNotLags() {
        let result = frontEnd(header + "## Work\n- [ ] Trial — id:trial-1 1d\n- [ ] Next — 1d after:trial-1\n")
        #expect(result.diagnostics.isEmpty)
        #expect(result.task("next")!.dependencies.first?.lagDays == 0)
    }

    @Test func crossProjectReferences() {
        let other = "# Q\n\n- project: q\n\n## Work\n- [ ] Go live — 1d\n"
        let result = frontEnd(["p.md": header + "## Work\n- [ ] Train — 1d after:q/go-live\n", "q.md": other])
        #expect(result.diagnostics.isEmpty)
        let train = result.task("train")!
        #expect(result.plan.tasks[train.dependencies[0].predecessor].projectIndex == 1)
    }

    @Test func partOfFilesContinueTheWorkBreakdown() {
        let part = "# Cutover\n\n- part-of: p\n\n## Work\n### Cutover\n- [ ] Switch — 1d after:build\n"
        let result = frontEnd(["main.md": header + "## Work\n- [ ] Build — 2d\n", "part.md": part])
        #expect(result.diagnostics.isEmpty)
        #expect(result.plan.projects[0].taskRange == 0..<3)
        #expect(result.task("switch")?.parent == 1)
        let orphan = frontEnd(["part.md": "# X\n\n- part-of: nowhere\n"])
        #expect(orphan.codes.contains("P206"))
    }

    @Test func workBreakdownFromHeadingsAndNestedItems() {
        let text = header + "## Work\n### Build\n#### Backend\n- [ ] API — 2d\n  - [ ] Accounts — 1d\n  - [ ] Contacts — 1d\n#### Frontend\n- [ ] Pages — 2d\n### Test\n- [ ] UAT — 2d\n"
        let result = frontEnd(text)
        let tasks = result.plan.tasks
        #expect(tasks.map(\.id) == ["build", "backend", "api", "accounts", "contacts", "frontend", "pages", "test", "uat"])
        #expect(tasks.map(\.level) == [0, 1, 2, 3, 3, 1, 2, 0, 1])
        #expect(tasks.map { $0.kind == .summary } == [true, true, true, false, false, true, false, true, false])
        // API has subtasks, so its own 2d is not used.
        #expect(result.codes == ["P310"])
        #expect(tasks[2].effortDays == nil)
    }

    @Test func stateRules() {
        let text = header + """
        ## Work
        - [x] Ticked — 1d
        - [ ] Forty — 1d 40%
        - Plain hundred — 1d 100%
        - [ ] Blocked — 1d status:blocked
        - [ ] Cancelled — 1d status:cancelled
        - [ ] Started — 1d started:2026-02-20
        - [x] Explicit wins — 1d status:in-progress
        """
        let result = frontEnd(text)
        #expect(result.plan.tasks.map(\.state) == [.done, .inProgress, .done, .blocked, .cancelled, .inProgress, .inProgress])
        #expect(result.codes == ["P305"])
    }

    @Test func assignmentsAndUnits() {
        let text = header + "## Work\n- [ ] A — 4d @dana @omar @backend:2\n- [ ] B — 2d @dana:50%\n"
        let result = frontEnd(["plan.md": text, "team.md": teamFile])
        #expect(result.diagnostics.isEmpty)
        #expect(result.task("a")!.assignments.map(\.units) == [1, 0.5, 2])
        #expect(result.task("b")!.assignments.map(\.units) == [0.5])
        #expect(result.plan.people[1].timeOff == [DayRange(first: Day(iso: "2026-04-06")!, last: Day(iso: "2026-04-10")!)])
        #expect(result.plan.pools[0].rate == Money(amount: 650, currency: "EUR"))
    }

    @Test func workAmountsInEveryUnit() {
        let calendar = "# Cal\n\n- calendar: default\n- hours-per-day: 7.5\n"
        let text = header + "## Work\n- [ ] A — 3w\n- [ ] B — 15h\n- [ ] C — 0.5d\n- [ ] D — duration:2d\n"
        let result = frontEnd(["plan.md": text, "cal.md": calendar])
        #expect(result.plan.tasks.map(\.effortDays) == [15, 2, 0.5, nil])
        #expect(result.task("d")?.durationDays == 2)
    }

    @Test func metadataOfTheWholeLifeCycle() {
        let text = """
        # CRM

        - project: crm
        - owner: Dana W.
        - sponsor: CFO
        - stakeholders: Sales, Service , IT
        - start: 2026-01-12
        - deadline: 2026-06-30
        - budget: 180_000 EUR
        - phase: closed
        - tracks-actuals: yes

        Description *here*.

        ## Objectives
        - Retire the old CRM — id:retire result:met
        - One record — result:partly
          Duplicates remain in one region.

        ## Scope
        ### In scope
        - Accounts
        ### Out of scope
        - Marketing

        ## Success criteria
        - No data lost — result:met

        ## Issues
        - Test data has personal data — owner:@dana status:open raised:2026-02-10 due:2026-02-24 severity:high

        ## Decisions
        - Use the vendor tool — date:2026-02-03 owner:@dana
          Cheaper than custom ETL.

        ## Journal
        ### 2026-02-13 — amber — Audit slips
        Three days late.

        - detail one
        ### 2026-03-06 — green
        Back on track.

        ## Outcome
        Went live on time.

        ## Lessons learned
        - Start the data audit earlier
        - Book key users early
        """
        let result = frontEnd(["plan.md": text, "team.md": teamFile])
        #expect(result.placed == [])
        let project = result.plan.projects[0]
        #expect(project.ownerName == "Dana W.")
        #expect(project.stakeholders == ["Sales", "Service", "IT"])
        #expect(project.budget == Money(amount: 180_000, currency: "EUR"))
        #expect(project.currency == "EUR")
        #expect(project.phase == .closed)
        #expect(project.tracksActuals)
        #expect(project.description == "Description *here*.")
        #expect(project.objectives.map(\.id) == ["retire", "one-record"])
        #expect(project.objectives.map(\.result) == [.met, .partly])
        #expect(project.objectives[1].notes == "Duplicates remain in one region.")
        #expect(project.scopeIn == ["Accounts"])
        #expect(project.scopeOut == ["Marketing"])
        #expect(project.successCriteria.first?.result == .met)
        #expect(project.issues.first?.severity == .high)
        #expect(project.issues.first?.due == Day(iso: "2026-02-24"))
        #expect(project.decisions.first?.notes == "Cheaper than custom ETL.")
        #expect(project.journal.map(\.rating) == [.amber, .green])
        #expect(project.journal.map(\.headline) == ["Audit slips", ""])
        #expect(project.journal[0].text == "Three days late.\n\n- detail one")
        #expect(project.outcome == "Went live on time.")
        #expect(project.lessons == ["Start the data audit earlier", "Book key users early"])
    }

    @Test func calendarsWithBasesAndHolidays() {
        let base = "# Cal\n\n- calendar: default\n- working-days: mon-fri\n\n## Holidays\n- 2026-12-24..2026-12-26 Christmas\n- 2026-01-01 New Year\n"
        let munich = "# Munich\n\n- calendar: munich\n- based-on: default\n\n## Holidays\n- 2026-08-15 Assumption Day\n"
        let team = "# T\n\n- team: t\n\n## People\n- Lena — calendar:munich\n- Sven — calendar:berlin\n"
        let result = frontEnd(["a.md": base, "b.md": munich, "t.md": team])
        #expect(result.codes == ["P204"])
        let calendar = result.plan.calendars[result.plan.calendarIndex(named: "munich")!]
        #expect(calendar.holidays.map(\.name) == ["Christmas", "New Year", "Assumption Day"])
        #expect(calendar.workingDays.count == 5)
        #expect(result.plan.people[0].calendarIndex == 1)
    }

    @Test func escapedTokensStayInTheTitleWithoutWarning() {
        let result = frontEnd(header + "## Work\n- [ ] Migrate 40\\% of accounts with \\@bot — 2d\n")
        #expect(result.diagnostics.isEmpty)
        #expect(result.plan.tasks[0].title == "Migrate 40% of accounts with @bot")
    }

    @Test func emDashInTitleSplitsAtTheLastOne() {
        let result = frontEnd(header + "## Work\n- [ ] Design — phase two — 2d\n")
        #expect(result.diagnostics.isEmpty)
        #expect(result.plan.tasks[0].title == "Design — phase two")
        #expect(result.plan.tasks[0].effortDays == 2)
    }

    @Test func suggestionsForTypos() {
        let result = frontEnd(header + "## Work\n- [ ] A — 1d statuz:done\n- [ ] B — 1d after:aa\n")
        #expect(result.diagnostics.map(\.hint) == ["did you mean 'status'?", "did you mean 'a'?"])
    }

    @Test func cycleThroughAWorkPackageIsFound() {
        let text = header + "## Work\n### Build\n- [ ] Code — 2d after:test\n### Test\n- [ ] Run tests — 1d after:build\n"
        let result = frontEnd(text)
        #expect(result.codes == ["P205"])
        // The cycle is cut, so the model handed to the scheduler has none.
        let remaining = result.plan.tasks.reduce(0) { $0 + $1.dependencies.count }
        #expect(remaining == 1)
    }

    @Test func manyCyclesStayBoundedAndAreAllCut() {
        var text = header + "## Work\n"
        for index in 0..<200 {
            text += "- [ ] T\(index) — id:t\(index) 1d after:t\((index + 1) % 200),t\((index + 7) % 200)\n"
        }
        let result = frontEnd(text)
        #expect(result.codes.allSatisfy { $0 == "P205" })
        #expect(result.codes.count <= 51)
    }
}

struct WorkPackageInheritanceTests {
    @Test func priorityAndNotBeforePassDownUnlessSet() {
        let text = "# P\n\n- project: p\n\n## Work\n### Cutover — priority:high not-before:2026-05-04\n- [ ] Prepare — 1d\n- [ ] Switch — 1d priority:low not-before:2026-06-01\n- [ ] Early — 1d not-before:2026-04-01\n### Other\n- [ ] Plain — 1d\n"
        let result = frontEnd(text)
        #expect(result.diagnostics.isEmpty)
        #expect(result.task("prepare")?.priority == 700)
        #expect(result.task("switch")?.priority == 300)
        #expect(result.task("plain")?.priority == 500)
        #expect(result.task("prepare")?.notBefore == Day(iso: "2026-05-04"))
        #expect(result.task("switch")?.notBefore == Day(iso: "2026-06-01"))
        #expect(result.task("early")?.notBefore == Day(iso: "2026-05-04"))
    }
}

struct SettingsFileTests {
    @Test func settingsGiveDefaultsThatProjectsMayOverride() {
        let settings = "# Acme IT portfolio\n\n- settings: acme\n- currency: EUR\n- tracks-actuals: yes\n- theme: theme\n"
        let a = "# A\n\n- project: a\n- budget: 1000\n"
        let b = "# B\n\n- project: b\n- currency: USD\n- tracks-actuals: no\n"
        let result = frontEnd(["plans/settings.md": settings, "plans/a.md": a, "plans/b.md": b])
        #expect(result.diagnostics.isEmpty)
        #expect(result.plan.settings.title == "Acme IT portfolio")
        #expect(result.plan.settings.theme == "plans/theme")
        #expect(result.plan.projects.map(\.currency) == ["EUR", "USD"])
        #expect(result.plan.projects[0].budget == Money(amount: 1000, currency: "EUR"))
        #expect(result.plan.projects.map(\.tracksActuals) == [true, false])
    }

    @Test func oneSettingsFilePerRepository() {
        let result = frontEnd(["a.md": "# A\n\n- settings: a\n", "b.md": "# B\n\n- settings: b\n- colour: red\n"])
        #expect(result.codes == ["P201"])
    }
}

struct ParseCacheTests {
    @Test func onlyChangedFilesAreParsedAgainWithTheSameResult() {
        let today = Day(iso: "2026-03-01")!
        func files(_ effort: String) -> [SourceFile] {
            [SourceFile(path: "a.md", bytes: Array("# A\n\n- project: a\n\n## Work\n- [ ] One — \(effort)\n- [ ] Two — 1d after:nowhere\n".utf8)),
             SourceFile(path: "team.md", bytes: Array(teamFile.utf8))]
        }
        var cache = ParseCache()
        let first = FrontEnd.compile(files: files("2d"), today: today, cache: &cache)
        #expect(cache.parsedLastTime == 2)
        let again = FrontEnd.compile(files: files("2d"), today: today, cache: &cache)
        #expect(cache.parsedLastTime == 0)
        #expect(again.placed == first.placed)
        #expect(again.plan.tasks.map(\.effortDays) == first.plan.tasks.map(\.effortDays))
        let edited = FrontEnd.compile(files: files("5d"), today: today, cache: &cache)
        #expect(cache.parsedLastTime == 1)
        #expect(edited.plan.tasks[0].effortDays == 5)
        #expect(edited.placed == ["a.md:7:16 P202"])
    }
}

/// What the status report asks of the plan: ratings by dimension in a journal heading, open
/// decisions with the day they are needed by, and escalated issues.
@Suite struct StatusReportLanguageTests {
    let header = "# P\n\n- project: p\n- start: 2026-03-02\n\n"

    @Test func journalHeadingRecordsRatingsByDimension() {
        let result = frontEnd(header + """
            ## Journal
            ### 2026-03-06 — amber — Audit slips — schedule:amber cost:green risk:red
            Text.
            ### 2026-03-13 — green — Score: 3:0 for us
            ### 2026-03-20 — green
            """)
        #expect(result.placed == [])
        let journal = result.plan.projects[0].journal
        #expect(journal[0].ratings == [.schedule: .amber, .cost: .green, .risk: .red])
        #expect(journal[0].headline == "Audit slips")
        #expect(journal[0].rating == .amber)
        // A last part that is not all `dimension:rating` words is headline text.
        #expect(journal[1].ratings == [:])
        #expect(journal[1].headline == "Score: 3:0 for us")
        #expect(journal[2].ratings == [:])
    }

    @Test func aMisspelledDimensionOrRatingIsReportedNotDropped() {
        let result = frontEnd(header + """
            ## Journal
            ### 2026-03-06 — amber — Audit slips — schedul:amber cost:ambre scope:green scope:red
            """)
        #expect(result.codes == ["P102", "P108", "P109"])
        let messages = result.diagnostics.map(\.message)
        #expect(messages.contains("unknown rating dimension 'schedul' in the journal heading"))
        #expect(result.diagnostics.first { $0.code == .unknownAttribute }?.hint?.contains("did you mean 'schedule'?") == true)
        // What could be read is kept; the first of two ratings counts.
        #expect(result.plan.projects[0].journal[0].ratings == [.scope: .green])
        #expect(result.plan.projects[0].journal[0].headline == "Audit slips")
    }

    @Test func openDecisionsAndEscalatedIssues() {
        let result = frontEnd(["plan.md": header + """
            ## Decisions
            - Use the vendor tool — date:2026-02-03 owner:@dana
            - Go or no-go — status:open due:2026-03-12 owner:@dana
            - Phase two — status:pending

            ## Issues
            - No sandbox — owner:@dana severity:high due:2026-03-06 escalated:2026-02-27
            """, "team.md": teamFile])
        #expect(result.codes == ["P108"])
        let project = result.plan.projects[0]
        #expect(project.decisions.map(\.status) == [.decided, .open, .decided])
        #expect(project.decisions[1].due == Day(iso: "2026-03-12"))
        #expect(project.decisions[1].ownerIndex != nil)
        #expect(project.issues[0].escalated == Day(iso: "2026-02-27"))
    }
}
