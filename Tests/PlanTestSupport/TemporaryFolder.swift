import Foundation

/// A fresh folder `planc-LABEL-UUID` under the system's temporary folder, removed with everything
/// in it when the value goes away. Hold it in a suite's stored property (the suite lives as long
/// as its test); inside a test body use `withTemporaryFolder`, which removes it on return or throw.
public final class TemporaryFolder: @unchecked Sendable {
    public let url: URL
    public var path: String { url.path }

    public init(_ label: String) throws {
        url = URL(fileURLWithPath: NSTemporaryDirectory())
            .appendingPathComponent("planc-\(label)-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: url) }
}

/// Runs `body` on a fresh temporary folder and removes the folder when `body` returns or throws.
public func withTemporaryFolder<T>(_ label: String, _ body: (URL) throws -> T) throws -> T {
    let folder = try TemporaryFolder(label)
    return try withExtendedLifetime(folder) { try body(folder.url) }
}

/// Runs `body` on a fresh temporary folder and removes the folder when `body` returns or throws.
public func withTemporaryFolder<T>(_ label: String, _ body: (URL) async throws -> T) async throws -> T {
    let folder = try TemporaryFolder(label)
    defer { withExtendedLifetime(folder) {} }
    return try await body(folder.url)
}

/// Writes `files` (relative path: text) into `folder`, making subfolders as needed.
public func write(_ files: [String: String], into folder: URL) throws {
    for (name, text) in files {
        let url = folder.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }
}

/// Every regular file under `folder`, by relative path, with its bytes.
public func contentsOfFiles(in folder: URL) -> [String: Data] {
    var result: [String: Data] = [:]
    let enumerator = FileManager.default.enumerator(atPath: folder.path)
    while let path = enumerator?.nextObject() as? String {
        var isDirectory: ObjCBool = false
        _ = FileManager.default.fileExists(atPath: folder.path + "/" + path, isDirectory: &isDirectory)
        if !isDirectory.boolValue { result[path] = FileManager.default.contents(atPath: folder.path + "/" + path) }
    }
    return result
}
