import Foundation
import PlanAnalysis
import PlanCompiler
import PlanModel
import PlanTestSupport
import Testing
@testable import PlanSite

/// The Gantt chart's layout, checked on the SVG itself: labels that never overlap or leave the
/// chart, an axis that reaches the deadline and the end of its last month, due dates and links.
@Suite struct GanttLayoutTests {
    struct TextBox: CustomStringConvertible {
        var text: String
        var x0: Double, x1: Double, y0: Double, y1: Double
        var description: String { "'\(text)' [\(Int(x0))…\(Int(x1)) × \(Int(y0))…\(Int(y1))]" }
        func overlaps(_ other: TextBox) -> Bool {
            x0 < other.x1 && other.x0 < x1 && y0 < other.y1 && other.y0 < y1
        }
    }

    /// The bar charts (`svg.gc`) of a rendered Gantt, each with its width and the boxes of its texts
    /// (sizes from the stylesheet: 11 px months, 10 px weeks, 12 px otherwise).
    static func charts(_ html: String) -> [(width: Double, boxes: [TextBox])] {
        let text = try! NSRegularExpression(pattern: #"<text([^>]*)>([^<]*)</text>"#)
        let attribute = { (name: String, in: String) -> String? in
            guard let range = `in`.range(of: #"\b\#(name)="([^"]*)""#, options: .regularExpression) else { return nil }
            return String(`in`[range].dropFirst(name.count + 2).dropLast())
        }
        return html.components(separatedBy: "<svg class=\"gc\"").dropFirst().map { chunk in
            let svg = chunk.components(separatedBy: "</svg>")[0]
            let width = Double(attribute("width", svg)!)!
            let axis = svg.components(separatedBy: "<g class=\"ax\">").dropFirst().first?.components(separatedBy: "</g>")[0] ?? ""
            var boxes: [TextBox] = []
            for part in [axis, svg.replacingOccurrences(of: axis, with: "")] {
                for match in text.matches(in: part, range: NSRange(part.startIndex..., in: part)) {
                    let attributes = String(part[Range(match.range(at: 1), in: part)!])
                    let content = String(part[Range(match.range(at: 2), in: part)!])
                    let size: Double = part == axis ? (attributes.contains("class=\"wk\"") ? 10 : 11) : 12
                    let x = Double(attribute("x", attributes)!)!, y = Double(attribute("y", attributes)!)!
                    let w = GanttChart.textWidth(content.replacingOccurrences(of: "&amp;", with: "&"), size: size)
                    let x0 = attributes.contains("text-anchor=\"end\"") ? x - w : x
                    boxes.append(TextBox(text: content, x0: x0, x1: x0 + w, y0: y - size * 0.8, y1: y + size * 0.2))
                }
            }
            return (width, boxes)
        }
    }

    static func exampleCharts(_ example: String) throws -> [String] {
        let today = Day(iso: "2026-09-15")!
        let compiled = Pipeline.compile(CompileOptions(path: Repository.url("Examples/\(example)").path, today: today))
        let schedule = try #require(compiled.schedule)
        return compiled.plan.projects.indices.map {
            GanttChart(plan: compiled.plan, schedule: schedule, projectIndex: $0).render(today: today)
        }
    }

    static func problems(_ html: String) -> [String] {
        var problems: [String] = []
        for chart in charts(html) {
            for (i, a) in chart.boxes.enumerated() {
                if a.x0 < 0 || a.x1 > chart.width { problems.append("\(a) leaves the chart (width \(Int(chart.width)))") }
                for b in chart.boxes[(i + 1)...] where a.overlaps(b) { problems.append("\(a) overlaps \(b)") }
            }
        }
        return problems
    }

    @Test(arguments: ["crm-migration", "website-relaunch"])
    func noTwoLabelsOverlap(example: String) throws {
        let charts = try Self.exampleCharts(example)
        #expect(!charts.isEmpty)
        for html in charts {
            #expect(Self.problems(html) == [])
        }
        #expect(charts.joined().contains(">today</text>"), "the examples' reporting date lies on their charts")
    }

    @Test func theOverlapCheckFindsTheOldCollisions() {
        // Before labels had their own line, "today" sat on the week numbers (y 27) and "deadline"
        // could run into it.
        let old = "<svg class=\"gc\" width=\"400\" height=\"60\"><g class=\"ax\"><text class=\"wk\" x=\"102\" y=\"27\">14</text></g>"
            + "<text class=\"tdt\" x=\"95\" y=\"28\">today</text><text class=\"dlt\" x=\"130\" y=\"28\" text-anchor=\"end\">deadline</text>"
            + "<text x=\"390\" y=\"50\">late</text></svg>"
        #expect(Self.problems(old).count == 4)
    }

    @Test func todayJustBeforeTheDeadlineTurnsTheLabelsApart() {
        // Fixture: deadline 10 Apr 2026; today a day before it, then on it, then at the chart's start.
        let (plan, schedule) = Fixture.make()
        for today in ["2026-04-08", "2026-04-10", "2026-04-13", "2026-02-02"] {
            let html = GanttChart(plan: plan, schedule: schedule, projectIndex: 0).render(today: Day(iso: today)!)
            #expect(Self.problems(html) == [], "today \(today)")
            #expect(html.contains(">deadline</text>"))
        }
    }

    @Test func theAxisReachesTheDeadlineAndTheEndOfItsLastMonth() throws {
        var (plan, schedule) = Fixture.make()
        // A deadline long after the last task (17 Apr 2026) is still drawn, and the axis runs to
        // the end of its month so "Jul 2026" has its room.
        plan.projects[0].deadline = Day(iso: "2026-07-10")!
        let chart = GanttChart(plan: plan, schedule: schedule, projectIndex: 0)
        let scale = try #require(chart.scale(extra: [Fixture.today]))
        #expect(scale.axisEnd == Day(iso: "2026-07-31")!)
        let html = chart.render(today: Fixture.today)
        #expect(html.contains(">deadline</text>"))
        #expect(html.contains(">Jul 2026</text>"))
        #expect(Self.problems(html) == [])
        _ = schedule
    }

    @Test func milestonesShowTheirDueDateAndLinksFromOtherPackagesAreDrawn() throws {
        let (plan, schedule) = Fixture.make()
        let html = GanttChart(plan: plan, schedule: schedule, projectIndex: 0).render(today: Fixture.today)
        // "Design sign-off" is due 2 Mar 2026 and forecast for 6 Mar.
        #expect(html.contains("<title>Design sign-off — 6 Mar 2026, due 2 Mar 2026, critical, late</title>"))
        #expect(html.contains("<path class=\"due\""))
        let crm = try Self.exampleCharts("crm-migration").joined()
        #expect(crm.contains("<path class=\"dep in\""), "a package waits for another one in the example")
    }

    @Test func labelsHaveTheirOwnStickyColumn() throws {
        let (plan, schedule) = Fixture.make()
        let html = GanttChart(plan: plan, schedule: schedule, projectIndex: 0).render(today: Fixture.today)
        #expect(html.contains("<svg class=\"gl\" width=\"250\""))
        #expect(html.contains("preserveAspectRatio=\"xMinYMin slice\" aria-hidden=\"true\">"))
        #expect(html.contains("<div class=\"scroll gs\" tabindex=\"0\" role=\"region\" aria-label=\"Gantt chart: Discovery\" style=\"min-height:140px\" data-today=\""))
        let css = try Theme.builtIn().stylesheet
        #expect(css.contains("svg.gl { display: block; flex: none; position: sticky; left: 0;"))
    }
}
