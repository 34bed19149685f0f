import Foundation
import PlanLanguageServer
import Testing

@Suite struct FramingTests {
    private func framed(_ json: String) -> [UInt8] { Array("Content-Length: \(json.utf8.count)\r\n\r\n\(json)".utf8) }

    @Test func headerSplitAcrossChunks() {
        var reader = MessageReader()
        let bytes = framed(#"{"a":1}"#)
        for (index, byte) in bytes.enumerated() {
            if index < bytes.count - 1 {
                reader.append([byte])
                #expect(reader.next() == nil)
            } else {
                reader.append([byte])
            }
        }
        #expect(reader.next() == .message(Array(#"{"a":1}"#.utf8)))
        #expect(reader.next() == nil)
    }

    @Test func twoMessagesInOneChunk() {
        var reader = MessageReader()
        reader.append(framed(#"{"a":1}"#) + Array("Content-Type: application/vscode-jsonrpc; charset=utf-8\r\n".utf8) + framed(#"{"b":"é"}"#))
        #expect(reader.next() == .message(Array(#"{"a":1}"#.utf8)))
        #expect(reader.next() == .message(Array(#"{"b":"é"}"#.utf8)))
        #expect(reader.next() == nil)
    }

    @Test func badContentLengthIsReportedAndReadingGoesOn() {
        var reader = MessageReader()
        reader.append(Array("Content-Length: lots\r\n\r\n".utf8) + Array("Content-Type: x\r\n\r\n".utf8) + framed("{}"))
        guard case .malformed = reader.next() else { Issue.record("expected a malformed header"); return }
        guard case .malformed = reader.next() else { Issue.record("expected a header without length"); return }
        #expect(reader.next() == .message(Array("{}".utf8)))
    }

    @Test func negativeLengthIsMalformed() {
        var reader = MessageReader()
        reader.append(Array("Content-Length: -5\r\n\r\n".utf8))
        guard case .malformed = reader.next() else { Issue.record("expected malformed"); return }
        #expect(reader.next() == nil)
    }

    @Test func writerFramesUTF8Length() {
        let bytes = MessageWriter.frame(["x": "—"])
        var reader = MessageReader()
        reader.append(bytes)
        guard case .message(let body)? = reader.next() else { Issue.record("no message"); return }
        #expect(String(decoding: body, as: UTF8.self) == #"{"x":"—"}"#)
    }
}

@Suite struct PositionTests {
    @Test func asciiColumnsMapOneToOne() {
        let table = LineTable("# Plan\n- [ ] Task\n")
        #expect(table.position(line: 2, column: 7) == (1, 6))
        #expect(table.lines.count == 3)
    }

    @Test func emDashEmojiAndCJKCountInUTF16() {
        // "—" is 1 unit, "🚀" 2 units (1 character), "設" and "計" 1 unit each.
        let table = LineTable("intro\r\n- [ ] — 🚀 設計 afterr: x\rlast")
        // Column 14 (1-based) is the 'a' of "afterr": 13 characters before it, 14 UTF-16 units.
        #expect(Array(table.lines[1]).count >= 14)
        let position = table.position(line: 2, column: 14)
        #expect(position == (1, 14))
        #expect(table.position(line: 2, column: 12) == (1, 12))
        #expect(table.lines[2] == "last")
        #expect(table.length(ofLine: 1) == "- [ ] — 🚀 設計 afterr: x".utf16.count)
    }

    @Test func flagsAndCombiningMarksAreOneColumnManyUnits() {
        let table = LineTable("🇫🇷e\u{301}x")
        // "🇫🇷" is 1 character of 4 units, "é" (e + combining acute) 1 character of 2 units.
        #expect(table.position(line: 1, column: 2) == (0, 4))
        #expect(table.position(line: 1, column: 3) == (0, 6))
    }

    @Test func pastTheEndIsClamped() {
        let table = LineTable("ab\ncd")
        #expect(table.position(line: 1, column: 5) == (0, 4))
        #expect(table.position(line: 9, column: 1) == (1, 2))
    }

    private func text(_ value: Any) -> String {
        var out: [UInt8] = []
        JSONText.append(value, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    @Test func jsonTextOfEveryKindOfValue() {
        #expect(text(["b": 1, "a": [true, false, NSNull()], "c": 2.5, "d": 3.0] as [String: Any])
                == #"{"a":[true,false,null],"b":1,"c":2.5,"d":3}"#)
        #expect(text("quote \" backslash \\ line\n tab\t bell\u{07} — 🚀 日本") == #""quote \" backslash \\ line\n tab\t bell\u0007 — 🚀 日本""#)
        #expect(text([Int32(7), Double.nan] as [Any]) == "[7,null]")
    }

    /// Ids and numbers as Foundation reads them from a client come back as they were sent: 1 is
    /// not `true`, `true` is not 1.
    @Test func valuesReadByFoundationAreWrittenBackUnchanged() throws {
        let sent = #"{"flag":true,"half":0.5,"id":1,"big":9007199254740993,"zero":0,"name":"x/y"}"#
        let object = try JSONSerialization.jsonObject(with: Data(sent.utf8))
        #expect(text(object) == #"{"big":9007199254740993,"flag":true,"half":0.5,"id":1,"name":"x/y","zero":0}"#)
        let again = try JSONSerialization.jsonObject(with: Data(text(object).utf8)) as? NSDictionary
        #expect(again == object as? NSDictionary)
    }
}
