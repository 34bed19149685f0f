import PlanAnalysis
import PlanModel
import PlanReports

/// The project against its baseline: the figures `planc status --baseline` prints, and the open
/// work that slipped, worst first.
extension SiteBuilder {
    func baselineView(_ index: Int, taskHref: (Int) -> String) -> BaselineView? {
        guard let baseline = options.baseline else { return nil }
        let label = baseline.reference == baseline.commit
            ? "\(baseline.commit) (\(DayText.long(baseline.day)))"
            : "\(baseline.reference) (\(baseline.commit), \(DayText.long(baseline.day)))"
        guard baseline.projects.indices.contains(index), let measured = baseline.projects[index] else {
            return BaselineView(label: label, figures: [], slips: [], slipCount: 0, hasSlips: false, truncated: false, scope: "The baseline has no project with this id.")
        }
        let figures = analysis.projects[index]
        let currency = figures.currency ?? figures.budget?.currency
        var tiles: [KeyFigure] = []
        tiles.append(KeyFigure(label: "Finish against the baseline",
                               value: measured.finishVariance.map(Self.signedWorkingDays) ?? "—",
                               note: measured.baselineFinish.map { "baseline \(DayText.long($0)), forecast \(DayText.optional(figures.forecastFinish))" }))
        var costNote = "against \(NumberText.money(measured.budgetAtCompletion, currency: currency)) budgeted at the baseline (BAC)"
        if let eac = measured.estimateAtCompletionByCPI { costNote += " · at today's CPI \(NumberText.money(eac, currency: currency))" }
        tiles.append(KeyFigure(label: "Cost at completion", value: NumberText.money(measured.estimateAtCompletion, currency: currency), note: costNote))
        tiles.append(KeyFigure(label: "Earned value (EV)", value: NumberText.money(measured.earnedValue, currency: currency),
                               note: "planned value (PV) \(NumberText.money(measured.plannedValue, currency: currency)) · actual cost (AC) \(NumberText.money(measured.actualCost, currency: currency))"))
        var indices: [String] = []
        if let spi = measured.schedulePerformanceIndex { indices.append("SPI \(NumberText.twoDecimals(spi))") }
        if let cpi = measured.costPerformanceIndex { indices.append("CPI \(NumberText.twoDecimals(cpi))") }
        tiles.append(KeyFigure(label: "Schedule performance by time (SPI(t))",
                               value: measured.timePerformanceIndex.map { NumberText.twoDecimals($0) } ?? "—",
                               note: (["SV(t) \(NumberText.decimal((measured.timeVariance * 10).rounded() / 10)) working days"] + indices).joined(separator: " · ")))
        let slips = measured.slips(plan)
        let rows = slips.prefix(20).map { slip in
            SlipRow(title: plan.tasks[slip.task].title, href: taskHref(slip.task), baselineFinish: DayText.long(slip.baselineFinish),
                    finish: DayText.long(schedule.tasks[slip.task].finish), variance: Self.signedWorkingDays(slip.finishVariance))
        }
        var scope: [String] = []
        if !measured.added.isEmpty { scope.append(NumberText.count(measured.added.count, "task") + " added") }
        if !measured.removed.isEmpty { scope.append(NumberText.count(measured.removed.count, "task") + " removed") }
        return BaselineView(label: label, figures: tiles, slips: Array(rows), slipCount: slips.count, hasSlips: !slips.isEmpty, truncated: slips.count > rows.count,
                            scope: scope.isEmpty ? nil : scope.joined(separator: ", ") + " since the baseline.")
    }

    /// `+6 working days`, `-1 working day`, `±0 working days`: the terminal's words.
    static func signedWorkingDays(_ days: Int) -> String { ReportMoveText.signed(days) }
}
