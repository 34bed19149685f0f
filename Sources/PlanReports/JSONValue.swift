/// A JSON document with object members in the order they were added, written by hand so exports
/// are byte-for-byte deterministic and keep the schema's key order (JSONEncoder would sort or shuffle).
public enum JSONValue: Sendable, Equatable {
    case null
    case bool(Bool)
    case int(Int)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([(String, JSONValue)])

    public static func == (a: JSONValue, b: JSONValue) -> Bool {
        switch (a, b) {
        case (.null, .null): return true
        case let (.bool(x), .bool(y)): return x == y
        case let (.int(x), .int(y)): return x == y
        case let (.number(x), .number(y)): return x == y
        case let (.string(x), .string(y)): return x == y
        case let (.array(x), .array(y)): return x == y
        case let (.object(x), .object(y)):
            return x.count == y.count && zip(x, y).allSatisfy { $0.0 == $1.0 && $0.1 == $1.1 }
        default: return false
        }
    }

    /// Pretty-printed with two-space indents and a final newline.
    public func rendered() -> String {
        String(decoding: renderedBytes(), as: UTF8.self)
    }

    /// The same as UTF-8 bytes. Written into one byte buffer: appending to a `String` piece by
    /// piece was most of the time of a 10,000-task `plan.json` (`planc serve`'s rebuild).
    public func renderedBytes() -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(1 << 16)
        write(into: &out, indent: 0)
        out.append(0x0A)
        return out
    }

    private static let indents: [[UInt8]] = (0..<32).map { [UInt8](repeating: 0x20, count: 2 * $0) }

    private static func indent(_ level: Int, into out: inout [UInt8]) {
        if level < indents.count { out.append(contentsOf: indents[level]) } else { out.append(contentsOf: [UInt8](repeating: 0x20, count: 2 * level)) }
    }

    private func write(into out: inout [UInt8], indent: Int) {
        switch self {
        case .null: out.append(contentsOf: "null".utf8)
        case .bool(let value): out.append(contentsOf: (value ? "true" : "false").utf8)
        case .int(let value): out.append(contentsOf: String(value).utf8)
        case .number(let value): out.append(contentsOf: JSONValue.format(value).utf8)
        case .string(let value): JSONValue.quote(value, into: &out)
        case .array(let items):
            if items.isEmpty { out.append(contentsOf: "[]".utf8); return }
            // Arrays of scalars stay on one line: dates, tags and ids read better that way.
            if items.allSatisfy(\.isScalar) {
                out.append(UInt8(ascii: "["))
                for (offset, item) in items.enumerated() {
                    if offset > 0 { out.append(contentsOf: ", ".utf8) }
                    item.write(into: &out, indent: indent)
                }
                out.append(UInt8(ascii: "]"))
                return
            }
            out.append(contentsOf: "[\n".utf8)
            for (offset, item) in items.enumerated() {
                JSONValue.indent(indent + 1, into: &out)
                item.write(into: &out, indent: indent + 1)
                out.append(contentsOf: (offset == items.count - 1 ? "\n" : ",\n").utf8)
            }
            JSONValue.indent(indent, into: &out)
            out.append(UInt8(ascii: "]"))
        case .object(let members):
            if members.isEmpty { out.append(contentsOf: "{}".utf8); return }
            // Small objects of scalars (source locations, money, dependencies) stay on one line:
            // it halves the size of a large export and reads better.
            if members.count <= 4, members.allSatisfy({ $0.1.isScalar }) {
                out.append(UInt8(ascii: "{"))
                for (offset, member) in members.enumerated() {
                    if offset > 0 { out.append(contentsOf: ", ".utf8) }
                    JSONValue.quote(member.0, into: &out)
                    out.append(contentsOf: ": ".utf8)
                    member.1.write(into: &out, indent: indent)
                }
                out.append(UInt8(ascii: "}"))
                return
            }
            out.append(contentsOf: "{\n".utf8)
            for (offset, member) in members.enumerated() {
                JSONValue.indent(indent + 1, into: &out)
                JSONValue.quote(member.0, into: &out)
                out.append(contentsOf: ": ".utf8)
                member.1.write(into: &out, indent: indent + 1)
                out.append(contentsOf: (offset == members.count - 1 ? "\n" : ",\n").utf8)
            }
            JSONValue.indent(indent, into: &out)
            out.append(UInt8(ascii: "}"))
        }
    }

    private var isScalar: Bool {
        switch self { case .array, .object: return false; default: return true }
    }

    /// Shortest round-tripping decimal; integral values without `.0`; non-finite values as null.
    static func format(_ value: Double) -> String {
        guard value.isFinite else { return "null" }
        if value == value.rounded(), abs(value) < 1e15 { return String(Int(value)) }
        return "\(value)"
    }

    /// `text` as a JSON string literal. The one JSON string writer of planc: quotes, backslashes
    /// and control characters are escaped, and so are U+2028 and U+2029, which JSON allows raw
    /// but JavaScript (a page embedding the document) reads as line ends.
    public static func quoted(_ text: String) -> String {
        var out = ""
        quote(text, into: &out)
        return out
    }

    static func quote(_ text: String, into out: inout String) {
        var bytes: [UInt8] = []
        quote(text, into: &bytes)
        out += String(decoding: bytes, as: UTF8.self)
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)

    static func quote(_ text: String, into out: inout [UInt8]) {
        out.append(0x22)
        var text = text
        text.withUTF8 { bytes in
            var run = 0 // start of the bytes not yet copied
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                var escape: [UInt8]?
                var width = 1
                switch byte {
                case 0x22: escape = [0x5C, 0x22]
                case 0x5C: escape = [0x5C, 0x5C]
                case 0x0A: escape = [0x5C, UInt8(ascii: "n")]
                case 0x0D: escape = [0x5C, UInt8(ascii: "r")]
                case 0x09: escape = [0x5C, UInt8(ascii: "t")]
                case 0..<0x20:
                    escape = Array("\\u00".utf8) + [hexDigits[Int(byte >> 4)], hexDigits[Int(byte & 0xF)]]
                case 0xE2 where index + 2 < bytes.count && bytes[index + 1] == 0x80 && (bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9):
                    // U+2028 and U+2029.
                    escape = Array((bytes[index + 2] == 0xA8 ? "\\u2028" : "\\u2029").utf8)
                    width = 3
                default: break
                }
                if let escape {
                    out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run..<index]))
                    out.append(contentsOf: escape)
                    index += width
                    run = index
                } else {
                    index += 1
                }
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run..<bytes.count]))
        }
        out.append(0x22)
    }
}

extension JSONValue {
    static func optional(_ day: Day?) -> JSONValue { day.map { .string($0.iso) } ?? .null }
    static func optional(_ text: String?) -> JSONValue { text.map { .string($0) } ?? .null }
    static func optional(_ number: Double?) -> JSONValue { number.map { .number($0) } ?? .null }
    static func optional(_ number: Int?) -> JSONValue { number.map { .int($0) } ?? .null }
}

import PlanModel
