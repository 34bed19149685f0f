import Foundation

/// A running `planc lsp`: writes framed JSON-RPC messages to its stdin and reads framed replies
/// from its stdout (on another thread), so tests talk to it as an editor does.
public final class LanguageServerClient: @unchecked Sendable {
    public let process: Process
    private let input: FileHandle
    private let lock = NSCondition()
    private var buffer: [UInt8] = []
    private var ended = false
    private var nextID = 1

    /// Starts `planc lsp ARGUMENTS` in `directory`.
    public init(_ arguments: [String] = [], in directory: URL? = nil) throws {
        process = try Planc.process(["lsp"] + arguments, environment: [:], in: directory, executable: "planc")
        let stdin = Pipe(), stdout = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = FileHandle.nullDevice
        input = stdin.fileHandleForWriting
        try process.run()
        let reading = stdout.fileHandleForReading
        Thread.detachNewThread { [self] in
            while true {
                let data = reading.availableData
                lock.lock()
                if data.isEmpty { ended = true } else { buffer.append(contentsOf: data) }
                lock.broadcast()
                lock.unlock()
                if data.isEmpty { return }
            }
        }
    }

    /// Writes raw bytes (for malformed input).
    public func write(raw bytes: [UInt8]) { input.write(Data(bytes)) }

    /// Sends one message framed with `Content-Length`.
    public func send(_ message: [String: Any]) {
        var message = message
        message["jsonrpc"] = "2.0"
        let body = (try? JSONSerialization.data(withJSONObject: message)) ?? Data()
        write(raw: Array("Content-Length: \(body.count)\r\n\r\n".utf8) + Array(body))
    }

    /// Sends a request and waits for its response.
    public func request(_ method: String, _ params: [String: Any] = [:], seconds: Double = 30) -> [String: Any]? {
        let id = nextID
        nextID += 1
        send(["id": id, "method": method, "params": params])
        return wait(seconds: seconds) { ($0["id"] as? Int) == id && $0["method"] == nil }
    }

    public func notify(_ method: String, _ params: [String: Any] = [:]) {
        send(["method": method, "params": params])
    }

    /// Reads messages until one satisfies `matching` (the others are dropped); nil on timeout or
    /// end of output.
    public func wait(seconds: Double = 30, matching: ([String: Any]) -> Bool) -> [String: Any]? {
        let deadline = Date().addingTimeInterval(seconds)
        while let message = nextMessage(until: deadline) {
            if matching(message) { return message }
        }
        return nil
    }

    private func nextMessage(until deadline: Date) -> [String: Any]? {
        lock.lock()
        defer { lock.unlock() }
        while true {
            if let (body, consumed) = Self.frame(in: buffer) {
                buffer.removeFirst(consumed)
                if let object = try? JSONSerialization.jsonObject(with: Data(body)) as? [String: Any] { return object }
                continue
            }
            if ended { return nil }
            if !lock.wait(until: deadline) { return nil }
        }
    }

    private static func frame(in bytes: [UInt8]) -> ([UInt8], Int)? {
        let separator: [UInt8] = [13, 10, 13, 10]
        guard bytes.count >= 4 else { return nil }
        var end: Int?
        for index in 0...(bytes.count - 4) where Array(bytes[index..<index + 4]) == separator { end = index; break }
        guard let end else { return nil }
        let header = String(decoding: bytes[..<end], as: UTF8.self)
        guard let line = header.split(separator: "\r\n").first(where: { $0.lowercased().hasPrefix("content-length:") }),
              let length = Int(line.dropFirst("content-length:".count).trimmingCharacters(in: .whitespaces)) else { return nil }
        guard bytes.count >= end + 4 + length else { return nil }
        return (Array(bytes[(end + 4)..<(end + 4 + length)]), end + 4 + length)
    }

    /// Closes stdin and waits for the exit status.
    public func finish() -> Int32 {
        try? input.close()
        process.waitUntilExit()
        return process.terminationStatus
    }
}
