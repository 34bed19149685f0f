import Foundation
import PlanCompiler
import PlanModel
import PlanSite

/// One fuzz input through the whole pipeline, as `planc build` runs it, with the site rendered in
/// memory: load -> parse -> lower -> check -> schedule -> analyze -> publish (pages, plan.json, or
/// the diagnostics page when the plan has errors).
///
/// An input holds up to four plan files separated by NUL bytes, so team, calendar and settings
/// files can meet the projects that use them.
enum PlanFuzz {
    static let today = Day(year: 2026, month: 9, day: 15)!
    static let maxFiles = 4

    /// Where the input's files are written for the loader: one folder per process, reused.
    static let folder: String = {
        let base = FileManager.default.fileExists(atPath: "/dev/shm") ? "/dev/shm" : NSTemporaryDirectory()
        let path = "\(base)/plan-fuzz-\(getpid())"
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }()

    static let theme: Theme = {
        do { return try Theme.builtIn() } catch { fatalError("plan-fuzz: the built-in theme is missing: \(error)") }
    }()

    static func files(_ bytes: [UInt8]) -> [[UInt8]] {
        Array(bytes.split(separator: 0, maxSplits: maxFiles - 1, omittingEmptySubsequences: false).map(Array.init))
    }

    /// Runs one input; a crash, an assertion or a sanitizer report is a finding.
    static func run(_ bytes: [UInt8]) {
        let parts = files(bytes)
        for index in 0..<maxFiles {
            let path = "\(folder)/p\(index).md"
            if index < parts.count {
                _ = FileManager.default.createFile(atPath: path, contents: Data(parts[index]))
            } else {
                unlink(path)
            }
        }
        let compiled = Pipeline.compile(CompileOptions(path: folder, today: today))
        let options = SiteOptions(today: today, commit: "0000000", baseURL: nil, liveReload: false)
        do {
            if !compiled.hasErrors, compiled.schedule != nil {
                _ = try Publish.render(compiled, theme: theme, options: options)
            } else {
                _ = try DiagnosticsPage.build(diagnostics: compiled.diagnostics, theme: theme, options: options)
            }
        } catch {
            // With the built-in theme nothing the plan says may make rendering fail.
            fatalError("plan-fuzz: rendering failed with the built-in theme: \(error)")
        }
    }
}
