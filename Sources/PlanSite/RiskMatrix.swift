import PlanModel

/// The likelihood x impact heat map as an HTML table: rows are likelihood (highest on top),
/// columns impact. Each cell names its band in text and lists the risks placed in it as links to
/// the register, so the map reads without colour and without scripts.
enum RiskMatrix {
    static func band(score: Int) -> (css: String, name: String) {
        switch score {
        case 9...: return ("hi", "high")
        case 4...8: return ("md", "medium")
        default: return ("lo", "low")
        }
    }

    static func levelName(_ level: Level) -> String {
        level.name
    }

    /// Places the risks at `placing` (the open and watched ones, `ProjectAnalysis.topRisks`);
    /// `anchors` is parallel to `risks`: the register's fragment id of each risk.
    static func render(risks: [Risk], placing active: [Int], anchors: [String]) -> String {
        var cells: [Int: [Int]] = [:]
        var unplaced: [Int] = []
        for index in active {
            let risk = risks[index]
            if let likelihood = risk.likelihood, let impact = risk.impact {
                cells[likelihood.score * 10 + impact.score, default: []].append(index)
            } else {
                unplaced.append(index)
            }
        }
        var out = "<table class=\"matrix\"><caption>Open and watched risks by likelihood and impact (closed risks are left out; occurred ones are listed with the issues)</caption>"
        out += "<thead><tr><td class=\"corner\">Likelihood ↓ / impact →</td>"
        for impact in Level.allCases { out += "<th scope=\"col\">\(levelName(impact))</th>" }
        out += "</tr></thead><tbody>"
        for likelihood in Level.allCases.reversed() {
            out += "<tr><th scope=\"row\">\(levelName(likelihood))</th>"
            for impact in Level.allCases {
                let (css, name) = band(score: likelihood.score * impact.score)
                out += "<td class=\"\(css)\"><span class=\"band\">\(name)</span>"
                if let placed = cells[likelihood.score * 10 + impact.score] {
                    out += "<ul>"
                    for index in placed {
                        out += "<li><a href=\"#\(anchors[index])\">\(HTML.escape(risks[index].id))</a></li>"
                    }
                    out += "</ul>"
                }
                out += "</td>"
            }
            out += "</tr>"
        }
        out += "</tbody></table>"
        if !unplaced.isEmpty {
            out += "<p>Not placed (likelihood or impact missing): "
            out += unplaced.map { "<a href=\"#\(anchors[$0])\">\(HTML.escape(risks[$0].id))</a>" }.joined(separator: ", ")
            out += "</p>"
        }
        return out
    }
}
