import PlanAnalysis
import PlanFrontEnd
import PlanModel
import PlanReports

/// `planc diff`: two versions of the plan, compiled on the same day so the comparison is about
/// the plan and not the clock, and compared (`PlanChanges`).
public enum PlanComparison {
    /// The label of the files on disk.
    public static let workingTree = "working tree"

    /// Compares `base` (a revision or a date; nil for where the branch left the default branch,
    /// `GitRepository.mergeBaseWithDefaultBranch`) with `head` (nil for the working tree), both
    /// judged on `today`. One parse cache serves both versions: unchanged files are parsed once.
    public static func diff(path: String, base: String?, head: String?, today: Day) throws(GitError) -> PlanDiff {
        let repository = try GitRepository(planPath: path)
        let baseCommit: GitCommit
        if let base { baseCommit = try repository.resolve(base) } else { baseCommit = try repository.mergeBaseWithDefaultBranch() }
        var headCommit: GitCommit?
        if let head { headCommit = try repository.resolve(head) }
        var cache = ParseCache()
        let old = try PlanHistory.compile(repository, at: baseCommit, today: today, cache: &cache)
        let new: CompiledPlan
        if let headCommit {
            new = try PlanHistory.compile(repository, at: headCommit, today: today, cache: &cache)
        } else {
            new = Pipeline.compile(CompileOptions(path: path, today: today), cache: &cache)
        }
        let changes = PlanChanges.compare(version(old), version(new))
        return PlanDiff(changes: changes,
                        base: PlanDiff.Side(name: base ?? "merge base", commit: baseCommit.id),
                        head: PlanDiff.Side(name: head ?? workingTree, commit: headCommit?.id),
                        today: today)
    }

    static func version(_ compiled: CompiledPlan) -> PlanVersion {
        PlanVersion(plan: compiled.plan, schedule: compiled.schedule, analysis: compiled.analysis, diagnostics: compiled.diagnostics)
    }
}
