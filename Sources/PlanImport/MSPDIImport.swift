import Foundation

/// `planc import` as one call: read the file, map it, return the plan files and notes.
public enum MSPDIImport {
    public static func plan(from data: Data, sourceName: String) throws(ImportError) -> ImportedPlan {
        let project = try MSPDIReader.read(data)
        return try PlanImporter.plan(from: project, sourceName: sourceName)
    }

    /// `project.xml` → `project`: the folder an import writes to when none is given.
    public static func defaultFolder(for path: String) -> String {
        let url = URL(fileURLWithPath: path)
        let stem = url.deletingPathExtension().lastPathComponent
        return stem.isEmpty || stem == url.lastPathComponent ? url.lastPathComponent + "-plan" : stem
    }
}
