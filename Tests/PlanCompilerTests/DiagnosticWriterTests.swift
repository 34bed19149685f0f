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
