import PlanModel
import PlanTestSupport
import Testing
@testable import PlanSchedule

@Test func onePersonWorksOneTaskAtATime() {
    var f = PlanFixture()
    f.person("omar")
    f.task("a", effort: 3, people: [("omar", nil)])
    f.task("b", effort: 2, people: [("omar", nil)])
    let s = f.schedule().schedule
    #expect(s.span(f, "a") == "2026-01-05..2026-01-07")
    #expect(s.span(f, "b") == "2026-01-08..2026-01-09")
    // After leveling the chain runs through the resource: b waited for a.
    #expect(s.criticalPaths[0] == [f.index("a"), f.index("b")])
    #expect(s.tasks[f.index("a")].isCritical)
}

@Test func explicitPriorityGoesFirst() {
    var f = PlanFixture()
    f.person("omar")
    f.task("a", effort: 3, people: [("omar", nil)])
    f.task("urgent", effort: 2, people: [("omar", nil)], priority: 900)
    let s = f.schedule().schedule
    #expect(s.span(f, "urgent") == "2026-01-05..2026-01-06")
    #expect(s.span(f, "a") == "2026-01-07..2026-01-09")
}

@Test func latestFinishBreaksTiesBeforeFileOrder() {
    var f = PlanFixture()
    f.person("omar")
    f.task("free", effort: 2, people: [("omar", nil)])
    f.task("feeds", effort: 2, people: [("omar", nil)])
    f.task("long", effort: 5, after: [("feeds", .finishToStart, 0)])
    let s = f.schedule().schedule
    // `feeds` has the earlier latest finish (it drives `long`), so it goes before `free`.
    #expect(s.span(f, "feeds") == "2026-01-05..2026-01-06")
    #expect(s.span(f, "free") == "2026-01-07..2026-01-08")
}

@Test func poolsRunAsManyTasksAsTheyHaveHeads() {
    var f = PlanFixture()
    f.pool("dev", size: 2)
    f.task("a", effort: 2, pools: [("dev", 1)])
    f.task("b", effort: 2, pools: [("dev", 1)])
    f.task("c", effort: 4, pools: [("dev", 2)])
    let s = f.schedule().schedule
    // a and b in parallel (2 heads), then c with both heads (4 person-days in 2 days): 4 days.
    // The other order gives the same length; the schedule must be tight and feasible.
    #expect(s.projectFinish[0] == PlanFixture.day("2026-01-08"))
    let load = s.resourceLoad.first { $0.resource == .pool(0) }!
    #expect(load.days.allSatisfy { $0.load <= 2 })
}

@Test func searchReachesTheKnownOptimumOfASmallProject() {
    // Capacity 2: A (6 periods, 1 unit), B (3, 1), C (2, 2), D (2, 2). C and D need the whole
    // resource, so they run alone: 2 + 2, and A can overlap only B: the optimum is 4 + 6 = 10.
    let project = ResourceConstrainedProject(
        durations: [0, 6, 3, 2, 2, 0],
        successors: [[1, 2, 3, 4], [5], [5], [5], [5], []],
        requests: [[0], [1], [1], [2], [2], [0]],
        capacities: [2])
    let single = project.solve(schedules: 1)
    let searched = project.solve(schedules: 200)
    #expect(searched.makespan == 10)
    #expect(single.makespan >= searched.makespan)
    #expect(searched.criticalPathLength == 6)
    #expect(searched.schedules <= 200)
}

@Test func psplibStyleInstanceIsSolvedToOptimality() {
    // j301_1 of PSPLIB (optimum 43).
    let successors: [[Int]] = [[2, 3, 4], [6, 11, 15], [7, 8, 13], [5, 9, 10], [20], [30], [27], [12, 19, 27], [14],
                               [16, 25], [20, 26], [14], [17, 18], [17], [25], [21, 22], [22], [20, 22], [24, 29],
                               [23, 25], [28], [23], [24], [30], [30], [31], [28], [31], [32], [32], [32], []]
    let durations = [0, 8, 4, 6, 3, 8, 5, 9, 2, 7, 9, 2, 6, 3, 9, 10, 6, 5, 3, 7, 2, 7, 2, 3, 3, 7, 8, 3, 7, 2, 2, 0]
    let requests: [[Int]] = [[0, 0, 0, 0], [4, 0, 0, 0], [10, 0, 0, 0], [0, 0, 0, 3], [3, 0, 0, 0], [0, 0, 0, 8],
                             [4, 0, 0, 0], [0, 1, 0, 0], [6, 0, 0, 0], [0, 0, 0, 1], [0, 5, 0, 0], [0, 7, 0, 0],
                             [4, 0, 0, 0], [0, 8, 0, 0], [3, 0, 0, 0], [0, 0, 0, 5], [0, 0, 0, 8], [0, 0, 0, 7],
                             [0, 1, 0, 0], [0, 10, 0, 0], [0, 0, 0, 6], [2, 0, 0, 0], [3, 0, 0, 0], [0, 9, 0, 0],
                             [4, 0, 0, 0], [0, 0, 4, 0], [0, 0, 0, 7], [0, 8, 0, 0], [0, 7, 0, 0], [0, 7, 0, 0],
                             [0, 0, 2, 0], [0, 0, 0, 0]]
    let project = ResourceConstrainedProject(durations: durations, successors: successors.map { $0.map { $0 - 1 } },
                                             requests: requests, capacities: [12, 13, 4, 12])
    let solution = project.solve(schedules: 1000)
    #expect(solution.makespan == 43)
    #expect(solution.criticalPathLength == 38)
    // Feasible: precedence and per-period capacity.
    for j in durations.indices {
        for q in project.successors[j] { #expect(solution.starts[q] >= solution.starts[j] + durations[j]) }
    }
    for r in 0..<4 {
        for t in 0..<solution.makespan {
            let load = durations.indices.reduce(0) { sum, j in
                sum + (solution.starts[j] <= t && t < solution.starts[j] + durations[j] ? requests[j][r] : 0)
            }
            #expect(load <= project.capacities[r])
        }
    }
}
