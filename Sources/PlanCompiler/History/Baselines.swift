import PlanAnalysis
import PlanFrontEnd
import PlanModel

/// Baselines from git: the plan as it stood at a tag, a commit or a date, scheduled on that
/// commit's day, is what the current forecast is measured against.
public enum Baselines {
    /// Measures `compiled` against the baseline `reference` names (else the settings file's
    /// `baseline:`), read from the git repository around `planPath`. Nothing happens when neither
    /// names one. The baseline is compiled with the same parse cache, so files unchanged since
    /// then are parsed once.
    public static func apply(to compiled: inout CompiledPlan, planPath: String, reference: String?,
                             cache: inout ParseCache) throws(GitError) {
        guard let reference = reference ?? compiled.plan.settings.baseline,
              let schedule = compiled.schedule, let analysis = compiled.analysis else { return }
        let repository = try GitRepository(planPath: planPath)
        let commit = try repository.resolve(reference)
        let version = try PlanHistory.compile(repository, at: commit, through: .schedule, cache: &cache)
        guard let baselineSchedule = version.schedule else {
            throw .failed("the plan at \(commit.shortID) (\(reference)) has errors, so it has no schedule to compare with")
        }
        let projects = BaselineComparison.compare(PlanSnapshot(plan: compiled.plan, schedule: schedule), analysis: analysis,
                                                  baseline: PlanSnapshot(plan: version.plan, schedule: baselineSchedule))
        compiled.baseline = Baseline(reference: reference, commit: commit.shortID, day: commit.day, projects: projects)
        // Earned value, SPI, CPI and their health rules against what was agreed.
        var measured = analysis
        Analyzer.measure(&measured, against: projects, plan: compiled.plan, today: compiled.today)
        compiled.analysis = measured
    }
}
