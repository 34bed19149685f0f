import Foundation
import PlanSite

/// A theme named by the repository's settings file (`- theme: DIR`) must lie inside the
/// repository: building someone else's plan (a pull request, a cloned repository) must not read
/// files from elsewhere on the machine into the published pages (`theme: /etc` with a
/// `style.css` link to a private file). A theme given with `--theme` is trusted: the person
/// running planc chose it.
enum ThemeConfinement {
    /// Nil when `theme` and every file planc would read from it (symbolic links resolved) are
    /// inside `root`; otherwise why not.
    static func violation(theme: String, root: String) -> String? {
        let folder = SiteWriter.canonical(theme)
        let inside = { (path: String) in path == root || path.hasPrefix(root == "/" ? "/" : root + "/") }
        guard inside(folder) else {
            return "the theme folder \(theme) named in the settings file is outside the repository \(root); move it into the repository, or pass it with --theme to use it anyway"
        }
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        for name in names where name.hasSuffix(".mustache") || name == "style.css" {
            let file = SiteWriter.canonical((folder as NSString).appendingPathComponent(name))
            if !inside(file) {
                return "the theme file \(name) in \(theme) is a link to \(file), outside the repository \(root); copy the file into the theme, or pass the theme with --theme to use it anyway"
            }
        }
        return nil
    }
}
