import Foundation
import PlanLanguageServer
import PlanModel
import Testing

/// The server in process: messages in through `handle`, everything it sends collected.
@Suite struct ServerTests {
    final class Session {
        var sent: [[String: Any]] = []
        lazy var server = LanguageServer(today: Day(iso: "2026-03-02")!) { [unowned self] bytes in
            var reader = MessageReader()
            reader.append(bytes)
            if case .message(let body)? = reader.next(),
               let object = try? JSONSerialization.jsonObject(with: Data(body)) as? [String: Any] {
                self.sent.append(object)
            }
        }

        /// One message, then the quiet in which the run loop compiles a changed workspace.
        func handle(_ object: [String: Any]) {
            send(object)
            server.compileIfNeeded()
        }

        /// One message and no quiet: the next one is already waiting.
        func send(_ object: [String: Any]) {
            server.handle(Array(try! JSONSerialization.data(withJSONObject: object)))
        }

        func errorCodes() -> [Int] { sent.compactMap { ($0["error"] as? [String: Any])?["code"] as? Int } }
        func published() -> [[String: Any]] {
            sent.filter { $0["method"] as? String == "textDocument/publishDiagnostics" }.compactMap { $0["params"] as? [String: Any] }
        }
    }

    @Test func malformedBodiesAreParseErrorsAndEarlyRequestsAreRefused() {
        let session = Session()
        session.server.handle(Array("{not json".utf8))
        session.server.handle(Array("[1, 2]".utf8))
        session.handle(["jsonrpc": "2.0", "id": 1, "method": "textDocument/hover", "params": [:] as [String: Any]])
        #expect(session.errorCodes() == [-32700, -32700, -32002])
        #expect(session.server.exitStatus == nil)
    }

    @Test func unsavedBufferIsCompiledAndNotesBecomeRelatedInformation() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("planc-lsp-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let uri = folder.appendingPathComponent("plan.md").absoluteString
        let session = Session()
        session.handle(["jsonrpc": "2.0", "id": 1, "method": "initialize",
                        "params": ["workspaceFolders": [["uri": folder.absoluteString, "name": "plans"]]] as [String: Any]])
        session.handle(["jsonrpc": "2.0", "method": "initialized", "params": [:] as [String: Any]])
        let cycle = """
            # Cycle

            - project: cycle
            - start: 2026-03-02

            ## Work
            - [ ] Alpha — 2d after:beta
            - [ ] Beta — 1d after:alpha

            """
        session.handle(["jsonrpc": "2.0", "method": "textDocument/didOpen",
                        "params": ["textDocument": ["uri": uri, "languageId": "markdown", "version": 1, "text": cycle] as [String: Any]]])
        let first = try #require(session.published().last)
        #expect(first["uri"] as? String == uri)
        let diagnostics = first["diagnostics"] as? [[String: Any]] ?? []
        let error = try #require(diagnostics.first { $0["severity"] as? Int == 1 })
        let related = error["relatedInformation"] as? [[String: Any]] ?? []
        #expect(!related.isEmpty, "the cycle's notes point at the other task: \(error)")

        // Closed without saving: the file is gone, its diagnostics are cleared.
        session.handle(["jsonrpc": "2.0", "method": "textDocument/didClose", "params": ["textDocument": ["uri": uri]]])
        let cleared = try #require(session.published().last)
        #expect(cleared["uri"] as? String == uri)
        #expect((cleared["diagnostics"] as? [Any])?.isEmpty == true)

        session.handle(["jsonrpc": "2.0", "id": 2, "method": "shutdown"])
        session.handle(["jsonrpc": "2.0", "method": "exit"])
        #expect(session.server.exitStatus == 0)
    }

    /// Keystrokes that arrive together cost one compile; a request never answers from a stale plan.
    @Test func changesWaitingTogetherAreCompiledOnceAndRequestsSeeTheLatest() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("planc-lsp-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let uri = folder.appendingPathComponent("plan.md").absoluteString
        func plan(_ days: Int) -> String {
            "# P\n\n- project: p\n- start: 2026-03-02\n\n## Work\n- [ ] Alpha — \(days)d\n- [ ] Beta — 1d after:alpha\(days)\n"
        }
        func change(_ version: Int) -> [String: Any] {
            ["jsonrpc": "2.0", "method": "textDocument/didChange",
             "params": ["textDocument": ["uri": uri, "version": version] as [String: Any],
                        "contentChanges": [["text": plan(version)]]] as [String: Any]]
        }
        let session = Session()
        session.handle(["jsonrpc": "2.0", "id": 1, "method": "initialize", "params": ["rootUri": folder.absoluteString]])
        session.handle(["jsonrpc": "2.0", "method": "textDocument/didOpen",
                        "params": ["textDocument": ["uri": uri, "languageId": "markdown", "version": 1, "text": plan(1)] as [String: Any]]])
        #expect(session.published().count == 1)

        // Three changes in a row with no quiet between them: nothing is compiled yet.
        for version in 2...4 { session.send(change(version)) }
        #expect(session.server.needsCompile)
        #expect(session.published().count == 1)

        // A request compiles first, once, and answers from the fourth version (Alpha takes 4 days).
        session.send(["jsonrpc": "2.0", "id": 2, "method": "textDocument/inlayHint",
                      "params": ["textDocument": ["uri": uri]] as [String: Any]])
        #expect(!session.server.needsCompile)
        #expect(session.published().count == 2)
        let answer = try #require(session.sent.last { $0["id"] as? Int == 2 })
        let labels = (answer["result"] as? [[String: Any]] ?? []).compactMap { $0["label"] as? String }
        #expect(labels.first == " 2026-03-02 → 2026-03-05 critical")
        // The typo is reported from the latest text.
        let diagnostics = session.published().last?["diagnostics"] as? [[String: Any]] ?? []
        #expect(diagnostics.contains { ($0["message"] as? String)?.contains("'alpha4'") == true })

        // Quiet with nothing changed compiles nothing.
        session.server.compileIfNeeded()
        #expect(session.published().count == 2)

        // A change that leaves the diagnostics as they were sends none (Alpha takes 40 days, the
        // typo stays 'alpha4').
        session.handle(["jsonrpc": "2.0", "method": "textDocument/didChange",
                        "params": ["textDocument": ["uri": uri, "version": 5] as [String: Any],
                                   "contentChanges": [["text": plan(4).replacingOccurrences(of: "— 4d", with: "— 40d")]]] as [String: Any]])
        #expect(session.published().count == 2)
    }

    /// A problem with no place in a file reaches the editor as a message, once until it changes.
    @Test func aProblemWithoutAPlaceIsShownAsAMessageOnce() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("planc-lsp-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let uri = folder.appendingPathComponent("notes.md").absoluteString
        let session = Session()
        session.handle(["jsonrpc": "2.0", "id": 1, "method": "initialize", "params": ["rootUri": folder.absoluteString]])
        func open(_ text: String, _ version: Int) {
            session.handle(["jsonrpc": "2.0", "method": version == 1 ? "textDocument/didOpen" : "textDocument/didChange",
                            "params": ["textDocument": ["uri": uri, "languageId": "markdown", "version": version, "text": text] as [String: Any],
                                       "contentChanges": [["text": text]]] as [String: Any]])
        }
        func shown() -> [[String: Any]] {
            session.sent.filter { $0["method"] as? String == "window/showMessage" }.compactMap { $0["params"] as? [String: Any] }
        }
        open("# Notes\n\nJust notes.\n", 1)
        open("# Notes\n\nJust notes, more of them.\n", 2)
        #expect(shown().count == 1)
        #expect(shown().first?["type"] as? Int == 1)
        #expect((shown().first?["message"] as? String)?.contains("no plan files") == true)
        // It becomes a plan: the message is not repeated, the problem is gone.
        open("# P\n\n- project: p\n- start: 2026-03-02\n\n## Work\n- [ ] Alpha — 2d\n", 3)
        #expect(shown().count == 1)
        #expect(!session.server.needsCompile)
    }
}
