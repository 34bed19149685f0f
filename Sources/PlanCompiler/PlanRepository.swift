import Foundation
import PlanSite

/// Where a plan lives: its folder, the git work tree around it and the commit checked out there.
/// Read at the edge, like the clock: the site is stamped with the commit, and a theme named by
/// the settings file must stay inside the work tree (`ThemeConfinement`).
public enum PlanRepository {
    /// The folder that holds the plan: PATH itself, or the folder of a single plan file.
    public static func folder(of planPath: String) -> String {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: planPath, isDirectory: &isDirectory), !isDirectory.boolValue {
            let folder = (planPath as NSString).deletingLastPathComponent
            return folder.isEmpty ? "." : folder
        }
        return planPath
    }

    /// The short id of the commit checked out in the repository holding `planPath` (a plan folder
    /// or file), or nil outside a git work tree, in one without commits, or without git.
    public static func commit(at planPath: String) -> String? {
        let folder = folder(of: planPath)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git", "-C", folder.isEmpty ? "." : folder, "rev-parse", "--short", "HEAD"]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch { return nil }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { return nil }
        let text = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        return text.isEmpty ? nil : text
    }

    /// The folder a settings-file theme must stay in: the git work tree holding the plan, or the
    /// plan folder when it is not in one.
    public static func root(of planFolder: String) -> String {
        let start = SiteWriter.canonical(planFolder)
        var folder = start
        while true {
            if FileManager.default.fileExists(atPath: (folder as NSString).appendingPathComponent(".git")) { return folder }
            let up = (folder as NSString).deletingLastPathComponent
            if up == folder || folder == "/" { return start }
            folder = up
        }
    }
}
