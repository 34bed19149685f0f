import Foundation
import PlanAnalysis
import PlanCompiler
import PlanModel
import PlanReports
import PlanSite

/// One `planc build`: compile the plan, analyse it, render the site and swap it into place.
/// Shared by `planc build` and `planc serve`, so both publish exactly the same pages.
public struct SiteBuildRequest: Sendable {
    public var planPath: String
    public var output: String
    public var today: Day
    public var commit: String?
    public var baseURL: String?
    public var themeFolder: String?
    public var liveReload: Bool

    public init(planPath: String, output: String, today: Day, commit: String? = nil, baseURL: String? = nil,
                themeFolder: String? = nil, liveReload: Bool = false) {
        self.planPath = planPath; self.output = output; self.today = today; self.commit = commit
        self.baseURL = baseURL; self.themeFolder = themeFolder; self.liveReload = liveReload
    }

    var siteOptions: SiteOptions {
        SiteOptions(today: today, commit: commit, baseURL: baseURL, liveReload: liveReload)
    }

    /// The folder that holds the plan: PATH itself, or the folder of a single plan file.
    var planRoot: String {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: planPath, isDirectory: &isDirectory), !isDirectory.boolValue {
            return (planPath as NSString).deletingLastPathComponent.isEmpty ? "." : (planPath as NSString).deletingLastPathComponent
        }
        return planPath
    }
}

public struct SiteBuildOutcome: Sendable {
    /// Every diagnostic of the compile, sorted.
    public var diagnostics: [Diagnostic]
    /// Text of the plan files, for diagnostic excerpts.
    public var sources: [String: String]
    /// The files written; empty when the plan had errors and the previous site was kept.
    public var files: [String]
    public var wroteSite: Bool { !files.isEmpty }
}

public enum SiteBuild {
    public enum Failure: Error, CustomStringConvertible {
        case theme(String)
        case output(String)
        public var description: String {
            switch self {
            case .theme(let message), .output(let message): return message
            }
        }
    }

    /// Loads the built-in theme and applies the repository's overrides.
    public static func theme(folder: String?) throws -> Theme {
        do {
            let builtIn = try Theme.builtIn()
            return try folder.map { try builtIn.overridden(by: $0) } ?? builtIn
        } catch {
            throw Failure.theme("\(error)")
        }
    }

    /// Compiles and, when the plan has no errors, writes the site. Plan errors are not thrown:
    /// they come back as diagnostics with `wroteSite == false` and the old site untouched.
    public static func run(_ request: SiteBuildRequest) throws -> SiteBuildOutcome {
        var cache = ParseCache()
        return try run(request, cache: &cache)
    }

    /// The same, reusing the parse of unchanged plan files from `cache`.
    public static func run(_ request: SiteBuildRequest, cache: inout ParseCache) throws -> SiteBuildOutcome {
        let compiled = Pipeline.compile(CompileOptions(path: request.planPath, today: request.today), cache: &cache)
        // --theme wins over the repository's settings file, whose theme must stay inside the repository.
        if request.themeFolder == nil, let fromSettings = compiled.plan.settings.theme,
           let problem = ThemeConfinement.violation(theme: fromSettings, root: ThemeConfinement.repositoryRoot(of: request.planRoot)) {
            throw Failure.theme(problem)
        }
        let theme = try theme(folder: request.themeFolder ?? compiled.plan.settings.theme)
        guard !compiled.hasErrors, let schedule = compiled.schedule else {
            return SiteBuildOutcome(diagnostics: compiled.diagnostics, sources: compiled.sources, files: [])
        }
        let files = try render(plan: compiled.plan, schedule: schedule, diagnostics: compiled.diagnostics,
                               theme: theme, options: request.siteOptions)
        try write(files, request: request, planFiles: compiled.plan.files)
        return SiteBuildOutcome(diagnostics: compiled.diagnostics, sources: compiled.sources, files: files.map(\.path))
    }

    /// The pages of a compiled plan, with `plan.json` written by the JSON exporter, the same
    /// document `planc export --format json` prints.
    public static func render(plan: Plan, schedule: Schedule, diagnostics: [Diagnostic], theme: Theme,
                              options: SiteOptions) throws -> [SiteFile] {
        let analysis = Analyzer.analyze(plan, schedule)
        let builder = try SiteBuilder(plan: plan, schedule: schedule, analysis: analysis, theme: theme, options: options)
        // plan.json and the pages do not depend on each other: on two cores they take the time of one.
        let parts = PagesAndJSON()
        DispatchQueue.concurrentPerform(iterations: 2) { part in
            if part == 0 {
                let json = JSONExport.render(ReportContext(plan: plan, schedule: schedule, analysis: analysis), diagnostics: diagnostics)
                parts.json = json.hasSuffix("\n") ? json : json + "\n"
            } else {
                parts.pages = Result { try builder.build(planJSON: nil) }
            }
        }
        guard var files = try parts.pages?.get(), let json = parts.json else { return [] }
        files.append(SiteFile(path: "plan.json", text: json))
        return files
    }

    static func write(_ files: [SiteFile], request: SiteBuildRequest, planFiles: [String]) throws {
        do {
            try SiteWriter.checkOutput(request.output, planRoot: request.planRoot, planFiles: planFiles)
            try SiteWriter.write(files, to: request.output)
        } catch let error as SiteWriter.WriteError {
            throw Failure.output(error.description)
        }
    }
}

/// The two halves of a site build, each written by one iteration of `concurrentPerform` and read
/// only after it returns (which waits for both), so no field is ever touched by two threads.
private final class PagesAndJSON: @unchecked Sendable {
    var pages: Result<[SiteFile], any Error>?
    var json: String?
}
