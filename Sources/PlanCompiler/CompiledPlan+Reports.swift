import PlanAnalysis
import PlanReports

extension CompiledPlan {
    /// What the terminal reports and exports read: the plan with its schedule and analysis, or nil
    /// when there is nothing to show (no project, or no schedule).
    public var reportContext: ReportContext? {
        guard let schedule, let analysis, !plan.projects.isEmpty else { return nil }
        var context = ReportContext(plan: plan, schedule: schedule, analysis: analysis)
        if let baseline { context.measure(against: baseline) }
        context.sinceLastReport = sinceLastReport
        return context
    }
}
