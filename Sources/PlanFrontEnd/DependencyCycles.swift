import PlanModel

/// Finds dependency cycles, reports each with every hop, and drops one dependency per cycle so
/// that the scheduler always receives an acyclic plan.
///
/// The graph has two events per task, start and finish, so that all four dependency kinds and
/// the work breakdown (a package starts before its parts and finishes after them) are one graph
/// of linear size: a dependency on a package never expands into its leaves.
enum DependencyCycles {
    /// Cycles reported one by one before giving up and cutting every remaining one at once.
    static let maximumReports = 50

    struct Edge {
        var from: Int
        var to: Int
        /// The dependency that makes this edge (task, index in its dependencies), nil for the
        /// edges of the work breakdown and of a task's own duration.
        var dependency: (task: Int, index: Int)?
    }

    static func breakCycles(in plan: inout Plan, into bag: inout DiagnosticBag) {
        var reports = 0
        while true {
            let edges = buildEdges(plan)
            let components = stronglyConnected(nodeCount: plan.tasks.count * 2, edges: edges)
            let cyclic = components.filter { $0.count > 1 }
            if cyclic.isEmpty { return }
            if reports >= maximumReports {
                // Pathological input: cut every dependency inside what is still cyclic, once.
                var removed = 0
                for component in cyclic {
                    let members = Set(component)
                    for edge in edges where members.contains(edge.from) && members.contains(edge.to) {
                        if let (task, index) = edge.dependency, index < plan.tasks[task].dependencies.count {
                            plan.tasks[task].dependencies[index].lagDays = .nan
                            removed += 1
                        }
                    }
                }
                for task in plan.tasks.indices { plan.tasks[task].dependencies.removeAll { $0.lagDays.isNaN } }
                bag.report(.dependencyCycle, "\(removed) more dependencies form cycles; they were all ignored", at: nil,
                           hint: "fix the cycles reported above first, then run again")
                return
            }
            for component in cyclic {
                guard let cycle = shortestCycle(in: component, edges: edges) else { continue }
                report(cycle, plan: plan, into: &bag)
                reports += 1
                // Drop the first dependency of the cycle; the rest is re-examined in the next round.
                if let (task, index) = cycle.compactMap(\.dependency).first {
                    plan.tasks[task].dependencies.remove(at: index)
                }
                break
            }
        }
    }

    static func buildEdges(_ plan: Plan) -> [Edge] {
        var edges: [Edge] = []
        edges.reserveCapacity(plan.tasks.count * 3)
        for (index, task) in plan.tasks.enumerated() {
            let start = index * 2, finish = index * 2 + 1
            if task.kind == .summary {
                for child in task.children {
                    edges.append(Edge(from: start, to: child * 2))
                    edges.append(Edge(from: child * 2 + 1, to: finish))
                }
            } else {
                edges.append(Edge(from: start, to: finish))
            }
            for (position, dependency) in task.dependencies.enumerated() {
                let p = dependency.predecessor
                let (from, to): (Int, Int)
                switch dependency.kind {
                case .finishToStart: (from, to) = (p * 2 + 1, start)
                case .startToStart: (from, to) = (p * 2, start)
                case .finishToFinish: (from, to) = (p * 2 + 1, finish)
                case .startToFinish: (from, to) = (p * 2, finish)
                }
                edges.append(Edge(from: from, to: to, dependency: (index, position)))
            }
        }
        return edges
    }

    /// Tarjan's algorithm with an explicit stack: long chains must not overflow the call stack.
    static func stronglyConnected(nodeCount: Int, edges: [Edge]) -> [[Int]] {
        // Compressed adjacency: the edges leaving node n are order[offsets[n]..<offsets[n+1]].
        var offsets = [Int](repeating: 0, count: nodeCount + 1)
        for edge in edges { offsets[edge.from + 1] += 1 }
        for node in 0..<nodeCount { offsets[node + 1] += offsets[node] }
        var order = [Int](repeating: 0, count: edges.count)
        var fill = offsets
        for (position, edge) in edges.enumerated() { order[fill[edge.from]] = position; fill[edge.from] += 1 }

        var index = [Int](repeating: -1, count: nodeCount)
        var low = [Int](repeating: 0, count: nodeCount)
        var onStack = [Bool](repeating: false, count: nodeCount)
        var stack: [Int] = []
        var components: [[Int]] = []
        var counter = 0
        var work: [(node: Int, next: Int)] = []
        for root in 0..<nodeCount where index[root] < 0 {
            work.append((root, offsets[root]))
            index[root] = counter; low[root] = counter; counter += 1
            stack.append(root); onStack[root] = true
            while let (node, next) = work.last {
                if next < offsets[node + 1] {
                    work[work.count - 1].next += 1
                    let target = edges[order[next]].to
                    if index[target] < 0 {
                        index[target] = counter; low[target] = counter; counter += 1
                        stack.append(target); onStack[target] = true
                        work.append((target, offsets[target]))
                    } else if onStack[target] {
                        low[node] = min(low[node], index[target])
                    }
                } else {
                    work.removeLast()
                    if let parent = work.last?.node { low[parent] = min(low[parent], low[node]) }
                    if low[node] == index[node] {
                        var component: [Int] = []
                        while let member = stack.popLast() {
                            onStack[member] = false
                            component.append(member)
                            if member == node { break }
                        }
                        components.append(component)
                    }
                }
            }
        }
        return components
    }

    /// The shortest cycle through the component's smallest node that uses a dependency edge.
    static func shortestCycle(in component: [Int], edges: [Edge]) -> [Edge]? {
        let members = Set(component)
        var outgoing: [Int: [Int]] = [:]
        for (position, edge) in edges.enumerated() where members.contains(edge.from) && members.contains(edge.to) {
            outgoing[edge.from, default: []].append(position)
        }
        guard let start = component.min() else { return nil }
        var previous: [Int: Int] = [:]  // node -> edge position that reached it
        var queue = [start]
        var head = 0
        while head < queue.count {
            let node = queue[head]; head += 1
            for position in outgoing[node] ?? [] {
                let target = edges[position].to
                if target == start {
                    var cycle = [edges[position]]
                    var current = node
                    while current != start, let back = previous[current] {
                        cycle.append(edges[back])
                        current = edges[back].from
                    }
                    return cycle.reversed()
                }
                if previous[target] == nil, target != start {
                    previous[target] = position
                    queue.append(target)
                }
            }
        }
        return nil
    }

    /// Task ids in a cycle's headline, and hops listed as notes; a longer cycle is shortened.
    static let maximumNamesShown = 10
    static let maximumNotes = 20

    static func report(_ cycle: [Edge], plan: Plan, into bag: inout DiagnosticBag) {
        var notes: [Diagnostic.Note] = []
        var names: [String] = []
        for edge in cycle {
            guard let (task, index) = edge.dependency else { continue }
            let dependency = plan.tasks[task].dependencies[index]
            let predecessor = plan.tasks[dependency.predecessor]
            let kind: String
            switch dependency.kind {
            case .finishToStart: kind = "starts after '\(predecessor.id)' finishes"
            case .startToStart: kind = "starts with '\(predecessor.id)'"
            case .finishToFinish: kind = "finishes with '\(predecessor.id)'"
            case .startToFinish: kind = "finishes after '\(predecessor.id)' starts"
            }
            notes.append(.init("'\(plan.tasks[task].id)' \(kind)", at: dependency.range))
            if names.isEmpty { names.append(predecessor.id) }
            names.append(plan.tasks[task].id)
        }
        if cycle.contains(where: { $0.dependency == nil && ($0.from / 2 != $0.to / 2) }) {
            notes.append(.init("a work package starts before and finishes after each of its parts"))
        }
        guard let first = cycle.compactMap(\.dependency).first else { return }
        let range = plan.tasks[first.task].dependencies[first.index].range
        // A long cycle is named by its ends and a count, so the headline stays one readable line.
        let shown = maximumNamesShown
        let path = names.count <= shown ? names.joined(separator: " → ")
            : (names.prefix(shown / 2) + ["… \(names.count - shown) more …"] + names.suffix(shown / 2)).joined(separator: " → ")
        let hops = names.count - 1
        if notes.count > maximumNotes {
            let hidden = notes.count - maximumNotes
            notes = Array(notes.prefix(maximumNotes)) + [.init("… and \(hidden) more dependencies in this cycle")]
        }
        let headline = names.count <= shown ? "dependency cycle: \(path)" : "dependency cycle of \(hops) dependencies: \(path)"
        bag.report(.dependencyCycle, headline, at: range, notes: notes,
                   hint: "remove or reverse one of these dependencies; planc ignores this one so it can schedule the rest")
    }
}
