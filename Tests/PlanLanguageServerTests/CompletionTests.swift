import Foundation
import PlanLanguageServer
import Testing

@Suite struct CompletionTests {
    typealias Fixture = NavigationFixture

    /// The fixture's plan with `line` added at the end of `## Work`, compiled as a buffer; the
    /// completion at its end.
    func complete(_ fixture: Fixture, workLine line: String) -> (items: [[String: Any]], line: Int, result: Any?) {
        let text = Fixture.plan.replacingOccurrences(of: "\n\n## Risks", with: "\n\(line)\n\n## Risks")
        fixture.session.handle(["jsonrpc": "2.0", "method": "textDocument/didChange",
                                "params": ["textDocument": ["uri": fixture.uri("plan.md"), "version": 2] as [String: Any],
                                           "contentChanges": [["text": text]]]])
        let number = text.components(separatedBy: "\n").firstIndex(of: line)!
        let result = fixture.session.request("textDocument/completion",
                                             fixture.position("plan.md", line: number, character: line.utf16.count))["result"]
        return ((result as? [String: Any])?["items"] as? [[String: Any]] ?? [], number, result)
    }

    func editStart(_ item: [String: Any]?) -> Int? {
        (((item?["textEdit"] as? [String: Any])?["range"] as? [String: Any])?["start"] as? [String: Any])?["character"] as? Int
    }

    @Test func peopleAndPoolsAfterAnAt() throws {
        let fixture = try Fixture()
        defer { fixture.remove() }
        let line = "- [ ] Docs 📄 — 1d @d"
        let (items, _, _) = complete(fixture, workLine: line)
        #expect(items.compactMap { $0["label"] as? String } == ["dana", "wei", "backend"])
        #expect(items.first?["detail"] as? String == "Dana Whitfield")
        // Only what follows the `@` is replaced; the emoji counts two units.
        #expect(editStart(items.first) == "- [ ] Docs 📄 — 1d @".utf16.count)
        #expect(editStart(items.first) == 20)
    }

    @Test func taskIdsAfterADependencyKeyWithTheirTitles() throws {
        let fixture = try Fixture()
        defer { fixture.remove() }
        let line = "- [ ] Docs 数据 — 1d after:api,"
        let (items, _, _) = complete(fixture, workLine: line)
        #expect(items.compactMap { $0["label"] as? String } == ["build", "design", "api", "go-live"], "never the task itself")
        #expect(items.first { $0["label"] as? String == "design" }?["detail"] as? String == "Design — 数据")
        #expect(editStart(items.first) == line.utf16.count)
        let ss = complete(fixture, workLine: "- [ ] Docs — 1d ss:de").items
        #expect(ss.count == 4 && editStart(ss.first) == "- [ ] Docs — 1d ss:".utf16.count)
    }

    @Test func datesAfterADateKeyInTheProjectCalendar() throws {
        let fixture = try Fixture()
        defer { fixture.remove() }
        // Today is Monday 2 March 2026 in these tests.
        let (items, _, _) = complete(fixture, workLine: "- [ ] Docs — 1d due:")
        #expect(items.compactMap { $0["label"] as? String }
                    == ["2026-03-02", "2026-03-03", "2026-03-04", "2026-03-05", "2026-03-06", "2026-03-09"])
        #expect(items.first?["detail"] as? String == "Monday, today")
        #expect(items[1]["detail"] as? String == "Tuesday, next working day")
        #expect(items.last?["detail"] as? String == "Monday, working day", "the weekend is skipped")
    }

    @Test func attributeKeysWithTheirDocumentationPerKindOfEntry() throws {
        let fixture = try Fixture()
        defer { fixture.remove() }
        let (items, _, _) = complete(fixture, workLine: "- [ ] Docs — 1d ")
        let after = try #require(items.first { $0["label"] as? String == "after" })
        #expect(((after["documentation"] as? [String: Any])?["value"] as? String)?.contains("finish-to-start") == true)
        #expect((after["textEdit"] as? [String: Any])?["newText"] as? String == "after:")
        #expect(items.contains { $0["label"] as? String == "milestone" })
        #expect(!items.contains { $0["label"] as? String == "likelihood" })

        // In the title, before the ` — `, nothing is offered.
        let title = complete(fixture, workLine: "- [ ] Docs")
        #expect(title.result is NSNull)

        // A risk takes other keys.
        let riskLine = 13
        let risk = Fixture.plan.components(separatedBy: "\n")[riskLine]
        fixture.session.handle(["jsonrpc": "2.0", "method": "textDocument/didChange",
                                "params": ["textDocument": ["uri": fixture.uri("plan.md"), "version": 3] as [String: Any],
                                           "contentChanges": [["text": Fixture.plan.replacingOccurrences(of: risk, with: risk + " ")]]]])
        let riskItems = (fixture.session.request("textDocument/completion",
                                                 fixture.position("plan.md", line: riskLine, character: risk.utf16.count + 1))["result"]
                         as? [String: Any])?["items"] as? [[String: Any]] ?? []
        #expect(riskItems.contains { $0["label"] as? String == "likelihood" })
        #expect(!riskItems.contains { $0["label"] as? String == "effort" })
    }

    @Test func metadataKeysAndValues() throws {
        let fixture = try Fixture()
        defer { fixture.remove() }
        func items(_ line: String) -> [[String: Any]] {
            let text = Fixture.plan.replacingOccurrences(of: "- start: 2026-03-02\n", with: "- start: 2026-03-02\n\(line)\n")
            fixture.session.handle(["jsonrpc": "2.0", "method": "textDocument/didChange",
                                    "params": ["textDocument": ["uri": fixture.uri("plan.md"), "version": 2] as [String: Any],
                                               "contentChanges": [["text": text]]]])
            let result = fixture.session.request("textDocument/completion", fixture.position("plan.md", line: 5, character: line.utf16.count))
            return (result["result"] as? [String: Any])?["items"] as? [[String: Any]] ?? []
        }
        let keys = items("- dead")
        let deadline = try #require(keys.first { $0["label"] as? String == "deadline" })
        #expect((deadline["textEdit"] as? [String: Any])?["newText"] as? String == "deadline: ")
        #expect(!keys.contains { $0["label"] as? String == "effort" }, "a project's metadata, not a task's keys")
        #expect(items("- deadline: ").first?["label"] as? String == "2026-03-02")
        let owners = items("- owner: ").compactMap { ($0["textEdit"] as? [String: Any])?["newText"] as? String }
        #expect(owners == ["@dana", "@wei"], "people only, written with their @")
        #expect(items("- sponsor: ").isEmpty, "a sponsor is text")
    }

    func hoverText(_ fixture: Fixture, line: Int, character: Int) -> String? {
        let result = fixture.session.request("textDocument/hover", fixture.position("plan.md", line: line, character: character))["result"]
        return ((result as? [String: Any])?["contents"] as? [String: Any])?["value"] as? String
    }

    @Test func hoverOnAPersonShowsTheirLoadInTheTasksWeeks() throws {
        let fixture = try Fixture()
        defer { fixture.remove() }
        // `@dana` on the Design line, after an em dash and CJK: two days in the week of 2 March.
        let at = Fixture.character(of: "@dana", onLine: 8, of: Fixture.plan)
        let text = try #require(hoverText(fixture, line: 8, character: at + 2))
        #expect(text.hasPrefix("**Dana Whitfield** (@dana), available 100 %"))
        #expect(text.contains("Load in the weeks of 'Design — 数据'"))
        #expect(text.contains("- week of 2026-03-02: 2 of 5 (40 %)"), "\(text)")
    }

    /// Load is forecast from today: a task that started weeks ago lists this week on, not idle
    /// past weeks; a task finished before today says why no week is listed.
    @Test func hoverOnAPersonLeavesOutWeeksBeforeToday() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("planc-load-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let text = """
            # Load

            - project: load
            - start: 2026-02-02

            ## Work
            - [x] Audit — 2d @dana started:2026-02-02 finished:2026-02-03
            - [ ] Build — 10d @dana 50% started:2026-02-16

            """
        try "# Team\n\n- team: core\n\n## People\n- Dana Whitfield — id:dana\n"
            .write(to: folder.appendingPathComponent("team.md"), atomically: true, encoding: .utf8)
        let uri = folder.appendingPathComponent("plan.md").absoluteString
        let session = ServerTests.Session()
        session.handle(["jsonrpc": "2.0", "id": 1, "method": "initialize", "params": ["rootUri": folder.absoluteString]])
        session.handle(["jsonrpc": "2.0", "method": "textDocument/didOpen",
                        "params": ["textDocument": ["uri": uri, "languageId": "markdown", "version": 1, "text": text] as [String: Any]]])
        func hover(line: Int) -> String {
            let character = Fixture.character(of: "@dana", onLine: line, of: text) + 2
            session.handle(["jsonrpc": "2.0", "id": 2, "method": "textDocument/hover",
                            "params": ["textDocument": ["uri": uri], "position": ["line": line, "character": character]] as [String: Any]])
            let answer = session.sent.last { $0["id"] as? Int == 2 }?["result"] as? [String: Any]
            return (answer?["contents"] as? [String: Any])?["value"] as? String ?? ""
        }
        // Today is Monday 2 March; half of ten days is left: this week and the next.
        let build = hover(line: 7)
        #expect(build.contains("Load in the weeks of 'Build' from this week on"), "\(build)")
        #expect(build.contains("- week of 2026-03-02: 5 of 5 (100 %)"), "\(build)")
        #expect(!build.contains("2026-02-16") && !build.contains("2026-02-23"), "\(build)")
        let audit = hover(line: 6)
        #expect(audit.contains("'Audit' finished before today (2026-03-02)"), "\(audit)")
    }

    @Test func hoverOnADateAndOnAKey() throws {
        let fixture = try Fixture()
        defer { fixture.remove() }
        let monday = try #require(hoverText(fixture, line: 4, character: "- start: 2026-03-0".utf16.count))
        #expect(monday == "**Monday 2 March 2026**: a working day in calendar `default`; today")

        let riskLine = 13
        let risk = Fixture.plan.components(separatedBy: "\n")[riskLine]
        fixture.session.handle(["jsonrpc": "2.0", "method": "textDocument/didChange",
                                "params": ["textDocument": ["uri": fixture.uri("plan.md"), "version": 2] as [String: Any],
                                           "contentChanges": [["text": Fixture.plan.replacingOccurrences(of: risk, with: risk + " review:2026-03-07")]]]])
        let saturday = try #require(hoverText(fixture, line: riskLine, character: risk.utf16.count + " review:2026".utf16.count))
        #expect(saturday == "**Saturday 7 March 2026**: not a working day in calendar `default`; in 5 days")

        let start = try #require(hoverText(fixture, line: 4, character: 3))
        #expect(start.contains("nothing is scheduled before it"), "a project's start, not a task's: \(start)")

        // `after` on the line with the rocket.
        let key = Fixture.character(of: "after:", onLine: 9, of: Fixture.plan)
        let after = try #require(hoverText(fixture, line: 9, character: key + 2))
        #expect(after.contains("finish-to-start"))
        // The title still hovers as the task.
        let task = try #require(hoverText(fixture, line: 9, character: 8))
        #expect(task.hasPrefix("**Build 🚀 API** (todo)"))
    }
}
