import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A raw client connection to 127.0.0.1 for the `planc serve` tests: request bytes reach the
/// server exactly as written (no client normalising `..` away), and send and receive time out so
/// no test can hang.
public final class LoopbackClient {
    public let fd: Int32

    public init?(port: UInt16, receiveTimeout: Double = 10) {
        fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { return nil }
        var time = timeval(tv_sec: Int(receiveTimeout), tv_usec: suseconds_t((receiveTimeout - receiveTimeout.rounded(.down)) * 1_000_000))
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &time, socklen_t(MemoryLayout<timeval>.size))
        setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &time, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        if connected != 0 { close(fd); return nil }
    }

    deinit { close(fd) }

    /// Sends what it can; a server that closed early makes the rest fail, which is fine.
    @discardableResult
    public func send(_ bytes: [UInt8]) -> Int {
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { Glibc.send(fd, $0.baseAddress! + offset, bytes.count - offset, Int32(MSG_NOSIGNAL)) }
            if written <= 0 { break }
            offset += written
        }
        return offset
    }

    public func send(_ text: String) { send(Array(text.utf8)) }

    /// Everything until the server closes (or the receive timeout), and whether it closed.
    public func readToEnd() -> (text: String, closed: Bool) {
        var data = [UInt8]()
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = recv(fd, &buffer, buffer.count, 0)
            if count == 0 { return (String(decoding: data, as: UTF8.self), true) }
            if count < 0 { return (String(decoding: data, as: UTF8.self), false) }
            data.append(contentsOf: buffer[0..<count])
        }
    }

    /// The whole response to `GET path` (Host `127.0.0.1:PORT` unless given), or nil when
    /// nothing listens on `port`.
    public static func get(_ path: String = "/", port: UInt16, host: String? = nil) -> String? {
        guard let client = LoopbackClient(port: port) else { return nil }
        client.send("GET \(path) HTTP/1.1\r\nHost: \(host ?? "127.0.0.1:\(port)")\r\nConnection: close\r\n\r\n")
        return client.readToEnd().text
    }

    /// The status code of an HTTP/1.1 response.
    public static func status(_ response: String) -> Int? {
        guard response.hasPrefix("HTTP/1.1 ") else { return nil }
        return Int(response.dropFirst(9).prefix(3))
    }
}
