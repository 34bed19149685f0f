import Foundation
import PlanTestSupport
import Testing
@testable import PlanServe
#if canImport(Glibc)
import Glibc
#endif

/// The server against hostile clients, over raw sockets on 127.0.0.1 (an ephemeral port), so
/// bytes reach it exactly as written. Every wait is bounded.
@Suite struct LoopbackHTTPServerTests {
    /// A raw client connection with a receive timeout, so no test can hang.
    typealias Client = LoopbackClient

    static func status(_ response: String) -> Int? { LoopbackClient.status(response) }

    static func server(_ limits: LoopbackHTTPServer.Limits = .init()) throws -> LoopbackHTTPServer {
        try LoopbackHTTPServer(port: 0, limits: limits) { head in
            .init(status: 200, headers: [("Content-Type", "text/plain")], body: Array("hello \(head.target)".utf8))
        }
    }

    static func get(_ port: UInt16, host: String? = nil, path: String = "/") -> String? {
        LoopbackClient.get(path, port: port, host: host)
    }

    static func seconds(_ body: () -> Void) -> Double {
        let start = Date()
        body()
        return Date().timeIntervalSince(start)
    }

    @Test func answersAPlainRequest() throws {
        let server = try Self.server()
        defer { server.stop() }
        let response = try #require(Self.get(server.port, path: "/a?b=1"))
        #expect(Self.status(response) == 200)
        #expect(response.hasSuffix("hello /a?b=1"))
        #expect(response.contains("Connection: close"))
    }

    @Test func refusesAOneMegabyteHeaderQuickly() throws {
        let server = try Self.server()
        defer { server.stop() }
        for header in ["X-Big: " + String(repeating: "a", count: 1 << 20), "GET /" + String(repeating: "a", count: 1 << 20)] {
            var result: (text: String, closed: Bool) = ("", false)
            let elapsed = Self.seconds {
                let client = Client(port: server.port)!
                let request = header.hasPrefix("GET") ? header + " HTTP/1.1\r\n\r\n" : "GET / HTTP/1.1\r\nHost: localhost\r\n\(header)\r\n\r\n"
                client.send(request)
                result = client.readToEnd()
            }
            #expect(Self.status(result.text) == 431)
            #expect(result.closed)
            #expect(elapsed < 3, "took \(elapsed) s")
        }
        // The server is still fine.
        #expect(Self.status(Self.get(server.port) ?? "") == 200)
    }

    @Test func closesASlowPartialRequestAndKeepsAnsweringOthers() throws {
        var limits = LoopbackHTTPServer.Limits()
        limits.headTimeout = 1
        let server = try Self.server(limits)
        defer { server.stop() }
        // Three connections that never finish their request, one of them dripping bytes.
        let idle = Client(port: server.port)!
        let partial = Client(port: server.port)!
        partial.send("GET / HTTP/1.1\r\nHost: localhost\r\nX-Slow: ")
        let dripping = Client(port: server.port)!
        dripping.send("GET / HTTP/1.1\r\n")
        for _ in 0..<3 {
            // Meanwhile a normal request is answered promptly.
            var response: String?
            let elapsed = Self.seconds { response = Self.get(server.port) }
            #expect(Self.status(response ?? "") == 200)
            #expect(elapsed < 0.5, "took \(elapsed) s")
            dripping.send("X: y\r\n")
            usleep(200_000)
        }
        var closedAfter: [Double] = []
        for client in [idle, partial, dripping] {
            var result: (text: String, closed: Bool) = ("", false)
            let elapsed = Self.seconds { result = client.readToEnd() }
            #expect(result.closed)
            // A half-sent request is told why; a connection that sent nothing is just closed.
            #expect(client === idle ? result.text.isEmpty : Self.status(result.text) == 408)
            closedAfter.append(elapsed)
        }
        // All three were closed by the 1 s deadline (plus the 1 s lingering close at most), long
        // before the clients' own 10 s receive timeout.
        #expect(closedAfter.allSatisfy { $0 < 3 }, "\(closedAfter)")
        #expect(Self.status(Self.get(server.port) ?? "") == 200)
    }

    @Test func answersOnlyLoopbackHostNames() throws {
        let server = try Self.server()
        defer { server.stop() }
        let port = server.port
        for host in ["localhost:\(port)", "127.0.0.1:\(port)", "[::1]:\(port)", "localhost", "LOCALHOST:\(port)", "127.0.0.1"] {
            #expect(Self.status(Self.get(port, host: host) ?? "") == 200, "\(host)")
        }
        for host in ["evil.example", "evil.example:\(port)", "localhost.evil.example", "127.0.0.1.evil.example",
                     "localhost:80@evil", "[::1]evil", "", "127.0.0.2"] {
            let response = Self.get(port, host: host) ?? ""
            #expect(Self.status(response) == 421, "\(host)")
            #expect(!response.contains("hello"), "\(host)")
        }
        // Two Host fields, or none in HTTP/1.1: 400.
        let twice = Client(port: port)!
        twice.send("GET / HTTP/1.1\r\nHost: localhost\r\nHost: evil.example\r\n\r\n")
        #expect(Self.status(twice.readToEnd().text) == 400)
        let none = Client(port: port)!
        none.send("GET / HTTP/1.1\r\n\r\n")
        #expect(Self.status(none.readToEnd().text) == 400)
    }

    @Test func keepsAliveAndRefusesBodiesAndOtherMethods() throws {
        let server = try Self.server()
        defer { server.stop() }
        let client = Client(port: server.port)!
        client.send("GET /one HTTP/1.1\r\nHost: localhost\r\n\r\nGET /two HTTP/1.1\r\nHost: localhost\r\n\r\n")
        usleep(100_000)
        client.send("HEAD /three HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
        let all = client.readToEnd()
        #expect(all.closed)
        #expect(all.text.components(separatedBy: "HTTP/1.1 200 OK").count == 4)
        #expect(all.text.contains("hello /one") && all.text.contains("hello /two") && !all.text.contains("hello /three"))
        let post = Client(port: server.port)!
        post.send("POST / HTTP/1.1\r\nHost: localhost\r\nContent-Length: 5\r\n\r\nhello")
        #expect(Self.status(post.readToEnd().text) == 405)
        let bad = Client(port: server.port)!
        bad.send("GARBAGE\r\n\r\n")
        #expect(Self.status(bad.readToEnd().text) == 400)
    }

    @Test func refusesConnectionsBeyondTheLimit() throws {
        var limits = LoopbackHTTPServer.Limits()
        limits.connections = 2
        limits.headTimeout = 2
        let server = try Self.server(limits)
        defer { server.stop() }
        let held = [Client(port: server.port)!, Client(port: server.port)!]
        #expect(Self.eventually { server.openConnections == 2 })
        #expect(Self.status(Self.get(server.port) ?? "") == 503)
        _ = held
    }

    static func eventually(_ condition: () -> Bool) -> Bool {
        for _ in 0..<100 {
            if condition() { return true }
            usleep(20_000)
        }
        return false
    }
}

@Suite struct HTTPRequestHeadTests {
    func scan(_ text: String, limit: Int = 1024) -> HTTPRequestHead.Scan {
        var resume = 0
        return HTTPRequestHead.scan(Array(text.utf8), limit: limit, resume: &resume)
    }

    @Test func parsesAHead() {
        guard case .head(let head, let length) = scan("GET /x HTTP/1.1\r\nHost: a\r\nX:  y \r\n\r\nrest") else {
            Issue.record("no head"); return
        }
        #expect(head.method == "GET" && head.target == "/x" && head.version == "HTTP/1.1")
        #expect(head.values("host") == ["a"] && head.values("X") == ["y"])
        #expect(length == "GET /x HTTP/1.1\r\nHost: a\r\nX:  y \r\n\r\n".utf8.count)
        #expect(head.keepAlive)
        if case .head(let lf, _) = scan("\r\nGET / HTTP/1.0\nHost: a\n\n") { #expect(!lf.keepAlive) } else { Issue.record("bare LF") }
    }

    @Test func incompleteTooLargeAndInvalid() {
        #expect(scan("GET / HTTP/1.1\r\nHost: a\r\n") == .incomplete)
        #expect(scan("GET / HTTP/1.1\r\nX: " + String(repeating: "a", count: 2000), limit: 1024) == .tooLarge)
        #expect(scan(String(repeating: "\r\n", count: 600), limit: 1024) == .invalid("empty request"))
        #expect(scan(String(repeating: "\r\n", count: 600) + "GET / HTTP/1.1\r\n\r\n", limit: 1024) == .invalid("empty request"))
        for bad in ["GET /\r\n\r\n", "GET / HTTP/2\r\n\r\n", "GET / HTTP/1.1\r\nNoColon\r\n\r\n",
                    "GET / HTTP/1.1\r\nA: b\r\n folded\r\n\r\n", "G\u{0}T / HTTP/1.1\r\n\r\n", "GET / HTTP/1.1\r\nA b: c\r\n\r\n"] {
            if case .invalid = scan(bad) {} else { Issue.record("accepted \(bad.debugDescription)") }
        }
    }

    /// Feeding a head one byte at a time stays linear: the search resumes where it stopped.
    @Test func resumesTheSearch() {
        let bytes = Array(("GET / HTTP/1.1\r\nX: " + String(repeating: "a", count: 30_000) + "\r\n\r\n").utf8)
        var resume = 0
        var buffer: [UInt8] = []
        var steps = 0
        for byte in bytes {
            buffer.append(byte)
            steps += 1
            if case .head = HTTPRequestHead.scan(buffer, limit: 64 * 1024, resume: &resume) { break }
        }
        #expect(steps == bytes.count)
        #expect(resume >= bytes.count - 4)
    }
}
