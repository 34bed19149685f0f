import PlanModel

/// The plan's symbol occurrences (`Plan.occurrences`, recorded by lowering) arranged for an
/// editor's questions: which id is under the cursor (by file, sorted, found by binary search) and
/// where else a symbol is written (by symbol). Built once per compile, in time linear in the plan.
struct SymbolIndex {
    let occurrences: [SymbolOccurrence]
    private let byFile: [String: [Int]]
    private let bySymbol: [SymbolRef: [Int]]

    init(_ plan: Plan) {
        occurrences = plan.occurrences
        var byFile: [String: [Int]] = [:]
        var bySymbol: [SymbolRef: [Int]] = [:]
        for (index, occurrence) in occurrences.enumerated() {
            byFile[occurrence.range.file, default: []].append(index)
            bySymbol[occurrence.symbol, default: []].append(index)
        }
        let all = occurrences
        self.byFile = byFile.mapValues { $0.sorted { all[$0].range < all[$1].range } }
        self.bySymbol = bySymbol.mapValues { $0.sorted { all[$0].range < all[$1].range } }
    }

    init() { self.init(Plan()) }

    /// The occurrence whose range holds `location`, its end included so a cursor just after an id
    /// still names it. Occurrences of one file never overlap (ids, titles and tokens are apart).
    func occurrence(in file: String, at location: SourceLocation) -> SymbolOccurrence? {
        guard let indices = byFile[file] else { return nil }
        var low = 0, high = indices.count
        while low < high {
            let middle = (low + high) / 2
            if occurrences[indices[middle]].range.start <= location { low = middle + 1 } else { high = middle }
        }
        guard low > 0 else { return nil }
        let candidate = occurrences[indices[low - 1]]
        return location <= candidate.range.end ? candidate : nil
    }

    /// Every place `symbol` is written, declaration first, then in file and position order.
    func occurrences(of symbol: SymbolRef) -> [SymbolOccurrence] {
        let found = (bySymbol[symbol] ?? []).map { occurrences[$0] }
        return found.filter { $0.role != .reference } + found.filter { $0.role == .reference }
    }

    /// Where `symbol` is declared: its id token, else the title its id is derived from.
    func declaration(of symbol: SymbolRef) -> SymbolOccurrence? {
        (bySymbol[symbol] ?? []).lazy.map { occurrences[$0] }.first { $0.role != .reference }
    }
}

extension Plan {
    /// The id `symbol` is written with.
    func id(of symbol: SymbolRef) -> String {
        switch symbol {
        case .task(let index): tasks[index].id
        case .resource(.person(let index)): people[index].id
        case .resource(.pool(let index)): pools[index].id
        case .calendar(let index): calendars[index].name
        case .risk(let project, let index): projects[project].risks[index].id
        }
    }
}
