import Foundation
import PlanTestSupport
import Testing

/// `planc lsp` under real clients, as item 5 of the editor issue asks: the pytest-lsp suite in
/// Tests/EditorClients (an editor's whole session, answers checked against the LSP types of
/// lsprotocol and Neovim's capabilities) and headless Neovim's built-in client. `.ci/setup`
/// installs both: pytest-lsp in /var/tmp/lsp-venv (or `$PLANC_LSP_VENV`), Debian's neovim.
/// A missing client is a failure that names the fix, never a skip.
@Suite(.serialized) struct EditorClientTests {
    static let python = (ProcessInfo.processInfo.environment["PLANC_LSP_VENV"] ?? "/var/tmp/lsp-venv") + "/bin/python"

    @Test func pytestLspSessionPasses() throws {
        guard FileManager.default.isExecutableFile(atPath: Self.python) else {
            Issue.record("\(Self.python) is missing: run .ci/setup, which installs pytest-lsp in /var/tmp/lsp-venv")
            return
        }
        let planc = try Planc.executable().path
        let (status, output) = try Program.run(Self.python, ["-m", "pytest", "-q", "-p", "no:cacheprovider", "Tests/EditorClients"],
                                               environment: ["PLANC_BIN": planc], in: Repository.root)
        #expect(status == 0, "pytest-lsp failed:\n\(output)")
        #expect(output.contains(" passed"), "\(output)")
        #expect(!output.contains(" failed"), "\(output)")
    }

    @Test func headlessNeovimShowsDiagnosticsAndDatedInlayHints() throws {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/nvim") else {
            Issue.record("nvim is missing: run .ci/setup, which installs Debian's neovim")
            return
        }
        let planc = try Planc.executable().path
        let (status, output) = try Program.run("/bin/bash", ["Tests/EditorClients/neovim/smoke.sh", planc], in: Repository.root)
        #expect(status == 0, "the Neovim smoke run failed:\n\(output)")
        // The kick-off's dates beside its line and one hint per entry of plan.md, as planc's own
        // JSON export schedules them; the typo's diagnostic.
        let export = try Planc.run(["export", "--format", "json", "--today", "2026-09-15", "Examples/crm-migration"]).stdout
        let plan = try #require(try JSONSerialization.jsonObject(with: Data(export.utf8)) as? [String: Any])
        let tasks = (plan["projects"] as? [[String: Any]] ?? []).flatMap { $0["tasks"] as? [[String: Any]] ?? [] }
        let kickoff = try #require(tasks.first { $0["id"] as? String == "crm/kickoff" }?["schedule"] as? [String: Any])
        let start = try #require(kickoff["start"] as? String), finish = try #require(kickoff["finish"] as? String)
        #expect(output.contains("id:kickoff 2d \(start) → \(finish)"), "\(output)")
        let entries = tasks.filter { (($0["source"] as? [String: Any])?["file"] as? String)?.hasSuffix("/plan.md") == true }
        #expect(output.contains("\n\(entries.count) inlay hints"), "\(output)")
        #expect(output.contains("no task 'kickof'"), "\(output)")
    }
}
