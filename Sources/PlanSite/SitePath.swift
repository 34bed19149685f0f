import Foundation

/// Maps a request path to a file inside the site folder, or nil. The only way `planc serve`
/// finds files: whatever the request says (`..`, `%2e%2e`, `//etc/passwd`, a backslash, a
/// symbolic link planted in the site), the answer is a regular file under the site root or nothing.
public enum SitePath {
    public static func resolve(_ requestPath: String, root: String) -> String? {
        var path = Substring(requestPath)
        if let cut = path.firstIndex(where: { $0 == "?" || $0 == "#" }) { path = path[..<cut] }
        guard let decoded = String(path).removingPercentEncoding else { return nil }
        if decoded.contains("\0") || decoded.contains("\\") { return nil }
        var segments: [String] = []
        for segment in decoded.split(separator: "/", omittingEmptySubsequences: true) {
            // `..` and `.` never; hidden names (`.planc-site`, `.git`) are not part of the site.
            if segment.hasPrefix(".") { return nil }
            segments.append(String(segment))
        }
        guard let realRoot = realPath(root) else { return nil }
        var candidate = ([realRoot] + segments).joined(separator: "/")
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: candidate, isDirectory: &isDirectory) else { return nil }
        if isDirectory.boolValue { candidate += "/index.html" }
        // Symbolic links are resolved before the containment check, so a link pointing out of
        // the site is refused even though its own name is inside.
        guard let real = realPath(candidate) else { return nil }
        guard real.hasPrefix(realRoot.hasSuffix("/") ? realRoot : realRoot + "/") else { return nil }
        guard FileManager.default.fileExists(atPath: real, isDirectory: &isDirectory), !isDirectory.boolValue else { return nil }
        return real
    }

    public static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    public static func contentType(for path: String) -> String {
        switch (path as NSString).pathExtension.lowercased() {
        case "html": return "text/html; charset=utf-8"
        case "css": return "text/css; charset=utf-8"
        case "json": return "application/json"
        case "svg": return "image/svg+xml"
        case "png": return "image/png"
        case "js": return "text/javascript; charset=utf-8"
        default: return "application/octet-stream"
        }
    }
}
