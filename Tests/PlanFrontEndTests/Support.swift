import PlanFrontEnd
import PlanModel

/// Compiles in-memory files through the front end, as `planc check` would read them from disk.
func frontEnd(_ files: [String: String], today: String = "2026-03-01") -> FrontEndResult {
    let sources = files.keys.sorted().map { SourceFile(path: $0, bytes: Array(files[$0]!.utf8)) }
    return FrontEnd.compile(files: sources, today: Day(iso: today)!)
}

func frontEnd(_ text: String, today: String = "2026-03-01") -> FrontEndResult {
    frontEnd(["plan.md": text], today: today)
}

extension FrontEndResult {
    /// `line:column code` of every diagnostic, sorted: compact to assert on.
    var placed: [String] {
        var bag = DiagnosticBag()
        bag.append(contentsOf: diagnostics)
        return bag.sorted.map { d in
            let place = d.range.map { "\($0.file):\($0.start.line):\($0.start.column)" } ?? "-"
            return "\(place) \(d.code.rawValue)"
        }
    }

    var codes: [String] { placed.map { String($0.split(separator: " ").last!) } }

    func task(_ id: String) -> PlanTask? { plan.tasks.first { $0.id == id } }
}

let teamFile = """
# Team

- team: core

## People
- Dana Whitfield — id:dana role:"Project manager" rate:900EUR/d
- Omar Haddad — id:omar availability:50% rate:700EUR/d off:2026-04-06..2026-04-10

## Pools
- Backend developers — id:backend size:3 rate:650EUR/d
"""
