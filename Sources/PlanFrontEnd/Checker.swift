import PlanModel

/// Phase 4, check: rules about the model as a whole, after every reference is resolved.
/// It may repair the model where a repair keeps later phases safe (a leaf with no estimate gets one
/// working day; dependencies closing a cycle are dropped) and says so in a diagnostic.
public enum Checker {
    public static func check(_ plan: inout Plan, today: Day) -> [Diagnostic] {
        var bag = DiagnosticBag()
        checkTasks(&plan, today: today, into: &bag)
        checkResources(plan, today: today, into: &bag)
        PinnedOverAllocation.check(plan, into: &bag)
        checkMoney(plan, into: &bag)
        checkRisks(plan, today: today, into: &bag)
        DependencyCycles.breakCycles(in: &plan, into: &bag)
        ScheduleReach.check(plan, today: today, into: &bag)
        return bag.items
    }

    static func checkTasks(_ plan: inout Plan, today: Day, into bag: inout DiagnosticBag) {
        for index in plan.tasks.indices {
            var task = plan.tasks[index]
            let project = plan.projects[task.projectIndex]
            if task.kind == .summary {
                if task.effortDays != nil || task.durationDays != nil {
                    bag.report(.summaryWithWork, "'\(task.title)' has subtasks, so its own effort or duration is not used", at: task.range,
                               hint: "its work is the sum of its subtasks; move the amount to a subtask")
                    task.effortDays = nil
                    task.durationDays = nil
                }
                if !task.assignments.isEmpty {
                    bag.report(.summaryWithWork, "'\(task.title)' has subtasks, so its own assignments are not used",
                               at: task.assignments[0].range, hint: "assign people to the subtasks")
                    task.assignments = []
                }
            } else if task.kind == .task, task.effortDays == nil, task.durationDays == nil,
                      task.fixedStart == nil, task.fixedFinish == nil, task.state != .cancelled {
                // A fixed date is an estimate of its own: `finish:` alone is a one-day task that
                // must finish then, `start:` with `finish:` a window the task fills.
                bag.report(.missingEstimate, "'\(task.title)' has no effort, duration or dates; it is scheduled as one working day",
                           at: task.range, hint: "add an estimate after ` — `, like `3d`, or `milestone` if it takes no time")
                task.durationDays = 1
            }
            if let start = task.fixedStart, let finish = task.fixedFinish {
                if finish < start {
                    bag.report(.finishBeforeStart, "'\(task.title)' finishes (\(finish)) before it starts (\(start))", at: task.range,
                               hint: "swap the dates or correct one of them")
                    task.fixedFinish = nil
                } else if let days = task.durationDays ?? plannedDays(task, plan) {
                    let available = WorkingCalendar(plan: plan, calendarIndex: project.calendarIndex).workingDays(in: start, through: finish)
                    if abs(Double(available) - days) >= 0.5 {
                        bag.report(.datesContradictEffort,
                                   "'\(task.title)' is fixed to \(available) working days (\(start) to \(finish)) but needs \(NumberText.plain(days))",
                                   at: task.range, hint: "drop the estimate or one of the dates; planc keeps the dates")
                    }
                }
            }
            if let start = task.actualStart, let finish = task.actualFinish, finish < start {
                bag.report(.finishBeforeStart, "'\(task.title)' finished (\(finish)) before it started (\(start))", at: task.range,
                           hint: "correct `started:` or `finished:`")
                task.actualFinish = nil
            }
            for (label, day) in [("started", task.actualStart), ("finished", task.actualFinish)] {
                if let day, day > today {
                    bag.report(.actualInFuture, "'\(task.title)' is \(label) on \(day), after today (\(today))", at: task.range,
                               hint: "actual dates record what happened; plan future dates with `start:` or `finish:`")
                }
            }
            if let projectStart = project.start, task.kind != .summary, task.state != .cancelled,
               let pin = [task.fixedStart, task.fixedFinish].compactMap({ $0 }).min(), pin < projectStart {
                let which = task.fixedStart == pin ? "start" : "finish"
                bag.report(.pinBeforeProjectStart,
                           "'\(task.title)' is pinned to \(which) on \(pin), before the project starts (\(projectStart))",
                           at: task.range, notes: [.init("project '\(project.id)' starts on \(projectStart)", at: project.range)],
                           hint: "move `\(which):` to \(projectStart) or later, or set the project's `start:` to \(pin)")
            }
            if let due = task.deadline, let start = task.fixedStart ?? task.notBefore, due < start {
                bag.report(.deadlineBeforeStart, "'\(task.title)' is due \(due), before it may start (\(start))", at: task.range,
                           hint: "check the due date")
            }
            if project.tracksActuals, task.kind != .summary, task.state == .done, task.actualFinish == nil {
                bag.report(.missingActualFinish, "'\(task.title)' is done but has no finished date", at: task.range,
                           hint: "this project tracks actuals: add `finished:YYYY-MM-DD`")
            }
            for assignment in task.assignments {
                switch assignment.resource {
                case .person(let person):
                    let availability = plan.people[person].availability
                    if assignment.units > availability + 1e-9 {
                        bag.report(.overAssigned,
                                   "@\(plan.people[person].id) is assigned at \(NumberText.percentLiteral(assignment.units)) but available \(NumberText.percentLiteral(availability))",
                                   at: assignment.range, hint: "lower the units, like @\(plan.people[person].id):\(NumberText.percentLiteral(availability))")
                    }
                case .pool(let pool):
                    if assignment.units > Double(plan.pools[pool].size) + 1e-9 {
                        bag.report(.poolTooSmall,
                                   "the task needs \(NumberText.plain(assignment.units)) from @\(plan.pools[pool].id), which has only \(plan.pools[pool].size)",
                                   at: assignment.range, hint: "ask for at most \(plan.pools[pool].size), or enlarge the pool")
                    }
                }
            }
            plan.tasks[index] = task
        }
    }

    /// Person-days of a task spread over its assignees, as elapsed days at full speed.
    static func plannedDays(_ task: PlanTask, _ plan: Plan) -> Double? {
        guard let effort = task.effortDays else { return nil }
        let units = task.assignments.reduce(0) { $0 + $1.units }
        return units > 0 ? effort / units : effort
    }

    static func checkResources(_ plan: Plan, today: Day, into bag: inout DiagnosticBag) {
        for person in plan.people {
            let calendar = plan.calendars[person.calendarIndex ?? Plan.defaultCalendar]
            if calendar.workingDays.isEmpty {
                bag.report(.noWorkingDays, "@\(person.id) has no working days: calendar '\(calendar.name)' has an empty week",
                           at: person.range, hint: "give the calendar working days, like `working-days: mon-fri`")
            }
        }
        for calendar in plan.calendars where calendar.workingDays.isEmpty && calendar.range != nil {
            bag.report(.noWorkingDays, "calendar '\(calendar.name)' has no working days", at: calendar.range,
                       hint: "set `working-days:`, like mon-fri")
        }
        checkWorkingTimeInReach(plan, today: today, into: &bag)
    }

    /// Days off that cover every working day from today to the end of the planning window leave
    /// work nowhere to go; the scheduler would otherwise place it past the window.
    static func checkWorkingTimeInReach(_ plan: Plan, today: Day, into bag: inout DiagnosticBag) {
        let window = Day.planningWindow
        let from = min(max(today, window.lowerBound), window.upperBound)
        func works(_ calendar: WorkingCalendar) -> Bool { calendar.workingDays(in: from, through: window.upperBound) > 0 }
        var dead: Set<Int> = []
        for (index, spec) in plan.calendars.enumerated() where !spec.workingDays.isEmpty && !spec.holidays.isEmpty {
            guard !works(WorkingCalendar(plan: plan, calendarIndex: index)) else { continue }
            dead.insert(index)
            bag.report(.noWorkingTimeInReach,
                       "calendar '\(spec.name)' has no working day from \(from) to \(window.upperBound): its holidays cover them all",
                       at: spec.range,
                       hint: "shorten the holidays; the planning window ends \(window.upperBound)")
        }
        // A person only matters while open work waits for them.
        var openWork: [Int: SourceRange] = [:]
        for task in plan.tasks where task.state != .done && task.state != .cancelled {
            for assignment in task.assignments {
                if case .person(let person) = assignment.resource, openWork[person] == nil { openWork[person] = assignment.range }
            }
        }
        for person in openWork.keys.sorted() {
            let who = plan.people[person]
            let calendarIndex = who.calendarIndex ?? Plan.defaultCalendar
            guard !who.timeOff.isEmpty, !dead.contains(calendarIndex),
                  plan.calendars.indices.contains(calendarIndex), !plan.calendars[calendarIndex].workingDays.isEmpty,
                  !works(WorkingCalendar(plan: plan, person: person, fallback: calendarIndex)) else { continue }
            bag.report(.noWorkingTimeInReach,
                       "@\(who.id) has no working day from \(from) to \(window.upperBound): time off covers them all, but open work is assigned",
                       at: who.range, notes: openWork[person].map { [.init("assigned here", at: $0)] } ?? [],
                       hint: "shorten the time off, or assign the open work to someone else")
        }
    }

    static func checkMoney(_ plan: Plan, into bag: inout DiagnosticBag) {
        for project in plan.projects {
            guard let currency = project.currency else { continue }
            var reported: Set<String> = []
            for index in project.taskRange {
                let task = plan.tasks[index]
                if let cost = task.cost, let other = cost.currency, other != currency {
                    bag.report(.mixedCurrency, "cost in \(other), but project '\(project.id)' counts in \(currency)", at: task.range,
                               hint: "convert the amount to \(currency); planc does not convert currencies")
                }
                for assignment in task.assignments {
                    let (id, rates, range): (String, [Money], SourceRange)
                    switch assignment.resource {
                    case .person(let p):
                        let person = plan.people[p]
                        (id, rates, range) = (person.id, [person.rate].compactMap { $0 } + person.changes.compactMap(\.rate), person.range)
                    case .pool(let p): (id, rates, range) = (plan.pools[p].id, [plan.pools[p].rate].compactMap { $0 }, plan.pools[p].range)
                    }
                    if let other = rates.lazy.compactMap(\.currency).first(where: { $0 != currency }), reported.insert(id).inserted {
                        bag.report(.mixedCurrency, "@\(id)'s rate is in \(other), but project '\(project.id)' counts in \(currency)",
                                   at: assignment.range, notes: [.init("the rate is set here", at: range)],
                                   hint: "keep rates and budget in one currency; planc does not convert currencies")
                    }
                }
            }
        }
    }

    static func checkRisks(_ plan: Plan, today: Day, into bag: inout DiagnosticBag) {
        for project in plan.projects {
            for risk in project.risks where risk.status == .open || risk.status == .watching {
                // An owner that names no one is already an error (P203); no second warning.
                if risk.ownerIndex == nil, risk.ownerRange == nil {
                    bag.report(.riskWithoutOwner, "risk '\(risk.title)' has no owner", at: risk.range,
                               hint: "name who watches it: `owner:@\(plan.people.first?.id ?? "ID")`")
                }
                if risk.mitigation == nil {
                    bag.report(.riskWithoutMitigation, "risk '\(risk.title)' has no mitigation", at: risk.range,
                               hint: "add a line `Mitigation: …` under it")
                }
                if let review = risk.review, review < today {
                    bag.report(.reviewOverdue, "risk '\(risk.title)' was due for review on \(review)", at: risk.range,
                               hint: "review it and set the next `review:` date")
                }
            }
        }
    }
}
