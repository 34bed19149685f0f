/// The request line and header fields of one HTTP/1.x request, the only part of a request
/// `planc serve` reads: it serves GET and HEAD of static files and never reads a body.
public struct HTTPRequestHead: Sendable, Equatable {
    public struct Field: Sendable, Equatable {
        public var name: String
        public var value: String
    }

    public var method: String
    /// The request target as sent: origin form, `/path?query`.
    public var target: String
    /// `HTTP/1.0` or `HTTP/1.1`.
    public var version: String
    public var fields: [Field]

    public func values(_ name: String) -> [String] {
        fields.filter { $0.name.lowercased() == name.lowercased() }.map(\.value)
    }

    /// HTTP/1.1 keeps the connection open unless told otherwise; HTTP/1.0 closes unless told otherwise.
    public var keepAlive: Bool {
        let tokens = values("Connection").flatMap { $0.lowercased().split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) } }
        if tokens.contains("close") { return false }
        return version == "HTTP/1.1" || tokens.contains("keep-alive")
    }

    /// A request announcing a body (which `planc serve` never reads, so the connection must close).
    public var hasBody: Bool {
        !values("Transfer-Encoding").isEmpty || values("Content-Length").contains { $0.trimmingCharacters(in: .whitespaces) != "0" }
    }

    /// What the bytes received so far on a connection hold.
    public enum Scan: Equatable {
        /// No blank line yet and still within the limit: read more.
        case incomplete
        /// No blank line within `limit` bytes: answer 431 and close.
        case tooLarge
        /// A complete head that does not parse: answer 400 and close.
        case invalid(String)
        /// A complete head, and how many bytes it took (the next request starts there).
        case head(HTTPRequestHead, length: Int)
    }

    /// Looks for the end of a request head in `bytes`, starting the search at `resume` (the
    /// returned `scanned` of the previous call), so feeding a slowly growing buffer stays linear.
    /// RFC 9112 lets a server ignore empty lines before the request line and accept bare LF.
    public static func scan(_ bytes: [UInt8], limit: Int, resume: inout Int) -> Scan {
        // Skip an empty line or two a client may send before a request (RFC 9112 §2.2); more
        // count against the limit like any other byte.
        var start = 0
        while start < min(bytes.count, 4), bytes[start] == 13 || bytes[start] == 10 { start += 1 }
        var index = max(resume, start)
        while index < bytes.count, index < limit {
            if bytes[index] == 10 {
                // A blank line: LF LF or LF CR LF.
                if index >= 1, bytes[index - 1] == 10 { return parse(bytes[start...index], length: index + 1) }
                if index >= 2, bytes[index - 1] == 13, bytes[index - 2] == 10 { return parse(bytes[start...index], length: index + 1) }
            }
            index += 1
        }
        resume = index
        return bytes.count >= limit ? .tooLarge : .incomplete
    }

    static func parse(_ head: ArraySlice<UInt8>, length: Int) -> Scan {
        var lines = head.split(separator: 10, omittingEmptySubsequences: false).map { line -> String in
            let trimmed = line.last == 13 ? line.dropLast() : line
            return String(decoding: trimmed, as: UTF8.self)
        }
        while lines.last == "" { lines.removeLast() }
        guard let requestLine = lines.first else { return .invalid("empty request") }
        let parts = requestLine.split(separator: " ", omittingEmptySubsequences: false)
        guard parts.count == 3, !parts[0].isEmpty, parts[0].allSatisfy({ $0.isLetter && $0.isASCII }) else {
            return .invalid("malformed request line")
        }
        let version = String(parts[2])
        guard version == "HTTP/1.1" || version == "HTTP/1.0" else { return .invalid("unsupported HTTP version") }
        var fields: [Field] = []
        for line in lines.dropFirst() {
            // Obsolete line folding and fields without a colon are refused (RFC 9112 §5.2).
            guard let colon = line.firstIndex(of: ":"), line.first != " ", line.first != "\t" else {
                return .invalid("malformed header field")
            }
            let name = String(line[..<colon])
            guard !name.isEmpty, !name.contains(" "), !name.contains("\t") else { return .invalid("malformed header field") }
            fields.append(Field(name: name, value: line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)))
        }
        return .head(HTTPRequestHead(method: String(parts[0]), target: String(parts[1]), version: version, fields: fields),
                     length: length)
    }
}

/// The host names `planc serve` answers to. A page on another site can make the browser send
/// requests to 127.0.0.1 under its own name (DNS rebinding); refusing every other `Host` keeps
/// such a page from reading the site or `plan.json`.
public enum LoopbackHost {
    public static let names: Set<String> = ["localhost", "127.0.0.1", "[::1]"]

    public static func isAllowed(_ host: String) -> Bool {
        var name = Substring(host.lowercased())
        // Strip a port (`localhost:8000`, `[::1]:8000`); the port must be digits.
        let portStart: Substring.Index?
        if name.hasPrefix("[") {
            guard let close = name.firstIndex(of: "]") else { return false }
            portStart = name.index(after: close) == name.endIndex ? nil : name.index(after: close)
        } else {
            portStart = name.firstIndex(of: ":")
        }
        if let portStart {
            let port = name[portStart...]
            guard port.hasPrefix(":"), (2...6).contains(port.count), port.dropFirst().allSatisfy({ $0.isASCII && $0.isNumber }) else {
                return false
            }
            name = name[..<portStart]
        }
        if name.hasSuffix(".") { name = name.dropLast() }
        return names.contains(String(name))
    }
}
