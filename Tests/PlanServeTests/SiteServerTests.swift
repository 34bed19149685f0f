import Foundation
import PlanTestSupport
import Testing
@testable import PlanServe
import PlanCompiler
import PlanModel

/// `planc serve`'s server end to end, in process on an ephemeral port: the site is answered on
/// loopback names only, the reload endpoint counts builds.
@Suite struct SiteServerTests {
    final class Log: @unchecked Sendable {
        private let lock = NSLock()
        private var lines: [String] = []
        func append(_ line: String) { lock.lock(); lines.append(line); lock.unlock() }
        var port: UInt16? {
            lock.lock(); defer { lock.unlock() }
            return lines.lazy.compactMap { line -> UInt16? in
                guard let range = line.range(of: "http://127.0.0.1:") else { return nil }
                return UInt16(line[range.upperBound...].prefix { $0.isNumber })
            }.first
        }
    }

    @Test func servesThePlanOnLoopbackNamesOnly() async throws { try await withTemporaryFolder("site-server") { folder in
        let base = folder.path
        try FileManager.default.createDirectory(atPath: base + "/plan", withIntermediateDirectories: true)
        try "# Demo\n\n- project: demo\n- start: 2026-09-01\n\n## Work\n- [ ] First — 2d\n"
            .write(toFile: base + "/plan/demo.md", atomically: true, encoding: .utf8)
        let log = Log()
        let request = PublishRequest(planPath: base + "/plan", output: base + "/site", today: Day(year: 2026, month: 9, day: 15)!)
        let server = SiteServer(request: request, port: 0) { log.append($0) }
        let running = Task { try await server.run() }
        defer { running.cancel() }
        var port: UInt16?
        for _ in 0..<200 where port == nil {
            try await Task.sleep(nanoseconds: 50_000_000)
            port = log.port
        }
        let bound = try #require(port)
        let home = LoopbackHTTPServerTests.get(bound, host: "localhost:\(bound)") ?? ""
        #expect(LoopbackHTTPServerTests.status(home) == 200)
        #expect(home.contains("/__planc/version"))
        #expect(LoopbackHTTPServerTests.status(LoopbackHTTPServerTests.get(bound, path: "/plan.json") ?? "") == 200)
        let rebound = LoopbackHTTPServerTests.get(bound, host: "attacker.example:\(bound)", path: "/plan.json") ?? ""
        #expect(LoopbackHTTPServerTests.status(rebound) == 421)
        #expect(!rebound.contains("demo"))
        #expect(LoopbackHTTPServerTests.get(bound, path: "/__planc/version")?.hasSuffix("\r\n\r\n1") == true)
        #expect(LoopbackHTTPServerTests.status(LoopbackHTTPServerTests.get(bound, path: "/../demo.md") ?? "") == 404)
    } }
}
