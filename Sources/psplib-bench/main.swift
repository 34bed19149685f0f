import Foundation
import PlanModel
import PlanSchedule

// PSPLIB benchmark: schedules every `.sm` instance of a folder with planc's leveling engine,
// checks each schedule, and prints the average deviation from a reference table (optima or
// bounds) or from the critical-path lower bound.
//
//   swift run -c release --scratch-path .build-sched psplib-bench DIR [TABLE] [--cp] [--schedules N]
//   swift run -c release --scratch-path .build-sched psplib-bench --synthetic TASKS [--schedules N] [--edits N] [--gain G]
// The second form times planc's plan scheduler on a synthetic plan and counts how many tasks
// move when one task's effort grows by one day (N edits, default 5; `--schedules` sets
// `ScheduleOptions.samples` and `--gain` `ScheduleOptions.requiredGain`, default the scheduler's own).

let usage = "usage: psplib-bench DIR [TABLE] [--cp] [--schedules N] [--seed S] | psplib-bench --synthetic TASKS [--schedules N] [--edits N] [--gain G]"
var arguments = Array(CommandLine.arguments.dropFirst())
var useCriticalPath = false
var budget = 1000
var seed: UInt64 = 0x5EED
var positional: [String] = []
var syntheticTasks: Int?
var syntheticSamples: Int?
var syntheticEdits = 5
var syntheticGain: Double?
while !arguments.isEmpty {
    let argument = arguments.removeFirst()
    switch argument {
    case "--cp": useCriticalPath = true
    case "--schedules":
        guard let value = arguments.first.flatMap({ Int($0) }), value > 0 else { print(usage); exit(2) }
        budget = value; syntheticSamples = value; arguments.removeFirst()
    case "--edits":
        guard let value = arguments.first.flatMap({ Int($0) }), value > 0 else { print(usage); exit(2) }
        syntheticEdits = value; arguments.removeFirst()
    case "--gain":
        guard let value = arguments.first.flatMap({ Double($0) }), value >= 0 else { print(usage); exit(2) }
        syntheticGain = value; arguments.removeFirst()
    case "--seed":
        guard let value = arguments.first.flatMap({ UInt64($0) }) else { print(usage); exit(2) }
        seed = value; arguments.removeFirst()
    case "--synthetic":
        guard let value = arguments.first.flatMap({ Int($0) }), value > 0 else { print(usage); exit(2) }
        syntheticTasks = value; arguments.removeFirst()
    case "-h", "--help": print(usage); exit(0)
    default: positional.append(argument)
    }
}
if let syntheticTasks {
    runSynthetic(tasks: syntheticTasks, samples: syntheticSamples, edits: syntheticEdits, gain: syntheticGain)
    exit(0)
}
guard let folder = positional.first else { print(usage); exit(2) }

let files: [String]
do {
    files = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".sm") }.sorted()
} catch {
    print("psplib-bench: cannot read \(folder): \(error)"); exit(1)
}
guard !files.isEmpty else { print("psplib-bench: no .sm files in \(folder)"); exit(1) }

var table: ReferenceTable?
if positional.count > 1 {
    guard let text = try? String(contentsOfFile: positional[1], encoding: .utf8) else {
        print("psplib-bench: cannot read table \(positional[1])"); exit(1)
    }
    table = ReferenceTable(text: text)
}
let compareWithTable = table != nil && !useCriticalPath

var deviationSum = 0.0, compared = 0, atReference = 0, infeasible = 0, schedulesSum = 0
var elapsed: Duration = .zero
let clock = ContinuousClock()
for file in files {
    let path = folder + "/" + file
    guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
        print("\(file): unreadable"); infeasible += 1; continue
    }
    let instance: PSPLIBInstance
    do { instance = try PSPLIBInstance(name: file, text: text) } catch {
        print("\(error)"); infeasible += 1; continue
    }
    var solution: ResourceConstrainedProject.Solution?
    elapsed += clock.measure { solution = instance.project.solve(schedules: budget, seed: seed) }
    guard let solution else { continue }
    schedulesSum += solution.schedules
    if let problem = instance.violation(starts: solution.starts) {
        print("\(file): INFEASIBLE: \(problem)"); infeasible += 1; continue
    }
    let reference: Int?
    if compareWithTable {
        reference = table?.value(instance.parameter, instance.number)
        if reference == nil { print("\(file): not in table") }
    } else {
        reference = instance.statedCriticalPath ?? solution.criticalPathLength
    }
    guard let reference, reference > 0 else { continue }
    deviationSum += Double(solution.makespan - reference) / Double(reference)
    compared += 1
    if solution.makespan <= reference { atReference += 1 }
}

let count = files.count
let milliseconds = Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15
let against = compareWithTable ? (table?.areLowerBounds == true ? "lower bound" : "table") : "critical-path bound"
print("set:                  \(folder)  (\(count) instances)")
print(String(format: "deviation from %@: %.3f %%  (%d compared, %d at the reference)",
             against, compared > 0 ? 100 * deviationSum / Double(compared) : 0, compared, atReference))
print(String(format: "schedules/instance:    %.0f  (budget %d)", Double(schedulesSum) / Double(count), budget))
print(String(format: "time/instance:         %.2f ms", milliseconds / Double(count)))
print("infeasible schedules:  \(infeasible)")
exit(infeasible == 0 ? 0 : 1)

func runSynthetic(tasks count: Int, samples: Int?, edits: Int, gain: Double?) {
    let plan = SyntheticPlan.make(tasks: count, seed: 42)
    let today = Day(iso: "2026-01-05")!
    var options = ScheduleOptions()
    if let samples { options.samples = samples }
    if let gain { options.requiredGain = gain }
    let clock = ContinuousClock()
    var result = Scheduler.schedule(plan, today: today, options: options)
    let elapsed = clock.measure { result = Scheduler.schedule(plan, today: today, options: options) }
    let people = plan.people.count
    print("synthetic plan:        \(plan.tasks.count) tasks, \(people) people")
    print("schedule time:         \(elapsed)  (finish \(result.schedule.projectFinish[0]?.iso ?? "-"), \(result.diagnostics.count) diagnostics)")
    // Stability: one task at a time gets one more day of effort.
    var moved: [Int] = [], unrelated: [Int] = []
    var successors: [[Int]] = Array(repeating: [], count: plan.tasks.count)
    for (i, task) in plan.tasks.enumerated() { for d in task.dependencies { successors[d.predecessor].append(i) } }
    let leaves = plan.tasks.indices.filter { plan.tasks[$0].kind == .task }
    for k in 0..<edits {
        var edited = plan
        let target = leaves[(k * 7919) % leaves.count]
        edited.tasks[target].effortDays! += 1
        let after = Scheduler.schedule(edited, today: today, options: options).schedule
        let changed = plan.tasks.indices.filter {
            $0 != target && plan.tasks[$0].kind != .summary &&
                (after.tasks[$0].start != result.schedule.tasks[$0].start || after.tasks[$0].finish != result.schedule.tasks[$0].finish)
        }
        var downstream = Set([target]), stack = [target]
        while let t = stack.popLast() { for q in successors[t] where downstream.insert(q).inserted { stack.append(q) } }
        moved.append(changed.count)
        unrelated.append(changed.filter { !downstream.contains($0) }.count)
    }
    func mean(_ values: [Int]) -> String { String(format: "%.1f", Double(values.reduce(0, +)) / Double(max(values.count, 1))) }
    print("tasks moved by a one-day effort change (\(edits) edits): \(moved.prefix(10)), mean \(mean(moved))")
    print("  of which not downstream by dependencies: \(unrelated.prefix(10)), mean \(mean(unrelated))")
}
