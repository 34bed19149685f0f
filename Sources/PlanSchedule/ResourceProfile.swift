/// Daily load of every resource over a window of the day axis that grows on demand in both
/// directions (backward passes can run before the plan's first day).
struct ResourceProfile: Sendable {
    let resourceCount: Int
    private(set) var lo: Int
    private(set) var length: Int
    /// Resource-major: `load[r * length + (day - lo)]`.
    var load: [Int32]

    init(resourceCount: Int, from lo: Int, to hi: Int) {
        self.resourceCount = resourceCount
        self.lo = lo
        length = max(hi - lo, 1)
        load = Array(repeating: 0, count: resourceCount * length)
    }

    /// Makes `from ..< to` addressable.
    @inline(__always) mutating func cover(_ from: Int, _ to: Int) {
        if from >= lo && to <= lo + length { return }
        grow(from, to)
    }

    private mutating func grow(_ from: Int, _ to: Int) {
        let newLo = min(lo, from - length / 2)
        let newHi = max(lo + length, to + length / 2)
        let newLength = newHi - newLo
        var grown = [Int32](repeating: 0, count: resourceCount * newLength)
        for r in 0..<resourceCount {
            let old = r * length, new = r * newLength + (lo - newLo)
            for i in 0..<length { grown[new + i] = load[old + i] }
        }
        load = grown; lo = newLo; length = newLength
    }

    /// Sets every resource's load to zero on `from ..< to` (inside the window).
    mutating func clear(_ from: Int, _ to: Int) {
        let low = max(from, lo) - lo, high = min(to, lo + length) - lo
        guard low < high else { return }
        for r in 0..<resourceCount {
            let base = r * length
            for i in (base + low)..<(base + high) { load[i] = 0 }
        }
    }

    @inline(__always) func index(_ resource: Int, _ day: Int) -> Int { resource * length + (day - lo) }

    /// Load of `resource` on `day` (0 outside the window).
    func load(_ resource: Int, on day: Int) -> Int32 {
        day >= lo && day < lo + length ? load[index(resource, day)] : 0
    }
}
