import PlanAnalysis
import PlanModel

/// What a site build needs besides the plan: all of it arrives from the command line, so the
/// builder itself reads no clock, environment or git state.
public struct SiteOptions: Sendable {
    /// The reporting date, shown on every page instead of a build time.
    public var today: Day
    /// The commit the plan was built from (`git rev-parse --short HEAD`), nil outside a repository.
    public var commit: String?
    /// Where the site is published, e.g. `https://example.org/plans/` or `/plans/`; used for the
    /// canonical link and for the 404 page, which a host serves at any depth. Nil: relative links only.
    public var baseURL: String?
    /// Add the small script that reloads the page when `planc serve` rebuilt the site.
    public var liveReload: Bool
    /// The version of the plan the pages measure variances against, when one is named.
    public var baseline: Baseline?
    /// What moved since the last report, when git history says.
    public var sinceLastReport: SinceLastReport?
    /// The plan's trend from git history for each project page's trend section, or why there is none.
    public var history: SiteHistory

    public init(today: Day, commit: String? = nil, baseURL: String? = nil, liveReload: Bool = false,
                history: SiteHistory = .unavailable("this build did not read the plan's git history (planc build reads it, planc serve does not).")) {
        self.today = today; self.commit = commit; self.baseURL = baseURL; self.liveReload = liveReload
        self.history = history
    }

    /// The base URL with exactly one trailing slash, or nil.
    var normalizedBaseURL: String? {
        guard var base = baseURL, !base.isEmpty else { return nil }
        while base.hasSuffix("/") { base.removeLast() }
        return base + "/"
    }
}

/// The trend from git history (`TrendHistory`), read by the caller, or the sentence the trend
/// section shows instead: outside a repository, with `--no-history`, under `planc serve`.
public enum SiteHistory: Sendable {
    case series(TrendSeries)
    case unavailable(String)
}

/// One file of the built site: a path relative to the site root (always `/`-separated, never
/// absolute, never with `..`) and its bytes.
public struct SiteFile: Sendable, Equatable {
    public var path: String
    public var contents: [UInt8]
    public init(path: String, contents: [UInt8]) { self.path = path; self.contents = contents }
    public init(path: String, text: String) { self.path = path; self.contents = Array(text.utf8) }
}
