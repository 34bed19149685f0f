import Foundation

/// A real git repository in a folder, for tests of history: commits with fixed author and
/// committer dates (`GIT_AUTHOR_DATE`, `GIT_COMMITTER_DATE`) and a fixed identity, so commit ids
/// and every figure read from history are the same on every run. Needs git installed.
public struct GitFixture {
    public let folder: URL

    public init(_ folder: URL) throws {
        self.folder = folder
        try run(["init", "-q", "-b", "main"])
    }

    /// Writes `files` (relative path: text; nil deletes the file), stages everything and commits
    /// at noon UTC of `date` (`2026-09-01`). Returns the full commit id.
    @discardableResult
    public func commit(_ files: [String: String?], on date: String, message: String) throws -> String {
        for (name, text) in files {
            let url = folder.appendingPathComponent(name)
            if let text {
                try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(text.utf8).write(to: url)
            } else {
                try? FileManager.default.removeItem(at: url)
            }
        }
        try run(["add", "-A"])
        try run(["commit", "-q", "--allow-empty", "-m", message], date: date)
        return try run(["rev-parse", "HEAD"])
    }

    /// Runs git in the repository and returns its trimmed standard output.
    @discardableResult
    public func run(_ arguments: [String], date: String? = nil) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git", "-C", folder.path, "-c", "user.name=Planc Test", "-c", "user.email=test@example.org",
                             "-c", "commit.gpgsign=false", "-c", "tag.gpgsign=false"] + arguments
        var environment = ProcessInfo.processInfo.environment
        if let date {
            environment["GIT_AUTHOR_DATE"] = "\(date)T12:00:00+00:00"
            environment["GIT_COMMITTER_DATE"] = "\(date)T12:00:00+00:00"
        }
        process.environment = environment
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw NSError(domain: "GitFixture", code: Int(process.terminationStatus),
                          userInfo: [NSLocalizedDescriptionKey: "git \(arguments.joined(separator: " ")) failed"])
        }
        return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
