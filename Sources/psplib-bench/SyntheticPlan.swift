import PlanModel
import PlanSchedule

/// A seeded synthetic plan shaped like `../shared/bench/synthetic/gen_plan.py`: effort tasks of
/// 1–10 days in work packages of 10 with a milestone each, about one finish-to-start dependency
/// per task (10 % with a 1–3 day gap), one person per task from `tasks / 20` people.
enum SyntheticPlan {
    static func make(tasks count: Int, seed: UInt64) -> Plan {
        var state = seed
        func next() -> Int {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return Int(truncatingIfNeeded: (z ^ (z >> 31)) >> 1)
        }
        var plan = Plan()
        plan.calendars = [CalendarSpec(name: "default")]
        let range = SourceRange(file: "synthetic.md", line: 1, column: 1)
        var project = Project(id: "synthetic", title: "Synthetic", range: range, file: "synthetic.md")
        project.start = Day(iso: "2026-01-05")
        plan.projects = [project]
        let people = max(1, count / 20)
        for p in 0..<people { plan.people.append(Person(id: "p\(p)", name: "p\(p)", range: range)) }
        var leaves: [Int] = []
        while plan.tasks.count < count {
            let package = plan.tasks.count
            plan.tasks.append(PlanTask(id: "wp\(package)", projectIndex: 0, title: "wp", range: range, parent: nil,
                                   level: 0, kind: .summary))
            for _ in 0..<10 {
                var task = PlanTask(id: "t\(plan.tasks.count)", projectIndex: 0, title: "t",
                                range: SourceRange(file: "synthetic.md", line: plan.tasks.count + 2, column: 1),
                                parent: package, level: 1, kind: .task)
                task.effortDays = Double(1 + next() % 10)
                let person = next() % people
                task.assignments = [Assignment(resource: .person(person), units: 1, range: range)]
                if !leaves.isEmpty && next() % 10 != 0 {
                    // Mostly recent work: dependencies reach back at most 200 tasks.
                    let back = 1 + next() % min(200, leaves.count)
                    let lag = next() % 10 == 0 ? Double(1 + next() % 3) : 0
                    task.dependencies = [Dependency(predecessor: leaves[leaves.count - back], kind: .finishToStart,
                                                    lagDays: lag, range: range)]
                }
                leaves.append(plan.tasks.count)
                plan.tasks[package].children.append(plan.tasks.count)
                plan.tasks.append(task)
            }
            var milestone = PlanTask(id: "m\(plan.tasks.count)", projectIndex: 0, title: "m", range: range,
                                 parent: package, level: 1, kind: .milestone)
            milestone.dependencies = plan.tasks[package].children.suffix(3).map {
                Dependency(predecessor: $0, kind: .finishToStart, lagDays: 0, range: range)
            }
            plan.tasks[package].children.append(plan.tasks.count)
            plan.tasks.append(milestone)
        }
        plan.projects[0].taskRange = 0..<plan.tasks.count
        return plan
    }
}
