import PlanAnalysis
import PlanFrontEnd
import PlanModel

/// The trend of the plan over its git history (`planc trend`, the site's trend section).
///
/// The points are commits only, each compiled as it stood and judged on its own day. The work
/// tree adds one more point, `now`, judged on `--today`, only when its plan files differ from
/// the last commit's (uncommitted edits): a clean work tree is already the last commit.
public enum TrendHistory {
    /// `since`: a revision (that commit and the later ones) or a date `YYYY-MM-DD` (commits made
    /// on or after that day); nil for the whole history. `until`: the reporting date; commits made
    /// after it are left out, since a report cannot show what was planned after its own date.
    /// Commits are sampled before they are compiled, and all versions share `cache`, so files
    /// unchanged between commits parse once.
    public static func series(_ repository: GitRepository, since: String? = nil, until: Day? = nil, every sampling: TrendSampling = .commit,
                              projectIDs: [String] = [], now: CompiledPlan? = nil,
                              cache: inout ParseCache) throws(GitError) -> TrendSeries {
        var commits: [GitCommit]
        if let since, let day = Day(iso: since) {
            commits = try repository.history().filter { $0.day >= day }
        } else if let since {
            let first = try repository.commit(since)
            commits = [first] + (try repository.history(since: first))
        } else {
            commits = try repository.history()
        }
        if let until { commits = commits.filter { $0.day <= until } }
        commits = sampling.sample(commits.map(\.day)).map { commits[$0] }

        var versions: [TrendVersion] = []
        var skipped: [String] = []
        var lastSources: [String: String]?
        for commit in commits {
            let compiled = try PlanHistory.compile(repository, at: commit, cache: &cache)
            lastSources = compiled.sources
            guard let version = version(compiled, label: commit.shortID, subject: commit.subject, isWorkTree: false) else {
                skipped.append(commit.shortID)
                continue
            }
            versions.append(version)
        }
        if let now, now.sources != lastSources, let version = version(now, label: "now", subject: "", isWorkTree: true) {
            versions.append(version)
        }
        return TrendBuilder.series(versions, sampling: sampling, projectIDs: projectIDs, skipped: skipped)
    }

    static func version(_ compiled: CompiledPlan, label: String, subject: String, isWorkTree: Bool) -> TrendVersion? {
        guard !compiled.hasErrors, let schedule = compiled.schedule, let analysis = compiled.analysis else { return nil }
        return TrendVersion(plan: compiled.plan, schedule: schedule, analysis: analysis, reportDate: compiled.today,
                            version: label, subject: subject, isWorkTree: isWorkTree)
    }
}
