/// A structure-aware mutator: it changes a plan the way people edit one, a line or a value at a
/// time, so mutated inputs stay plans and reach the checker, the scheduler and the site instead
/// of being dropped by the loader as "not a plan". libFuzzer's byte-level mutations (with
/// `Fuzz/plan.dict`) take the remaining share of the work.
struct PlanMutator {
    /// Lines of the plan language, inserted whole.
    static let lines: [String] = [
        "# Fuzzed project", "- project: fz", "- part-of: fz", "- team: core", "- calendar: de", "- settings: acme",
        "- start: 2026-01-05", "- deadline: 2026-06-30", "- status: active", "- currency: EUR", "- tracks-actuals: yes",
        "- budget: 120000 EUR", "- owner: @dana", "- theme: site-theme",
        "## Work", "## Milestones", "## Risks", "## Journal", "## Notes", "## Objectives", "## Scope", "## Issues",
        "## Decisions", "## Outcome", "## Lessons learned", "## People", "## Holidays", "## Working time",
        "### Discovery", "#### Deep phase",
        "- [ ] Data audit — 8d @omar after:stakeholder-interviews 40%",
        "- [x] Stakeholder interviews — 5d @dana finished:2026-01-16",
        "- [ ] Design sign-off — milestone after:data-audit due:2026-02-20",
        "- [ ] Build — 3w @dana:50% @omar after:design-sign-off+2d",
        "- [ ] Migrate {#migrate} — 10d effort @team start:2026-03-02",
        "- [ ] Cutover — 1d after:migrate,build fixed:2026-04-01",
        "  - [ ] Nested step — 2h",
        "    - [ ] Deeper step — 0.5d after:nested-step",
        "- [ ] Late task — 4d due:2026-01-01 blocked:waiting for vendor",
        "- @dana Dana Fischer — 8h/day, 90 EUR/h, off 2026-02-02..2026-02-06",
        "- @omar Omar — 50% from 2026-03-01",
        "- 2026-05-01 Labour day", "- Mon-Fri 09:00-17:00",
        "- R1 Vendor late — likelihood 4 impact 5 owner @dana mitigation: weekly calls",
        "- 2026-09-14 amber: data quality slips", "- 2026-09-15 red: **cutover** moved",
        "- [x] Objective met — result: yes", "- In: contacts", "- Out: invoices",
        "See ![chart](https://tracker.example/p.png) and [link](../other.md).",
        "| a | b |", "|---|---|", "```", "> quote", "---", "", "<script>alert(1)</script>",
    ]

    /// Values swapped for others of the same kind.
    static let values: [[String]] = [
        ["1d", "0d", "5d", "3w", "2h", "0.5d", "100d", "1000w", "999999d", "-1d", "1m"],
        ["2026-01-05", "2026-02-30", "2025-12-31", "1900-01-01", "9999-12-31", "2026-13-01", "2026-09-15"],
        ["0%", "40%", "100%", "101%", "-5%", "99.9%"],
        ["@dana", "@omar", "@team", "@nobody", "@dana:50%", "@dana:0%"],
        ["after:data-audit", "after:build", "after:migrate+2d", "after:cutover-3d", "after:self", "after:fz/migrate"],
        ["milestone", "effort", "fixed:2026-04-01", "due:2026-02-20", "start:2026-03-02", "finished:2026-01-16"],
    ]

    var state: UInt64

    init(seed: UInt32) { state = UInt64(seed) &+ 0x9E37_79B9_7F4A_7C15 }

    mutating func next(_ bound: Int) -> Int {
        // splitmix64: small, fast, and the same sequence for the same seed.
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        z ^= z >> 31
        return bound <= 0 ? 0 : Int(z % UInt64(bound))
    }

    /// One structural edit of `input`; nil when the edit does not apply (the caller then lets
    /// libFuzzer mutate bytes).
    mutating func mutate(_ input: [UInt8]) -> [UInt8]? {
        var lines = input.split(separator: 10, omittingEmptySubsequences: false).map(Array.init)
        let choice = next(8)
        switch choice {
        case 0, 1:
            lines.insert(Array(Self.lines[next(Self.lines.count)].utf8), at: next(lines.count + 1))
        case 2:
            guard lines.count > 1 else { return nil }
            lines.remove(at: next(lines.count))
        case 3:
            guard !lines.isEmpty else { return nil }
            let index = next(lines.count)
            lines.insert(lines[index], at: next(lines.count + 1))
        case 4:
            guard lines.count > 1 else { return nil }
            lines.swapAt(next(lines.count), next(lines.count))
        case 5:
            guard !lines.isEmpty else { return nil }
            let index = next(lines.count)
            lines[index] = next(2) == 0 ? Array("  ".utf8) + lines[index] : Array(lines[index].drop { $0 == 32 })
        case 6:
            // Replace a value by another of its kind, or append one to a line.
            guard !lines.isEmpty else { return nil }
            let index = next(lines.count)
            let kind = Self.values[next(Self.values.count)]
            var text = String(decoding: lines[index], as: UTF8.self)
            let words = text.split(separator: " ")
            if let word = words.first(where: { w in kind.contains { $0.prefix(3) == w.prefix(3) } }), let range = text.range(of: word) {
                text.replaceSubrange(range, with: kind[next(kind.count)])
            } else {
                text += " " + kind[next(kind.count)]
            }
            lines[index] = Array(text.utf8)
        default:
            // Splice in another file boundary (NUL) or remove one.
            if let nul = input.firstIndex(of: 0), next(2) == 0 {
                var copy = input
                copy.remove(at: nul)
                return copy
            }
            var copy = input
            copy.insert(0, at: next(copy.count + 1))
            return copy
        }
        return Array(lines.joined(separator: [10]))
    }
}
