import Foundation
import PlanTestSupport
import Testing

/// One analysis, two readers: for every project of both examples, `planc status` and the status
/// site show the same headline figures and labels, and both match the analysis as `planc export
/// --format json` writes it (the `PlanAnalysis` values themselves).
@Suite(.serialized) struct HeadlineAgreementTests {
    let today = "2026-09-15"

    struct Headline: Equatable, CustomStringConvertible {
        var health = "", reasons: [String] = [], percent = "", forecast = "", standing = ""
        var nextMilestone = "", costs: [String] = [], indices: [String] = []
        var late: [String] = [], blocked: [String] = [], topRisk = ""
        /// `schedule amber same`: each dimension's rating and its trend (`none` without one).
        var ratings: [String] = []
        /// Open decisions, then escalated issues, by title.
        var asks: [String] = []
        var description: String {
            "health \(health), reasons \(reasons), percent \(percent), forecast \(forecast) (\(standing)), next \(nextMilestone), "
                + "costs \(costs), indices \(indices), late \(late), blocked \(blocked), top risk \(topRisk), "
                + "ratings \(ratings), asks \(asks)"
        }
    }

    static func unescape(_ html: String) -> String {
        html.replacingOccurrences(of: "&#39;", with: "'").replacingOccurrences(of: "&quot;", with: "\"")
            .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&amp;", with: "&")
    }

    /// `2026-11-25` as the site writes it: `25 Nov 2026`.
    static func long(_ iso: String) -> String {
        let parts = iso.split(separator: "-").map { Int($0)! }
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        return "\(parts[2]) \(months[parts[1] - 1]) \(parts[0])"
    }

    static func between(_ text: String, _ start: String, _ end: String) -> String? {
        guard let from = text.range(of: start) else { return nil }
        guard let to = text[from.upperBound...].range(of: end) else { return nil }
        return String(text[from.upperBound..<to.lowerBound])
    }

    /// The lines of the block under a heading (up to the next blank line).
    static func block(_ lines: [String], _ heading: String) -> [String] {
        guard let start = lines.firstIndex(where: { $0.hasPrefix(heading) }) else { return [] }
        return Array(lines[(start + 1)...].prefix { !$0.isEmpty })
    }

    func terminal(_ example: String, _ project: String) throws -> Headline {
        let result = try Planc.run(["status", "--project", project, "--width", "1000", "--limit", "100", "--color", "never",
                                    "--today", today, "Examples/\(example)"])
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var headline = Headline()
        headline.health = ["GREEN", "AMBER", "RED"].first { lines[0].contains("  \($0)  ") }?.lowercased() ?? "?"
        headline.reasons = lines.filter { $0.hasPrefix("• ") && !$0.hasPrefix("• No warning signs") }.map { String($0.dropFirst(2)) }
        let progress = lines.first { $0.hasPrefix("Progress") } ?? ""
        headline.percent = progress.split(separator: " ").drop { !$0.hasPrefix("█") && !$0.hasPrefix("░") }.dropFirst().prefix(2).joined(separator: " ")
        let forecast = lines.first { $0.hasPrefix("Forecast") } ?? ""
        headline.forecast = Self.between(forecast, "finish ", ",") ?? ""
        headline.standing = ["of buffer before the deadline", "past the deadline", "on the deadline"].compactMap { phrase -> String? in
            guard let range = forecast.range(of: phrase) else { return nil }
            let start = forecast[..<range.lowerBound].range(of: ", ", options: .backwards)!.upperBound
            return String(forecast[start..<range.upperBound])
        }.first ?? ""
        headline.nextMilestone = Self.block(lines, "Next milestones").first.map {
            String($0.dropFirst(14).components(separatedBy: "  ")[0])
        } ?? "—"
        if let cost = lines.first(where: { $0.hasPrefix("Cost") }) {
            // Amounts hold commas (410,000 EUR): each runs to the next field's name.
            let fields = [("budget ", ", planned "), ("planned ", ", spent "), ("spent ", ", forecast "), ("forecast ", "\n")]
            headline.costs = fields.map { Self.between(cost + "\n", $0.0, $0.1) ?? "—" }
        }
        if let values = lines.first(where: { $0.contains("SPI ") || $0.contains("CPI ") }) {
            headline.indices = ["CPI ", "SPI "].compactMap { Self.between(values + ",", $0, ",") }
        }
        let title = { (line: String) in String(line.dropFirst(2).components(separatedBy: "  ")[0]) }
        headline.late = Self.block(lines, "Late (").map(title)
        headline.blocked = Self.block(lines, "Blocked (").map(title)
        headline.topRisk = Self.block(lines, "Top risks").first.map { String($0.dropFirst(6).components(separatedBy: "  ")[0]) } ?? "—"
        // `Ratings    schedule AMBER →, cost GREEN ↑, …` (one line at this width).
        let trends = ["↑": "better", "→": "same", "↓": "worse"]
        if let ratings = lines.first(where: { $0.hasPrefix("Ratings") }) {
            headline.ratings = ratings.dropFirst(11).components(separatedBy: ", ").map { item in
                let words = item.split(separator: " ").map(String.init)
                return "\(words[0]) \(words[1].lowercased()) \(words.count > 2 ? trends[words[2]] ?? "?" : "none")"
            }
        }
        let ask = { (line: String) in String(line.dropFirst(2).components(separatedBy: " — ")[0]) }
        headline.asks = Self.block(lines, "Decisions needed (").map(ask) + Self.block(lines, "Help needed (").map(ask)
        return headline
    }

    func site(_ page: String) -> Headline {
        var headline = Headline()
        let healthLine = Self.between(page, "<p class=\"health-line\"><span class=\"rag ", "\"") ?? "?"
        headline.health = healthLine
        let summary = Self.between(page, "<h2 id=\"report\"", "</section>") ?? ""
        // Each reason is `<span class="dtag">Schedule</span> sentence`.
        headline.reasons = (Self.between(summary, "<ul class=\"reasons\">", "</ul>") ?? "")
            .components(separatedBy: "<li>").dropFirst().map {
                Self.unescape(String($0.components(separatedBy: "</li>")[0].components(separatedBy: "</span> ").dropFirst().joined(separator: "</span> ")))
            }
        headline.ratings = (Self.between(summary, "<ul class=\"ratings\">", "</ul>") ?? "").components(separatedBy: "<li").dropFirst().map { item in
            let name = (Self.between(item, "<span class=\"dname\">", "</span>") ?? "?").lowercased()
            let rating = Self.between(item, "<span class=\"rag ", "\"") ?? "?"
            let trend = Self.between(item, "<span class=\"trend ", "\"") ?? "none"
            return "\(name) \(rating) \(trend)"
        }
        headline.asks = (Self.between(summary, "<ul class=\"asks\">", "</ul>") ?? "").components(separatedBy: "<a href=\"").dropFirst()
            .map { Self.unescape(Self.between($0, ">", "</a>") ?? "") }
        func figure(_ label: String, in text: String) -> (value: String, note: String)? {
            guard let dd = Self.between(text, "<dt>\(label)</dt><dd>", "</dd>") else { return nil }
            let value = Self.unescape(dd.components(separatedBy: "<span class=\"note\">")[0])
            let note = Self.unescape(Self.between(dd, "<span class=\"note\">", "</span>") ?? "")
            return (value, note)
        }
        headline.percent = figure("Complete", in: summary)?.value ?? ""
        let forecast = figure("Forecast finish", in: summary) ?? figure("Finished", in: summary)
        headline.forecast = forecast?.value ?? ""
        // `3 working days of buffer before the deadline (30 Nov 2026)`: the site names the deadline too.
        headline.standing = (forecast?.note.components(separatedBy: " · ")[0] ?? "").components(separatedBy: " (")[0]
        headline.nextMilestone = figure("Next milestone", in: summary)?.value ?? "—"
        headline.topRisk = figure("Top risk", in: summary)?.value ?? "—"
        let budget = Self.between(page, "<h2 id=\"budget\">", "</section>") ?? ""
        headline.costs = ["Budget", "Planned cost", "Spent so far", "Forecast at completion"].map { figure($0, in: budget)?.value ?? "" }
        headline.indices = ["Cost performance (CPI)", "Schedule performance (SPI)"].compactMap { figure($0, in: budget)?.value }
        let late = Self.between(page, "<h2 id=\"late\">", "</section>") ?? ""
        func titles(_ heading: String) -> [String] {
            (Self.between(late, "<h3>\(heading)</h3>", "</ul>") ?? "").components(separatedBy: "<li><a href=\"").dropFirst()
                .map { Self.unescape(Self.between($0, ">", "</a>") ?? "") }
        }
        headline.late = titles("Late")
        headline.blocked = titles("Blocked")
        return headline
    }

    @Test(arguments: [("crm-migration", ["crm"]), ("website-relaunch", ["web-relaunch", "newsletter"])])
    func statusAndSiteShowTheSameHeadlines(_ example: String, _ projects: [String]) throws {
        let exported = try Planc.run(["export", "--format", "json", "--today", today, "Examples/\(example)"])
        let document = try #require(try JSONSerialization.jsonObject(with: Data(exported.stdout.utf8)) as? [String: Any])
        let analyses = try #require(document["projects"] as? [[String: Any]])
        try withTemporaryFolder("headlines") { folder in
            let built = try Planc.run(["build", "-o", folder.path, "--today", today, "Examples/\(example)"])
            #expect(built.status == 0, "\(built.stderr)")
            for project in projects {
                let page = try String(contentsOf: folder.appendingPathComponent("projects/\(project)/index.html"), encoding: .utf8)
                let fromTerminal = try terminal(example, project)
                var fromSite = site(page)
                // The site writes days long (25 Nov 2026), the terminal ISO (2026-11-25).
                #expect(fromSite.forecast == Self.long(fromTerminal.forecast), "\(project)")
                fromSite.forecast = fromTerminal.forecast
                #expect(fromTerminal == fromSite, "\(project):\nterminal \(fromTerminal)\nsite     \(fromSite)")

                // Both are the analysis itself, as the JSON export writes it.
                let analysis = try #require(analyses.first { $0["id"] as? String == project }?["analysis"] as? [String: Any])
                #expect(fromTerminal.health == analysis["health"] as? String, "\(project)")
                #expect(fromTerminal.reasons == analysis["healthReasons"] as? [String], "\(project)")
                #expect(fromTerminal.forecast == analysis["forecastFinish"] as? String, "\(project)")
                let ratings = try #require(analysis["ratings"] as? [[String: Any]])
                #expect(fromTerminal.ratings == ratings.map {
                    "\($0["dimension"] as? String ?? "?") \($0["rating"] as? String ?? "?") \($0["trend"] as? String ?? "none")"
                }, "\(project)")
                let entry = try #require(analyses.first { $0["id"] as? String == project })
                let decisions = try #require(entry["decisions"] as? [[String: Any]])
                let issues = try #require(entry["issues"] as? [[String: Any]])
                func title(_ id: String, in list: [[String: Any]]) -> String { list.first { $0["id"] as? String == id }?["title"] as? String ?? "?" }
                let asks = (analysis["decisionsNeeded"] as? [String] ?? []).map { title($0, in: decisions) }
                    + (analysis["helpNeeded"] as? [String] ?? []).map { title($0, in: issues) }
                #expect(fromTerminal.asks == asks, "\(project)")
                #expect(!fromTerminal.percent.isEmpty && !fromTerminal.standing.isEmpty && fromTerminal.costs.allSatisfy { !$0.isEmpty },
                        "\(project): \(fromTerminal)")
                // The comparison is not vacuous: the open projects have ratings, and the CRM
                // example has trends, an open decision and an escalated issue.
                #expect(fromTerminal.ratings.count == (project == "newsletter" ? 0 : 5), "\(project)")
                if project == "crm" {
                    #expect(fromTerminal.ratings.contains { !$0.hasSuffix(" none") } && fromTerminal.asks.count == 2, "\(fromTerminal)")
                }
            }
        }
    }
}
