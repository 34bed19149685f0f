import Foundation

/// Writes an imported plan into its folder all at once: the files go into a hidden sibling
/// folder first, which is renamed into place, so a failed import leaves nothing half written.
/// A folder with files in it is refused unless `force` is set; then the old folder is renamed
/// aside, the new one into place, and the old one removed.
public enum ImportFolder {
    public static func write(_ plan: ImportedPlan, to path: String, force: Bool) throws(ImportError) {
        let manager = FileManager.default
        let target = URL(fileURLWithPath: path).standardizedFileURL
        var isFolder: ObjCBool = false
        let exists = manager.fileExists(atPath: target.path, isDirectory: &isFolder)
        if exists, !isFolder.boolValue {
            throw ImportError("\(path) exists and is not a folder")
        }
        if exists, !force, !((try? manager.contentsOfDirectory(atPath: target.path)) ?? []).isEmpty {
            throw ImportError("\(path) is not empty; give --force to replace it")
        }
        for file in plan.files where file.name.contains("/") || file.name.hasPrefix(".") || file.name.isEmpty {
            // The mapping names files itself; a path here is a programmer error, refused anyway.
            throw ImportError("refusing to write '\(file.name)' outside \(path)")
        }
        let parent = target.deletingLastPathComponent()
        let staging = parent.appendingPathComponent(".\(target.lastPathComponent).import-\(ProcessInfo.processInfo.processIdentifier)")
        do {
            try? manager.removeItem(at: staging)
            try manager.createDirectory(at: staging, withIntermediateDirectories: true)
            for file in plan.files {
                try Data(file.text.utf8).write(to: staging.appendingPathComponent(file.name), options: .atomic)
            }
            if exists {
                let aside = parent.appendingPathComponent(".\(target.lastPathComponent).replaced-\(ProcessInfo.processInfo.processIdentifier)")
                try? manager.removeItem(at: aside)
                try manager.moveItem(at: target, to: aside)
                try manager.moveItem(at: staging, to: target)
                try? manager.removeItem(at: aside)
            } else {
                try manager.moveItem(at: staging, to: target)
            }
        } catch {
            try? manager.removeItem(at: staging)
            throw ImportError("cannot write \(path): \(error.localizedDescription)")
        }
    }
}
