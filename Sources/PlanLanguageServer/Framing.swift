import Foundation

/// JSON-RPC messages framed as LSP sends them: `Content-Length: N\r\n` (other headers ignored),
/// a blank line, then N bytes of JSON. Bytes arrive in any chunks; `next()` hands out whole
/// messages, and a header without a usable length as `.malformed` (the header is skipped, so
/// reading goes on).
public struct MessageReader: Sendable {
    public enum Item: Equatable, Sendable {
        case message([UInt8])
        case malformed(String)
    }

    /// Headers longer than this without a blank line are refused.
    static let maximumHeaderSize = 8 << 10
    /// Bodies above this length are refused.
    public static let maximumBodySize = 512 << 20

    private var buffer: [UInt8] = []
    private var pendingLength: Int?

    public init() {}

    public mutating func append<Bytes: Sequence>(_ bytes: Bytes) where Bytes.Element == UInt8 {
        buffer.append(contentsOf: bytes)
    }

    public mutating func next() -> Item? {
        if pendingLength == nil {
            guard let end = headerEnd() else {
                if buffer.count > Self.maximumHeaderSize {
                    buffer.removeAll()
                    return .malformed("header over \(Self.maximumHeaderSize) bytes without a blank line")
                }
                return nil
            }
            let header = String(decoding: buffer[..<end.start], as: UTF8.self)
            buffer.removeFirst(end.after)
            var length: Int?
            for line in header.split(whereSeparator: \.isNewline) {
                let parts = line.split(separator: ":", maxSplits: 1)
                guard parts.count == 2, parts[0].trimmingCharacters(in: .whitespaces).lowercased() == "content-length" else { continue }
                length = Int(parts[1].trimmingCharacters(in: .whitespaces))
            }
            guard let length, length >= 0, length <= Self.maximumBodySize else {
                return .malformed("no valid Content-Length in header '\(header)'")
            }
            pendingLength = length
        }
        guard let length = pendingLength, buffer.count >= length else { return nil }
        let body = Array(buffer[..<length])
        buffer.removeFirst(length)
        pendingLength = nil
        return .message(body)
    }

    /// Where the header's blank line starts and the index after it (`\r\n\r\n`, or `\n\n` from
    /// lenient clients).
    private func headerEnd() -> (start: Int, after: Int)? {
        var index = 0
        while index < buffer.count {
            if buffer[index] == 10 {
                if index + 1 < buffer.count, buffer[index + 1] == 10 { return (index, index + 2) }
                if index + 2 < buffer.count, buffer[index + 1] == 13, buffer[index + 2] == 10 {
                    return (index > 0 && buffer[index - 1] == 13 ? index - 1 : index, index + 3)
                }
            }
            index += 1
        }
        return nil
    }
}

public enum MessageWriter {
    /// `Content-Length` header and the JSON body of `object`.
    public static func frame(_ object: Any) -> [UInt8] {
        var body: [UInt8] = []
        body.reserveCapacity(256)
        JSONText.append(object, to: &body)
        return Array("Content-Length: \(body.count)\r\n\r\n".utf8) + body
    }
}

/// JSON text of the values a message is made of: strings, numbers, booleans, null, arrays and
/// objects (keys sorted, so the same message is the same bytes). Written here rather than with
/// `JSONSerialization`, which on Linux casts every element dynamically and took a tenth of the
/// time of a 10,000-task plan's keystroke (inlay hints for a thousand tasks are 4,000 objects).
public enum JSONText {
    public static func append(_ value: Any, to out: inout [UInt8]) {
        let type = Swift.type(of: value)
        if let string = value as? String {
            appendString(string, to: &out)
        } else if type == Int.self, let number = value as? Int {
            out.append(contentsOf: String(number).utf8)
        } else if type == Bool.self, let flag = value as? Bool {
            out.append(contentsOf: (flag ? "true" : "false").utf8)
        } else if type == Double.self, let number = value as? Double {
            appendNumber(number, to: &out)
        } else if let object = value as? [String: Any] {
            out.append(UInt8(ascii: "{"))
            for (index, key) in object.keys.sorted().enumerated() {
                if index > 0 { out.append(UInt8(ascii: ",")) }
                appendString(key, to: &out)
                out.append(UInt8(ascii: ":"))
                append(object[key]!, to: &out)
            }
            out.append(UInt8(ascii: "}"))
        } else if let array = value as? [Any] {
            out.append(UInt8(ascii: "["))
            for (index, element) in array.enumerated() {
                if index > 0 { out.append(UInt8(ascii: ",")) }
                append(element, to: &out)
            }
            out.append(UInt8(ascii: "]"))
        } else if let number = value as? NSNumber {
            // A number read from a client's message (a request id echoed back): a boolean only
            // when Foundation made it one, never a 0 or 1.
            let kind = String(cString: number.objCType)
            if kind == "c" || kind == "B" {
                out.append(contentsOf: (number.boolValue ? "true" : "false").utf8)
            } else if kind == "f" || kind == "d" {
                appendNumber(number.doubleValue, to: &out)
            } else {
                out.append(contentsOf: number.stringValue.utf8)
            }
        } else if let number = value as? any BinaryInteger {
            out.append(contentsOf: String(describing: number).utf8)
        } else {
            // NSNull, and anything a message cannot hold.
            out.append(contentsOf: "null".utf8)
        }
    }

    private static func appendNumber(_ number: Double, to out: inout [UInt8]) {
        guard number.isFinite else { return out.append(contentsOf: "null".utf8) }
        if number == number.rounded(), abs(number) < 1e15 {
            out.append(contentsOf: String(Int(number)).utf8)
        } else {
            out.append(contentsOf: String(number).utf8)
        }
    }

    private static let hex = Array("0123456789abcdef".utf8)

    static func appendString(_ string: String, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        for byte in string.utf8 {
            switch byte {
            case UInt8(ascii: "\""): out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\"")])
            case UInt8(ascii: "\\"): out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\\")])
            case 0x0A: out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "n")])
            case 0x0D: out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "r")])
            case 0x09: out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "t")])
            case 0..<0x20:
                out.append(contentsOf: Array("\\u00".utf8))
                out.append(hex[Int(byte >> 4)])
                out.append(hex[Int(byte & 0xF)])
            default: out.append(byte)
            }
        }
        out.append(UInt8(ascii: "\""))
    }
}
