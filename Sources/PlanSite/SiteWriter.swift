import Foundation

/// Writes a built site into its output folder all at once: the files go into a fresh folder
/// beside the output, which then takes the output's place by rename. A build that fails before
/// the swap leaves the previous site as it was; nothing is written outside the output's parent.
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
            let entries = (try? FileManager.default.contentsOfDirectory(atPath: out)) ?? []
            if !entries.isEmpty, !entries.contains(markerName) { throw WriteError.notASite(path: output) }
        }
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
    public static func write(_ files: [SiteFile], to output: String) throws {
        for file in files where !isPlainRelative(file.path) { throw WriteError.badFilePath(file.path) }
        let target = canonical(output)
        let parent = (target as NSString).deletingLastPathComponent
        let name = (target as NSString).lastPathComponent
        let manager = FileManager.default
        do { try manager.createDirectory(atPath: parent, withIntermediateDirectories: true) } catch {
            throw WriteError.io("cannot create \(parent): \(error.localizedDescription)")
        }
        let token = "\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        let staging = (parent as NSString).appendingPathComponent(".\(name).planc-new-\(token)")
        let retired = (parent as NSString).appendingPathComponent(".\(name).planc-old-\(token)")
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
        let hadOld = manager.fileExists(atPath: target)
        if hadOld, rename(target, retired) != 0 {
            let reason = String(cString: strerror(errno))
            try? manager.removeItem(atPath: staging)
            throw WriteError.io("cannot move the previous site aside (\(target)): \(reason)")
        }
        if rename(staging, target) != 0 {
            let reason = String(cString: strerror(errno))
            if hadOld { _ = rename(retired, target) }
            try? manager.removeItem(atPath: staging)
            throw WriteError.io("cannot move the new site into place (\(target)): \(reason)")
        }
        if hadOld { try? manager.removeItem(atPath: retired) }
    }
}
