import Foundation
import PlanCompiler
import PlanEdit
import PlanLanguageServer
import PlanModel
import Testing

/// Quick fixes, task edits and formatting through `handle`, on buffers in a temporary folder;
/// every edit the server returns is applied in UTF-16, as an editor applies it, and checked
/// against what the command line writes.
@Suite struct CodeActionTests {
    /// A folder with a team file on disk; the plan itself is an unsaved buffer.
    final class Workspace {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("planc-actions-\(UUID().uuidString)")
        let session = ServerTests.Session()
        var uri: String { folder.appendingPathComponent("plan.md").absoluteString }
        var version = 1

        init() throws {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try Self.team.write(to: folder.appendingPathComponent("team.md"), atomically: true, encoding: .utf8)
            session.handle(["jsonrpc": "2.0", "id": 1, "method": "initialize", "params": ["rootUri": folder.absoluteString]])
            session.handle(["jsonrpc": "2.0", "method": "initialized", "params": [:] as [String: Any]])
        }

        deinit { try? FileManager.default.removeItem(at: folder) }

        static let team = """
            # Team

            - team: core

            ## People
            - Dana — id:dana
            - Omar — id:omar

            """

        func open(_ text: String) {
            session.handle(["jsonrpc": "2.0", "method": "textDocument/didOpen",
                            "params": ["textDocument": ["uri": uri, "languageId": "markdown", "version": 1, "text": text] as [String: Any]]])
        }

        func change(_ text: String) {
            version += 1
            session.handle(["jsonrpc": "2.0", "method": "textDocument/didChange",
                            "params": ["textDocument": ["uri": uri, "version": version] as [String: Any],
                                       "contentChanges": [["text": text]]] as [String: Any]])
        }

        /// The plan buffer's last published diagnostics.
        func diagnostics() -> [[String: Any]] {
            session.published().last { $0["uri"] as? String == uri }?["diagnostics"] as? [[String: Any]] ?? []
        }

        func request(_ method: String, _ params: [String: Any]) -> Any? {
            let id = 100 + session.sent.count
            session.handle(["jsonrpc": "2.0", "id": id, "method": method, "params": params])
            return session.sent.last { $0["id"] as? Int == id }?["result"]
        }

        func codeActions(line: Int, diagnostics: [[String: Any]] = [], only: [String]? = nil) -> [[String: Any]] {
            var context: [String: Any] = ["diagnostics": diagnostics]
            if let only { context["only"] = only }
            let position: [String: Any] = ["line": line, "character": 0]
            return request("textDocument/codeAction", ["textDocument": ["uri": uri], "range": ["start": position, "end": position],
                                                       "context": context]) as? [[String: Any]] ?? []
        }

        /// The TextEdits of `action` for the plan buffer.
        func edits(_ action: [String: Any]) -> [[String: Any]] {
            ((action["edit"] as? [String: Any])?["changes"] as? [String: Any])?[uri] as? [[String: Any]] ?? []
        }
    }

    static let plan = """
        # Demo — 移行 🚀

        - project: demo
        - start: 2026-03-02

        ## Work
        - [ ] Interviews — 5d @dana
        - [ ] Data audit — 數據 👩‍💻 — 8d id:data-audit @omar after:interveiws
        - [ ] Report — 2d @dana after:data-audit 40%

        """

    @Test func aTypoedDependencyBecomesAQuickFixThatClearsIt() throws {
        let workspace = try Workspace()
        workspace.open(Self.plan)
        let diagnostic = try #require(workspace.diagnostics().first { $0["code"] as? String == "P202" })
        let fixes = (diagnostic["data"] as? [String: Any])?["fixIts"] as? [[String: Any]] ?? []
        #expect(fixes.count == 1)
        #expect(diagnostic["codeDescription"] == nil, "no docs URL was given, so no link")
        // CJK, an emoji of several code points and an em dash stand before the token: UTF-16 units.
        let line = "- [ ] Data audit — 數據 👩‍💻 — 8d id:data-audit @omar after:interveiws"
        let column = (line as NSString).range(of: "interveiws").location
        let range = try #require(fixes.first?["range"] as? [String: Any])
        #expect(NSDictionary(dictionary: range).isEqual(to: ["start": ["line": 7, "character": column],
                                                             "end": ["line": 7, "character": column + 10]]))

        let actions = workspace.codeActions(line: 7, diagnostics: [diagnostic], only: ["quickfix"])
        #expect(actions.count == 1)
        let action = try #require(actions.first)
        #expect(action["kind"] as? String == "quickfix")
        #expect(action["isPreferred"] as? Bool == true)
        #expect(action["title"] as? String == "replace 'interveiws' with 'interviews'")
        #expect((action["diagnostics"] as? [[String: Any]])?.count == 1)
        let fixed = try TextEdits.apply(workspace.edits(action), to: Self.plan)
        #expect(fixed == Self.plan.replacingOccurrences(of: "after:interveiws", with: "after:interviews"))
        workspace.change(fixed)
        #expect(workspace.diagnostics().isEmpty, "\(workspace.diagnostics())")
    }

    @Test func aClientThatDropsDataStillGetsTheFixFromTheCompiledDiagnostic() throws {
        let workspace = try Workspace()
        workspace.open(Self.plan)
        var diagnostic = try #require(workspace.diagnostics().first { $0["code"] as? String == "P202" })
        diagnostic["data"] = nil
        let actions = workspace.codeActions(line: 7, diagnostics: [diagnostic], only: ["quickfix"])
        #expect(actions.map { $0["title"] as? String } == ["replace 'interveiws' with 'interviews'"])
    }

    /// Without diagnostics in the context, the fixes of the server's own diagnostics on the
    /// range's lines: only there.
    @Test func aRequestWithoutDiagnosticsGetsTheFixesOnItsLines() throws {
        let workspace = try Workspace()
        workspace.open(Self.plan)
        let actions = workspace.codeActions(line: 7, only: ["quickfix"])
        #expect(actions.map { $0["title"] as? String } == ["replace 'interveiws' with 'interviews'"])
        #expect((actions.first?["diagnostics"] as? [[String: Any]])?.first?["code"] as? String == "P202")
        #expect(workspace.codeActions(line: 6, only: ["quickfix"]).isEmpty)
    }

    @Test func diagnosticsLinkToTheirExplanationWhenTheDocsURLIsKnown() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("planc-docs-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        var sent: [[String: Any]] = []
        let server = LanguageServer(today: Day(iso: "2026-03-02")!, docsURL: "https://example.org/docs/diagnostics.md") { bytes in
            var reader = MessageReader()
            reader.append(bytes)
            if case .message(let body)? = reader.next(), let object = try? JSONSerialization.jsonObject(with: Data(body)) as? [String: Any] {
                sent.append(object)
            }
        }
        // Each message, then the quiet in which the run loop compiles.
        func handle(_ object: [String: Any]) {
            server.handle(Array(try! JSONSerialization.data(withJSONObject: object)))
            server.compileIfNeeded()
        }
        handle(["jsonrpc": "2.0", "id": 1, "method": "initialize", "params": ["rootUri": folder.absoluteString]])
        handle(["jsonrpc": "2.0", "method": "textDocument/didOpen",
                "params": ["textDocument": ["uri": folder.appendingPathComponent("plan.md").absoluteString, "languageId": "markdown",
                                            "version": 1, "text": "# D\n\n- project: d\n- strat: 2026-03-02\n"] as [String: Any]]])
        let published = sent.last { $0["method"] as? String == "textDocument/publishDiagnostics" }?["params"] as? [String: Any]
        let diagnostic = try #require((published?["diagnostics"] as? [[String: Any]])?.first { $0["code"] as? String == "P101" })
        #expect((diagnostic["codeDescription"] as? [String: Any])?["href"] as? String == "https://example.org/docs/diagnostics.md#p101")
    }

    /// The bytes `planc done` and `planc progress` write: `EditSession.perform` on a copy on disk.
    static func commandLine(_ request: EditRequest, on text: String) throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("planc-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try Workspace.team.write(to: folder.appendingPathComponent("team.md"), atomically: true, encoding: .utf8)
        let file = folder.appendingPathComponent("plan.md")
        try text.write(to: file, atomically: true, encoding: .utf8)
        let outcome = try EditSession.perform(request, path: folder.path, today: Day(iso: "2026-03-02")!)
        #expect(outcome.result == .written)
        return try String(contentsOf: file, encoding: .utf8)
    }

    @Test func markDoneAndSetProgressMakeTheCommandLinesBytes() throws {
        let plan = Self.plan.replacingOccurrences(of: "interveiws", with: "interviews")
        let workspace = try Workspace()
        workspace.open(plan)
        // On "Report" (40%): done, then only the quarter marks above 40%.
        let actions = workspace.codeActions(line: 8)
        #expect(actions.map { $0["title"] as? String } == ["Mark done today (2026-03-02)", "Set progress to 50%", "Set progress to 75%"])
        #expect(actions.allSatisfy { $0["kind"] as? String == "refactor.rewrite" })
        let done = try TextEdits.apply(workspace.edits(actions[0]), to: plan)
        #expect(done == (try Self.commandLine(.task("report", .done(on: nil)), on: plan)))
        #expect(done.contains("- [x] Report — 2d @dana after:data-audit finished:2026-03-02\n"), "\(done)")
        let progress = try TextEdits.apply(workspace.edits(actions[2]), to: plan)
        #expect(progress == (try Self.commandLine(.task("report", .progress(percent: "75%", spent: nil)), on: plan)))
        // Each edit is one line's: the rest of the buffer is not sent again.
        #expect(workspace.edits(actions[0]).count == 1)

        // The title with CJK and an emoji: the line edit replaces the whole line in UTF-16.
        let audit = workspace.codeActions(line: 7)
        #expect(audit.count == 4)
        let started = try TextEdits.apply(workspace.edits(audit[1]), to: plan)
        #expect(started == (try Self.commandLine(.task("data-audit", .progress(percent: "25%", spent: nil)), on: plan)))

        // Nothing for a heading line, nor quick fixes when only they are asked for.
        #expect(workspace.codeActions(line: 5).isEmpty)
        #expect(workspace.codeActions(line: 8, only: ["quickfix"]).isEmpty)
    }

    @Test func formattingGivesWhatPlancFmtWritesAndNothingTwice() throws {
        let unformatted = """
            # Demo

            - project: demo
            - start: 2026-03-02

            ## Work
            * [ ]  Interviews — @dana   5d
            - [ ] Data audit — 數據 👩‍💻 — after:interviews 8d @omar
            - [X] Report — 2d @dana status:done after:data-audit

            """
        let workspace = try Workspace()
        workspace.open(unformatted)
        let edits = workspace.request("textDocument/formatting", ["textDocument": ["uri": workspace.uri],
                                                                  "options": ["tabSize": 2, "insertSpaces": true]]) as? [[String: Any]] ?? []
        #expect(edits.count == 3, "one edit per changed line: \(edits)")
        let formatted = try TextEdits.apply(edits, to: unformatted)

        // `planc fmt`'s bytes: PlanFormat over the same text read from disk.
        let file = workspace.folder.appendingPathComponent("plan.md")
        try unformatted.write(to: file, atomically: true, encoding: .utf8)
        let changes = PlanFormat.format(EditablePlan(Pipeline.load(workspace.folder.path), root: workspace.folder.path,
                                                     today: Day(iso: "2026-03-02")!))
        let expected = try #require(changes.first { $0.file.path.hasSuffix("/plan.md") })
        #expect(formatted == String(decoding: expected.formatted, as: UTF8.self))

        // The range of line 7 (the data audit) gets that line's edit only.
        let ranged = workspace.request("textDocument/rangeFormatting", [
            "textDocument": ["uri": workspace.uri], "options": ["tabSize": 2, "insertSpaces": true],
            "range": ["start": ["line": 7, "character": 0], "end": ["line": 7, "character": 3]],
        ]) as? [[String: Any]] ?? []
        #expect(ranged.count == 1)
        let lines = formatted.components(separatedBy: "\n")
        #expect(try TextEdits.apply(ranged, to: unformatted).components(separatedBy: "\n")
                == unformatted.components(separatedBy: "\n").enumerated().map { $0.offset == 7 ? lines[7] : $0.element })

        workspace.change(formatted)
        let again = workspace.request("textDocument/formatting", ["textDocument": ["uri": workspace.uri],
                                                                  "options": ["tabSize": 2, "insertSpaces": true]]) as? [[String: Any]]
        #expect(again?.isEmpty == true)
    }
}

/// LSP TextEdits applied to a string as an editor applies them: positions in UTF-16 code units,
/// every range against the original text.
enum TextEdits {
    struct Invalid: Error {}

    static func apply(_ edits: [[String: Any]], to text: String) throws -> String {
        let units = Array(text.utf16)
        // Where each line starts, in UTF-16 units (LF only: the tests' buffers).
        var lineStarts = [0]
        for (offset, unit) in units.enumerated() where unit == 10 { lineStarts.append(offset + 1) }
        func offset(_ position: Any?) throws -> Int {
            guard let position = position as? [String: Any], let line = position["line"] as? Int,
                  let character = position["character"] as? Int, line < lineStarts.count else { throw Invalid() }
            return lineStarts[line] + character
        }
        let ranges = try edits.map { edit -> (Range<Int>, String) in
            let range = edit["range"] as? [String: Any]
            let start = try offset(range?["start"]), end = try offset(range?["end"])
            guard start <= end, end <= units.count, let newText = edit["newText"] as? String else { throw Invalid() }
            return (start..<end, newText)
        }
        var result = units
        for (range, newText) in ranges.sorted(by: { $0.0.lowerBound > $1.0.lowerBound }) {
            result.replaceSubrange(range, with: Array(newText.utf16))
        }
        return String(decoding: result, as: UTF16.self)
    }
}
