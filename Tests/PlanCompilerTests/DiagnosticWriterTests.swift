import Foundation
import PlanCompiler
import PlanModel
import Testing

/// The diagnostic writers use the one JSON string writer and the one terminal width table.
@Suite struct DiagnosticWriterTests {
    @Test func jsonEscapesLineAndParagraphSeparators() throws {
        let diagnostic = Diagnostic(.dependencyCycle, "a\u{2028}b\u{2029}c \"q\" \u{7}", at: SourceRange(file: "p.md", line: 1, column: 1))
        let json = DiagnosticWriter.json([diagnostic])
        #expect(json.contains(#""message": "a\u2028b\u2029c \"q\" \u0007""#))
        #expect(!json.unicodeScalars.contains { $0.value == 0x2028 || $0.value == 0x2029 })
        #expect(try JSONSerialization.jsonObject(with: Data(json.utf8)) is [[String: Any]])
    }

    /// `planc check --format json` writes an exclusive end (one past the range); GitHub's
    /// `endColumn` is inclusive (the last character), so the two differ by one on purpose.
    @Test func endColumnsAreExclusiveInJSONAndInclusiveForGitHub() throws {
        let word = Diagnostic(.malformedNumber, "bad", at: SourceRange(file: "p.md", line: 3, column: 5, length: 3))
        let json = try #require(try JSONSerialization.jsonObject(with: Data(DiagnosticWriter.json([word]).utf8)) as? [[String: Any]])
        let end = try #require(json.first?["end"] as? [String: Int])
        #expect(json.first?["column"] as? Int == 5)
        #expect(end == ["line": 3, "column": 8])
        #expect(DiagnosticWriter.github([word]).contains("line=3,col=5,endLine=3,endColumn=7,"))

        let point = Diagnostic(.malformedNumber, "bad", at: SourceRange(file: "p.md", line: 3, column: 5, length: 0))
        #expect(DiagnosticWriter.github([point]).contains("col=5,endLine=3,endColumn=5,"))

        let lines = Diagnostic(.dependencyCycle, "cycle", at: SourceRange(
            file: "p.md", start: SourceLocation(line: 2, column: 3), end: SourceLocation(line: 4, column: 6)))
        #expect(DiagnosticWriter.github([lines]).contains("line=2,col=3,endLine=4,endColumn=5,"))

        // Ending at the start of line 5 means the range stops with line 4, whose length is unknown here.
        let block = Diagnostic(.dependencyCycle, "cycle", at: SourceRange(
            file: "p.md", start: SourceLocation(line: 2, column: 3), end: SourceLocation(line: 5, column: 1)))
        let github = DiagnosticWriter.github([block])
        #expect(github.contains("line=2,col=3,endLine=4,title="), "\(github)")
        #expect(!github.contains("endColumn"))
    }

    @Test func caretCountsWideCharactersAndEmojiAsTwoColumns() {
        let text = "- [ ] 🚀 Go-live 日本 — 2x\n"
        // `2x` is character column 22; before it come 19 one-cell characters, the rocket and 日本:
        // 24 cells, so the caret stands under it at cell 25.
        let range = SourceRange(file: "p.md", line: 1, column: 22)
        let writer = DiagnosticWriter(color: false, sources: ["p.md": text])
        let out = writer.human([Diagnostic(.malformedNumber, "bad", at: range)], filesChecked: 1, strict: false)
        let caretLine = out.split(separator: "\n").first { $0.contains("^") }.map(String.init) ?? ""
        #expect(caretLine == "  | " + String(repeating: " ", count: 24) + "^")
    }
}
