import Foundation
import PlanLanguageServer
import PlanModel
import Testing

extension ServerTests.Session {
    /// Sends a request and returns its response (the server answers synchronously).
    func request(_ method: String, _ params: [String: Any] = [:]) -> [String: Any] {
        let id = sent.count + 1000
        handle(["jsonrpc": "2.0", "id": id, "method": method, "params": params])
        return sent.last { ($0["id"] as? Int) == id } ?? [:]
    }

    func open(_ folder: URL, _ file: String, _ text: String) {
        handle(["jsonrpc": "2.0", "method": "textDocument/didOpen",
                "params": ["textDocument": ["uri": folder.appendingPathComponent(file).absoluteString, "languageId": "markdown",
                                            "version": 1, "text": text] as [String: Any]]])
    }

    func initialize(_ folder: URL) {
        handle(["jsonrpc": "2.0", "id": 1, "method": "initialize", "params": ["rootUri": folder.absoluteString] as [String: Any]])
        handle(["jsonrpc": "2.0", "method": "initialized", "params": [:] as [String: Any]])
    }
}

/// A plan over two files, with em dashes, CJK and an emoji before the ids on its lines.
struct NavigationFixture {
    static let team = """
        # Team

        - team: core

        ## People
        - Dana Whitfield — id:dana
        - 李 Wei — id:wei

        ## Pools
        - Backend developers — id:backend size:2

        """
    static let plan = """
        # Launch — 🚀

        - project: launch
        - owner: @dana
        - start: 2026-03-02

        ## Work
        ### Build — id:build
        - [ ] Design — 数据 — id:design 2d @dana
        - [ ] Build 🚀 API — id:api 3d @wei @backend after:design
        - [ ] Go-live — milestone after:api,design+1d

        ## Risks
        - Vendor late — id:vendor-late owner:@dana tasks:api,design

        """

    let folder: URL
    let session = ServerTests.Session()

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("planc-nav-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Self.team.write(to: folder.appendingPathComponent("team.md"), atomically: true, encoding: .utf8)
        try Self.plan.write(to: folder.appendingPathComponent("plan.md"), atomically: true, encoding: .utf8)
        session.initialize(folder)
        // plan.md is open (the buffer); team.md is read from disk.
        session.open(folder, "plan.md", Self.plan)
    }

    func remove() { try? FileManager.default.removeItem(at: folder) }

    func uri(_ file: String) -> String { folder.appendingPathComponent(file).absoluteString }

    func position(_ file: String, line: Int, character: Int) -> [String: Any] {
        ["textDocument": ["uri": uri(file)], "position": ["line": line, "character": character]]
    }

    /// The UTF-16 offset of the `occurrence`-th `token` on `line` of `text`.
    static func character(of token: String, onLine line: Int, of text: String, occurrence: Int = 1) -> Int {
        let lineText = text.components(separatedBy: "\n")[line]
        var rest = lineText[...]
        var found = lineText.startIndex
        for _ in 0..<occurrence {
            found = rest.range(of: token)!.lowerBound
            rest = lineText[lineText.index(after: found)...]
        }
        return lineText[..<found].utf16.count
    }
}

/// `(uri, line, start character, end character)` of a Location.
func place(_ location: Any?) -> (String, Int, Int, Int)? {
    guard let location = location as? [String: Any], let uri = location["uri"] as? String,
          let range = location["range"] as? [String: Any], let start = range["start"] as? [String: Any],
          let end = range["end"] as? [String: Any], let line = start["line"] as? Int,
          let from = start["character"] as? Int, let to = end["character"] as? Int else { return nil }
    return (uri, line, from, to)
}

/// Applies LSP text edits (UTF-16 ranges) to a text, last first.
func apply(_ edits: [[String: Any]], to text: String) -> String {
    var lines = text.components(separatedBy: "\n")
    let sorted = edits.sorted {
        let a = ($0["range"] as! [String: Any])["start"] as! [String: Any], b = ($1["range"] as! [String: Any])["start"] as! [String: Any]
        return (a["line"] as! Int, a["character"] as! Int) > (b["line"] as! Int, b["character"] as! Int)
    }
    for edit in sorted {
        let range = edit["range"] as! [String: Any]
        let start = range["start"] as! [String: Any], end = range["end"] as! [String: Any]
        let line = start["line"] as! Int
        #expect(end["line"] as? Int == line, "an id token is on one line")
        var units = Array(lines[line].utf16)
        units.replaceSubrange((start["character"] as! Int)..<(end["character"] as! Int), with: Array((edit["newText"] as! String).utf16))
        lines[line] = String(decoding: units, as: UTF16.self)
    }
    return lines.joined(separator: "\n")
}

@Suite struct NavigationTests {
    typealias Fixture = NavigationFixture

    @Test func definitionOfADependencyIsTheIdTokenPastEmDashCJKAndEmoji() throws {
        let fixture = try Fixture()
        defer { fixture.remove() }
        // `design` in `after:design`, on the line with the rocket.
        let use = Fixture.character(of: "design", onLine: 9, of: Fixture.plan)
        #expect(use == "- [ ] Build 🚀 API — id:api 3d @wei @backend after:".utf16.count)
        #expect(use == 51, "the rocket is two UTF-16 units, the em dash one")
        let reply = fixture.session.request("textDocument/definition", fixture.position("plan.md", line: 9, character: use + 2))
        let target = try #require(place(reply["result"]))
        // `design` in `id:design`, after the title "Design — 数据".
        let definition = Fixture.character(of: "id:design", onLine: 8, of: Fixture.plan) + 3
        #expect(definition == "- [ ] Design — 数据 — id:".utf16.count)
        #expect(target.0 == fixture.uri("plan.md"))
        #expect(target.1 == 8 && target.2 == definition && target.3 == definition + 6)

        // A person is defined in the other file, on the CJK line for @wei.
        let wei = Fixture.character(of: "@wei", onLine: 9, of: Fixture.plan)
        let person = try #require(place(fixture.session.request("textDocument/definition",
                                                               fixture.position("plan.md", line: 9, character: wei + 1))["result"]))
        #expect(person.0 == fixture.uri("team.md"))
        #expect(person.1 == 6 && person.2 == "- 李 Wei — id:".utf16.count && person.3 == person.2 + 3)

        // Nothing to go to from an amount.
        let amount = Fixture.character(of: "3d", onLine: 9, of: Fixture.plan)
        #expect(fixture.session.request("textDocument/definition", fixture.position("plan.md", line: 9, character: amount))["result"] is NSNull)
    }

    @Test func referencesAcrossFilesWithAndWithoutTheDeclaration() throws {
        let fixture = try Fixture()
        defer { fixture.remove() }
        var params = fixture.position("team.md", line: 5, character: "- Dana Whitfield — id:d".utf16.count)
        params["context"] = ["includeDeclaration": true]
        let all = (fixture.session.request("textDocument/references", params)["result"] as? [Any] ?? []).compactMap(place)
        let plan = fixture.uri("plan.md"), team = fixture.uri("team.md")
        let expected: [(String, Int, Int)] = [
            (team, 5, "- Dana Whitfield — id:".utf16.count),
            (plan, 3, "- owner: @".utf16.count),
            (plan, 8, Fixture.character(of: "@dana", onLine: 8, of: Fixture.plan) + 1),
            (plan, 13, Fixture.character(of: "@dana", onLine: 13, of: Fixture.plan) + 1),
        ]
        #expect(all.map { "\($0.0) \($0.1):\($0.2)-\($0.3)" }
                    == expected.map { "\($0.0) \($0.1):\($0.2)-\($0.2 + 4)" })
        params["context"] = ["includeDeclaration": false]
        let uses = (fixture.session.request("textDocument/references", params)["result"] as? [Any] ?? []).compactMap(place)
        #expect(uses.count == 3 && uses.allSatisfy { $0.0 == plan })

        // A task: its declaration, two dependencies (one with a lag) and the risk's `tasks:`.
        let design = (fixture.session.request("textDocument/references", fixture.position("plan.md", line: 8, character: 26))["result"]
                      as? [Any] ?? []).compactMap(place)
        #expect(design.map(\.1) == [8, 9, 10, 13])
        #expect(design[2].2 == Fixture.character(of: "design+1d", onLine: 10, of: Fixture.plan))
        #expect(design.allSatisfy { $0.3 - $0.2 == 6 }, "only the id, never the lag: \(design)")
    }

    @Test func documentSymbolsOutlineTheCRMMigration() throws {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Examples/crm-migration")
        let session = ServerTests.Session()
        session.initialize(folder)
        let text = try String(contentsOf: folder.appendingPathComponent("plan.md"), encoding: .utf8)
        session.open(folder, "plan.md", text)
        let outline = session.request("textDocument/documentSymbol",
                                      ["textDocument": ["uri": folder.appendingPathComponent("plan.md").absoluteString]])["result"]
            as? [[String: Any]] ?? []
        #expect(outline.map { $0["name"] as? String } == ["CRM Migration"])
        let project = try #require(outline.first)
        #expect(project["kind"] as? Int == 2 && project["detail"] as? String == "crm")
        let children = project["children"] as? [[String: Any]] ?? []
        let packages = children.filter { $0["kind"] as? Int == 4 }.compactMap { $0["name"] as? String }
        #expect(Array(packages.prefix(3)) == ["Initiation and discovery", "Solution design", "Data migration"])
        let discovery = try #require(children.first)
        let tasks = (discovery["children"] as? [[String: Any]] ?? [])
        #expect(tasks.compactMap { $0["name"] as? String } == [
            "Project kick-off", "Stakeholder interviews (Sales, Service, Inside Sales)", "Project charter and plan baseline",
            "Legacy data profiling", "Process and requirements workshops", "Requirements baselined",
        ])
        #expect(tasks.map { $0["kind"] as? Int } == [12, 12, 12, 12, 12, 24])
        #expect((tasks.first?["detail"] as? String)?.hasPrefix("kickoff  2026-06-01 → 2026-06-02") == true)
        // The package spans its tasks: from its heading to the last task's line.
        let range = discovery["range"] as? [String: Any]
        let lastLine = ((tasks.last?["range"] as? [String: Any])?["end"] as? [String: Any])?["line"] as? Int
        #expect(((range?["end"] as? [String: Any])?["line"] as? Int) == lastLine)
        // The selection is the id token: `kickoff` in `id:kickoff`.
        let selection = (tasks.first?["selectionRange"] as? [String: Any])?["start"] as? [String: Any]
        #expect(selection?["character"] as? Int == "- [x] Project kick-off — id:".utf16.count)
        #expect(children.contains { $0["kind"] as? Int == 14 }, "the risk register is in the outline")

        // `- calendar: default` names the calendar used where none is named: it keeps its name.
        let lines = text.components(separatedBy: "\n")
        let line = try #require(lines.firstIndex(of: "- calendar: default"))
        let refused = session.request("textDocument/prepareRename", ["textDocument": ["uri": folder.appendingPathComponent("plan.md").absoluteString],
                                                                     "position": ["line": line, "character": 14]])
        #expect((refused["error"] as? [String: Any])?["code"] as? Int == -32803)
    }

    @Test func workspaceSymbolsFilterByQuery() throws {
        let fixture = try Fixture()
        defer { fixture.remove() }
        func names(_ query: String) -> [String] {
            (fixture.session.request("workspace/symbol", ["query": query])["result"] as? [[String: Any]] ?? []).compactMap { $0["name"] as? String }
        }
        #expect(names("DESIGN") == ["Design — 数据 (design)"])
        #expect(names("wei") == ["李 Wei (wei)"])
        // Substring matches first, then letters in order (`bld` is in "Build" and "Backend developers").
        #expect(names("bld") == ["Build (build)", "Build 🚀 API (api)", "Backend developers (backend)"])
        #expect(names("").count == 1 + 4 + 2 + 1 + 1, "project, tasks, people, pool, risk")
    }

    @Test func renameTouchesOnlyIdTokensAndKeepsTheSchedule() throws {
        let fixture = try Fixture()
        defer { fixture.remove() }
        let session = fixture.session
        func diagnostics() -> [String] {
            let last = session.published().last { $0["uri"] as? String == fixture.uri("plan.md") }
            return (last?["diagnostics"] as? [[String: Any]] ?? []).map { "\($0["code"] ?? "") \($0["message"] ?? "")" }
        }
        let diagnosticsBefore = diagnostics()
        let hintsBefore = session.request("textDocument/inlayHint", ["textDocument": ["uri": fixture.uri("plan.md")]])["result"] as? [[String: Any]] ?? []
        let prepared = session.request("textDocument/prepareRename", fixture.position("plan.md", line: 10, character: 36))["result"] as? [String: Any]
        #expect(prepared?["placeholder"] as? String == "design")

        var params = fixture.position("plan.md", line: 10, character: 36)
        params["newName"] = "solution-design"
        let edit = session.request("textDocument/rename", params)["result"] as? [String: Any]
        let changes = try #require(edit?["changes"] as? [String: [[String: Any]]])
        #expect(Array(changes.keys) == [fixture.uri("plan.md")])
        let renamed = apply(changes[fixture.uri("plan.md")] ?? [], to: Fixture.plan)
        // Byte for byte: the ids changed, the title "Design — 数据" and everything else did not.
        let expected = Fixture.plan
            .replacingOccurrences(of: "id:design ", with: "id:solution-design ")
            .replacingOccurrences(of: "after:design\n", with: "after:solution-design\n")
            .replacingOccurrences(of: "api,design+1d", with: "api,solution-design+1d")
            .replacingOccurrences(of: "tasks:api,design", with: "tasks:api,solution-design")
        #expect(renamed == expected)

        // Compiled again: no new diagnostics, the same dates.
        session.handle(["jsonrpc": "2.0", "method": "textDocument/didChange",
                        "params": ["textDocument": ["uri": fixture.uri("plan.md"), "version": 2] as [String: Any],
                                   "contentChanges": [["text": renamed]]]])
        #expect(diagnostics() == diagnosticsBefore)
        #expect(!diagnosticsBefore.contains { $0.hasPrefix("P2") }, "no unknown or duplicate names: \(diagnosticsBefore)")
        let hintsAfter = session.request("textDocument/inlayHint", ["textDocument": ["uri": fixture.uri("plan.md")]])["result"] as? [[String: Any]] ?? []
        #expect(hintsAfter.compactMap { $0["label"] as? String } == hintsBefore.compactMap { $0["label"] as? String })
        #expect(hintsBefore.count == 4)
    }

    @Test func renamingAnIdDerivedFromATitleAddsTheIdAndKeepsTheTitle() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("planc-nav-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let text = """
            # Derived

            - project: derived
            - start: 2026-03-02

            ## Work
            - [ ] Design 数据 — 2d
            - [ ] Plain 🚀
            - [ ] Build — 3d after:design-数据,plain

            """
        let session = ServerTests.Session()
        session.initialize(folder)
        session.open(folder, "plan.md", text)
        let uri = folder.appendingPathComponent("plan.md").absoluteString
        let before = session.published().last?["diagnostics"] as? [[String: Any]] ?? []
        let hintsBefore = (session.request("textDocument/inlayHint", ["textDocument": ["uri": uri]])["result"] as? [[String: Any]] ?? [])
            .compactMap { $0["label"] as? String }

        let prepared = session.request("textDocument/prepareRename", ["textDocument": ["uri": uri], "position": ["line": 6, "character": 8]])
        #expect((prepared["result"] as? [String: Any])?["placeholder"] as? String == "design-数据")
        var renamed = text
        for (line, character, name) in [(6, 8, "design"), (7, 7, "plain-rocket")] {
            let reply = session.request("textDocument/rename", ["textDocument": ["uri": uri], "position": ["line": line, "character": character],
                                                                "newName": name])
            let changes = try #require((reply["result"] as? [String: Any])?["changes"] as? [String: [[String: Any]]], "\(reply)")
            renamed = apply(changes[uri] ?? [], to: renamed)
            session.handle(["jsonrpc": "2.0", "method": "textDocument/didChange",
                            "params": ["textDocument": ["uri": uri, "version": line] as [String: Any], "contentChanges": [["text": renamed]]]])
        }
        #expect(renamed == text
            .replacingOccurrences(of: "Design 数据 — 2d", with: "Design 数据 — 2d id:design")
            .replacingOccurrences(of: "Plain 🚀\n", with: "Plain 🚀 — id:plain-rocket\n")
            .replacingOccurrences(of: "after:design-数据,plain", with: "after:design,plain-rocket"))
        let after = session.published().last?["diagnostics"] as? [[String: Any]] ?? []
        #expect(after.count == before.count, "\(after)")
        let hintsAfter = (session.request("textDocument/inlayHint", ["textDocument": ["uri": uri]])["result"] as? [[String: Any]] ?? [])
            .compactMap { $0["label"] as? String }
        #expect(hintsAfter == hintsBefore && hintsBefore.count == 3)
    }

    @Test func renamingAPersonEditsTheTeamFileFromDiskAndThePlanBuffer() throws {
        let fixture = try Fixture()
        defer { fixture.remove() }
        // The buffer differs from the file on disk: edits must follow the buffer.
        let buffer = Fixture.plan.replacingOccurrences(of: "# Launch — 🚀", with: "# Launch — 🚀🚀 今天")
        fixture.session.handle(["jsonrpc": "2.0", "method": "textDocument/didChange",
                                "params": ["textDocument": ["uri": fixture.uri("plan.md"), "version": 2] as [String: Any],
                                           "contentChanges": [["text": buffer]]]])
        var params = fixture.position("plan.md", line: 3, character: "- owner: @da".utf16.count)
        params["newName"] = "dana-w"
        let changes = try #require((fixture.session.request("textDocument/rename", params)["result"] as? [String: Any])?["changes"]
                                   as? [String: [[String: Any]]])
        #expect(apply(changes[fixture.uri("team.md")] ?? [], to: Fixture.team)
                == Fixture.team.replacingOccurrences(of: "id:dana", with: "id:dana-w"))
        #expect(apply(changes[fixture.uri("plan.md")] ?? [], to: buffer) == buffer.replacingOccurrences(of: "@dana", with: "@dana-w"))
    }

    @Test func renameRejectsInvalidAndTakenIds() throws {
        let fixture = try Fixture()
        defer { fixture.remove() }
        func code(_ params: [String: Any], _ method: String = "textDocument/rename") -> Int? {
            (fixture.session.request(method, params)["error"] as? [String: Any])?["code"] as? Int
        }
        var params = fixture.position("plan.md", line: 8, character: "- [ ] Design — 数据 — id:de".utf16.count)
        params["newName"] = "two words"
        #expect(code(params) == -32602)
        params["newName"] = "api"
        #expect(code(params) == -32803, "another task of the project has it")
        params["newName"] = "go-live"
        #expect(code(params) == -32803, "a written id would take the references to the title 'Go-live'")
        var person = fixture.position("plan.md", line: 3, character: "- owner: @da".utf16.count)
        person["newName"] = "backend"
        #expect(code(person) == -32803, "people and pools share one namespace")
        var same = fixture.position("plan.md", line: 3, character: "- owner: @da".utf16.count)
        same["newName"] = "dana"
        #expect(code(same) == nil, "renaming to the same id is no error")
        // Not on an id at all.
        #expect(fixture.session.request("textDocument/prepareRename", fixture.position("plan.md", line: 8, character: 31))["result"] is NSNull)
    }
}
