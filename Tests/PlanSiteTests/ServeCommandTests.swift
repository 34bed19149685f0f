import Foundation
import PlanTestSupport
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// Runs `planc serve` and talks raw HTTP to it (`LoopbackClient`), so request paths reach the
/// server exactly as written (no client normalising `..` away).
@Suite struct ServeCommandTests {
    static func request(_ path: String, port: UInt16) -> (status: Int, body: String)? {
        guard let response = LoopbackClient.get(path, port: port, host: "127.0.0.1"),
              let status = LoopbackClient.status(response) else { return nil }
        let body = response.range(of: "\r\n\r\n").map { String(response[$0.upperBound...]) } ?? ""
        return (status, body)
    }

    /// Waits for a condition the server reaches by itself (started, rebuilt); generous bound.
    static func eventually(_ condition: () -> Bool) -> Bool {
        for _ in 0..<200 {
            if condition() { return true }
            usleep(50_000)
        }
        return false
    }

    /// The port `planc serve --port 0` reports in its "Serving … on http://127.0.0.1:PORT/" line.
    static func port(of server: Planc.Running) throws -> UInt16 {
        let log = try #require(server.waitForStderr(containing: "/ — edit"), "planc serve did not start: \(server.stderr)")
        let address = try #require(log.components(separatedBy: "http://127.0.0.1:").dropFirst().first)
        return try #require(UInt16(address.prefix { $0.isNumber }), "no port in \(log)")
    }

    @Test func servesOnlyTheSiteAndRebuildsOnChange() throws { try withTemporaryFolder("serve") { folder in
        // A missing binary is a failure, not a skip (Planc.start throws); the port is ephemeral.
        let base = folder.path
        let plan = base + "/plan"
        try FileManager.default.createDirectory(atPath: plan, withIntermediateDirectories: true)
        try "top secret\n".write(toFile: base + "/secret.txt", atomically: true, encoding: .utf8)
        let good = "# Demo\n\n- project: demo\n- start: 2026-09-01\n\n## Work\n- [ ] First — 2d\n- [ ] Second — 3d after:first\n"
        try good.write(toFile: plan + "/demo.md", atomically: true, encoding: .utf8)

        let server = try Planc.start(["serve", plan, "-o", base + "/site", "--port", "0", "--today", "2026-09-15"])
        defer { server.stop() }
        let port = try Self.port(of: server)

        #expect(Self.eventually { Self.request("/", port: port)?.status == 200 })
        let home = try #require(Self.request("/", port: port))
        #expect(home.body.contains("Demo"))
        #expect(home.body.contains("/__planc/version"))
        #expect(Self.request("/projects/demo/", port: port)?.status == 200)
        for attack in ["/../secret.txt", "/%2e%2e/secret.txt", "/%2e%2e%2fsecret.txt", "/..%5csecret.txt",
                       "/projects/../../secret.txt", "//etc/passwd", "/.planc-site", base + "/secret.txt"] {
            let response = Self.request(attack, port: port)
            #expect(response?.status == 404, "\(attack)")
            #expect(!(response?.body.contains("top secret") ?? false), "\(attack)")
        }
        try FileManager.default.createSymbolicLink(atPath: base + "/site/leak.txt", withDestinationPath: base + "/secret.txt")
        #expect(Self.request("/leak.txt", port: port)?.status == 404)

        // A change is picked up, and plan errors replace the pages until they are fixed.
        let before = Self.request("/__planc/version", port: port)?.body
        try good.replacingOccurrences(of: "# Demo", with: "# Demo renamed").write(toFile: plan + "/demo.md", atomically: true, encoding: .utf8)
        #expect(Self.eventually { Self.request("/__planc/version", port: port)?.body != before })
        #expect(Self.request("/", port: port)?.body.contains("Demo renamed") == true)
        try good.replacingOccurrences(of: "2026-09-01", with: "2026-02-30").write(toFile: plan + "/demo.md", atomically: true, encoding: .utf8)
        #expect(Self.eventually { Self.request("/", port: port)?.body.contains("The plan has errors") == true })
        #expect(Self.request("/projects/demo/", port: port)?.body.contains("P105") == true)
    } }
}
