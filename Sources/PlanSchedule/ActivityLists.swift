/// Activity lists: orders of the unpinned activities in which every activity comes after its
/// predecessors (forward) or after its successors (backward). The serial scheme turns a list
/// into a schedule; the leveling search varies the list.
extension SchedulingNetwork {
    /// The unpinned predecessors (forward) or successors (backward) each activity waits for.
    func waitingCounts(forward: Bool) -> [Int32] {
        var counts = [Int32](repeating: 0, count: count)
        for j in 0..<count where !isPinned(j) {
            let range = forward ? predecessorRange(j) : successorRange(j)
            let links = forward ? predecessors : successors
            var n: Int32 = 0
            for index in range where !isPinned(Int(links[index].other)) { n += 1 }
            counts[j] = n
        }
        return counts
    }

    /// The list that always takes the eligible activity with the smallest key, then the smallest
    /// index. Forward lists take the lowest `rank` first whatever the keys say (`ranked`), so no
    /// search can put lower-priority work ahead. Activities caught in a cycle (which the plan
    /// builder breaks first) come last, by index.
    func list(keys: [Int], forward: Bool, ranked: Bool = true) -> [Int32] {
        var waiting = waitingCounts(forward: forward)
        var heap = EligibleHeap()
        var unpinned = 0
        let byRank = forward && ranked && !rank.isEmpty
        for j in 0..<count where !isPinned(j) {
            unpinned += 1
            if waiting[j] == 0 { heap.push(rank: byRank ? rank[j] : 0, key: keys[j], id: Int32(j)) }
        }
        var order: [Int32] = []
        order.reserveCapacity(unpinned)
        let links = forward ? successors : predecessors
        while let j = heap.pop() {
            order.append(j)
            for index in (forward ? successorRange(Int(j)) : predecessorRange(Int(j))) {
                let next = Int(links[index].other)
                if isPinned(next) { continue }
                waiting[next] -= 1
                if waiting[next] == 0 { heap.push(rank: byRank ? rank[next] : 0, key: keys[next], id: Int32(next)) }
            }
        }
        if order.count < unpinned {
            var placed = [Bool](repeating: false, count: count)
            for j in order { placed[Int(j)] = true }
            for j in 0..<count where !isPinned(j) && !placed[j] { order.append(Int32(j)) }
        }
        return order
    }
}

/// A binary min-heap of activity ids keyed by (rank, key), ties by the smaller id.
struct EligibleHeap {
    private var ranks: [Int32] = []
    private var keys: [Int] = []
    private var ids: [Int32] = []

    var isEmpty: Bool { ids.isEmpty }

    @inline(__always) private func less(_ a: Int, _ b: Int) -> Bool {
        if ranks[a] != ranks[b] { return ranks[a] < ranks[b] }
        return keys[a] < keys[b] || (keys[a] == keys[b] && ids[a] < ids[b])
    }

    private mutating func swap(_ a: Int, _ b: Int) {
        ranks.swapAt(a, b); keys.swapAt(a, b); ids.swapAt(a, b)
    }

    mutating func push(rank: Int32 = 0, key: Int, id: Int32) {
        ranks.append(rank); keys.append(key); ids.append(id)
        var child = ids.count - 1
        while child > 0 {
            let parent = (child - 1) / 2
            guard less(child, parent) else { break }
            swap(child, parent)
            child = parent
        }
    }

    mutating func pop() -> Int32? {
        guard let top = ids.first else { return nil }
        let last = ids.count - 1
        swap(0, last)
        ranks.removeLast(); keys.removeLast(); ids.removeLast()
        var parent = 0
        while true {
            let left = 2 * parent + 1, right = left + 1
            var smallest = parent
            if left < ids.count && less(left, smallest) { smallest = left }
            if right < ids.count && less(right, smallest) { smallest = right }
            if smallest == parent { break }
            swap(parent, smallest)
            parent = smallest
        }
        return top
    }
}
