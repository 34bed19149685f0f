import PlanSchedule

/// One PSPLIB single-mode instance (`.sm`), as read from the file.
struct PSPLIBInstance {
    var name: String
    /// Parameter and instance numbers from the file name (`j3012_7` -> 12, 7).
    var parameter: Int
    var number: Int
    var project: ResourceConstrainedProject
    /// `MPM-Time`: the critical-path length stated in the file.
    var statedCriticalPath: Int?

    enum ReadError: Error, CustomStringConvertible {
        case malformed(String, String)
        var description: String {
            switch self { case let .malformed(file, why): return "\(file): \(why)" }
        }
    }

    init(name: String, text: String) throws {
        self.name = name
        let stem = name.split(separator: "/").last.map(String.init) ?? name
        let digits = stem.drop { !$0.isNumber }.prefix { $0 != "." }
        let parts = digits.split(separator: "_")
        // `j3012_7`: the two digits of the set size come first (30, 60, 90, 120).
        if parts.count == 2, let instance = Int(parts[1]) {
            let head = parts[0]
            let setDigits = head.hasPrefix("120") ? 3 : 2
            parameter = Int(head.dropFirst(setDigits)) ?? 0
            number = instance
        } else {
            parameter = 0; number = 0
        }
        let lines = text.split(whereSeparator: \.isNewline).map(String.init)
        func numbers(_ line: String) -> [Int] { line.split(separator: " ").compactMap { Int($0) } }
        guard let precedence = lines.firstIndex(where: { $0.hasPrefix("PRECEDENCE RELATIONS") }),
              let requests = lines.firstIndex(where: { $0.hasPrefix("REQUESTS/DURATIONS") }),
              let availability = lines.firstIndex(where: { $0.hasPrefix("RESOURCEAVAILABILITIES") })
        else { throw ReadError.malformed(name, "missing PRECEDENCE, REQUESTS or RESOURCEAVAILABILITIES section") }
        if let info = lines.firstIndex(where: { $0.hasPrefix("PROJECT INFORMATION") }), info + 2 < lines.count {
            let row = numbers(lines[info + 2])
            statedCriticalPath = row.count >= 6 ? row[5] : nil
        }
        var successors: [[Int]] = []
        for line in lines[(precedence + 2)...] {
            if line.hasPrefix("*") { break }
            let row = numbers(line)
            guard row.count >= 3 else { continue }
            successors.append(row.dropFirst(3).map { $0 - 1 })
        }
        var durations: [Int] = [], demand: [[Int]] = []
        for line in lines[(requests + 3)...] {
            if line.hasPrefix("*") { break }
            let row = numbers(line)
            guard row.count >= 4 else { continue }
            durations.append(row[2]); demand.append(Array(row.dropFirst(3)))
        }
        guard availability + 2 < lines.count else { throw ReadError.malformed(name, "no capacities") }
        let capacities = numbers(lines[availability + 2])
        guard durations.count == successors.count, !durations.isEmpty, !capacities.isEmpty else {
            throw ReadError.malformed(name, "\(successors.count) precedence rows but \(durations.count) request rows")
        }
        project = ResourceConstrainedProject(durations: durations, successors: successors, requests: demand,
                                             capacities: capacities)
    }

    /// Precedence and per-period capacity hold for `starts`; returns the first violation.
    func violation(starts: [Int]) -> String? {
        let p = project
        guard starts.count == p.durations.count else { return "wrong number of starts" }
        for j in starts.indices {
            if starts[j] < 0 { return "activity \(j + 1) starts before 0" }
            for q in p.successors[j] where starts[q] < starts[j] + p.durations[j] {
                return "activity \(q + 1) starts before its predecessor \(j + 1) ends"
            }
        }
        let horizon = zip(starts, p.durations).map { $0 + $1 }.max() ?? 0
        for r in p.capacities.indices {
            var load = [Int](repeating: 0, count: horizon + 1)
            for j in starts.indices where r < p.requests[j].count {
                for t in starts[j]..<(starts[j] + p.durations[j]) { load[t] += p.requests[j][r] }
            }
            if let t = load.firstIndex(where: { $0 > p.capacities[r] }) {
                return "resource R\(r + 1) over capacity in period \(t)"
            }
        }
        return nil
    }
}

/// A table of optima or bounds: `j30opt.sm` (parameter, instance, makespan), `j60hrs.sm`
/// (the same with dates and authors) or `j60lb.sm` (parameter, instance, upper, lower).
struct ReferenceTable {
    /// Makespan to compare against, by (parameter, instance).
    var values: [Int: Int] = [:]
    /// Whether the values are lower bounds (`j60lb.sm`) rather than optima or best known values.
    var areLowerBounds = false

    static func key(_ parameter: Int, _ instance: Int) -> Int { parameter * 10_000 + instance }

    init(text: String) {
        let lines = text.split(whereSeparator: \.isNewline)
        areLowerBounds = text.contains("lower bounds")
        for line in lines {
            let fields = line.split(whereSeparator: { $0 == " " || $0 == "\t" })
            guard fields.count >= 3, let parameter = Int(fields[0]), let instance = Int(fields[1]),
                  let first = Int(fields[2]) else { continue }
            var value = first
            if areLowerBounds, fields.count >= 4, let lower = Int(fields[3]) { value = lower }
            values[ReferenceTable.key(parameter, instance)] = value
        }
    }

    func value(_ parameter: Int, _ instance: Int) -> Int? { values[ReferenceTable.key(parameter, instance)] }
}
