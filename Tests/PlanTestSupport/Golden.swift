import Foundation
import Testing

/// Golden files: expected output committed beside the tests and compared byte for byte. After an
/// intended change, `PLANC_UPDATE_GOLDEN=1 swift test` rewrites them; read the diff before
/// committing.
public enum Golden {
    /// The one reading of the variable: exactly `1` rewrites the golden files.
    public static var updating: Bool { ProcessInfo.processInfo.environment["PLANC_UPDATE_GOLDEN"] == "1" }

    /// Compares `actual` with the golden file at `url` (rewrites it instead when updating); a
    /// difference is one issue that shows the first differing lines.
    public static func check(_ actual: String, _ url: URL, sourceLocation: SourceLocation = #_sourceLocation) {
        let name = url.path.replacingOccurrences(of: Repository.root.path + "/", with: "")
        if updating {
            do {
                try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(actual.utf8).write(to: url, options: .atomic)
            } catch {
                Issue.record("cannot write golden file \(name): \(error)", sourceLocation: sourceLocation)
            }
            return
        }
        guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
            Issue.record("missing golden file \(name); run with PLANC_UPDATE_GOLDEN=1 and review it", sourceLocation: sourceLocation)
            return
        }
        if let difference = difference(expected: expected, actual: actual) {
            Issue.record("""
                output differs from \(name) (rerun with PLANC_UPDATE_GOLDEN=1 and review the diff):
                \(difference)
                """, sourceLocation: sourceLocation)
        }
    }

    /// A unified-style excerpt from the first differing line: up to `context` lines before it and
    /// `shown` lines of each side from it; nil when the texts are equal.
    public static func difference(expected: String, actual: String, context: Int = 2, shown: Int = 6) -> String? {
        guard expected != actual else { return nil }
        let old = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let new = actual.split(separator: "\n", omittingEmptySubsequences: false)
        let first = (0..<min(old.count, new.count)).first { old[$0] != new[$0] } ?? min(old.count, new.count)
        let from = max(0, first - context)
        var lines = ["--- golden", "+++ actual", "@@ line \(first + 1) @@"]
        lines += old[from..<first].map { " " + $0 }
        lines += old[first..<min(old.count, first + shown)].map { "-" + $0 }
        if first >= old.count { lines.append("-<end of file>") }
        lines += new[first..<min(new.count, first + shown)].map { "+" + $0 }
        if first >= new.count { lines.append("+<end of file>") }
        return lines.joined(separator: "\n")
    }
}
