import PlanModel

/// The last leveling a session computed, kept for the next compile of the same plan. Leveling is
/// most of the schedule phase on a large plan, and it depends only on the scheduling network (and
/// the options): a keystroke in a title, a note or the journal leaves the network as it was, so
/// the editor's next compile (`planc lsp`) or the next rebuild (`planc serve`) takes the times
/// from here instead of searching again. The result is the same as without the memo, since the
/// search is a function of exactly what the key compares (tested both ways).
public struct LevelingMemo: Sendable {
    struct Key: Equatable, Sendable {
        var network: SchedulingNetwork
        var low: Int
        var budget: Int
        var seed: UInt64
        var requiredGain: Double
    }

    private var key: Key?
    private var analysis: TimeAnalysis?
    private var leveled: LevelingSearch.Result?
    /// How many schedules took their leveling from the memo (for tests and benchmarks).
    public private(set) var reused = 0

    public init() {}

    /// The time analysis and leveling of `key`'s network: the remembered ones when the network
    /// is the last one's, otherwise computed by `compute` and remembered.
    mutating func level(_ key: Key, compute: () -> (TimeAnalysis, LevelingSearch.Result)) -> (TimeAnalysis, LevelingSearch.Result) {
        if let analysis, let leveled, self.key == key {
            reused += 1
            return (analysis, leveled)
        }
        let (analysis, leveled) = compute()
        self.key = key; self.analysis = analysis; self.leveled = leveled
        return (analysis, leveled)
    }
}
