import Foundation
import PlanTestSupport
import Testing

/// `planc lsp` driven as an editor drives it: framed JSON-RPC over its stdin and stdout.
@Suite struct LanguageServerTests {
    static func plan(after key: String) -> String {
        """
        # Launch 🚀

        - project: launch
        - start: 2026-03-02

        ## Work
        - [ ] Design — 2d
        - [ ] Build 🚀 — 3d \(key):design

        """
    }

    private func diagnostics(_ message: [String: Any]) -> [[String: Any]] {
        (message["params"] as? [String: Any])?["diagnostics"] as? [[String: Any]] ?? []
    }

    @Test func diagnosticsInlayHintsAndShutdown() throws {
        try withTemporaryFolder("lsp") { folder in
            try write(["README.md": Self.plan(after: "afterr")], into: folder)
            let readme = folder.appendingPathComponent("README.md")
            let uri = readme.absoluteString
            let client = try LanguageServerClient(["--today", "2026-03-02"], in: folder)

            // Nonsense first: the server answers with a parse error and reads on.
            client.write(raw: Array("Content-Length: 5\r\n\r\n{oops".utf8))
            let parseError = client.wait { ($0["error"] as? [String: Any])?["code"] as? Int == -32700 }
            #expect(parseError != nil)

            let initialize = client.request("initialize", ["processId": NSNull(), "rootUri": folder.absoluteString, "capabilities": [:] as [String: Any]])
            let capabilities = (initialize?["result"] as? [String: Any])?["capabilities"] as? [String: Any]
            #expect(capabilities?["positionEncoding"] as? String == "utf-16")
            #expect(capabilities?["inlayHintProvider"] as? Bool == true)
            #expect(capabilities?["documentFormattingProvider"] as? Bool == true)
            #expect(capabilities?["codeActionProvider"] != nil)
            client.notify("initialized")

            let unknown = client.request("workspace/frobnicate")
            #expect((unknown?["error"] as? [String: Any])?["code"] as? Int == -32601)

            client.notify("textDocument/didOpen", ["textDocument": ["uri": uri, "languageId": "markdown", "version": 1,
                                                                    "text": Self.plan(after: "afterr")] as [String: Any]])
            let published = client.wait { ($0["method"] as? String) == "textDocument/publishDiagnostics" }
            let typo = diagnostics(published ?? [:]).first { $0["code"] as? String == "P102" }
            #expect((published?["params"] as? [String: Any])?["uri"] as? String == uri)
            #expect(typo?["source"] as? String == "planc")
            #expect(typo?["severity"] as? Int == 2)
            let range = typo?["range"] as? [String: Any]
            let start = range?["start"] as? [String: Any]
            let end = range?["end"] as? [String: Any]
            // "- [ ] Build 🚀 — 3d " is 19 characters but 20 UTF-16 units (the rocket takes two).
            #expect(start?["line"] as? Int == 7)
            #expect(start?["character"] as? Int == 20)
            #expect(end?["character"] as? Int == 20 + "afterr:design".utf16.count)

            // Its quick fix through the real binary: the key alone, in UTF-16 after the rocket.
            let actions = client.request("textDocument/codeAction", ["textDocument": ["uri": uri], "range": range ?? [:],
                                                                     "context": ["diagnostics": [typo ?? [:]], "only": ["quickfix"]]])
            let quickFix = try #require((actions?["result"] as? [[String: Any]])?.first)
            #expect(quickFix["title"] as? String == "replace 'afterr' with 'after'")
            #expect(quickFix["isPreferred"] as? Bool == true)
            let edit = try #require((((quickFix["edit"] as? [String: Any])?["changes"] as? [String: Any])?[uri] as? [[String: Any]])?.first)
            #expect(edit["newText"] as? String == "after")
            let editRange = edit["range"] as? [String: Any]
            #expect((editRange?["start"] as? [String: Any])?["character"] as? Int == 20)
            #expect((editRange?["end"] as? [String: Any])?["character"] as? Int == 26)

            client.notify("textDocument/didChange", ["textDocument": ["uri": uri, "version": 2] as [String: Any],
                                                     "contentChanges": [["text": Self.plan(after: "after")]]])
            let fixed = client.wait { ($0["method"] as? String) == "textDocument/publishDiagnostics" }
            #expect(fixed != nil)
            #expect(diagnostics(fixed ?? [:]).isEmpty)

            let hints = client.request("textDocument/inlayHint", ["textDocument": ["uri": uri],
                                                                  "range": ["start": ["line": 0, "character": 0],
                                                                            "end": ["line": 7, "character": 0]]])
            let labels = (hints?["result"] as? [[String: Any]] ?? []).compactMap { $0["label"] as? String }
            #expect(labels.count == 2)
            #expect(labels.first == " 2026-03-02 → 2026-03-03 critical")
            let position = (hints?["result"] as? [[String: Any]])?.first?["position"] as? [String: Any]
            #expect(position?["line"] as? Int == 6)
            #expect(position?["character"] as? Int == "- [ ] Design — 2d".utf16.count)

            let hover = client.request("textDocument/hover", ["textDocument": ["uri": uri],
                                                              "position": ["line": 7, "character": 8]])
            let hoverText = ((hover?["result"] as? [String: Any])?["contents"] as? [String: Any])?["value"] as? String ?? ""
            #expect(hoverText.contains("**Build 🚀** (todo)"))
            #expect(hoverText.contains("2026-03-04 → 2026-03-06"))
            #expect(hoverText.contains("'Design'"), "the why sentence names the driving task: \(hoverText)")

            // "Mark done today" on Build's line: the line `planc done build` writes to the file.
            let taskActions = client.request("textDocument/codeAction", ["textDocument": ["uri": uri],
                                                                         "range": ["start": ["line": 7, "character": 0], "end": ["line": 7, "character": 0]],
                                                                         "context": ["diagnostics": [] as [Any]]])
            let markDone = try #require((taskActions?["result"] as? [[String: Any]])?.first { ($0["title"] as? String)?.hasPrefix("Mark done") == true })
            let doneEdit = try #require((((markDone["edit"] as? [String: Any])?["changes"] as? [String: Any])?[uri] as? [[String: Any]])?.first)
            #expect(((doneEdit["range"] as? [String: Any])?["start"] as? [String: Any])?["line"] as? Int == 7)
            var lines = Self.plan(after: "after").components(separatedBy: "\n")
            lines[7] = try #require(doneEdit["newText"] as? String)
            try write(["README.md": Self.plan(after: "after")], into: folder)
            let done = try Planc.run(["done", "build", folder.path, "--today", "2026-03-02"])
            #expect(done.status == 0, "\(done.stderr)")
            #expect(lines.joined(separator: "\n") == (try String(contentsOf: readme, encoding: .utf8)))

            // Formatting an unformatted buffer gives the lines `planc fmt` writes.
            let unformatted = Self.plan(after: "after").replacingOccurrences(of: "- [ ] Design — 2d", with: "* [ ]  Design —   2d")
            client.notify("textDocument/didChange", ["textDocument": ["uri": uri, "version": 3] as [String: Any],
                                                     "contentChanges": [["text": unformatted]]])
            _ = client.wait { ($0["method"] as? String) == "textDocument/publishDiagnostics" }
            let formatting = client.request("textDocument/formatting", ["textDocument": ["uri": uri],
                                                                        "options": ["tabSize": 4, "insertSpaces": true]])
            let formatEdits = formatting?["result"] as? [[String: Any]] ?? []
            #expect(formatEdits.count == 1)
            var formatted = unformatted.components(separatedBy: "\n")
            for edit in formatEdits {
                let line = try #require(((edit["range"] as? [String: Any])?["start"] as? [String: Any])?["line"] as? Int)
                formatted[line] = try #require(edit["newText"] as? String)
            }
            try write(["README.md": unformatted], into: folder)
            let fmt = try Planc.run(["fmt", folder.path])
            #expect(fmt.status == 0, "\(fmt.stderr)")
            #expect(formatted.joined(separator: "\n") == (try String(contentsOf: readme, encoding: .utf8)))
            #expect(formatted.joined(separator: "\n") != unformatted)

            let shutdown = client.request("shutdown")
            #expect(shutdown?["result"] is NSNull)
            client.notify("exit")
            #expect(client.finish() == 0)
        }
    }

    @Test func definitionAndCompletion() throws {
        try withTemporaryFolder("lsp") { folder in
            let text = Self.plan(after: "after") + "- [ ] Test — 1d after:\n"
            try write(["plan.md": text], into: folder)
            let uri = folder.appendingPathComponent("plan.md").absoluteString
            let client = try LanguageServerClient(["--today", "2026-03-02"], in: folder)
            let initialize = client.request("initialize", ["rootUri": folder.absoluteString, "capabilities": [:] as [String: Any]])
            let capabilities = (initialize?["result"] as? [String: Any])?["capabilities"] as? [String: Any]
            #expect(capabilities?["definitionProvider"] as? Bool == true)
            client.notify("initialized")
            client.notify("textDocument/didOpen", ["textDocument": ["uri": uri, "languageId": "markdown", "version": 1, "text": text] as [String: Any]])
            _ = client.wait { ($0["method"] as? String) == "textDocument/publishDiagnostics" }

            // `design` in `after:design` on the rocket's line goes to the title it is derived from.
            let use = "- [ ] Build 🚀 — 3d after:".utf16.count
            let definition = client.request("textDocument/definition", ["textDocument": ["uri": uri],
                                                                        "position": ["line": 7, "character": use + 1]])
            let location = definition?["result"] as? [String: Any]
            let start = (location?["range"] as? [String: Any])?["start"] as? [String: Any]
            #expect(location?["uri"] as? String == uri)
            #expect(start?["line"] as? Int == 6 && start?["character"] as? Int == "- [ ] ".utf16.count)

            let completion = client.request("textDocument/completion", ["textDocument": ["uri": uri],
                                                                        "position": ["line": 8, "character": "- [ ] Test — 1d after:".utf16.count]])
            let items = (completion?["result"] as? [String: Any])?["items"] as? [[String: Any]] ?? []
            #expect(items.compactMap { $0["label"] as? String } == ["design", "build"])
            #expect(items.last?["detail"] as? String == "Build 🚀")

            _ = client.request("shutdown")
            client.notify("exit")
            #expect(client.finish() == 0)
        }
    }

    @Test func exitWithoutShutdownIsStatusOne() throws {
        try withTemporaryFolder("lsp") { folder in
            let client = try LanguageServerClient(["--today", "2026-03-02"], in: folder)
            _ = client.request("initialize", ["rootUri": folder.absoluteString, "capabilities": [:] as [String: Any]])
            client.notify("exit")
            #expect(client.finish() == 1)
        }
    }
}
