import Foundation
import PlanAnalysis
import PlanFrontEnd
import PlanModel
import PlanReports
import PlanSite

/// The publish phase: the HTML status site of a compiled plan, with plan.json beside it, written
/// into a new folder and swapped into place. `planc build` runs it once, `planc serve` after every
/// change, so both publish exactly the same pages.
public struct PublishRequest: Sendable {
    public var planPath: String
    public var output: String
    public var today: Day
    public var commit: String?
    public var baseURL: String?
    public var themeFolder: String?
    public var liveReload: Bool
    /// `--baseline REF`: measure against the plan at a tag, commit or date (else the settings file's).
    public var baseline: String?
    /// `--since REF`: what changed since then, instead of since the latest journal entry.
    public var since: String?
    /// Read the plan's git history for the trend sections (`planc build` unless --no-history).
    public var readHistory: Bool
    /// Which commits the trend shows.
    public var historySampling: TrendSampling

    public init(planPath: String, output: String, today: Day, commit: String? = nil, baseURL: String? = nil,
                themeFolder: String? = nil, liveReload: Bool = false, readHistory: Bool = false,
                historySampling: TrendSampling = .day) {
        self.planPath = planPath; self.output = output; self.today = today; self.commit = commit
        self.baseURL = baseURL; self.themeFolder = themeFolder; self.liveReload = liveReload
        self.readHistory = readHistory; self.historySampling = historySampling
    }

    public var siteOptions: SiteOptions {
        SiteOptions(today: today, commit: commit, baseURL: baseURL, liveReload: liveReload)
    }

    /// The folder that holds the plan (see `PlanRepository.folder(of:)`).
    public var planRoot: String { PlanRepository.folder(of: planPath) }
}

public struct PublishOutcome: Sendable {
    /// Every diagnostic of the compile, sorted.
    public var diagnostics: [Diagnostic]
    /// Text of the plan files, for diagnostic excerpts.
    public var sources: [String: String]
    /// The files written; empty when the plan had errors and the previous site was kept.
    public var files: [String]
    public var wroteSite: Bool { !files.isEmpty }
}

public enum Publish {
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

    /// When the plan has no errors, writes its site. Plan errors are not thrown: they come back
    /// as diagnostics with `wroteSite == false` and the old site untouched.
    static func site(_ compiled: CompiledPlan, _ request: PublishRequest) throws -> PublishOutcome {
        // --theme wins over the repository's settings file, whose theme must stay inside the repository.
        if request.themeFolder == nil, let fromSettings = compiled.plan.settings.theme,
           let problem = ThemeConfinement.violation(theme: fromSettings, root: PlanRepository.root(of: request.planRoot)) {
            throw Failure.theme(problem)
        }
        let theme = try theme(folder: request.themeFolder ?? compiled.plan.settings.theme)
        guard !compiled.hasErrors, compiled.schedule != nil else {
            return PublishOutcome(diagnostics: compiled.diagnostics, sources: compiled.sources, files: [])
        }
        var options = request.siteOptions
        options.baseline = compiled.baseline
        options.sinceLastReport = compiled.sinceLastReport
        options.history = history(of: compiled, request)
        let files = try render(compiled, theme: theme, options: options)
        try write(files, request: request, planFiles: compiled.plan.files)
        return PublishOutcome(diagnostics: compiled.diagnostics, sources: compiled.sources, files: files.map(\.path))
    }

    /// The trend from git history, or why the trend sections have none: a plan outside a
    /// repository (or a history git cannot read) is not a build failure.
    static func history(of compiled: CompiledPlan, _ request: PublishRequest) -> SiteHistory {
        guard request.readHistory else { return .unavailable("the site was built with --no-history.") }
        do throws(GitError) {
            let repository = try GitRepository(planPath: request.planPath)
            var cache = ParseCache()
            return .series(try TrendHistory.series(repository, until: request.today, every: request.historySampling, now: compiled, cache: &cache))
        } catch .notARepository {
            return .unavailable("the plan is not in a git repository, so there are no earlier versions to compare.")
        } catch {
            return .unavailable(error.description + ".")
        }
    }

    /// While the plan has errors, the page `planc serve` shows in place of every page (the last
    /// good site stays on disk): the diagnostics, in the theme given with --theme or the built-in one.
    public static func diagnosticsPage(_ diagnostics: [Diagnostic], _ request: PublishRequest) throws -> SiteFile? {
        try DiagnosticsPage.build(diagnostics: diagnostics, theme: theme(folder: request.themeFolder), options: request.siteOptions).first
    }

    /// The pages of a compiled, scheduled and analysed plan, with `plan.json` written by the JSON
    /// exporter, the same document `planc export --format json` prints. Nothing without a schedule.
    public static func render(_ compiled: CompiledPlan, theme: Theme, options: SiteOptions) throws -> [SiteFile] {
        guard let schedule = compiled.schedule, let analysis = compiled.analysis else { return [] }
        let plan = compiled.plan, diagnostics = compiled.diagnostics
        let builder = try SiteBuilder(plan: plan, schedule: schedule, analysis: analysis, theme: theme, options: options)
        // plan.json and the pages do not depend on each other: on two cores they take the time of one.
        let parts = PagesAndJSON()
        DispatchQueue.concurrentPerform(iterations: 2) { part in
            if part == 0 {
                var context = ReportContext(plan: plan, schedule: schedule, analysis: analysis)
                if let baseline = options.baseline { context.measure(against: baseline) }
                let json = JSONExport.render(context, diagnostics: diagnostics)
                parts.json = json.hasSuffix("\n") ? json : json + "\n"
            } else {
                parts.pages = Result { try builder.build(planJSON: nil) }
            }
        }
        guard var files = try parts.pages?.get(), let json = parts.json else { return [] }
        files.append(SiteFile(path: "plan.json", text: json))
        return files
    }

    static func write(_ files: [SiteFile], request: PublishRequest, planFiles: [String]) throws {
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
