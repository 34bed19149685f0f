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
        let body = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])) ?? Data("{}".utf8)
        return Array("Content-Length: \(body.count)\r\n\r\n".utf8) + Array(body)
    }
}
