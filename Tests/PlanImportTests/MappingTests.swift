import Foundation
import PlanImport
import PlanModel
import PlanTestSupport
import Testing

/// The mapping from MSPDI to the plan language on small hand-written files: one feature each,
/// the exact line it becomes, and the note for what does not map.
@Suite struct MappingTests {
    /// A task of two days; `type` 1 is fixed duration, 2 fixed work.
    static func task(_ uid: Int, _ name: String, level: Int = 1, summary: Bool = false, type: Int = 1, extra: String = "") -> String {
        """
        <Task><UID>\(uid)</UID><Name>\(name)</Name><OutlineLevel>\(level)</OutlineLevel><Summary>\(summary ? 1 : 0)</Summary>\
        <Type>\(type)</Type><Duration>PT16H0M0S</Duration>\(extra)</Task>
        """
    }

    static func link(_ predecessor: Int, type: Int, lag: Int = 0, format: Int = 7) -> String {
        "<PredecessorLink><PredecessorUID>\(predecessor)</PredecessorUID><Type>\(type)</Type><LinkLag>\(lag)</LinkLag><LagFormat>\(format)</LagFormat></PredecessorLink>"
    }

    /// MSPDI writes currency in hundredths (what MPXJ and MS Project write for 1,500.00 is 150000).
    @Test func aFixedCostIsReadInHundredths() throws {
        let xml = ImportSupport.mspdi("<Tasks>" + Self.task(1, "Licence", extra: "<FixedCost>150050</FixedCost>") + "</Tasks>")
        let text = try #require(try ImportSupport.importing(xml).text(of: "plan.md"))
        #expect(text.contains("- [ ] Licence — id:licence duration:2d cost:1500.5EUR\n"), "\(text)")
    }

    @Test func everyLinkTypeWithItsLagInWorkingDays() throws {
        let xml = ImportSupport.mspdi("<Tasks>" + [
            Self.task(1, "Design"),
            Self.task(2, "Build", extra: Self.link(1, type: 1, lag: 9600)),
            Self.task(3, "Review", extra: Self.link(2, type: 3, lag: 4800)),
            Self.task(4, "Test", extra: Self.link(2, type: 0, lag: -2400)),
            Self.task(5, "Sign", extra: Self.link(2, type: 2)),
            Self.task(6, "Docs", extra: Self.link(2, type: 3, lag: 50, format: 19)),
            Self.task(7, "Wait", extra: Self.link(2, type: 1, lag: 201_600, format: 8)),
        ].joined() + "</Tasks>")
        let plan = try ImportSupport.importing(xml)
        let text = try #require(plan.text(of: "plan.md"))
        #expect(text.contains("- [ ] Build — id:build duration:2d after:design+2d\n"))
        #expect(text.contains("- [ ] Review — id:review duration:2d ss:build+1d\n"))
        #expect(text.contains("- [ ] Test — id:test duration:2d ff:build-0.5d\n"))
        #expect(text.contains("- [ ] Sign — id:sign duration:2d sf:build\n"))
        #expect(text.contains("- [ ] Docs — id:docs duration:2d ss:build+1d\n"))
        #expect(text.contains("- [ ] Wait — id:wait duration:2d after:build+10d\n"))
        #expect(plan.notes == [
            "'Docs': a lag of 50% of 'Build' imported as 1 working days",
            "'Wait': an elapsed lag of 14 calendar days imported as 10 working days",
        ])
        let compiled = try ImportSupport.compile(plan, today: "2026-03-02")
        #expect(ImportSupport.strictProblems(compiled).isEmpty, "\(ImportSupport.strictProblems(compiled))")
        let dates = try ImportSupport.datesByTitlePath(compiled)
        #expect(dates["Build"] == "2026-03-06..2026-03-09")  // two days after design's finish on the 3rd
        #expect(dates["Review"] == "2026-03-09..2026-03-10")
    }

    @Test func constraintsDeadlinesMilestonesAndProgress() throws {
        let xml = ImportSupport.mspdi("<Tasks>" + [
            Self.task(1, "Pinned", extra: "<ConstraintType>2</ConstraintType><ConstraintDate>2026-03-09T08:00:00</ConstraintDate>"),
            Self.task(2, "Due", extra: "<ConstraintType>3</ConstraintType><ConstraintDate>2026-03-13T17:00:00</ConstraintDate>"),
            Self.task(3, "Later", extra: "<ConstraintType>4</ConstraintType><ConstraintDate>2026-03-16T08:00:00</ConstraintDate><Deadline>2026-03-31T17:00:00</Deadline>"),
            Self.task(4, "Late", extra: "<ConstraintType>1</ConstraintType>"),
            Self.task(5, "Capped", extra: "<ConstraintType>7</ConstraintType><ConstraintDate>2026-04-01T17:00:00</ConstraintDate>"),
            "<Task><UID>6</UID><Name>Go live</Name><OutlineLevel>1</OutlineLevel><Milestone>1</Milestone><Duration>PT0H0M0S</Duration>\(Self.link(3, type: 1))</Task>",
            Self.task(7, "Done", extra: "<PercentComplete>100</PercentComplete><ActualStart>2026-03-02T08:00:00</ActualStart><ActualFinish>2026-03-03T17:00:00</ActualFinish>"),
            Self.task(8, "Half", extra: "<PercentComplete>50</PercentComplete><ActualStart>2026-03-04T08:00:00</ActualStart>"),
            Self.task(9, "Dropped", extra: "<Active>0</Active><Priority>700</Priority>"),
        ].joined() + "</Tasks>")
        let plan = try ImportSupport.importing(xml)
        let text = try #require(plan.text(of: "plan.md"))
        #expect(text.contains("- [ ] Pinned — id:pinned duration:2d start:2026-03-09\n"))
        #expect(text.contains("- [ ] Due — id:due duration:2d finish:2026-03-13\n"))
        #expect(text.contains("- [ ] Later — id:later duration:2d not-before:2026-03-16 due:2026-03-31\n"))
        #expect(text.contains("- [ ] Go live — id:go-live milestone after:later\n"))
        #expect(text.contains("- [x] Done — id:done duration:2d started:2026-03-02 finished:2026-03-03\n"))
        #expect(text.contains("- [ ] Half — id:half duration:2d 50% started:2026-03-04\n"))
        #expect(text.contains("- [ ] Dropped — id:dropped duration:2d priority:700 status:cancelled\n"))
        #expect(plan.notes == [
            "'Late': constraint As Late As Possible is not imported; planc schedules as soon as possible",
            "'Capped': constraint Finish No Later Than 2026-04-01 is not imported; planc schedules as soon as possible",
        ])
        // The notes are in the project file too, so the loss is visible where the plan is read.
        #expect(text.contains("## Notes\n\nNot imported from the MSPDI file (see docs/import.md):\n\n- 'Late': constraint As Late As Possible"))
        let compiled = try ImportSupport.compile(plan, today: "2026-03-05")
        #expect(ImportSupport.strictProblems(compiled).isEmpty, "\(ImportSupport.strictProblems(compiled))")
        let dates = try ImportSupport.datesByTitlePath(compiled)
        #expect(dates["Pinned"] == "2026-03-09..2026-03-10")
        #expect(dates["Due"] == "2026-03-12..2026-03-13")
        #expect(dates["Go live"] == "2026-03-17..2026-03-17")
    }

    @Test func summariesBecomePackagesWhileHeadingsLastThenNestedItems() throws {
        let xml = ImportSupport.mspdi("<Tasks>" + [
            Self.task(1, "Phase", summary: true),
            Self.task(2, "Loose task", level: 2),
            Self.task(3, "Stage", level: 2, summary: true),
            Self.task(4, "Step", level: 3, summary: true),
            Self.task(5, "Deep", level: 4, summary: true),
            Self.task(6, "Deeper", level: 5, summary: true),
            Self.task(7, "Leaf", level: 6),
            Self.task(8, "Other phase", summary: true),
            Self.task(9, "Work", level: 2),
        ].joined() + "</Tasks>")
        let text = try #require(try ImportSupport.importing(xml).text(of: "plan.md"))
        #expect(text.contains("""
            ### Phase — id:phase

            - [ ] Loose task — id:loose-task duration:2d

            #### Stage — id:stage

            ##### Step — id:step

            ###### Deep — id:deep

            - [ ] Deeper — id:deeper
              - [ ] Leaf — id:leaf duration:2d

            ### Other phase — id:other-phase

            - [ ] Work — id:work duration:2d
            """))
        let compiled = try ImportSupport.compile(try ImportSupport.importing(xml), today: "2026-03-02")
        #expect(ImportSupport.strictProblems(compiled).isEmpty, "\(ImportSupport.strictProblems(compiled))")
        #expect(try ImportSupport.datesByTitlePath(compiled)["Phase / Stage / Step / Deep / Deeper / Leaf"] == "2026-03-02..2026-03-03")
    }

    @Test func theOneSummaryAboveAllTasksIsTheProjectItself() throws {
        let xml = ImportSupport.mspdi("""
            <Tasks>\(Self.task(1, "ERP rollout", summary: true, extra: "<Deadline>2026-06-30T17:00:00</Deadline><Priority>900</Priority><Notes>Why we do this.\n- not a task</Notes>"))\
            \(Self.task(2, "Setup", level: 2))</Tasks>
            <Resources><Resource><UID>1</UID><Name>Dana</Name><Type>1</Type><Notes>Works mornings.</Notes></Resource></Resources>
            """, title: "Project1")
        let plan = try ImportSupport.importing(xml)
        #expect(plan.text(of: "plan.md")?.hasPrefix("""
            # ERP rollout

            - project: erp-rollout
            - start: 2026-03-02
            - deadline: 2026-06-30
            - currency: EUR

            Imported from `small.xml` by `planc import`.

            Why we do this.
            \\- not a task

            ## Work

            - [ ] Setup — id:setup duration:2d

            """) == true, "\(plan.text(of: "plan.md") ?? "")")
        #expect(plan.text(of: "team.md")?.contains("- Dana — id:dana\n  Works mornings.\n") == true)
        #expect(plan.notes == ["the project summary task 'ERP rollout': priority 900 is not imported; tasks keep their own"])
        let compiled = try ImportSupport.compile(plan, today: "2026-03-02")
        #expect(ImportSupport.strictProblems(compiled).isEmpty, "\(ImportSupport.strictProblems(compiled))")
        #expect(compiled.plan.projects.first?.deadline == PlanTestSupport.day("2026-06-30"))
    }

    @Test func idsAreReadableUniqueAndNamesSurviveMarkup() throws {
        let xml = ImportSupport.mspdi("<Tasks>" + [
            Self.task(1, "Review"),
            Self.task(2, "Review"),
            Self.task(3, "Migrate 40% in 5d @omar &amp; &lt;b&gt; [x] *bold* due:soon"),
            Self.task(4, "***"),
        ].joined() + "</Tasks>")
        let plan = try ImportSupport.importing(xml)
        let text = try #require(plan.text(of: "plan.md"))
        #expect(text.contains("- [ ] Review — id:review duration:2d\n- [ ] Review — id:review-2 duration:2d\n"))
        #expect(text.contains("- [ ] \\*\\*\\* — id:task-4 duration:2d\n"))
        #expect(text.contains(#"- [ ] Migrate 40\% in \5d \@omar \& \<b\> \[x\] \*bold\* due\:soon — id:migrate-40-in-5d-omar-b-x-bold-due-soon duration:2d"#))
        let compiled = try ImportSupport.compile(plan, today: "2026-03-02")
        #expect(ImportSupport.strictProblems(compiled).isEmpty, "\(ImportSupport.strictProblems(compiled))")
        let titles = compiled.plan.tasks.map(\.title)
        // An amount has no punctuation to escape, so planc keeps the backslash P103's hint adds.
        #expect(titles.contains(#"Migrate 40% in \5d @omar & <b> [x] *bold* due:soon"#), "\(titles)")
    }

    @Test func resourcesBecomePeopleAndPoolsWithUnitsRatesAndTimeOff() throws {
        let xml = ImportSupport.mspdi("""
            <Tasks>\(Self.task(1, "Audit", type: 2, extra: "<Work>PT64H0M0S</Work>"))\(Self.task(2, "Load", type: 2, extra: "<Work>PT80H0M0S</Work>"))</Tasks>
            <Resources>
              <Resource><UID>1</UID><Name>Dana Schreiber</Name><Type>1</Type><Initials>dana</Initials><Group>Project manager</Group><MaxUnits>1</MaxUnits><StandardRate>100</StandardRate><CalendarUID>2</CalendarUID></Resource>
              <Resource><UID>2</UID><Name>Aylin Demir</Name><Type>1</Type><MaxUnits>0.5</MaxUnits></Resource>
              <Resource><UID>3</UID><Name>Backend developers</Name><Type>1</Type><MaxUnits>3</MaxUnits></Resource>
              <Resource><UID>4</UID><Name>Cable</Name><Type>0</Type></Resource>
            </Resources>
            <Assignments>
              <Assignment><UID>1</UID><TaskUID>1</TaskUID><ResourceUID>1</ResourceUID><Units>0.5</Units></Assignment>
              <Assignment><UID>2</UID><TaskUID>1</TaskUID><ResourceUID>2</ResourceUID><Units>0.5</Units></Assignment>
              <Assignment><UID>3</UID><TaskUID>2</TaskUID><ResourceUID>3</ResourceUID><Units>2</Units></Assignment>
              <Assignment><UID>4</UID><TaskUID>2</TaskUID><ResourceUID>4</ResourceUID><Units>1</Units></Assignment>
            </Assignments>
            """.replacingOccurrences(of: "</Calendars>", with: ""))
            .replacingOccurrences(of: "</Calendars>", with: """
                <Calendar><UID>2</UID><Name>Dana Schreiber</Name><IsBaseCalendar>0</IsBaseCalendar><BaseCalendarUID>1</BaseCalendarUID>
                  <Exceptions><Exception><TimePeriod><FromDate>2026-03-16T00:00:00</FromDate><ToDate>2026-03-20T23:59:00</ToDate></TimePeriod><Occurrences>1</Occurrences><Type>1</Type><DayWorking>0</DayWorking></Exception></Exceptions>
                </Calendar>
                </Calendars>
                """)
        let plan = try ImportSupport.importing(xml)
        let team = try #require(plan.text(of: "team.md"))
        #expect(team.contains("- Dana Schreiber — id:dana role:\"Project manager\" rate:800EUR/d off:2026-03-16..2026-03-20\n"))
        #expect(team.contains("- Aylin Demir — id:aylin-demir availability:50%\n"))
        #expect(team.contains("## Pools\n- Backend developers — id:backend-developers size:3\n"))
        let text = try #require(plan.text(of: "plan.md"))
        #expect(text.contains("- [ ] Audit — id:audit 8d @dana:50% @aylin-demir\n"))
        #expect(text.contains("- [ ] Load — id:load 10d @backend-developers:2\n"))
        #expect(plan.notes == [
            "'Cable': a material resource; planc plans people and pools only",
            "'Load': the assignment of 'Cable' is not imported (a material resource)",
        ])
        let compiled = try ImportSupport.compile(plan, today: "2026-03-02")
        #expect(ImportSupport.strictProblems(compiled).isEmpty, "\(ImportSupport.strictProblems(compiled))")
        let dates = try ImportSupport.datesByTitlePath(compiled)
        #expect(dates["Audit"] == "2026-03-02..2026-03-11")  // 8 days of work at half a day from each of two people
        #expect(dates["Load"] == "2026-03-02..2026-03-06")  // 10 days of work by two of the pool
    }

    @Test func zeroUnitsAndBackwardSchedulingAreNoted() throws {
        let xml = ImportSupport.mspdi("""
            <Tasks>\(Self.task(1, "Audit", type: 2, extra: "<Work>PT16H0M0S</Work>"))</Tasks>
            <Resources><Resource><UID>1</UID><Name>Dana</Name><Type>1</Type><MaxUnits>0</MaxUnits></Resource></Resources>
            <Assignments><Assignment><UID>1</UID><TaskUID>1</TaskUID><ResourceUID>1</ResourceUID><Units>0</Units></Assignment></Assignments>
            """).replacingOccurrences(of: "<Title>", with: "<ScheduleFromStart>0</ScheduleFromStart><Title>")
        let plan = try ImportSupport.importing(xml)
        #expect(plan.text(of: "team.md")?.contains("- Dana — id:dana\n") == true)
        #expect(plan.text(of: "plan.md")?.contains("- [ ] Audit — id:audit 2d @dana\n") == true)
        #expect(plan.notes == [
            "'Dana': maximum units of 0% imported as full time",
            "the project is scheduled from its finish date; planc schedules forward from the start",
            "'Audit': the assignment of 'dana' at 0% units is imported at the default units",
        ])
        let compiled = try ImportSupport.compile(plan, today: "2026-03-02")
        #expect(ImportSupport.strictProblems(compiled).isEmpty, "\(ImportSupport.strictProblems(compiled))")
    }

    /// MS Project's own way: periods from 1984-01-01 to 2049-12-31, out of order. A gap between
    /// periods and an end before the last date mean unavailable (0 %); a person above full time
    /// and a pool whose units change are noted.
    @Test func availabilityPeriodsGapsEndsAndPools() throws {
        func period(_ from: String, _ to: String, _ units: String) -> String {
            "<AvailabilityPeriod><AvailableFrom>\(from)T00:00:00</AvailableFrom><AvailableTo>\(to)T23:59:00</AvailableTo><AvailableUnits>\(units)</AvailableUnits></AvailabilityPeriod>"
        }
        let xml = ImportSupport.mspdi("""
            <Resources>
              <Resource><UID>1</UID><Name>Dana</Name><Type>1</Type><MaxUnits>1</MaxUnits><AvailabilityPeriods>
                \(period("2026-04-01", "2026-04-30", "1.5"))\(period("1984-01-01", "2026-03-13", "0.8"))\(period("2026-03-18", "2026-03-31", "0.8"))
              </AvailabilityPeriods></Resource>
              <Resource><UID>2</UID><Name>Backend</Name><Type>1</Type><MaxUnits>3</MaxUnits><AvailabilityPeriods>
                \(period("1984-01-01", "2026-03-31", "3"))\(period("2026-04-01", "2049-12-31", "2"))
              </AvailabilityPeriods></Resource>
            </Resources>
            """)
        let plan = try ImportSupport.importing(xml)
        #expect(plan.text(of: "team.md")?.contains("""
            - Dana — id:dana availability:80%
              - From 2026-03-14 — availability:0%
              - From 2026-03-18 — availability:80%
              - From 2026-04-01 — availability:100%
              - From 2026-05-01 — availability:0%

            """) == true, "\(plan.text(of: "team.md") ?? "")")
        #expect(plan.notes == [
            "'Dana': 150% from 2026-04-01 imported as 100%; a person gives at most full time",
            "'Backend': a pool whose units or rate change over time (1 change); planc's pools keep one size and rate",
        ])
    }

    @Test func calendarsWithHolidaysAndNotesForWhatPlancHasNoPlaceFor() throws {
        let xml = ImportSupport.mspdi("<Tasks>\(Self.task(1, "Work"))</Tasks>")
            .replacingOccurrences(of: "</WeekDays>\n    </Calendar>", with: """
                </WeekDays>
                  <Exceptions>
                    <Exception><TimePeriod><FromDate>2026-04-03T00:00:00</FromDate><ToDate>2026-04-06T23:59:00</ToDate></TimePeriod><Occurrences>1</Occurrences><Name>Easter</Name><Type>1</Type><DayWorking>0</DayWorking></Exception>
                    <Exception><TimePeriod><FromDate>2026-03-28T00:00:00</FromDate><ToDate>2026-03-28T23:59:00</ToDate></TimePeriod><Occurrences>1</Occurrences><Name>Inventory</Name><Type>1</Type><DayWorking>1</DayWorking></Exception>
                    <Exception><TimePeriod><FromDate>2026-01-01T00:00:00</FromDate><ToDate>2030-01-01T23:59:00</ToDate></TimePeriod><Occurrences>5</Occurrences><Name>New Year</Name><Type>6</Type><DayWorking>0</DayWorking></Exception>
                  </Exceptions>
                </Calendar>
                <Calendar><UID>7</UID><Name>Night shift</Name><IsBaseCalendar>1</IsBaseCalendar>
                  <WeekDays><WeekDay><DayType>2</DayType><DayWorking>1</DayWorking><WorkingTimes><WorkingTime><FromTime>22:00:00</FromTime><ToTime>00:00:00</ToTime></WorkingTime></WorkingTimes></WeekDay>
                  <WeekDay><DayType>3</DayType><DayWorking>1</DayWorking><WorkingTimes><WorkingTime><FromTime>22:00:00</FromTime><ToTime>00:00:00</ToTime></WorkingTime></WorkingTimes></WeekDay></WeekDays>
                </Calendar>
                """)
            .replacingOccurrences(of: "<ExtendedAttributes/>", with: "")
            .replacingOccurrences(of: "<Tasks>", with: "<ExtendedAttributes><ExtendedAttribute><FieldID>188743731</FieldID><FieldName>Text1</FieldName><Alias>Cost centre</Alias></ExtendedAttribute></ExtendedAttributes><Tasks>")
        let plan = try ImportSupport.importing(xml)
        #expect(plan.text(of: "calendar.md") == """
            # Standard

            - calendar: default
            - working-days: mon-fri
            - hours-per-day: 8

            ## Holidays
            - 2026-04-03..2026-04-06 Easter

            """)
        #expect(plan.text(of: "calendar-night-shift.md") == "# Night shift\n\n- calendar: night-shift\n- working-days: mon-tue\n- hours-per-day: 2\n")
        #expect(plan.notes == [
            "calendar 'Standard': extra working time 2026-03-28 (Inventory) is not imported",
            "calendar 'Standard': a recurring exception 2026-01-01..2030-01-01 (New Year) is not imported",
            "custom fields: Cost centre",
        ])
        let compiled = try ImportSupport.compile(plan, today: "2026-03-02")
        #expect(ImportSupport.strictProblems(compiled).isEmpty, "\(ImportSupport.strictProblems(compiled))")
    }

    @Test func theSameFileGivesTheSameBytes() throws {
        let fixture = Repository.url("Tests/PlanImportTests/Fixtures/assignments.xml")
        let data = try Data(contentsOf: fixture)
        let first = try MSPDIImport.plan(from: data, sourceName: "assignments.xml")
        let second = try MSPDIImport.plan(from: Data(data), sourceName: "assignments.xml")
        #expect(first == second)
    }
}
