import Foundation
import Testing
@testable import PlanReports

/// Writes every renderer's output for the sample plan to /tmp/planc-preview when
/// PLANC_PREVIEW is set, for eyeballing; otherwise only checks that rendering succeeds.
@Suite struct PreviewTests {
    @Test func renderersProduceOutputForTheSamplePlan() throws {
        var fixture = SamplePlans.crm()
        fixture.project("web", deadline: "2026-10-30")
        fixture.task("launch", "2026-10-01", "2026-10-01", kind: .milestone)
        let context = SamplePlans.context(fixture)
        var outputs: [(String, String)] = []
        for width in [80, 200] {
            var gantt = GanttOptions()
            gantt.style = TerminalStyle(width: width)
            outputs.append(("gantt-\(width)", try GanttRenderer.render(context, gantt)))
            var status = StatusOptions()
            status.style = TerminalStyle(width: width)
            outputs.append(("status-\(width)", try StatusReport.render(context, status)))
            var tasks = TaskListOptions()
            tasks.style = TerminalStyle(width: width)
            outputs.append(("tasks-\(width)", try TaskList.render(context, tasks)))
        }
        for format in ExportFormat.allCases {
            outputs.append(("export.\(format.fileExtension)", try Exporter.render(format, context)))
        }
        for (_, text) in outputs { #expect(!text.isEmpty) }
        if let folder = ProcessInfo.processInfo.environment["PLANC_PREVIEW"] {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            for (name, text) in outputs { try text.write(toFile: folder + "/" + name, atomically: true, encoding: .utf8) }
        }
    }
}
