import PlanFrontEnd
import PlanModel
import Testing

/// Every "did you mean" carries its fix as data: a clean plan gets one typo, the diagnostic
/// must carry exactly one fix-it whose range holds the typo, and the plan with the fix applied
/// must be clean again.
@Suite struct FixItTests {
    static let plan = """
        # Demo

        - project: demo
        - start: 2026-03-02
        - owner: @dana
        - calendar: default

        ## Work
        - [ ] Interviews — 5d @dana
        - [ ] Data — audit 🚀 数据 — 8d id:data-audit @omar:50% after:interviews
        - [ ] Build — 3d after:demo/interviews,data-audit+2d owner:@omar status:in-progress

        ## Risks
        - Lift out — likelihood:high impact:low owner:@dana tasks:interviews,build
          Mitigation: book it.

        ## Journal
        ### 2026-03-02 — amber — Slow start — schedule:amber cost:green
        Text.

        """

    static let team = """
        # Team

        - team: core

        ## People
        - Dana — id:dana
        - Omar — id:omar
          - From 2026-05-01 — availability:60%

        """

    static let calendar = """
        # Short weeks

        - calendar: short
        - based-on: default

        """

    /// One typo: in `file`, `original` (the first time it occurs after `after`) becomes `typo`.
    struct Typo: CustomStringConvertible {
        var code: String
        var file = "plan.md"
        var after = ""
        var original: String
        var typo: String
        var description: String { "\(code): \(original) → \(typo)" }
    }

    static let typos: [Typo] = [
        Typo(code: "P007", original: "- project: demo", typo: "- projcet: demo"),
        Typo(code: "P101", original: "- start:", typo: "- strat:"),
        Typo(code: "P102", after: "Interviews — 5d", original: " @dana", typo: " @dana duee:2026-06-30"),
        Typo(code: "P202", after: "数据", original: "after:interviews", typo: "after:interveiws"),
        Typo(code: "P202", after: "Build", original: "data-audit+2d", typo: "data-audti+2d"),
        Typo(code: "P206", after: "Build", original: "demo/interviews", typo: "dmeo/interviews"),
        Typo(code: "P202", after: "Build", original: "demo/interviews", typo: "demo/intreviews"),
        Typo(code: "P202", after: "Lift out", original: "tasks:interviews,build", typo: "tasks:interviews,biuld"),
        Typo(code: "P203", after: "数据", original: "@omar:50%", typo: "@omra:50%"),
        Typo(code: "P203", after: "Interviews", original: "@dana", typo: "@dnaa"),
        Typo(code: "P203", original: "- owner: @dana", typo: "- owner: @dnaa"),
        Typo(code: "P203", after: "Build", original: "owner:@omar", typo: "owner:@omra"),
        Typo(code: "P203", after: "Lift out", original: "owner:@dana", typo: "owner:@adna"),
        Typo(code: "P204", original: "- calendar: default", typo: "- calendar: defualt"),
        Typo(code: "P204", file: "short.md", original: "- based-on: default", typo: "- based-on: defalut"),
        Typo(code: "P108", after: "Build", original: "status:in-progress", typo: "status:in-porgress"),
        Typo(code: "P108", after: "Lift out", original: "likelihood:high", typo: "likelihood:hihg"),
        Typo(code: "P110", original: "## Risks", typo: "## Riskss"),
        Typo(code: "P108", after: "### 2026-03-02", original: "— amber —", typo: "— ambre —"),
        Typo(code: "P102", after: "Slow start", original: "schedule:amber", typo: "schedual:amber"),
        Typo(code: "P108", after: "Slow start", original: "cost:green", typo: "cost:gren"),
        Typo(code: "P117", file: "team.md", original: "- From 2026", typo: "- Form 2026"),
        Typo(code: "P305", original: "- [ ] Interviews — 5d", typo: "- [ ] Interviews — 5d 100%"),
        Typo(code: "P305", original: "- [ ] Interviews — 5d", typo: "- [ ] Interviews — 5d status:done"),
    ]

    static func files(with typo: Typo?) -> [String: String] {
        var files = ["plan.md": plan, "team.md": team, "short.md": calendar]
        if let typo {
            var text = files[typo.file]!
            let start = typo.after.isEmpty ? text.startIndex : text.range(of: typo.after)!.upperBound
            let found = text.range(of: typo.original, range: start..<text.endIndex)!
            text.replaceSubrange(found, with: typo.typo)
            files[typo.file] = text
        }
        return files
    }

    @Test func thePlanIsCleanWithoutTypos() {
        #expect(frontEnd(Self.files(with: nil), today: "2026-03-02").diagnostics.isEmpty)
    }

    @Test(arguments: typos) func everySuggestionIsAnExactFixIt(_ typo: Typo) throws {
        var files = Self.files(with: typo)
        let result = frontEnd(files, today: "2026-03-02")
        let diagnostic = try #require(result.diagnostics.first { $0.code.rawValue == typo.code },
                                      "\(typo): \(result.placed)")
        #expect(result.diagnostics.count == 1, "\(result.placed)")
        #expect(diagnostic.fixIts.count == 1, "\(diagnostic)")
        let fix = try #require(diagnostic.fixIts.first)
        // The range is the misspelled word only: what the typo changed, or the box's blank.
        let replaced = Self.text(files[fix.range.file]!, at: fix.range)
        #expect(fix.message == "tick the box" ? replaced == " " : fix.message == "replace '\(replaced)' with '\(fix.replacement)'",
                "\(fix.message) over '\(replaced)'")
        files[fix.range.file] = Self.apply(fix, to: files[fix.range.file]!)
        let fixed = frontEnd(files, today: "2026-03-02")
        #expect(fixed.diagnostics.isEmpty, "after the fix: \(fixed.placed)")
    }

    @Test func aTypoWithoutALikelyCorrectionHasNoFixIt() {
        let result = frontEnd(Self.files(with: Typo(code: "P202", after: "数据", original: "after:interviews", typo: "after:zzz")),
                              today: "2026-03-02")
        #expect(result.codes == ["P202"])
        #expect(result.diagnostics.allSatisfy { $0.fixIts.isEmpty })
    }

    /// A reference after a CJK id in the same list: its column counts characters, not bytes.
    @Test func aReferenceAfterAMultiByteIdIsPlacedByCharacters() throws {
        let text = "# D\n\n- project: d\n- start: 2026-03-02\n\n## Work\n- [ ] 數據 — 1d\n- [ ] Interviews — 1d\n"
            + "- [ ] Next — 1d after:數據,intreviews+1d\n"
        let result = frontEnd(text, today: "2026-03-02")
        let fix = try #require(result.diagnostics.first { $0.code == .unknownTask }?.fixIts.first, "\(result.placed)")
        #expect(Self.text(text, at: fix.range) == "intreviews")
        #expect(frontEnd(Self.apply(fix, to: text), today: "2026-03-02").diagnostics.isEmpty)
    }

    /// The characters of a one-line range; columns count characters, as planc's do.
    static func text(_ source: String, at range: SourceRange) -> String {
        let line = Array(source.split(separator: "\n", omittingEmptySubsequences: false)[range.start.line - 1])
        return String(line[(range.start.column - 1)..<(range.end.column - 1)])
    }

    static func apply(_ fix: Diagnostic.FixIt, to source: String) -> String {
        var lines = source.split(separator: "\n", omittingEmptySubsequences: false).map { Array($0) }
        let line = fix.range.start.line - 1
        lines[line].replaceSubrange((fix.range.start.column - 1)..<(fix.range.end.column - 1), with: Array(fix.replacement))
        return lines.map { String($0) }.joined(separator: "\n")
    }
}
