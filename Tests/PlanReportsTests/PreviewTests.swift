import Testing
@testable import PlanReports

@Suite struct PreviewTests {
    @Test func preview() throws {
        let context = SamplePlans.context(SamplePlans.crm())
        for width in [80, 200] {
            var options = GanttOptions()
            options.style = TerminalStyle(width: width)
            print(try GanttRenderer.render(context, options))
        }
        var options = GanttOptions()
        options.style = TerminalStyle(width: 80, ascii: true)
        print(try GanttRenderer.render(context, options))
    }
}

@Suite struct StatusPreviewTests {
    @Test func preview() throws {
        var fixture = SamplePlans.crm()
        fixture.project("web", deadline: "2026-10-30")
        fixture.task("launch", "2026-10-01", "2026-10-01", kind: .milestone)
        let context = SamplePlans.context(fixture)
        var options = StatusOptions()
        options.style = TerminalStyle(width: 80)
        print(try StatusReport.render(context, options))
    }
}
