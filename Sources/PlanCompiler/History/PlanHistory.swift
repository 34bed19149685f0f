import PlanFrontEnd
import PlanModel

/// Earlier versions of the plan, compiled: git history as planc's time dimension.
public enum PlanHistory {
    /// The plan as it stood at `commit`, through `last` (analyze by default). `today` is the day
    /// the version is judged on: the commit's own day by default, which is what the plan said
    /// then (a baseline, a point of a trend). Pass the same `cache` for several versions: files
    /// unchanged between them are parsed once.
    public static func compile(_ repository: GitRepository, at commit: GitCommit, today: Day? = nil,
                               through last: Phase = .analyze, cache: inout ParseCache) throws(GitError) -> CompiledPlan {
        let loaded = try repository.load(at: commit)
        let options = CompileOptions(path: repository.planPath, today: today ?? commit.day)
        return Pipeline.compile(loaded, root: repository.planPath, options, through: last, cache: &cache)
    }
}
