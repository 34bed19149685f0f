import Foundation
import PlanFrontEnd

/// Notices changes to a plan by polling: the path, size and modification time of every file the
/// loader would read (`PlanFiles`) under the plan folder, and of every file in the theme folder. Polling is portable and cheap at plan sizes (a few hundred files),
/// and catches editors that save by renaming.
public struct PlanWatcher: Sendable {
    public let root: String
    /// Folders never looked into (the loader skips them too, and the site output lives there).
    public var skipped: Set<String> = PlanFiles.skippedFolders
    /// An absolute output folder to skip wherever it is.
    public var output: String?
    /// A theme folder (`--theme`): any change to its templates or stylesheet rebuilds the site.
    public var themeFolder: String?

    public init(root: String, output: String? = nil, themeFolder: String? = nil) {
        self.root = root; self.output = output; self.themeFolder = themeFolder
    }

    public struct Fingerprint: Equatable, Sendable {
        var entries: [String]
    }

    public func fingerprint() -> Fingerprint {
        var entries: [String] = []
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: root, isDirectory: &isDirectory), !isDirectory.boolValue {
            entries.append(stamp(root))
            return Fingerprint(entries: entries)
        }
        var pending = [root]
        if let themeFolder, let names = FileManager.default.subpaths(atPath: themeFolder) {
            for name in names.sorted() { entries.append(stamp((themeFolder as NSString).appendingPathComponent(name))) }
        }
        while let folder = pending.popLast() {
            guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { continue }
            for name in names.sorted() where !name.hasPrefix(".") && !skipped.contains(name) {
                let path = (folder as NSString).appendingPathComponent(name)
                if path == output { continue }
                guard let attributes = try? FileManager.default.attributesOfItem(atPath: path) else { continue }
                let type = attributes[.type] as? FileAttributeType
                if type == .typeDirectory {
                    pending.append(path)
                } else if PlanFiles.isCandidate(fileName: name) {
                    entries.append(stamp(path, attributes))
                }
            }
        }
        return Fingerprint(entries: entries.sorted())
    }

    private func stamp(_ path: String, _ known: [FileAttributeKey: Any]? = nil) -> String {
        let attributes = known ?? (try? FileManager.default.attributesOfItem(atPath: path)) ?? [:]
        let size = (attributes[.size] as? NSNumber)?.int64Value ?? -1
        let modified = (attributes[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
        return "\(path)\t\(size)\t\(modified)"
    }
}
