import Foundation
import PlanTestSupport
import Testing

/// One plan mid-project (Fixtures/billing-midway, today 2027-04-07) read through every output:
/// the same task is late, cancelled or a forecast-late milestone everywhere, in the same words.
///
/// - `requirements` is done, finished 2027-03-12, due 2027-03-10: late (history stays late).
/// - `legacy-report-rewrite` is cancelled: no progress, no cost, drawn apart, not in the calendar.
/// - `go-live` is due 2027-04-16 and forecast after it: *forecast late*, not missed.
/// - `discovery-signed-off` is due 2027-04-30; its work is done, so it is dated before today
///   while it waits to be ticked: neither missed nor "still open N days later".
@Suite(.serialized) struct OutputConsistencyTests {
    let plan = "Tests/PlancTests/Fixtures/billing-midway"
    let today = ["--today", "2027-04-07"]

    func run(_ arguments: [String]) throws -> String {
        let result = try Planc.run(arguments + today + [plan])
        #expect(result.status == 0, "\(arguments): \(result.stderr)")
        return result.stdout
    }

    func csvRow(_ text: String, _ id: String) -> [String]? {
        text.split(whereSeparator: \.isNewline).map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
            .first { $0.contains(id) }
    }

    @Test func aTaskDoneAfterItsDueDateIsLateInEveryOutput() throws {
        let listing = try run(["schedule", "--width", "200"])
        #expect(listing.split(separator: "\n").first { $0.contains("requirements") }?.hasPrefix("!") == true)

        let tasks = try run(["tasks", "--format", "csv", "--columns", "id,status,late"])
        #expect(csvRow(tasks, "requirements") == ["requirements", "done", "yes"])
        let late = try run(["tasks", "--late", "--format", "csv", "--columns", "id"])
        #expect(late.split(whereSeparator: \.isNewline).dropFirst() == ["requirements", "go-live"])

        let export = try run(["export", "--format", "csv"])
        let header = try #require(csvRow(export, "late"))
        let row = try #require(csvRow(export, "requirements"))
        #expect(row[header.firstIndex(of: "late")!] == "yes")

        let json = try run(["export", "--format", "json"])
        let document = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let tasksJSON = try #require((document["projects"] as? [[String: Any]])?.first?["tasks"] as? [[String: Any]])
        let requirements = try #require(tasksJSON.first { $0["localId"] as? String == "requirements" })
        #expect((requirements["schedule"] as? [String: Any])?["late"] as? Bool == true)

        let gantt = try run(["gantt", "--width", "100"])
        #expect(gantt.split(separator: "\n").first { $0.contains("Requirements") }?.hasPrefix("!") == true)

        let tasksPage = try sitePages("projects/billing/tasks.html")[0]
        let rowHTML = try #require(tasksPage.components(separatedBy: "<tr id=\"task-requirements\"").dropFirst().first?.components(separatedBy: "</tr>").first)
        #expect(rowHTML.contains("<td>late</td>"))
    }

    /// The site's late list holds every task its Gantt chart marks late, by the one rule; work
    /// that finished late (`requirements`) is history in the site and in `planc status`, never open late work.
    @Test func lateListsHoldWhatTheGanttMarksAndFinishedLateWorkIsHistory() throws {
        let status = try run(["status", "--width", "200"])
        let lines = status.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        func section(_ heading: String) -> [String] {
            guard let start = lines.firstIndex(where: { $0.hasPrefix(heading) }) else { return [] }
            return Array(lines[(start + 1)...].prefix { !$0.isEmpty })
        }
        #expect(section("Finished late").contains { $0.hasPrefix("  Requirements  finish 2027-03-12, due 2027-03-10: finished 2 working days after its due date 2027-03-10") }, "\(status)")
        #expect(!section("Late (").contains { $0.contains("Requirements") })

        let page = try sitePages("projects/billing/index.html")[0]
        let lateSection = try #require(page.components(separatedBy: "<h2 id=\"late\">").dropFirst().first?.components(separatedBy: "</section>").first)
        let open = lateSection.components(separatedBy: "<h3>Finished late</h3>")[0]
        let history = lateSection.components(separatedBy: "<h3>Finished late</h3>").dropFirst().first ?? ""
        #expect(history.contains("Requirements</a> — finished 12 Mar 2027, due 10 Mar 2027: finished 2 working days after its due date 10 Mar 2027"))
        #expect(!open.contains(">Requirements</a>"))
        // Every bar the Gantt chart marks late or blocked is named in the lists (by its title, as
        // its tooltip starts).
        let gantt = try #require(page.components(separatedBy: "<h2 id=\"schedule\">").dropFirst().first?.components(separatedBy: "</section>").first)
        let marked = gantt.components(separatedBy: "<g class=\"").dropFirst().filter {
            let bar = $0.components(separatedBy: "</g>")[0]
            return bar.contains(">late<") || bar.contains(">late, blocked<") || bar.contains(">blocked<")
        }
        #expect(marked.count >= 2)
        for bar in marked {
            let title = try #require(bar.components(separatedBy: "<title>").dropFirst().first?.components(separatedBy: " — ").first)
            #expect(lateSection.contains(">\(title)</a>"), "\(title) is marked in the Gantt chart but not listed")
        }
    }

    @Test func cancelledWorkIsShownAsCancelledWithoutProgressCostOrCalendarEntry() throws {
        let tasks = try run(["tasks", "--format", "csv", "--columns", "id,status,progress"])
        #expect(csvRow(tasks, "legacy-report-rewrite") == ["legacy-report-rewrite", "cancelled", ""])
        let json = try run(["tasks", "--format", "json", "--columns", "id,status,progress"])
        #expect(json.contains("{\"id\": \"legacy-report-rewrite\", \"status\": \"cancelled\", \"progress\": null}"), "\(json)")

        let gantt = try run(["gantt", "--width", "100"])
        let row = try #require(gantt.split(separator: "\n").first { $0.contains("Legacy report rewrite") })
        #expect(row.contains("╌") && !row.contains("█") && !row.contains("░"))
        #expect(gantt.contains("╌ cancelled"))
        let ascii = try run(["gantt", "--width", "100", "--ascii"])
        #expect(ascii.split(separator: "\n").first { $0.contains("Legacy report rewrite") }?.contains("~") == true)

        let calendar = try run(["export", "--format", "ics"])
        #expect(!calendar.contains("legacy-report-rewrite"))

        let status = try run(["status", "--width", "100"])
        #expect(status.contains("Cancelled (1)  no work, no cost, not in progress\n  Legacy report rewrite\n"))

        let pages = try sitePages("projects/billing/index.html", "projects/billing/tasks.html")
        let page = pages[0]
        #expect(page.contains("<g class=\"t x\"><title>Legacy report rewrite — cancelled"))
        let tasksPage = pages[1]
        let rowHTML = try #require(tasksPage.components(separatedBy: "<tr id=\"task-legacy-report-rewrite\"").dropFirst().first?.components(separatedBy: "</tr>").first)
        #expect(rowHTML.contains("<td>—</td>") && rowHTML.contains("<td>cancelled</td>") && !rowHTML.contains("100 %"))
    }

    @Test func aWorkPackageHasOneStateInTheExportsAndOnTheSite() throws {
        // Discovery: requirements and data audit done, the rewrite cancelled, the sign-off still
        // open; Build: the data model under way. One rule (TaskStateRule.displayedStates) for all.
        let json = try run(["export", "--format", "json"])
        let document = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let tasks = try #require((document["projects"] as? [[String: Any]])?.first?["tasks"] as? [[String: Any]])
        func state(_ id: String) -> String? { tasks.first { $0["id"] as? String == "billing/\(id)" }?["state"] as? String }
        #expect(state("build") == "in-progress")
        #expect(state("discovery") == "in-progress")
        let tasksPage = try sitePages("projects/billing/tasks.html")[0]
        for (id, expected) in [("build", "in-progress"), ("discovery", "in-progress")] {
            let row = try #require(tasksPage.components(separatedBy: "<tr id=\"task-\(id)\"").dropFirst().first?.components(separatedBy: "</tr>").first)
            #expect(row.contains("<td>\(expected)</td>"), "site row of \(id): \(row)")
        }
    }

    @Test func milestonesAreMissedOnlyAfterTheirDueDateAndOtherwiseForecastLate() throws {
        let status = try run(["status", "--width", "100"])
        // Omar gives 60 % from 1 April: 7 days of data model left and 8 of invoice engine at 0.6 a
        // day put go-live on 12 May, 18 working days after its due date.
        #expect(status.contains("• Milestone Go live is forecast for 2027-05-12: forecast late by 18 working days (due 2027-04-16)"))
        #expect(status.contains("Go live  forecast late by 18 working days"))
        #expect(status.contains("Discovery signed off  (due 2027-04-30)"))
        #expect(!status.contains("still open") && !status.contains("Missed milestones") && !status.contains("missed by"))

        let json = try run(["export", "--format", "json"])
        let document = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let analysis = try #require((document["projects"] as? [[String: Any]])?.first?["analysis"] as? [String: Any])
        #expect(analysis["missedMilestones"] as? [String] == [])
        #expect(analysis["forecastLateMilestones"] as? [String] == ["billing/go-live"])

        let calendar = try run(["export", "--format", "ics"])
        #expect(calendar.replacingOccurrences(of: "\r\n ", with: "").contains("forecast late by 18 working days"))

        let page = try sitePages("projects/billing/index.html")[0]
        #expect(page.contains("<span class=\"st forecast-late\">⚠ forecast late by 18 working days</span>"))
        // An open milestone is never before today, even when all before it is done.
        #expect(page.contains("<th scope=\"row\">Discovery signed off</th><td data-label=\"Done on\">—</td><td data-label=\"Forecast\">7 Apr 2027</td><td data-label=\"Due\">30 Apr 2027</td><td data-label=\"Status\"><span class=\"st next\">"))
        #expect(!page.contains("✗ missed"))

        // Three weeks on, the due date has passed: now it is missed, by working days since the due date.
        let later = try Planc.run(["status", "--width", "100", "--today", "2027-04-28", plan])
        #expect(later.stdout.contains("Milestone Go live was due 2027-04-16 and is not done: missed by 8 working days"), "\(later.stdout)")
    }

    @Test func costsUseTheRateInForceOnTheDaysOfTheWork() throws {
        let json = try run(["export", "--format", "json"])
        let document = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let omar = try #require((document["people"] as? [[String: Any]])?.first { $0["id"] as? String == "omar" })
        let changes = try #require(omar["changes"] as? [[String: Any]])
        #expect(changes.map { $0["from"] as? String } == ["2027-04-01", "2027-07-01"])
        #expect(changes.map { $0["availability"] as? Double } == [0.6, 0])
        let analysis = try #require((document["projects"] as? [[String: Any]])?.first?["analysis"] as? [String: Any])
        // Requirements 5 d x 900 (Dana) + data audit 6 d x 600 (done in March, before Omar's new
        // rate) + data model: 3 d done over 17 March to 6 April (11 working days at 600, 4 at 650)
        // and 7 d remaining at 650 + invoice engine 8 d at 650. The cancelled rewrite costs nothing.
        let doneRate: Double = (11 * 600 + 4 * 650) / 15
        let dataModelDone: Double = 3 * doneRate
        let dataModel: Double = dataModelDone + 7 * 650
        let expectedPlanned: Double = 4_500 + 3_600 + dataModel + 5_200
        let expectedActual: Double = 4_500 + 3_600 + dataModelDone
        let planned = try #require(analysis["plannedCost"] as? Double)
        #expect(abs(planned - expectedPlanned) < 0.01)
        let actual = try #require(analysis["actualCost"] as? Double)
        #expect(abs(actual - expectedActual) < 0.01)
    }

    /// Builds the site into a temporary folder and reads `paths` from it.
    func sitePages(_ paths: String...) throws -> [String] {
        try withTemporaryFolder("consistency") { folder in
            let result = try Planc.run(["build", "-o", folder.path] + today + [plan])
            #expect(result.status == 0, "\(result.stderr)")
            return try paths.map { try String(contentsOf: folder.appendingPathComponent($0), encoding: .utf8) }
        }
    }
}
