import Foundation
import PlanTestSupport
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// Runs `planc serve` and talks raw HTTP to it, so request paths reach the server exactly as
/// written (no client normalising `..` away).
@Suite struct ServeCommandTests {
    static func request(_ path: String, port: UInt16) -> (status: Int, body: String)? {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else { return nil }
        let text = "GET \(path) HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"
        _ = text.withCString { send(fd, $0, strlen($0), 0) }
        var data = [UInt8]()
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = recv(fd, &buffer, buffer.count, 0)
            if count <= 0 { break }
            data.append(contentsOf: buffer[0..<count])
        }
        let response = String(decoding: data, as: UTF8.self)
        guard response.hasPrefix("HTTP/1.1 "), let status = Int(response.dropFirst(9).prefix(3)) else { return nil }
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
