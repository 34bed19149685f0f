/// The independent parts of a network: activities joined by a link or by a shared resource
/// belong to the same component, and nothing in one component can change the times of another.
///
/// The leveling search chooses a schedule per component, so an edit in one team's work never
/// changes which schedule another team gets.
struct LevelingComponents: Sendable {
    /// Component of each activity, numbered in order of their lowest activity index.
    let componentOf: [Int32]
    let count: Int
    /// The (component, group) cell of each activity: a component's objective is the sum of its
    /// cells' ends, its share of the sum of the project ends.
    let cellOf: [Int32]
    let componentOfCell: [Int32]

    init(network: SchedulingNetwork) {
        let n = network.count
        var parent = Array(0..<n)
        func root(_ x: Int) -> Int {
            var x = x
            while parent[x] != x { parent[x] = parent[parent[x]]; x = parent[x] }
            return x
        }
        // The smaller index becomes the root, so numbering below follows the lowest activity.
        func join(_ a: Int, _ b: Int) {
            let ra = root(a), rb = root(b)
            if ra < rb { parent[rb] = ra } else if rb < ra { parent[ra] = rb }
        }
        for j in 0..<n {
            for index in network.predecessorRange(j) { join(j, Int(network.predecessors[index].other)) }
        }
        var firstUser = [Int](repeating: -1, count: network.capacities.count)
        for j in 0..<n {
            for u in network.useRange(j) {
                let r = Int(network.uses[u].resource)
                if firstUser[r] < 0 { firstUser[r] = j } else { join(j, firstUser[r]) }
            }
        }
        var number = [Int32](repeating: -1, count: n)
        var components = [Int32](repeating: 0, count: n)
        var next: Int32 = 0
        for j in 0..<n {
            let r = root(j)
            if number[r] < 0 { number[r] = next; next += 1 }
            components[j] = number[r]
        }
        componentOf = components
        count = Int(next)
        var cells: [Int: Int32] = [:]
        var cellOf = [Int32](repeating: 0, count: n)
        var componentOfCell: [Int32] = []
        for j in 0..<n {
            let key = Int(components[j]) * max(network.groupCount, 1) + Int(network.group[j])
            if let known = cells[key] { cellOf[j] = known; continue }
            let cell = Int32(componentOfCell.count)
            cells[key] = cell
            componentOfCell.append(components[j])
            cellOf[j] = cell
        }
        self.cellOf = cellOf
        self.componentOfCell = componentOfCell
    }

    /// Each component's share of the objective: the sum of the ends of its groups' activities.
    func objectives(_ times: ActivityTimes) -> [Int] {
        var cellEnd = [Int](repeating: Int.min, count: componentOfCell.count)
        for j in times.end.indices where times.end[j] > cellEnd[Int(cellOf[j])] { cellEnd[Int(cellOf[j])] = times.end[j] }
        var result = [Int](repeating: 0, count: count)
        for cell in cellEnd.indices where cellEnd[cell] != Int.min { result[Int(componentOfCell[cell])] += cellEnd[cell] }
        return result
    }

    /// The days each component spans in `times`, from its earliest start in `from`.
    func spans(_ times: ActivityTimes, from: ActivityTimes) -> [Int] {
        var low = [Int](repeating: Int.max, count: count), high = [Int](repeating: Int.min, count: count)
        for j in times.end.indices {
            let c = Int(componentOf[j])
            low[c] = min(low[c], from.start[j]); high[c] = max(high[c], times.end[j])
        }
        return (0..<count).map { high[$0] >= low[$0] ? high[$0] - low[$0] : 0 }
    }
}
