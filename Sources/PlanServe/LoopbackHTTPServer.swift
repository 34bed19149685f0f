import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A small HTTP/1.1 server for GET and HEAD on 127.0.0.1, written for input it cannot trust: any
/// page open in the browser can send requests to a local port.
///
/// Why not FlyingFox (0.27.1, used before): its request decoder reads header lines with no size
/// limit (and re-scans the growing line, so a 128 KB header took 13.7 s), it has no read timeout
/// (idle and half-sent requests hold their connection forever), and its only timeout bounds the
/// handler. None of that is configurable, and a guard in front of it would have had to parse the
/// request head itself, which is all a static file server needs anyway.
///
/// Here every connection has its own thread, and every request head must arrive whole within
/// `limits.headBytes` and `limits.headTimeout`; otherwise the connection gets 431 or is closed.
/// Bodies are never read. Only loopback `Host` names are answered (see `LoopbackHost`).
public final class LoopbackHTTPServer: @unchecked Sendable {
    public struct Limits: Sendable {
        /// Request line and header fields together. Browsers send 1–8 KB; localhost cookies of
        /// other development servers can add more.
        public var headBytes = 32 * 1024
        /// Time for a whole request head to arrive, counted from the moment the server starts
        /// waiting for it (so it also closes idle keep-alive connections).
        public var headTimeout: Double = 10
        /// Time for a response to be taken by the client.
        public var writeTimeout: Double = 10
        /// Connections served at once; more are answered 503 and closed.
        public var connections = 64
        /// Requests on one keep-alive connection.
        public var requestsPerConnection = 1000

        public init() {}
    }

    public struct Response: Sendable {
        public var status: Int
        public var headers: [(String, String)]
        public var body: [UInt8]

        public init(status: Int, headers: [(String, String)] = [], body: [UInt8] = []) {
            self.status = status; self.headers = headers; self.body = body
        }

        static func text(_ status: Int, _ text: String) -> Response {
            Response(status: status, headers: [("Content-Type", "text/plain; charset=utf-8")], body: Array(text.utf8))
        }
    }

    public typealias Handler = @Sendable (HTTPRequestHead) -> Response

    public let limits: Limits
    private let handler: Handler
    private let listener: Int32
    /// The port actually bound (useful with port 0).
    public let port: UInt16
    private let state = NSLock()
    private var active = 0
    private var stopped = false

    /// Binds 127.0.0.1:`port` (0 picks a free port) and starts accepting on a thread of its own.
    public init(port: UInt16, limits: Limits = Limits(), handler: @escaping Handler) throws {
        self.limits = limits
        self.handler = handler
        let listener = socket(AF_INET, Self.streamType, 0)
        guard listener >= 0 else { throw ServerError("cannot create a socket: \(String(cString: strerror(errno)))") }
        var yes: Int32 = 1
        setsockopt(listener, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        var address = Self.loopback(port: port)
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(listener, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0, listen(listener, 128) == 0 else {
            let reason = String(cString: strerror(errno))
            close(listener)
            throw ServerError("cannot listen on 127.0.0.1:\(port): \(reason)")
        }
        var actual = sockaddr_in()
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &actual) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(listener, $0, &length) }
        }
        self.listener = listener
        self.port = UInt16(bigEndian: actual.sin_port)
        let thread = Thread { [self] in acceptLoop() }
        thread.name = "planc-serve-accept"
        thread.start()
    }

    /// 127.0.0.1:`port` as a socket address.
    static func loopback(port: UInt16) -> sockaddr_in {
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        return address
    }

    public struct ServerError: Error, CustomStringConvertible {
        public var description: String
        init(_ description: String) { self.description = description }
    }

    /// Stops accepting; connections being served finish on their own (bounded by the timeouts).
    public func stop() {
        state.lock(); stopped = true; state.unlock()
    }

    /// Connections currently open (for tests and logs).
    public var openConnections: Int {
        state.lock(); defer { state.unlock() }
        return active
    }

    private static var streamType: Int32 {
        #if canImport(Glibc)
        Int32(SOCK_STREAM.rawValue)
        #else
        SOCK_STREAM
        #endif
    }

    private func acceptLoop() {
        defer { close(listener) }
        while true {
            state.lock(); let done = stopped; state.unlock()
            if done { return }
            // Wake up now and then to notice `stop()`: closing a socket does not interrupt accept.
            var ready = pollfd(fd: listener, events: Int16(POLLIN), revents: 0)
            guard poll(&ready, 1, 200) > 0 else { continue }
            let client = accept(listener, nil, nil)
            guard client >= 0 else { continue }
            state.lock()
            let admitted = active < limits.connections
            if admitted { active += 1 }
            state.unlock()
            guard admitted else {
                transmit(client, Self.encode(.text(503, "Too many connections\n"), head: false, keepAlive: false))
                shutdown(client, Int32(SHUT_RDWR))
                close(client)
                continue
            }
            let thread = Thread { [self] in
                serve(client)
                lingeringClose(client)
                state.lock(); active -= 1; state.unlock()
            }
            thread.name = "planc-serve-connection"
            thread.start()
        }
    }

    private func serve(_ client: Int32) {
        setTimeout(client, SO_SNDTIMEO, limits.writeTimeout)
        var buffer: [UInt8] = []
        for _ in 0..<limits.requestsPerConnection {
            let deadline = Date().addingTimeInterval(limits.headTimeout)
            var resume = 0
            var scan = HTTPRequestHead.scan(buffer, limit: limits.headBytes, resume: &resume)
            while scan == .incomplete {
                let remaining = deadline.timeIntervalSinceNow
                var ready = pollfd(fd: client, events: Int16(POLLIN), revents: 0)
                // Out of time, or the client hung up: close.
                let events = remaining > 0 ? poll(&ready, 1, Int32(min(remaining * 1000, 60_000)) + 1) : 0
                guard events > 0 else {
                    // A half-sent request hears why; an idle keep-alive connection just closes.
                    if events == 0, !buffer.isEmpty { transmit(client, Self.encode(.text(408, "Request timeout\n"), head: false, keepAlive: false)) }
                    return
                }
                var chunk = [UInt8](repeating: 0, count: 8192)
                let count = chunk.withUnsafeMutableBytes { recv(client, $0.baseAddress, min($0.count, limits.headBytes - buffer.count + 1), 0) }
                guard count > 0 else { return }
                buffer.append(contentsOf: chunk[0..<count])
                scan = HTTPRequestHead.scan(buffer, limit: limits.headBytes, resume: &resume)
            }
            let head: HTTPRequestHead
            switch scan {
            case .incomplete: return
            case .tooLarge:
                transmit(client, Self.encode(.text(431, "Request header fields too large\n"), head: false, keepAlive: false))
                return
            case .invalid(let reason):
                transmit(client, Self.encode(.text(400, "Bad request: \(reason)\n"), head: false, keepAlive: false))
                return
            case .head(let parsed, let length):
                head = parsed
                buffer.removeFirst(length)
            }
            let (response, keepAlive) = respond(to: head)
            guard transmit(client, Self.encode(response, head: head.method == "HEAD", keepAlive: keepAlive)), keepAlive else { return }
        }
    }

    /// The checks every request passes before the handler sees it, and whether the connection
    /// may stay open afterwards.
    func respond(to head: HTTPRequestHead) -> (Response, keepAlive: Bool) {
        let hosts = head.values("Host")
        if hosts.count > 1 || (hosts.isEmpty && head.version == "HTTP/1.1") {
            return (.text(400, "Bad request: one Host header field is required\n"), false)
        }
        if let host = hosts.first, !LoopbackHost.isAllowed(host) {
            return (.text(421, "planc serve answers only to localhost, 127.0.0.1 and [::1]\n"), false)
        }
        if !head.target.hasPrefix("/") {
            return (.text(400, "Bad request: the target must be a path\n"), false)
        }
        if head.hasBody {
            return (.text(head.method == "GET" || head.method == "HEAD" ? 400 : 405, "Request bodies are not accepted\n"), false)
        }
        guard head.method == "GET" || head.method == "HEAD" else {
            var response = Response.text(405, "Method not allowed\n")
            response.headers.append(("Allow", "GET, HEAD"))
            return (response, head.keepAlive)
        }
        return (handler(head), head.keepAlive)
    }

    static func encode(_ response: Response, head: Bool, keepAlive: Bool) -> [UInt8] {
        var text = "HTTP/1.1 \(response.status) \(reason(response.status))\r\n"
        for (name, value) in response.headers { text += "\(name): \(value)\r\n" }
        text += "Content-Length: \(response.body.count)\r\n"
        text += keepAlive ? "\r\n" : "Connection: close\r\n\r\n"
        return Array(text.utf8) + (head ? [] : response.body)
    }

    static func reason(_ status: Int) -> String {
        switch status {
        case 200: return "OK"
        case 400: return "Bad Request"
        case 404: return "Not Found"
        case 405: return "Method Not Allowed"
        case 408: return "Request Timeout"
        case 421: return "Misdirected Request"
        case 431: return "Request Header Fields Too Large"
        case 500: return "Internal Server Error"
        case 503: return "Service Unavailable"
        default: return "Status"
        }
    }

    /// Closes after the last response without destroying it: closing a socket with unread input
    /// makes the kernel send a reset, which can discard a 431 before the client reads it. So stop
    /// writing, then read and drop what the client still sends, for a bounded time and amount.
    private func lingeringClose(_ client: Int32) {
        shutdown(client, Int32(SHUT_WR))
        let deadline = Date().addingTimeInterval(1)
        var drained = 0
        var chunk = [UInt8](repeating: 0, count: 65_536)
        while drained < 8 << 20 {
            let remaining = deadline.timeIntervalSinceNow
            var ready = pollfd(fd: client, events: Int16(POLLIN), revents: 0)
            guard remaining > 0, poll(&ready, 1, Int32(remaining * 1000) + 1) > 0 else { break }
            let count = chunk.withUnsafeMutableBytes { recv(client, $0.baseAddress, $0.count, 0) }
            guard count > 0 else { break }
            drained += count
        }
        close(client)
    }

    /// Writes all of `bytes` (bounded by the write timeout); false when the client went away.
    @discardableResult
    private func transmit(_ client: Int32, _ bytes: [UInt8]) -> Bool {
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { send(client, $0.baseAddress! + offset, bytes.count - offset, Self.noSignal) }
            if written <= 0 { return false }
            offset += written
        }
        return true
    }

    private static var noSignal: Int32 {
        #if os(Linux)
        Int32(MSG_NOSIGNAL)
        #else
        0
        #endif
    }

    private func setTimeout(_ socket: Int32, _ option: Int32, _ seconds: Double) {
        var time = timeval(tv_sec: Int(seconds), tv_usec: suseconds_t((seconds - seconds.rounded(.down)) * 1_000_000))
        setsockopt(socket, SOL_SOCKET, option, &time, socklen_t(MemoryLayout<timeval>.size))
    }
}
