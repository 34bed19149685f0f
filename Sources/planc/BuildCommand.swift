import ArgumentParser
import Foundation
import PlanModel
import PlanServe

/// Options shared by `build` and `serve`: where the site goes and how it looks.
struct SiteOutputOptions: ParsableArguments {
    @Option(name: [.customShort("o"), .long], help: "The folder to write the site into (replaced as a whole).",
            completion: .directory)
    var output: String = "_site"

    @Option(help: ArgumentHelp("The URL the site is published at, e.g. https://example.org/plans/.",
                               discussion: "Used for canonical links and the 404 page; page links stay relative."))
    var baseURL: String?

    @Option(help: ArgumentHelp("A folder whose NAME.mustache templates and style.css replace the built-in ones.",
                               discussion: "See docs/site.md."), completion: .directory)
    var theme: String?
}

struct Build: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Write the static status site: portfolio, status pages, Gantt charts, task tables, plan.json.",
        discussion: """
            The site is written into a new folder beside OUTPUT and swapped in when complete, so a plan
            with errors or a failed build leaves the previous site as it was. OUTPUT must not contain
            the plan, and an existing OUTPUT must be a site planc built.
            """)

    @OptionGroup var plan: PlanOptions
    @OptionGroup var site: SiteOutputOptions

    func run() throws {
        let request = SiteBuildRequest(planPath: plan.path, output: site.output, today: plan.todayDay,
                                       commit: GitCommit.current(at: plan.path), baseURL: site.baseURL,
                                       themeFolder: site.theme)
        let outcome: SiteBuildOutcome
        do { outcome = try SiteBuild.run(request) } catch {
            FileHandle.standardError.write(Data("error: \(error)\n".utf8))
            throw ExitCode.failure
        }
        for diagnostic in outcome.diagnostics { FileHandle.standardError.write(Data((DiagnosticLine.format(diagnostic) + "\n").utf8)) }
        guard outcome.wroteSite else {
            FileHandle.standardError.write(Data("error: the plan has errors; the site in \(site.output) was left as it was\n".utf8))
            throw ExitCode.failure
        }
        print("Wrote \(outcome.files.count) files to \(site.output) (status as of \(request.today.iso)\(request.commit.map { ", commit \($0)" } ?? ""))")
    }
}

/// The short commit id of the repository holding PATH, read at the edge like the clock.
enum GitCommit {
    static func current(at path: String) -> String? {
        var isDirectory: ObjCBool = false
        let folder = FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && !isDirectory.boolValue
            ? (path as NSString).deletingLastPathComponent : path
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
}

/// `file:line:col: severity: message [code]`, the form editors and CI annotate.
enum DiagnosticLine {
    static func format(_ diagnostic: Diagnostic) -> String {
        let place = diagnostic.range.map { "\($0.file):\($0.start.line):\($0.start.column): " } ?? ""
        var line = "\(place)\(diagnostic.severity.rawValue): \(diagnostic.message) [\(diagnostic.code.rawValue)]"
        if let hint = diagnostic.hint { line += "\n  hint: \(hint)" }
        return line
    }
}
