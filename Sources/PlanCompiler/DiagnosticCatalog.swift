import PlanModel

/// The long explanation of every diagnostic code, for `planc explain CODE` and docs/diagnostics.md.
public enum DiagnosticCatalog {
    public struct Entry: Sendable {
        public var title: String
        public var explanation: String
        public var example: String?
    }

    public static func entry(for code: DiagnosticCode) -> Entry {
        switch code {
        case .unreadableFile:
            return Entry(title: "A file or folder cannot be read",
                         explanation: "planc could not open the path given on the command line or a Markdown file under it (missing, no permission, not a regular file). The run goes on with the other files; when the path itself cannot be read, planc exits with status 2.")
        case .invalidUTF8:
            return Entry(title: "A plan file is not valid UTF-8",
                         explanation: "Plan files must be UTF-8 text. The diagnostic points at the first byte that is not valid UTF-8 (often a file saved as Latin-1 or Windows-1252). The file is not read at all, so nothing in it is guessed at. Re-save it as UTF-8.")
        case .noPlanFiles:
            return Entry(title: "No plan files were found",
                         explanation: "None of the Markdown files under the path is a plan file. A plan file starts with a level-1 heading followed by a list whose first item is `- project: ID`, `- part-of: ID`, `- team: NAME`, `- calendar: NAME` or `- settings: NAME`. `planc init` writes a small plan to start from.",
                         example: "# CRM Migration\n\n- project: crm\n- start: 2026-01-12")
        case .fileTooLarge:
            return Entry(title: "A file is too large",
                         explanation: "planc refuses files over 256 MB instead of exhausting memory. A plan of 10,000 tasks is about 1 MB; split larger plans into several files with `- part-of: ID`.")
        case .skippedPath:
            return Entry(title: "A path was skipped",
                         explanation: "A folder could not be listed, or a symbolic link leads nowhere or into a loop. planc never follows links to folders, so loops cannot trap it; it reports what it skipped instead of silently leaving it out.")
        case .binaryFile:
            return Entry(title: "A .md file contains binary data",
                         explanation: "The file contains NUL bytes, which never occur in Markdown text. It is probably not a plan (an image or archive with a .md name, or a file saved as UTF-16). It is not read.")
        case .misspelledKind:
            return Entry(title: "A file looks like a plan, but its kind key is misspelled",
                         explanation: "The file starts like a plan file (a title and a list whose first item's value is an id), but the first item's key is close to `project`, `part-of`, `team`, `calendar` or `settings` without being one, or is not in lower case (`- Project: crm`). Kind keys are written exactly, with an id as the value. A kind key whose value is not an id (`- team: IT Delivery`) gets this warning when the rest of the file shows a plan was meant (a section such as `## People` or `## Work`, or another key of that kind of file); otherwise, as in meeting notes (`- Project: Finance ERP rollout`), it is ordinary Markdown and gets no warning. Such a file is not read as a plan; this warning makes sure a typo never hides a plan silently.",
                         example: "- projekt: crm   ← should be `- project: crm`")
        case .pathologicalMarkdown:
            return Entry(title: "A file has a shape the Markdown parser handles slowly",
                         explanation: "The system's libcmark takes time that grows with the square of some inputs, such as thousands of unclosed image brackets `![` in one paragraph (CVE-2023-22486, fixed in cmark 0.30.3). A plan never needs that many, so planc refuses the file before parsing it instead of hanging: more than 1,000 `![` or 10,000 `[` in one paragraph. The diagnostic points at the line where the limit is passed. Split the paragraph, or write the brackets as `\\[`.",
                         example: "![[]()![[]()![[]()…   ← thousands of times in one paragraph")
        case .unknownKey:
            return Entry(title: "Unknown metadata key",
                         explanation: "A `key: value` item in the list under the title uses a key planc does not know. It is ignored. The hint suggests the closest known key; the plan language reference lists them all.")
        case .unknownAttribute:
            return Entry(title: "Unknown attribute",
                         explanation: "After the ` — ` of an entry every token must be an attribute. This one is not known for this kind of entry (task, risk, person, …) and is ignored. If the ` — ` belongs to the title, note that attributes start after the *last* ` — ` of the line.",
                         example: "- [ ] Data audit — 8d @omar afterr:interviews   ← did you mean 'after'?")
        case .attributeInTitle:
            return Entry(title: "An attribute-like token is part of the title",
                         explanation: "A token before the ` — ` looks like an attribute (`@person`, `key:value` with a known key, `5d`, `40%`). Most likely the separator was forgotten, so planc reads it as title text. Add ` — ` before the attributes, or escape the token with a backslash to keep it in the title (GitHub shows `40\\%` as `40%`).",
                         example: "- [ ] Data audit 8d @omar   ← write `Data audit — 8d @omar`")
        case .malformedDate:
            return Entry(title: "Malformed date",
                         explanation: "Dates are written `YYYY-MM-DD` (ISO 8601), with a four-digit year and two-digit month and day. Other forms such as `3/14/2026` or `14.03.2026` are ambiguous across locales and are rejected.")
        case .impossibleDate:
            return Entry(title: "A date that does not exist",
                         explanation: "The date has the right shape but is not in the calendar, such as 2026-02-30 or 2026-13-01. February has 29 days in leap years (divisible by 4, except centuries not divisible by 400).")
        case .malformedQuantity:
            return Entry(title: "Malformed amount of work",
                         explanation: "Work and durations are a number and a unit: `d` working days, `w` weeks of five working days, `h` hours of the calendar's working day. Examples: `5d`, `2.5d`, `3w`, `16h`.")
        case .malformedNumber:
            return Entry(title: "Malformed number, percentage or money",
                         explanation: "The value should be a number: a percentage like `40%`, money like `180000 EUR` or `950EUR/d` (an amount and a three-letter currency code), or assignment units like `@dana:50%` or `@backend:2`.")
        case .unknownValue:
            return Entry(title: "A value is not one of the allowed words",
                         explanation: "Some attributes take one of a fixed set of words: status, phase, likelihood, impact, severity, result, rating, priority words. The hint lists them or suggests the closest.")
        case .repeatedAttribute:
            return Entry(title: "An attribute is given twice",
                         explanation: "An entry states the same single-valued attribute twice (two efforts, two due dates, the same person assigned twice). The first one counts; remove the other.")
        case .unknownSection:
            return Entry(title: "Unknown section",
                         explanation: "A level-2 heading in a plan file is not one of the sections planc reads (Objectives, Scope, Success criteria, Work, Risks, Issues, Decisions, Journal, Outcome, Lessons learned, Notes; People and Pools in a team file; Holidays in a calendar file). Its content is not read; put free text under `## Notes`.")
        case .emptyTitle:
            return Entry(title: "An entry has no title",
                         explanation: "A list item in a plan section has no text before its attributes, or starts with something other than text. Every task, risk and person needs a title.")
        case .nestingTooDeep:
            return Entry(title: "Nesting too deep",
                         explanation: "Lists nested more than 64 levels deep are not read further. Real work breakdowns rarely go past five levels; use work package headings for the upper levels.")
        case .missingValue:
            return Entry(title: "A required value is missing",
                         explanation: "Something that must be present is not: a project id, a pool's size, a task reference in a list of references.")
        case .strayContent:
            return Entry(title: "Content that is not read",
                         explanation: "A block sits where planc does not read anything (text in a list-only section outside any item, a metadata item that is not `key: value`, journal text before the first dated heading). It is reported so that nothing in a plan is dropped silently.")
        case .valueOutOfRange:
            return Entry(title: "A value is out of range",
                         explanation: "The number or date is well-formed but impossible or absurd, and the message states the limit: a person's availability of 0 % or above 100 % (0 % is for a change from a date on, such as time away), units of 0 or above 1,000, a pool of zero or more than 100,000 people, more than a century of work (36,500 working days), money of 10^15 or more, a date outside 1900-01-01 to 2400-12-31 (the planning window).")
        case .malformedHeading:
            return Entry(title: "Unexpected heading",
                         explanation: "A plan file has exactly one level-1 heading, its title. Sections are level-2 headings; work packages are level 3 and below inside `## Work`.")
        case .malformedPersonChange:
            return Entry(title: "A line under a person is not a change",
                         explanation: "Items nested under a person in a team file state how their availability or rate changes over time: `From DATE — availability:60% rate:720EUR/d` sets new values from that date on, `Leaves DATE` means the person works on the plans until that date and not from the next day. Any other nested item is not read. Work already done keeps the availability and rate in force when it was done.",
                         example: "- Omar Haddad — id:omar availability:80% rate:600EUR/d\n  - From 2027-04-01 — availability:60% rate:650EUR/d\n  - Leaves 2027-06-30\n  - Form 2027-05-01 — rate:700EUR/d   ← did you mean `From 2027-05-01`?")
        case .decimalSeparator:
            return Entry(title: "A decimal comma or an ambiguous separator",
                         explanation: "Amounts of work and percentages use a decimal point: `2.5d`, `62.5%`; `2,5d` would otherwise be misread. Money may be written with grouping and a decimal mark the way people write it (`1,234.50 EUR`, `1.234,50 EUR`, `1 234,50 EUR`, `1234.50 EUR`), but a single separator followed by exactly three digits (`1.234 EUR`, `1,234 EUR`) reads two ways and is refused. Write the amount without grouping, or state the mark for the whole repository in the settings file with `- decimal-mark: comma` (or `point`).",
                         example: "- [ ] Data audit — 2,5d   ← write `2.5d`")
        case .duplicateID:
            return Entry(title: "Duplicate id",
                         explanation: "Two things of the same kind have the same explicit id: tasks within a project, projects, people and pools (which share the `@` namespace), risks within a project, calendars. The note points at the first definition. Give one of them another id.")
        case .unknownTask:
            return Entry(title: "Reference to a missing or ambiguous task",
                         explanation: "A dependency (`after:`, `ss:`, `ff:`, `sf:`) or a `tasks:` list names a task that does not exist in the project, or whose derived id is shared by several tasks. Refer to tasks of another project as `project/task`. For an ambiguous title, give the task an explicit `id:` and refer to that.")
        case .unknownResource:
            return Entry(title: "Reference to a missing person or pool",
                         explanation: "An assignment `@id` or an `owner:` names no person or pool defined in a team file (a file starting `- team: NAME`).")
        case .unknownReference:
            return Entry(title: "Reference to a missing calendar",
                         explanation: "A `calendar:` or `based-on:` names a calendar that no calendar file defines.")
        case .dependencyCycle:
            return Entry(title: "Dependency cycle",
                         explanation: "Tasks wait for each other in a circle, so none of them can ever start. The notes list every hop of the cycle with its place (the first 20 of a longer cycle, and how many more there are). planc ignores the first dependency of the cycle so that it can still schedule the rest, and reports the cycle as an error.",
                         example: "- A — 2d after:c\n- B — 2d after:a\n- C — 2d after:b")
        case .unknownProject:
            return Entry(title: "Reference to a missing project",
                         explanation: "A `part-of:` file or a qualified reference `project/task` names a project id that no project file defines.")
        case .selfDependency:
            return Entry(title: "A task depends on itself or its own work package",
                         explanation: "A task cannot wait for itself, for the work package that contains it, or for one of its own subtasks: a package only finishes when its parts do. The dependency is ignored.")
        case .datesContradictEffort:
            return Entry(title: "Fixed dates disagree with the estimate",
                         explanation: "A task has both a fixed start and finish and an effort or duration, and the working days between the dates do not match the estimate at the assigned units. planc keeps the fixed dates; drop one of the three.")
        case .finishBeforeStart:
            return Entry(title: "Finish before start",
                         explanation: "A finish date (fixed or actual), or the end of a date range, is earlier than the matching start.")
        case .milestoneWithWork:
            return Entry(title: "A milestone with work",
                         explanation: "A milestone is an event that takes no time. It cannot have an effort or a duration; remove the amount or remove `milestone`.")
        case .progressOutOfRange:
            return Entry(title: "Progress out of range",
                         explanation: "Percent complete is between 0 and 100.")
        case .progressContradictsState:
            return Entry(title: "Progress contradicts the task's state",
                         explanation: "The box, the percentage, the status and the actual dates disagree: a ticked box with 40 %, 100 % with an empty box, status:done with an empty box, a finished date on an open task. An explicit `status:` wins over the box, and the box wins over the percentage.")
        case .missingActualFinish:
            return Entry(title: "A done task has no finished date",
                         explanation: "The project says `tracks-actuals: yes`, so each done task records when it finished (`finished:YYYY-MM-DD`). Without it, progress against the baseline cannot be measured.")
        case .actualInFuture:
            return Entry(title: "An actual date is in the future",
                         explanation: "`started:` and `finished:` record what happened, so they cannot be after today (the `--today` date). Plan future dates with `start:` or `finish:`.")
        case .deadlineBeforeStart:
            return Entry(title: "Deadline before start",
                         explanation: "A due date or a project deadline is earlier than the earliest the work may start.")
        case .missingEstimate:
            return Entry(title: "A task has no estimate",
                         explanation: "A leaf task has no effort, duration, fixed date or `milestone`. planc schedules it as one working day so the rest of the plan still works, and warns so the estimate is not forgotten. A fixed date is an estimate of its own: `finish:DATE` alone is a one-day task that must finish on that date (with an effort or duration it must finish on that date and starts as early as its work needs), and `start:` with `finish:` is a window the task fills, such as project management at 50 % for the whole project.")
        case .summaryWithWork:
            return Entry(title: "A summary task has its own work",
                         explanation: "A task with subtasks (or a work package heading) is rolled up from its children: its own effort, duration or assignments are not used. Move them to a subtask.")
        case .pinBeforeProjectStart:
            return Entry(title: "A pinned date is before the project start",
                         explanation: "A task's `start:` or `finish:` is before the project's `start:`. Nothing else of the project is scheduled before its start, but a pin is kept as written, so the task would sit outside the project's window without anyone noticing. Move the pin, or move the project start if the project really begins earlier.",
                         example: "- start: 2027-03-01\n…\n- [ ] Kick-off workshop — start:2027-02-22 finish:2027-02-23   ← before the project start")
        case .overAssigned:
            return Entry(title: "Assigned above availability",
                         explanation: "A person is assigned at more units than their availability (for example @omar:100% when Omar works 80 %). Leveling will spread the work, but the assignment itself cannot be met on any day.")
        case .mixedCurrency:
            return Entry(title: "Mixed currencies",
                         explanation: "A task cost or a rate used in a project is in another currency than the project's budget. planc does not convert currencies (rates change, and a plan compiler should not guess them); keep one currency per project.")
        case .poolTooSmall:
            return Entry(title: "A pool is smaller than the demand",
                         explanation: "A task asks for more people from a role pool than the pool has, so it can never be scheduled as written.")
        case .noWorkingDays:
            return Entry(title: "No working days",
                         explanation: "A calendar has an empty working week, so nobody using it can ever work.")
        case .duplicatePersonChange:
            return Entry(title: "Two changes of one person on the same date",
                         explanation: "A person has two `From`/`Leaves` lines that take effect on the same day (`Leaves 2027-06-30` takes effect on 2027-07-01). Which one holds would depend on the order of the lines, so the second is not used. Write one line per date with every value that changes.",
                         example: "  - From 2027-04-01 — availability:60%\n  - From 2027-04-01 — rate:720EUR/d   ← write `From 2027-04-01 — availability:60% rate:720EUR/d`")
        case .pinnedOverAllocation:
            return Entry(title: "Pinned tasks book a person beyond their availability",
                         explanation: "Two or more tasks pinned with `start:` and `finish:` assign the same person on the same working days, and together more than the person's availability on those days. Pinned tasks keep their dates, so leveling cannot move them apart: the person is over-allocated whatever the schedule does. The warning is at the later task, with a note at the other one. Lower the units, move one of the pins, or assign someone else.",
                         example: "- [ ] Workshop A — start:2027-03-22 finish:2027-03-24 @omar:60%\n- [ ] Workshop B — start:2027-03-23 finish:2027-03-26 @omar:50%   ← 110 % of Omar on 23 and 24 March")
        case .noWorkingTimeInReach:
            return Entry(title: "No working time within the planning window",
                         explanation: "A calendar's holidays, or a person's time off, cover every working day from today to the end of the planning window (2400-12-31), so work given to it could never be done. For a person this is reported only while they are assigned open work. Shorten the days off, or assign the work to someone else.",
                         example: "- Dana — id:dana off:2026-01-01..2400-12-31   ← and @dana still has open tasks")
        case .riskWithoutOwner:
            return Entry(title: "An open risk has no owner",
                         explanation: "Every open or watched risk needs someone who watches it: add `owner:@person`.")
        case .riskWithoutMitigation:
            return Entry(title: "An open risk has no mitigation",
                         explanation: "Every open or watched risk needs a plan to make it less likely or less harmful: add a line starting `Mitigation:` under it.")
        case .reviewOverdue:
            return Entry(title: "A risk review is overdue",
                         explanation: "An open risk's `review:` date is before today. Review the risk and set the next date.")
        case .deadlineMissed:
            return Entry(title: "The forecast misses a deadline",
                         explanation: "With the progress recorded so far, the scheduled finish of a task is after its `due:` date.")
        case .milestoneMissed:
            return Entry(title: "A milestone is missed or forecast late",
                         explanation: "An open milestone is *missed* when its due date has passed and it is not done, and *forecast late* when its due date is still ahead but the schedule places it after it. The message says which, and by how many working days (of the project calendar).")
        case .fixedDateConflict:
            return Entry(title: "A fixed date collides with predecessors",
                         explanation: "A task has a fixed start or finish, but its dependencies cannot be met by then. The fixed date is kept, and the dependency is shown as violated.")
        case .unschedulable:
            return Entry(title: "A task cannot be scheduled",
                         explanation: "The scheduler could not place a task, for example because its resources never have capacity in the planning horizon.")
        case .projectLate:
            return Entry(title: "The project is forecast to finish after its deadline",
                         explanation: "The forecast finish of the project's last task is after the project's `deadline:`.")
        case .overdueStart:
            return Entry(title: "A task should have started",
                         explanation: "An unstarted task was planned to start before today. The forecast moves it to today or later; update its progress or its plan.")
        case .beyondPlanningWindow:
            return Entry(title: "The schedule runs past the planning window",
                         explanation: "planc plans with days from 1900-01-01 to 2400-12-31: written dates outside it are an error where they are written (P115), and work that cannot end inside it is this error. Before scheduling, planc adds up each chain of finish-to-start work from its earliest possible start, and the unstarted work of each person or pool from today; what cannot finish by 2400-12-31 stops the run without a schedule (the scheduler would take minutes over it). After scheduling, a task placed outside the window (a calendar that hardly works, for example) is reported at the task and the schedule is not used for reports or the site. Check the estimates and dates on the task's path.")
        }
    }

    /// docs/diagnostics.md, generated from this catalog so the two cannot drift apart.
    public static func markdownReference() -> String {
        var text = "# planc diagnostics\n\nEvery diagnostic has a stable code. `planc explain CODE` prints the same text.\n"
        text += "Errors make `planc check` exit with status 1; warnings do so only with `--strict`.\n\n"
        text += "| code | severity | title |\n|---|---|---|\n"
        for code in DiagnosticCode.allCases {
            text += "| [\(code.rawValue)](#\(code.rawValue.lowercased())) | \(code.defaultSeverity.rawValue) | \(entry(for: code).title) |\n"
        }
        for code in DiagnosticCode.allCases {
            let entry = entry(for: code)
            text += "\n## \(code.rawValue)\n\n**\(entry.title)** (\(code.defaultSeverity.rawValue))\n\n\(entry.explanation)\n"
            if let example = entry.example { text += "\n```markdown\n\(example)\n```\n" }
        }
        return text
    }
}
