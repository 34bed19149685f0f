import Foundation
import PlanFrontEnd
import PlanModel

/// A commit as history reads it: its id, the day it was made and its subject line.
public struct GitCommit: Sendable, Hashable {
    /// The full object id.
    public var id: String
    /// The committer date's calendar day, in the committer's own time zone (as `git log` shows it).
    public var day: Day
    /// Seconds since 1970 of the committer date: orders commits made on the same day.
    public var time: Int
    public var subject: String
    public var shortID: String { String(id.prefix(7)) }
}

/// Why history could not be read. Each says what to do about it.
public enum GitError: Error, Sendable, Equatable, CustomStringConvertible {
    /// `git` is not installed.
    case gitMissing
    /// The plan is not inside a git work tree.
    case notARepository(String)
    /// The revision names no commit; `shallow` when the clone is shallow, which may be why.
    case unknownRevision(String, shallow: Bool)
    /// No commit at or before the day.
    case noCommitBefore(Day)
    /// No default branch to compare with: neither `origin/HEAD`, `main` nor `master` shares history with HEAD.
    case noDefaultBranch
    /// git failed in a way planc did not expect.
    case failed(String)

    public var description: String {
        switch self {
        case .gitMissing: "git is not installed: history needs it (apt-get install git)"
        case .notARepository(let path): "'\(path)' is not in a git repository: baselines, diff and trends read the plan's history from git"
        case .unknownRevision(let revision, let shallow):
            "no commit '\(revision)' in this repository"
                + (shallow ? "; the clone is shallow, so older commits are missing (in GitHub Actions, check out with `fetch-depth: 0`)" : "")
        case .noCommitBefore(let day): "no commit on or before \(day.iso) touches the repository"
        case .noDefaultBranch:
            "no default branch to compare with (tried origin/HEAD, main and master): name the base, e.g. `planc diff origin/main`"
        case .failed(let message): "git failed: \(message)"
        }
    }
}

/// The plan's git repository, read without a checkout: the work tree and the index are never
/// touched. Objects come from one long-lived `git cat-file --batch` process (one process for any
/// number of files and commits, not one per file), commit lists from `git log`.
///
/// Why the `git` command rather than libgit2: git is already what CI installs and what people
/// have, it reads every repository format and extension git itself writes (packs, commit graphs,
/// partial clones), and the batch protocol costs one process per run. libgit2 would add a C
/// library to every build for the same objects.
public final class GitRepository {
    /// The top of the work tree.
    public let root: String
    /// The plan folder, relative to `root`, with a trailing `/` (empty at the top).
    public let prefix: String
    /// The plan path as the user gave it: files read from history are named under it, exactly as
    /// the loader names the files of the work tree, so the two versions line up.
    public let planPath: String
    /// When the plan path is a single file: its name, the only file read.
    private let singleFile: String?
    private var batch: CatFileBatch?
    /// Blobs already read, by object id: unchanged files between commits are read once.
    private var blobs: [String: [UInt8]] = [:]

    public init(planPath: String) throws(GitError) {
        self.planPath = planPath
        var isDirectory: ObjCBool = false
        let exists = FileManager.default.fileExists(atPath: planPath, isDirectory: &isDirectory)
        let folder = exists && !isDirectory.boolValue ? PlanRepository.folder(of: planPath) : planPath
        singleFile = exists && !isDirectory.boolValue ? (planPath as NSString).lastPathComponent : nil
        guard FileManager.default.fileExists(atPath: folder) else { throw .notARepository(planPath) }
        let top = try Self.git(["-C", folder, "rev-parse", "--show-toplevel", "--show-prefix"], notRepository: planPath)
        let lines = top.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard let first = lines.first, !first.isEmpty else { throw .notARepository(planPath) }
        root = first
        prefix = lines.count > 1 ? lines[1] : ""
    }

    deinit { batch?.close() }

    // MARK: Commits

    /// The commit a revision names: a commit id, a tag, a branch, `HEAD~3`.
    public func commit(_ revision: String) throws(GitError) -> GitCommit {
        // Revisions are names, never options: `--output=x` must not reach git as one.
        guard !revision.hasPrefix("-"), !revision.contains("\n"), !revision.isEmpty else {
            throw .unknownRevision(revision, shallow: false)
        }
        guard let object = try objects().read(revision + "^{commit}"), object.type == "commit" else {
            throw .unknownRevision(revision, shallow: isShallow)
        }
        return Self.parseCommit(id: object.id, object.bytes)
    }

    /// The last commit on the first-parent line of HEAD made on or before `day` (committer date,
    /// end of that day in UTC): "the plan as it stood on DATE".
    public func lastCommit(onOrBefore day: Day) throws(GitError) -> GitCommit {
        let output = try Self.git(["-C", root, "rev-list", "-1", "--first-parent", "--before=\(day.iso)T23:59:59Z", "HEAD", "--"],
                                  notRepository: planPath)
        let id = output.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !id.isEmpty else { throw .noCommitBefore(day) }
        return try commit(id)
    }

    /// A revision or a date: `v1.0`, `main~2`, or `2026-09-01` for the last commit on or before it.
    public func resolve(_ reference: String) throws(GitError) -> GitCommit {
        if let day = Day(iso: reference) { return try lastCommit(onOrBefore: day) }
        return try commit(reference)
    }

    /// Commits on the first-parent line of HEAD that changed the plan folder, oldest first,
    /// from `since` (exclusive; nil for the whole history).
    public func history(since: GitCommit? = nil) throws(GitError) -> [GitCommit] {
        var arguments = ["-C", root, "log", "--first-parent", "--format=%H%x09%ct%x09%cI%x09%s"]
        arguments.append(since.map { "\($0.id)..HEAD" } ?? "HEAD")
        arguments += ["--", prefix.isEmpty ? "." : prefix]
        let output = try Self.git(arguments, notRepository: planPath)
        return output.split(separator: "\n").compactMap { line -> GitCommit? in
            let fields = line.split(separator: "\t", maxSplits: 3, omittingEmptySubsequences: false).map(String.init)
            guard fields.count >= 3, let time = Int(fields[1]), let day = Day(iso: String(fields[2].prefix(10))) else { return nil }
            return GitCommit(id: fields[0], day: day, time: time, subject: fields.count > 3 ? Self.printable(fields[3]) : "")
        }.reversed()
    }

    /// Where a branch left the default branch: the merge base of HEAD with `origin/HEAD` (the
    /// remote's default branch), else with `main`, else with `master`. What a pull request's
    /// change is measured against.
    public func mergeBaseWithDefaultBranch() throws(GitError) -> GitCommit {
        for branch in ["origin/HEAD", "main", "master"] {
            guard (try? commit(branch)) != nil,
                  let output = try? Self.git(["-C", root, "merge-base", "HEAD", branch], notRepository: planPath) else { continue }
            let id = output.trimmingCharacters(in: .whitespacesAndNewlines)
            if !id.isEmpty { return try commit(id) }
        }
        throw .noDefaultBranch
    }

    public var isShallow: Bool {
        (try? Self.git(["-C", root, "rev-parse", "--is-shallow-repository"], notRepository: planPath))?
            .trimmingCharacters(in: .whitespacesAndNewlines) == "true"
    }

    // MARK: Files

    /// The plan files at `commit`, named and filtered as `Loader.load(path:)` names and filters
    /// the work tree's (the same folders skipped, the same editor copies left out), sorted the
    /// same way, and checked the same way (size, UTF-8, NUL bytes).
    public func load(at commit: GitCommit) throws(GitError) -> Loader.Result {
        var result = Loader.Result()
        let folder = String(prefix.dropLast(prefix.hasSuffix("/") ? 1 : 0))
        let treeName = commit.id + ":" + folder
        guard let tree = try objects().read(treeName), tree.type == "tree" else {
            // The plan folder did not exist yet at that commit: an empty plan.
            result.rootUnreadable = true
            return result
        }
        var files: [(path: String, id: String)] = []
        var pending: [(relative: String, entries: [UInt8])] = [("", tree.bytes)]
        while let (relative, entries) = pending.popLast() {
            for entry in Self.treeEntries(entries) {
                let path = relative.isEmpty ? entry.name : relative + "/" + entry.name
                if entry.mode == "40000" {
                    guard singleFile == nil, PlanFiles.isSearched(folder: entry.name),
                          let subtree = try objects().read(entry.id), subtree.type == "tree" else { continue }
                    pending.append((path, subtree.bytes))
                } else if entry.mode == "100644" || entry.mode == "100755" {
                    if let single = singleFile { if relative.isEmpty && entry.name == single { files.append((planPath, entry.id)) }; continue }
                    guard PlanFiles.isCandidate(fileName: entry.name) else { continue }
                    let shown = planPath == "." ? path : (planPath.hasSuffix("/") ? planPath + path : planPath + "/" + path)
                    files.append((shown, entry.id))
                }
            }
        }
        files.sort { $0.path.utf8.lexicographicallyPrecedes($1.path.utf8) }
        for file in files {
            let bytes: [UInt8]
            if let known = blobs[file.id] {
                bytes = known
            } else {
                guard let blob = try objects().read(file.id), blob.type == "blob" else { continue }
                bytes = blob.bytes
                blobs[file.id] = bytes
            }
            Loader.accept(bytes, path: file.path, into: &result)
        }
        if result.files.isEmpty && singleFile != nil { result.rootUnreadable = true }
        return result
    }

    // MARK: Plumbing

    private func objects() throws(GitError) -> CatFileBatch {
        if let batch { return batch }
        let started = try CatFileBatch(root: root)
        batch = started
        return started
    }

    /// `<mode> <name>\0<20-byte id>` repeated: a tree object's entries.
    static func treeEntries(_ bytes: [UInt8]) -> [(mode: String, name: String, id: String)] {
        var entries: [(String, String, String)] = []
        var index = 0
        let hex = Array("0123456789abcdef".utf8)
        while index < bytes.count {
            guard let space = bytes[index...].firstIndex(of: 32), let nul = bytes[space...].firstIndex(of: 0),
                  nul + 21 <= bytes.count else { break }
            let mode = String(decoding: bytes[index..<space], as: UTF8.self)
            let name = String(decoding: bytes[(space + 1)..<nul], as: UTF8.self)
            var id: [UInt8] = []
            id.reserveCapacity(40)
            for byte in bytes[(nul + 1)..<(nul + 21)] { id.append(hex[Int(byte >> 4)]); id.append(hex[Int(byte & 15)]) }
            entries.append((mode, name, String(decoding: id, as: UTF8.self)))
            index = nul + 21
        }
        return entries
    }

    /// The committer line's date (`committer Name <mail> 1757000000 +0200`), as that zone's day.
    static func parseCommit(id: String, _ bytes: [UInt8]) -> GitCommit {
        let text = String(decoding: bytes, as: UTF8.self)
        let parts = text.components(separatedBy: "\n\n")
        var time = 0, offsetSeconds = 0
        for line in parts[0].split(separator: "\n") where line.hasPrefix("committer ") {
            let fields = line.split(separator: " ")
            if fields.count >= 2, let seconds = Int(fields[fields.count - 2]) { time = seconds }
            if let zone = fields.last, zone.count == 5, let hours = Int(zone.dropFirst().prefix(2)), let minutes = Int(zone.suffix(2)) {
                offsetSeconds = (zone.hasPrefix("-") ? -1 : 1) * (hours * 3600 + minutes * 60)
            }
        }
        let local = time + offsetSeconds
        let days = local >= 0 ? local / 86_400 : (local - 86_399) / 86_400
        let day = (Day(iso: "1970-01-01") ?? Day(ordinal: 0)).adding(days: days)
        let subject = parts.count > 1 ? String(parts[1].split(separator: "\n", omittingEmptySubsequences: false).first ?? "") : ""
        return GitCommit(id: id, day: day, time: time, subject: printable(subject))
    }

    /// A subject line may hold any bytes: control characters (an escape sequence would restyle a
    /// terminal; HTML forbids them) become U+FFFD here, before any output sees them.
    static func printable(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) }) else { return text }
        return String(String.UnicodeScalarView(text.unicodeScalars.map { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) ? "\u{FFFD}" : $0 }))
    }

    /// Runs git to completion and returns its standard output; a missing git or a folder outside
    /// a repository become the errors that say so.
    static func git(_ arguments: [String], notRepository path: String) throws(GitError) -> String {
        let process = gitProcess(arguments)
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        process.standardInput = FileHandle.nullDevice
        do { try process.run() } catch { throw .gitMissing }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        if process.terminationStatus == 127 { throw .gitMissing }
        guard process.terminationStatus == 0 else {
            if message.contains("not a git repository") { throw .notARepository(path) }
            throw .failed(message.trimmingCharacters(in: .whitespacesAndNewlines))
        }
        return String(decoding: data, as: UTF8.self)
    }
}

/// A `git` process (not started) with a fixed locale, so messages and dates read the same on every
/// machine, and never a credential prompt.
func gitProcess(_ arguments: [String]) -> Process {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["git"] + arguments
    var environment = ProcessInfo.processInfo.environment
    environment["LC_ALL"] = "C"
    environment["GIT_TERMINAL_PROMPT"] = "0"
    process.environment = environment
    return process
}

/// One `git cat-file --batch` process: write an object name, read `<id> <type> <size>\n`, the
/// object's bytes and a newline; `<name> missing` for a name that resolves to nothing.
final class CatFileBatch {
    private let process: Process
    private let input: FileHandle
    private let output: Int32
    private var buffer: [UInt8] = []
    private var start = 0

    struct Object { var id: String; var type: String; var bytes: [UInt8] }

    init(root: String) throws(GitError) {
        process = gitProcess(["-C", root, "cat-file", "--batch"])
        let stdin = Pipe(), stdout = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch { throw .gitMissing }
        input = stdin.fileHandleForWriting
        output = stdout.fileHandleForReading.fileDescriptor
    }

    func close() {
        try? input.close()
        process.waitUntilExit()
    }

    /// The object `name` names, or nil when it names none.
    func read(_ name: String) throws(GitError) -> Object? {
        do { try input.write(contentsOf: Array((name + "\n").utf8)) } catch { throw .failed("git cat-file stopped") }
        let header = try line()
        let fields = header.split(separator: " ")
        guard fields.count == 3, let size = Int(fields[2]) else { return nil }
        let bytes = try take(size + 1)
        return Object(id: String(fields[0]), type: String(fields[1]), bytes: Array(bytes.dropLast()))
    }

    private func fill() throws(GitError) {
        if start > 0 && start == buffer.count { buffer.removeAll(keepingCapacity: true); start = 0 }
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        let count = chunk.withUnsafeMutableBytes { Foundation.read(output, $0.baseAddress, $0.count) }
        guard count > 0 else { throw .failed("git cat-file ended early") }
        buffer.append(contentsOf: chunk[0..<count])
    }

    private func line() throws(GitError) -> String {
        while true {
            if let newline = buffer[start...].firstIndex(of: 10) {
                let text = String(decoding: buffer[start..<newline], as: UTF8.self)
                start = newline + 1
                return text
            }
            try fill()
        }
    }

    private func take(_ count: Int) throws(GitError) -> ArraySlice<UInt8> {
        while buffer.count - start < count { try fill() }
        let slice = buffer[start..<(start + count)]
        start += count
        return slice
    }
}
