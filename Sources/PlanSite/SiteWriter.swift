import Foundation

/// Writes a built site into its output folder all at once: the files go into a fresh folder
/// beside the output, which then trades places with the output atomically. A build that fails
/// before the swap leaves the previous site as it was; nothing is written outside the output's parent.
public enum SiteWriter {
    public enum WriteError: Error, CustomStringConvertible, Equatable {
        case dangerousOutput(path: String, reason: String)
        case notASite(path: String)
        case badFilePath(String)
        case io(String)

        public var description: String {
            switch self {
            case .dangerousOutput(let path, let reason): return "refusing to write the site to \(path): \(reason)"
            case .notASite(let path):
                return "refusing to replace \(path): it is a non-empty folder that planc did not build (no \(SiteWriter.markerName) file); remove it or choose another output folder"
            case .badFilePath(let path): return "refusing to write the site file '\(path)': not a plain relative path"
            case .io(let message): return message
            }
        }
    }

    /// Marks a folder as a site planc built, so a rebuild may replace it and nothing else.
    public static let markerName = ".planc-site"

    /// Resolves `path` (relative to the current folder) to an absolute, symlink-free path with
    /// no trailing slash. The path need not exist: its existing ancestor is resolved.
    public static func canonical(_ path: String) -> String {
        var absolute = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
        absolute = (absolute as NSString).standardizingPath
        var existing = absolute
        var rest: [String] = []
        while !FileManager.default.fileExists(atPath: existing), existing != "/" {
            rest.insert((existing as NSString).lastPathComponent, at: 0)
            existing = (existing as NSString).deletingLastPathComponent
        }
        var resolved = (existing as NSString).resolvingSymlinksInPath
        for component in rest { resolved = (resolved as NSString).appendingPathComponent(component) }
        return resolved.count > 1 && resolved.hasSuffix("/") ? String(resolved.dropLast()) : resolved
    }

    static func isInside(_ path: String, _ folder: String) -> Bool {
        path == folder || path.hasPrefix(folder == "/" ? "/" : folder + "/")
    }

    /// Refuses output folders whose replacement would destroy something: the file system root,
    /// the home folder, the plan folder or any folder holding plan files, and existing folders
    /// that are not a site planc built.
    public static func checkOutput(_ output: String, planRoot: String, planFiles: [String]) throws {
        if let link = danglingLink(in: output) {
            throw WriteError.dangerousOutput(path: output, reason: "\(link) is a symbolic link to a path that does not exist; create the folder it points to or remove the link")
        }
        let out = canonical(output)
        let root = canonical(planRoot)
        if out == "/" { throw WriteError.dangerousOutput(path: output, reason: "it is the file system root") }
        if let home = ProcessInfo.processInfo.environment["HOME"], !home.isEmpty, canonical(home) == out {
            throw WriteError.dangerousOutput(path: output, reason: "it is the home folder")
        }
        if isInside(root, out) {
            throw WriteError.dangerousOutput(path: output, reason: "it is or contains the plan folder \(planRoot)")
        }
        for file in planFiles {
            let absolute = file.hasPrefix("/") ? canonical(file) : canonical((root as NSString).appendingPathComponent(file))
            if isInside(absolute, out) {
                throw WriteError.dangerousOutput(path: output, reason: "it contains the plan file \(file)")
            }
        }
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: out, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else {
                throw WriteError.dangerousOutput(path: output, reason: "it exists and is not a folder")
            }
            if !isReplaceable(out) { throw WriteError.notASite(path: output) }
        }
    }

    /// Whether `folder` is empty or a site planc built. The marker is looked up by path rather
    /// than in a listing: a listing opened just before a concurrent build swaps the folder reads
    /// the previous site while it is being deleted, and may miss the marker.
    static func isReplaceable(_ folder: String) -> Bool {
        if FileManager.default.fileExists(atPath: (folder as NSString).appendingPathComponent(markerName)) { return true }
        return ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).isEmpty
    }

    /// A relative path of plain segments: no empty, `.` or `..` segment, no backslash or NUL.
    static func isPlainRelative(_ path: String) -> Bool {
        guard !path.isEmpty, !path.hasPrefix("/") else { return false }
        for segment in path.split(separator: "/", omittingEmptySubsequences: false) {
            if segment.isEmpty || segment == "." || segment == ".." { return false }
            if segment.contains("\\") || segment.contains("\0") { return false }
        }
        return true
    }

    /// Writes `files` as the whole content of `output`, replacing what was there.
    ///
    /// The files go into a hidden staging folder beside the output, which then trades places with
    /// the output in one atomic step (`renameat2` with `RENAME_EXCHANGE`), so the output path
    /// exists at every moment. Writers hold an exclusive lock on the parent folder from staging to
    /// clean-up, so concurrent builds into one folder take turns, and the staging folders an
    /// interrupted build left behind can be removed safely by the next one.
    public static func write(_ files: [SiteFile], to output: String) throws {
        for file in files where !isPlainRelative(file.path) { throw WriteError.badFilePath(file.path) }
        if let link = danglingLink(in: output) {
            throw WriteError.dangerousOutput(path: output, reason: "\(link) is a symbolic link to a path that does not exist; create the folder it points to or remove the link")
        }
        let target = canonical(output)
        let parent = (target as NSString).deletingLastPathComponent
        let name = (target as NSString).lastPathComponent
        let manager = FileManager.default
        do { try manager.createDirectory(atPath: parent, withIntermediateDirectories: true) } catch {
            throw WriteError.io("cannot create \(parent): \(error.localizedDescription)")
        }
        let lock = try ParentLock(parent)
        defer { lock.release() }
        removeLeftovers(of: name, in: parent)
        // Checked again under the lock: the folder may have changed since `checkOutput`.
        var isDirectory: ObjCBool = false
        if manager.fileExists(atPath: target, isDirectory: &isDirectory), !isDirectory.boolValue || !isReplaceable(target) {
            throw WriteError.notASite(path: output)
        }

        let staging = (parent as NSString).appendingPathComponent(".\(name)\(stagingInfix)\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
        do {
            try manager.createDirectory(atPath: staging, withIntermediateDirectories: false)
            for file in files + [SiteFile(path: markerName, text: "Built by planc; `planc build` replaces this folder.\n")] {
                let path = (staging as NSString).appendingPathComponent(file.path)
                try manager.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
                try Data(file.contents).write(to: URL(fileURLWithPath: path))
            }
        } catch {
            try? manager.removeItem(atPath: staging)
            throw WriteError.io("cannot write the site into \(staging): \(error.localizedDescription)")
        }
        do {
            try swapIntoPlace(staging, target, parent: parent, name: name)
        } catch {
            try? manager.removeItem(atPath: staging)
            throw error
        }
        // After the exchange the staging name holds the previous site.
        try? manager.removeItem(atPath: staging)
    }

    static let stagingInfix = ".planc-new-"
    /// The name the two-rename fallback moved the previous site to (and older plancs always did).
    static let retiredInfix = ".planc-old-"

    private static func swapIntoPlace(_ staging: String, _ target: String, parent: String, name: String) throws {
        var status = stat()
        guard lstat(target, &status) == 0 else {
            if rename(staging, target) != 0 {
                throw WriteError.io("cannot move the new site into place (\(target)): \(String(cString: strerror(errno)))")
            }
            return
        }
        if let exchange = renameExchange {
            if exchange(AT_FDCWD, staging, AT_FDCWD, target, 2 /* RENAME_EXCHANGE */) == 0 { return }
            // Only a file system without the exchange falls back; anything else is an error.
            if errno != EINVAL && errno != ENOSYS && errno != EOPNOTSUPP {
                throw WriteError.io("cannot swap the new site into place (\(target)): \(String(cString: strerror(errno)))")
            }
        }
        // Two renames: the output is missing for a moment, but no other planc writes meanwhile.
        let retired = (parent as NSString).appendingPathComponent(".\(name)\(retiredInfix)\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
        if rename(target, retired) != 0 {
            throw WriteError.io("cannot move the previous site aside (\(target)): \(String(cString: strerror(errno)))")
        }
        if rename(staging, target) != 0 {
            let reason = String(cString: strerror(errno))
            _ = rename(retired, target)
            throw WriteError.io("cannot move the new site into place (\(target)): \(reason)")
        }
        try? FileManager.default.removeItem(atPath: retired)
    }

    /// `renameat2`, looked up at run time: Swift's Glibc module does not declare it (it is a GNU
    /// extension), and it is missing on other systems, where the fallback above applies.
    private typealias RenameAt2 = @convention(c) (Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32) -> Int32
    private static let renameExchange: RenameAt2? = {
        #if os(Linux)
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "renameat2") else { return nil }
        return unsafeBitCast(symbol, to: RenameAt2.self)
        #else
        return nil
        #endif
    }()

    /// Removes the staging and retired folders of `name` that a killed or crashed build left in
    /// `parent`. Safe only under the parent lock, when no other build has one in use.
    static func removeLeftovers(of name: String, in parent: String) {
        guard let entries = try? FileManager.default.contentsOfDirectory(atPath: parent) else { return }
        for entry in entries where entry.hasPrefix(".\(name)\(stagingInfix)") || entry.hasPrefix(".\(name)\(retiredInfix)") {
            try? FileManager.default.removeItem(atPath: (parent as NSString).appendingPathComponent(entry))
        }
    }

    /// The first component of `path` that is a symbolic link pointing nowhere, if any.
    static func danglingLink(in path: String) -> String? {
        var absolute = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
        absolute = (absolute as NSString).standardizingPath
        var prefix = ""
        for component in absolute.split(separator: "/") {
            prefix += "/" + component
            var status = stat()
            guard lstat(prefix, &status) == 0 else { return nil }
            if status.st_mode & S_IFMT == S_IFLNK, stat(prefix, &status) != 0 { return prefix }
        }
        return nil
    }

    /// An exclusive `flock` on the output's parent folder, held while a build stages and swaps.
    /// Locking the folder itself leaves no lock file behind; the kernel drops the lock if the
    /// process dies.
    private struct ParentLock {
        let descriptor: Int32

        init(_ folder: String) throws {
            descriptor = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
            guard descriptor >= 0 else {
                throw WriteError.io("cannot open \(folder) to lock it: \(String(cString: strerror(errno)))")
            }
            while flock(descriptor, LOCK_EX) != 0 {
                if errno == EINTR { continue }
                let reason = String(cString: strerror(errno))
                close(descriptor)
                throw WriteError.io("cannot lock \(folder): \(reason)")
            }
        }

        func release() {
            flock(descriptor, LOCK_UN)
            close(descriptor)
        }
    }
}
