import Foundation
import PlanFrontEnd
import PlanModel

/// Go to definition, find references, document and workspace symbols, and rename: all answered
/// from the symbol index of the last compile, never by reading the Markdown again.
extension LanguageServer {
    /// A request's answer: a result, or an error the client shows.
    enum Reply {
        case result(Any)
        case error(ErrorCode, String)
    }

    func respond(_ id: Any, _ answer: Reply) {
        switch answer {
        case .result(let result): reply(id: id, result: result)
        case .error(let code, let message): reply(id: id, error: code, message)
        }
    }

    // MARK: Positions

    /// The path of `params.textDocument`.
    func documentPath(_ params: [String: Any]) -> String? {
        ((params["textDocument"] as? [String: Any])?["uri"] as? String).flatMap(Self.path(uri:))
    }

    /// `params.position` as planc's 1-based line and character column, over the buffer's text.
    func sourceLocation(_ params: [String: Any]) -> (path: String, location: SourceLocation)? {
        guard let path = documentPath(params), let position = params["position"] as? [String: Any],
              let line = position["line"] as? Int, let character = position["character"] as? Int else { return nil }
        return (path, lines(of: path).location(line: line, character: character))
    }

    /// The id under the cursor.
    func occurrence(_ params: [String: Any]) -> SymbolOccurrence? {
        guard let (path, location) = sourceLocation(params) else { return nil }
        return symbols.occurrence(in: path, at: location)
    }

    func lspLocation(_ range: SourceRange) -> [String: Any] {
        ["uri": Self.uri(path: range.file), "range": lspRange(range)]
    }

    /// For answers with many places: splits each file into lines once.
    func rangeWriter() -> RangeWriter { RangeWriter(lines: lines(of:)) }

    // MARK: Definition and references

    func definition(_ params: [String: Any]) -> Any {
        guard let symbol = occurrence(params)?.symbol, let declaration = symbols.declaration(of: symbol) else { return NSNull() }
        return lspLocation(declaration.range)
    }

    func references(_ params: [String: Any]) -> Any {
        guard let symbol = occurrence(params)?.symbol else { return NSNull() }
        let declarations = ((params["context"] as? [String: Any])?["includeDeclaration"] as? Bool) ?? true
        var writer = rangeWriter()
        return symbols.occurrences(of: symbol).filter { declarations || $0.role == .reference }.map { writer.location($0.range) }
    }

    // MARK: Rename

    /// The id token under the cursor (or the title an id is derived from), or null where there is none.
    func prepareRename(_ params: [String: Any]) -> Reply {
        guard let occurrence = occurrence(params), let plan = compiled?.plan else { return .result(NSNull()) }
        if let refusal = renameRefusal(occurrence.symbol) { return .error(.requestFailed, refusal) }
        return .result(["range": lspRange(occurrence.range), "placeholder": plan.id(of: occurrence.symbol)] as [String: Any])
    }

    /// A workspace edit that replaces every id token of the symbol under the cursor, and nothing
    /// else, computed against the open buffers (the text the last compile read). An id derived
    /// from a title has no token there: the title stays and `id:NEW` is added to its line, so
    /// the references, renamed, still find it.
    func rename(_ params: [String: Any]) -> Reply {
        guard let occurrence = occurrence(params), let plan = compiled?.plan else {
            return .error(.requestFailed, "there is no task, person, pool, risk or calendar id here")
        }
        guard let newName = params["newName"] as? String else { return .error(.invalidParams, "newName is missing") }
        let symbol = occurrence.symbol
        if let refusal = renameRefusal(symbol) { return .error(.requestFailed, refusal) }
        guard EditorVocabulary.isValidID(newName) else {
            return .error(.invalidParams, "'\(newName)' is not a valid id: use letters, digits, '-', '_' or '.'")
        }
        if newName != plan.id(of: symbol), let holder = holder(of: newName, like: symbol, plan) {
            return .error(.requestFailed, "'\(newName)' is already the id of \(holder)")
        }
        var changes: [String: [[String: Any]]] = [:]
        var writer = rangeWriter()
        for place in symbols.occurrences(of: symbol) {
            let edit = place.role == .title ? idInsertion(after: place.range, newName) : ["range": writer.range(place.range), "newText": newName]
            changes[Self.uri(path: place.range.file), default: []].append(edit)
        }
        return .result(["changes": changes])
    }

    private func renameRefusal(_ symbol: SymbolRef) -> String? {
        if case .calendar(let index) = symbol, index == Plan.defaultCalendar {
            return "the calendar 'default' is the one used where none is named; its name cannot change"
        }
        return nil
    }

    /// ` id:NEW` at the end of the line whose title is `title`, or ` — id:NEW` when the line has
    /// no attributes yet.
    private func idInsertion(after title: SourceRange, _ id: String) -> [String: Any] {
        let table = lines(of: title.file)
        let line = title.start.line - 1
        let text = line < table.lines.count ? table.lines[line] : ""
        let rest = text.dropFirst(max(title.end.column - 1, 0))
        let hasAttributes = rest.hasPrefix(" — ") || rest.hasPrefix(" -- ")
        let end = ["line": line, "character": table.length(ofLine: line)]
        return ["range": ["start": end, "end": end], "newText": (hasAttributes ? " id:" : " — id:") + id]
    }

    /// What already has `id` in the namespace `symbol` lives in: a task of the same project (a
    /// written id would take the references of a title with that id), any person or pool, a risk
    /// of the same project, any calendar.
    private func holder(of id: String, like symbol: SymbolRef, _ plan: Plan) -> String? {
        switch symbol {
        case .task(let index):
            let project = plan.projects[plan.tasks[index].projectIndex]
            return project.taskRange.first { plan.tasks[$0].id == id }.map { "task '\(plan.tasks[$0].title)' in project '\(project.id)'" }
        case .resource:
            if let person = plan.people.first(where: { $0.id == id }) { return "person '\(person.name)'" }
            return plan.pools.first { $0.id == id }.map { "pool '\($0.name)'" }
        case .risk(let project, _):
            return plan.projects[project].risks.first { $0.id == id }.map { "risk '\($0.title)'" }
        case .calendar:
            return plan.calendars.contains { $0.name == id } ? "another calendar" : nil
        }
    }

    // MARK: Symbols

    /// The file as an outline: its project with the work breakdown (packages, tasks, subtasks) and
    /// risks, or the people, pools and calendar a shared file defines.
    func documentSymbols(_ params: [String: Any]) -> Any {
        guard let path = documentPath(params), let compiled else { return [Any]() }
        let plan = compiled.plan
        let schedule = compiled.schedule.flatMap { $0.tasks.count == plan.tasks.count ? $0 : nil }
        var writer = rangeWriter()
        var childrenOf: [Int: [Int]] = [:]
        var roots: [Int: [Int]] = [:]   // by project
        for (index, task) in plan.tasks.enumerated() where task.range.file == path {
            if let parent = task.parent, plan.tasks[parent].range.file == path {
                childrenOf[parent, default: []].append(index)
            } else {
                roots[task.projectIndex, default: []].append(index)
            }
        }
        // Returns the node and the end of its last descendant: an outline node spans its children.
        func taskNode(_ index: Int) -> ([String: Any], SourceRange) {
            let task = plan.tasks[index]
            var end = task.range
            var children: [[String: Any]] = []
            for child in childrenOf[index] ?? [] {
                let (node, last) = taskNode(child)
                children.append(node)
                end = last
            }
            let kind = task.kind == .summary ? 4 : task.kind == .milestone ? 24 : 12
            var detail = task.id
            if let dates = schedule?.tasks[index] { detail += "  \(dates.start.iso) → \(dates.finish.iso)" }
            let whole = SourceRange(file: path, start: task.range.start, end: end.end)
            return (symbol(task.title, detail, kind, whole, symbols.declaration(of: .task(index))?.range ?? task.range, children, &writer), whole)
        }
        let table = lines(of: path)
        let fileEnd = SourceLocation(line: table.lines.count, column: (table.lines.last?.count ?? 0) + 1)
        var outline: [[String: Any]] = []
        for (projectIndex, project) in plan.projects.enumerated() {
            var children = (roots[projectIndex] ?? []).map { taskNode($0).0 }
            for (riskIndex, risk) in project.risks.enumerated() where risk.range.file == path {
                let selection = symbols.declaration(of: .risk(project: projectIndex, index: riskIndex))?.range ?? risk.range
                children.append(symbol(risk.title, risk.id, 14, risk.range, selection, [], &writer))
            }
            if project.file == path {
                let whole = SourceRange(file: path, start: SourceLocation(line: 1, column: 1), end: fileEnd)
                outline.append(symbol(project.title, project.id, 2, whole, project.range, children, &writer))
            } else {
                outline += children
            }
        }
        for (index, person) in plan.people.enumerated() where person.range.file == path {
            let selection = symbols.declaration(of: .resource(.person(index)))?.range ?? person.range
            outline.append(symbol(person.name, "@" + person.id, 19, person.range, selection, [], &writer))
        }
        for (index, pool) in plan.pools.enumerated() where pool.range.file == path {
            let selection = symbols.declaration(of: .resource(.pool(index)))?.range ?? pool.range
            outline.append(symbol(pool.name, "@\(pool.id) ×\(pool.size)", 18, pool.range, selection, [], &writer))
        }
        for calendar in plan.calendars {
            guard let range = calendar.range, range.file == path else { continue }
            outline.append(symbol(calendar.name, "calendar", 3, range, range, [], &writer))
        }
        return outline
    }

    private func symbol(_ name: String, _ detail: String, _ kind: Int, _ range: SourceRange, _ selection: SourceRange,
                        _ children: [[String: Any]], _ writer: inout RangeWriter) -> [String: Any] {
        // An empty name is invalid in LSP; an entry without a title still has an id.
        ["name": name.isEmpty ? detail : name, "detail": detail, "kind": kind, "range": writer.range(range),
         "selectionRange": writer.range(selection), "children": children]
    }

    /// Tasks, people, pools, risks, calendars and projects whose id or title contains the query
    /// (ignoring case), then those that hold its letters in order; within each, by file and line.
    func workspaceSymbols(_ params: [String: Any]) -> Any {
        guard let plan = compiled?.plan else { return [Any]() }
        let query = (params["query"] as? String ?? "").lowercased()
        var found: [(rank: Int, range: SourceRange, item: [String: Any])] = []
        var writer = rangeWriter()
        func offer(_ title: String, _ id: String, _ kind: Int, _ range: SourceRange, _ container: String?) {
            let text = (title + " " + id).lowercased()
            let rank: Int
            if query.isEmpty || text.contains(query) { rank = 0 } else if Self.holdsInOrder(query, text) { rank = 1 } else { return }
            var item: [String: Any] = ["name": title.isEmpty || title == id ? id : "\(title) (\(id))", "kind": kind,
                                       "location": writer.location(range)]
            if let container { item["containerName"] = container }
            found.append((rank, range, item))
        }
        for project in plan.projects { offer(project.title, project.id, 2, project.range, nil) }
        for (index, task) in plan.tasks.enumerated() {
            let kind = task.kind == .summary ? 4 : task.kind == .milestone ? 24 : 12
            offer(task.title, task.id, kind, symbols.declaration(of: .task(index))?.range ?? task.range, plan.projects[task.projectIndex].id)
        }
        for (index, person) in plan.people.enumerated() {
            offer(person.name, person.id, 19, symbols.declaration(of: .resource(.person(index)))?.range ?? person.range, nil)
        }
        for (index, pool) in plan.pools.enumerated() {
            offer(pool.name, pool.id, 18, symbols.declaration(of: .resource(.pool(index)))?.range ?? pool.range, nil)
        }
        for (projectIndex, project) in plan.projects.enumerated() {
            for (index, risk) in project.risks.enumerated() {
                offer(risk.title, risk.id, 14, symbols.declaration(of: .risk(project: projectIndex, index: index))?.range ?? risk.range, project.id)
            }
        }
        for calendar in plan.calendars { if let range = calendar.range { offer("", calendar.name, 3, range, nil) } }
        return found.sorted { ($0.rank, $0.range) < ($1.rank, $1.range) }.map(\.item)
    }

    /// Whether the characters of `query` appear in `text` in order (a fuzzy match: `dtad` finds
    /// `data-audit`).
    static func holdsInOrder(_ query: String, _ text: String) -> Bool {
        var rest = text[...]
        for character in query {
            guard let found = rest.firstIndex(of: character) else { return false }
            rest = rest[rest.index(after: found)...]
        }
        return true
    }
}

/// LSP ranges for an answer with many places: each file is split into lines once, not once per
/// range (an outline of a file of 10,000 tasks would split it 10,000 times).
struct RangeWriter {
    let lines: (String) -> LineTable
    private var tables: [String: LineTable] = [:]
    private var uris: [String: String] = [:]

    init(lines: @escaping (String) -> LineTable) { self.lines = lines }

    mutating func range(_ range: SourceRange) -> [String: Any] {
        let table = tables[range.file] ?? lines(range.file)
        tables[range.file] = table
        let start = table.position(line: range.start.line, column: range.start.column)
        let end = table.position(line: range.end.line, column: range.end.column)
        return ["start": ["line": start.line, "character": start.character], "end": ["line": end.line, "character": end.character]]
    }

    mutating func location(_ range: SourceRange) -> [String: Any] {
        let uri = uris[range.file] ?? LanguageServer.uri(path: range.file)
        uris[range.file] = uri
        return ["uri": uri, "range": self.range(range)]
    }
}

extension LineTable {
    /// The 1-based line and character column of a 0-based LSP line and UTF-16 offset; an offset
    /// inside a character (half of an emoji's surrogate pair) is that character.
    func location(line: Int, character: Int) -> SourceLocation {
        guard line >= 0, line < lines.count else { return SourceLocation(line: line + 1, column: character + 1) }
        var units = 0
        var column = 1
        for next in lines[line] {
            if units >= character { break }
            units += next.utf16.count
            if units > character { break }
            column += 1
        }
        return SourceLocation(line: line + 1, column: column + max(character - units, 0))
    }
}
