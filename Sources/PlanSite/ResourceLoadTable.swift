import PlanModel
import PlanReports

/// Load per person (and pool) and week for the people who work on one project, as a table.
/// Loads come from the whole schedule: someone shared by two projects is over-allocated by
/// the sum, which is what matters to them and to both project managers.
struct ResourceLoadTable {
    let plan: Plan
    let schedule: Schedule
    let projectIndex: Int

    struct Row {
        var name: String
        var resource: ResourceRef
        /// Per week: used share of the week's capacity, and whether any day went over capacity.
        var weeks: [(share: Double, over: Bool, hasLoad: Bool)]
    }

    func rows(weeks: [Day]) -> [Row] {
        guard let firstWeek = weeks.first else { return [] }
        let range = plan.projects[projectIndex].taskRange
        var used = Set<ResourceRef>()
        for index in range {
            for assignment in plan.tasks[index].assignments { used.insert(assignment.resource) }
        }
        let projectCalendar = plan.projects[projectIndex].calendarIndex
        var result: [Row] = []
        for load in schedule.resourceLoad where used.contains(load.resource) {
            let name: String
            let calendar: WorkingCalendar
            switch load.resource {
            case .person(let index):
                guard index < plan.people.count else { continue }
                name = plan.people[index].name
                calendar = WorkingCalendar(plan: plan, person: index, fallback: projectCalendar)
            case .pool(let index):
                guard index < plan.pools.count else { continue }
                name = plan.pools[index].name + " (pool)"
                calendar = WorkingCalendar(plan: plan, calendarIndex: projectCalendar)
            }
            var totals = Array(repeating: 0.0, count: weeks.count)
            var over = Array(repeating: false, count: weeks.count)
            for (day, amount) in load.days {
                let week = (DayText.weekStart(day) - firstWeek) / 7
                guard week >= 0, week < weeks.count else { continue }
                totals[week] += amount
                if amount > load.capacity + 1e-6 { over[week] = true }
            }
            var cells: [(share: Double, over: Bool, hasLoad: Bool)] = []
            for (offset, monday) in weeks.enumerated() {
                let workingDays = calendar.workingDays(in: monday, through: monday.adding(days: 6))
                let capacity = load.capacity * Double(workingDays)
                let share = capacity > 0 ? totals[offset] / capacity : (totals[offset] > 0 ? Double.infinity : 0)
                cells.append((share, over[offset] || share > 1 + 1e-6, totals[offset] > 0))
            }
            result.append(Row(name: name, resource: load.resource, weeks: cells))
        }
        return result.sorted { $0.name < $1.name }
    }

    /// A team larger than this gets its load table on a page of its own (`load.html`).
    static let pageLimit = 50

    struct Rendered {
        /// The sentence above the table (from when, who is over-allocated) and the table.
        var html: String
        /// That sentence alone.
        var summary: String
        /// Rows of the table: people and pools with work in the weeks shown.
        var people: Int
    }

    func render(from origin: Day, to end: Day) -> Rendered {
        var weeks: [Day] = []
        var monday = DayText.weekStart(origin)
        while monday <= end, weeks.count < 520 { weeks.append(monday); monday = monday.adding(days: 7) }
        let rows = rows(weeks: weeks).filter { $0.weeks.contains(where: \.hasLoad) }
        guard let first = weeks.first, !rows.isEmpty else {
            let text = "<p>No one assigned to this project has work scheduled from \(DayText.long(weeks.first ?? origin)) on.</p>"
            return Rendered(html: text, summary: text, people: 0)
        }
        let overCount = rows.reduce(0) { $0 + $1.weeks.filter(\.over).count }
        var out = "<p>Share of each person's working time per week from the week of \(DayText.long(first)), all projects together. "
        out += overCount == 0 ? "No one is over-allocated.</p>"
            : "Cells marked <strong class=\"over-key\">▲ over</strong> are over-allocated (\(overCount) person-\(overCount == 1 ? "week" : "weeks")).</p>"
        let summary = out
        out += "<div class=\"scroll\" tabindex=\"0\" role=\"region\" aria-label=\"Resource load per week\"><table class=\"load\"><caption class=\"vh\">Resource load per person and week</caption><thead><tr><th scope=\"col\">Person</th>"
        for week in weeks {
            let iso = DayText.isoWeek(week)
            out += "<th scope=\"col\"><abbr title=\"Week of \(DayText.long(week))\">W\(iso.week)</abbr><br><span class=\"wd\">\(DayText.short(week))</span></th>"
        }
        out += "</tr></thead><tbody>"
        for row in rows {
            out += "<tr><th scope=\"row\">\(HTML.escape(row.name))</th>"
            for cell in row.weeks {
                if !cell.hasLoad { out += "<td></td>"; continue }
                let percent = cell.share.isFinite ? NumberText.percent(cell.share) : "off"
                if cell.over {
                    out += "<td class=\"over\">▲ \(percent)</td>"
                } else {
                    let level = cell.share >= 0.8 ? "l3" : cell.share >= 0.5 ? "l2" : "l1"
                    out += "<td class=\"\(level)\">\(percent)</td>"
                }
            }
            out += "</tr>"
        }
        out += "</tbody></table></div>"
        return Rendered(html: out, summary: summary, people: rows.count)
    }
}
