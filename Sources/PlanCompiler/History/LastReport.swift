import PlanAnalysis
import PlanFrontEnd
import PlanModel

/// "What changed since the last report": the plan as it stood on the day of the previous report
/// (the latest journal entry before today, or `--since`), read from git and forecast on that
/// day, against today's plan and forecast.
public enum LastReport {
    /// Sets `compiled.sinceLastReport`. Without `since`, history is optional: outside a git
    /// repository, before the first commit, or with no earlier journal entry nothing is set and
    /// nothing is thrown. An explicit `since` that cannot be read throws.
    public static func apply(to compiled: inout CompiledPlan, planPath: String, since: String?, cache: inout ParseCache) throws(GitError) {
        guard let schedule = compiled.schedule, let analysis = compiled.analysis else { return }
        let reference: String
        if let since {
            reference = since
        } else {
            // The earliest of the projects' previous reports, so every project's moves are covered.
            let days = analysis.projects.enumerated().compactMap { index, figures in
                figures.previousReport.map { compiled.plan.projects[index].journal[$0].date }
            }
            guard let day = days.min() else { return }
            reference = day.iso
        }
        let repository: GitRepository
        let commit: GitCommit
        do {
            repository = try GitRepository(planPath: planPath)
            commit = try repository.resolve(reference)
        } catch {
            if since != nil { throw error }
            return
        }
        // The plan as it was, forecast on the report's day (a revision's own day).
        let day = Day(iso: reference) ?? commit.day
        let old = try PlanHistory.compile(repository, at: commit, today: day, cache: &cache)
        let changes = PlanChanges.compare(
            PlanVersion(plan: old.plan, schedule: old.schedule, analysis: old.analysis, diagnostics: old.diagnostics),
            PlanVersion(plan: compiled.plan, schedule: schedule, analysis: analysis, diagnostics: compiled.diagnostics))
        compiled.sinceLastReport = SinceLastReport(reference: reference, commit: commit.shortID, day: day,
                                                   projects: SinceLastReport.moves(changes, plan: compiled.plan, schedule: schedule))
    }
}
