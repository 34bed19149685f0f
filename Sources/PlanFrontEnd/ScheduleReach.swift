import PlanModel

/// Before scheduling: a chain of work that cannot fit in the planning window even without
/// resource limits, so the scheduler is never asked to walk millions of days (a chain of a thousand
/// century-long tasks took minutes and gigabytes). The bound is a lower bound on the schedule: it
/// uses only finish-to-start links, written dates, the project start, today (before which no
/// unstarted work is forecast) and each task's shortest possible length, so a plan it refuses
/// could never have fitted. The same holds for the unstarted work of one person or pool
/// (`resourceDemand`). Whatever passes is checked again after scheduling (P607 there too).
enum ScheduleReach {
    static func check(_ plan: Plan, today: Day, into bag: inout DiagnosticBag) {
        let end = Day.planningWindow.upperBound
        let finish = earliestFinishes(plan, today: today)
        let late = plan.tasks.indices.filter { plan.tasks[$0].kind != .summary && finish[$0] > end.ordinal }
        if let first = late.first {
            let others = late.count - 1
            bag.report(.beyondPlanningWindow,
                       "'\(plan.tasks[first].title)'\(others > 0 ? " and \(others) more \(others == 1 ? "task" : "tasks")" : "") cannot finish by \(end), the end of the planning window: the work before \(others > 0 ? "them" : "it") is too long",
                       at: plan.tasks[first].range, hint: "check the estimates and dependencies on its path; planc does not schedule this plan")
        }
        for (resource, days, range) in resourceDemand(plan) where today.ordinal + Int(days.rounded(.up)) - 1 > end.ordinal {
            bag.report(.beyondPlanningWindow,
                       "@\(resource) has \(Int(days.rounded(.up))) working days of unstarted work, more than fit between \(today) and \(end), the end of the planning window",
                       at: range, hint: "check the estimates assigned to @\(resource); planc does not schedule this plan")
        }
    }

    /// Per person and pool: the working days their unstarted work takes at the least. The
    /// scheduler caps a person's daily load at their availability and a pool's at its size, and
    /// starts no unstarted work before today, so this much time after today is needed whatever
    /// the leveling does.
    static func resourceDemand(_ plan: Plan) -> [(String, Double, SourceRange)] {
        var demand: [ResourceRef: (days: Double, range: SourceRange)] = [:]
        for task in plan.tasks where task.kind == .task && (task.state == .todo || task.state == .blocked) {
            let rates: [(ResourceRef, Double, Double, SourceRange)] = task.assignments.compactMap { assignment in
                switch assignment.resource {
                case .person(let person) where plan.people.indices.contains(person):
                    let capacity = plan.people[person].availability
                    return capacity > 0 ? (assignment.resource, min(assignment.units, capacity), capacity, assignment.range) : nil
                case .pool(let pool) where plan.pools.indices.contains(pool):
                    let capacity = Double(plan.pools[pool].size)
                    return capacity > 0 ? (assignment.resource, min(assignment.units, capacity), capacity, assignment.range) : nil
                default:
                    return nil
                }
            }
            let total = rates.reduce(0) { $0 + $1.1 }
            guard total > 0 else { continue }
            // Person-days each one spends: a share of the effort, or their rate over the duration.
            for (resource, rate, capacity, range) in rates where rate > 0 {
                let spent: Double
                if let duration = task.durationDays { spent = rate * duration } else if let effort = task.effortDays {
                    spent = effort * rate / total
                } else { continue }
                demand[resource, default: (0, range)].days += spent / capacity
            }
        }
        return demand.map { reference, entry -> (String, Double, SourceRange) in
            switch reference {
            case .person(let person): return (plan.people[person].id, entry.days, entry.range)
            case .pool(let pool): return (plan.pools[pool].id, entry.days, entry.range)
            }
        }.sorted { $0.0 < $1.0 }
    }

    /// A lower bound on each task's finish (a day ordinal; very negative for done work), by the
    /// longest path over start and finish events.
    static func earliestFinishes(_ plan: Plan, today: Day) -> [Int] {
        let count = plan.tasks.count
        let never = Int.min / 4
        // Node 2i is task i's start, 2i + 1 its finish.
        var edges = [[(to: Int, length: Int)]](repeating: [], count: 2 * count)
        var incoming = [Int](repeating: 0, count: 2 * count)
        var value = [Int](repeating: never, count: 2 * count)
        func edge(_ from: Int, _ to: Int, _ length: Int) { edges[from].append((to, length)); incoming[to] += 1 }
        for (index, task) in plan.tasks.enumerated() {
            let start = 2 * index, finish = start + 1
            let done = task.state == .done || task.state == .cancelled
            if let day = task.fixedStart ?? task.actualStart {
                value[start] = day.ordinal
            } else {
                var floor = plan.projects[task.projectIndex].start?.ordinal ?? never
                if task.state == .todo || task.state == .blocked { floor = max(floor, today.ordinal) }
                value[start] = max(floor, task.notBefore?.ordinal ?? never)
                if let parent = task.parent { edge(2 * parent, start, 0) }
                for dependency in task.dependencies where dependency.kind == .finishToStart {
                    // A lead of n working days reaches back at most 7n calendar days.
                    let lag = dependency.lagDays >= 0 ? Int(dependency.lagDays) : Int((dependency.lagDays * 7).rounded(.down))
                    edge(2 * dependency.predecessor + 1, start, lag)
                }
            }
            if let day = task.fixedFinish ?? task.actualFinish {
                value[finish] = day.ordinal
            } else if task.kind == .summary {
                edge(start, finish, 0)
                for child in task.children { edge(2 * child + 1, finish, 0) }
            } else if !done {
                edge(start, finish, max(Int(shortestLength(task).rounded(.up)) - 1, 0))
            }
        }
        // Kahn's order; what a leftover cycle holds keeps its written dates only.
        var ready = (0..<(2 * count)).filter { incoming[$0] == 0 }
        while let node = ready.popLast() {
            for (to, length) in edges[node] {
                if value[node] > never { value[to] = max(value[to], value[node] + length) }
                incoming[to] -= 1
                if incoming[to] == 0 { ready.append(to) }
            }
        }
        return (0..<count).map { value[2 * $0 + 1] }
    }

    /// Working days the task takes at the least: its duration, or its remaining effort shared by
    /// everyone assigned at full units.
    static func shortestLength(_ task: PlanTask) -> Double {
        if task.kind == .milestone { return 0 }
        let remaining = 1 - min(max(task.percentComplete ?? 0, 0), 100) / 100
        if let duration = task.durationDays { return duration * remaining }
        guard let effort = task.effortDays else { return 1 }
        let units = task.assignments.reduce(0) { $0 + $1.units }
        return effort * remaining / max(units, 1)
    }

}
