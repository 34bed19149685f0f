import PlanAnalysis
import PlanModel

/// `planc export --format ics`: an iCalendar (RFC 5545) feed of milestones, work pinned to
/// dates and deadlines.
///
/// UIDs are derived from ids only (`crm/design-sign-off@planc` for a milestone or pinned task; a task's deadline
/// `crm/data-audit+due@planc`; a project deadline `crm+deadline@planc`; `+` never occurs in ids),
/// so a subscribed calendar updates events when dates move instead of duplicating them. DTSTAMP
/// is `today` at midnight UTC, never the clock, so the same plan and date give the same bytes.
public enum CalendarExport {
    public static func render(_ context: ReportContext, projects: [Int]) -> String {
        let plan = context.plan
        let stamp = compact(context.schedule.today) + "T000000Z"
        var lines: [String] = [
            "BEGIN:VCALENDAR",
            "VERSION:2.0",
            "PRODID:-//planc//planc plan compiler//EN",
            "CALSCALE:GREGORIAN",
            "METHOD:PUBLISH",
        ]
        let name = projects.count == 1 ? plan.projects[projects[0]].title : "Plans"
        lines.append("X-WR-CALNAME:" + escape(name))

        for projectIndex in projects {
            let project = plan.projects[projectIndex]
            for index in project.taskRange.clamped(to: plan.tasks.indices) {
                let task = plan.tasks[index]
                let qualified = context.qualifiedID(index)
                // Cancelled work happens on no day: it has no place in a calendar.
                if task.state == .cancelled { continue }
                if task.kind == .milestone, let slot = context.slot(index) {
                    var description = "Milestone of \(project.title)"
                    if let due = task.deadline { description += ", due \(due.iso)" }
                    if let slip = context.milestoneSlip(index) { description += ", " + slip.phrase }
                    // A done milestone's day is a fact, not a forecast.
                    description += task.state == .done ? ". Done on \((task.actualFinish ?? slot.finish).iso)."
                        : ". Forecast by planc on \(context.schedule.today.iso)."
                    lines += event(uid: qualified + "@planc", stamp: stamp, day: slot.finish,
                                   summary: "\(project.title): \(task.title)", description: description,
                                   category: "MILESTONE", cancelled: task.state == .cancelled, done: task.state == .done)
                }
                // Work pinned to dates (`start:` and `finish:`, an audit, a close) is an event
                // people plan around: all-day, over its days.
                if task.kind != .milestone, Analyzer.isLeaf(task), task.fixedStart != nil, task.fixedFinish != nil,
                   let first = context.slot(index)?.start ?? task.fixedStart, let last = context.slot(index)?.finish ?? task.fixedFinish {
                    var description = "Fixed dates in \(project.title): \(first.iso) to \(last.iso)"
                    if task.state == .done { description += ", done" }
                    description += "."
                    lines += event(uid: qualified + "@planc", stamp: stamp, day: first, through: last,
                                   summary: "\(project.title): \(task.title)", description: description,
                                   category: "FIXED", cancelled: false, done: task.state == .done)
                }
                if let due = task.deadline, task.kind != .milestone {
                    var description = "Deadline in \(project.title)"
                    if let slot = context.slot(index) { description += ", forecast finish \(slot.finish.iso)" }
                    description += "."
                    lines += event(uid: qualified + "+due@planc", stamp: stamp, day: due,
                                   summary: "\(project.title): \(task.title) due", description: description,
                                   category: "DEADLINE", cancelled: task.state == .cancelled, done: task.state == .done)
                }
            }
            if let deadline = project.deadline {
                var description = "Project deadline"
                if let analysis = context.projectAnalysis(projectIndex), let finish = analysis.forecastFinish {
                    description += ", forecast finish \(finish.iso), health \(analysis.health.rawValue)"
                }
                description += "."
                lines += event(uid: project.id + "+deadline@planc", stamp: stamp, day: deadline,
                               summary: "\(project.title) deadline", description: description,
                               category: "DEADLINE", cancelled: project.phase == .cancelled, done: project.phase == .closed)
            }
        }
        lines.append("END:VCALENDAR")
        return lines.map(fold).joined(separator: "\r\n") + "\r\n"
    }

    /// An all-day event from `day` through `last` (the day itself when nil); DTEND is exclusive.
    static func event(uid: String, stamp: String, day: Day, through last: Day? = nil, summary: String, description: String,
                      category: String, cancelled: Bool, done: Bool) -> [String] {
        [
            "BEGIN:VEVENT",
            "UID:" + escape(uid),
            "DTSTAMP:" + stamp,
            "DTSTART;VALUE=DATE:" + compact(day),
            "DTEND;VALUE=DATE:" + compact(max(last ?? day, day).adding(days: 1)),
            "SUMMARY:" + escape(summary + (done ? " (done)" : "")),
            "DESCRIPTION:" + escape(description),
            "CATEGORIES:" + category,
            "STATUS:" + (cancelled ? "CANCELLED" : "CONFIRMED"),
            "TRANSP:TRANSPARENT",
            "END:VEVENT",
        ]
    }

    /// `20260925`.
    static func compact(_ day: Day) -> String { day.iso.replacingAll("-", with: "") }

    /// TEXT escaping (RFC 5545 3.3.11): backslash, semicolon, comma and newlines.
    static func escape(_ text: String) -> String {
        var out = ""
        for character in text {
            switch character {
            case "\\": out += "\\\\"
            case ";": out += "\\;"
            case ",": out += "\\,"
            case "\n", "\r\n", "\r": out += "\\n"
            default: out.append(character)
            }
        }
        return out
    }

    /// Folds a content line so no physical line exceeds 75 octets (RFC 5545 3.1), never splitting
    /// a UTF-8 sequence; continuation lines start with one space.
    static func fold(_ line: String) -> String {
        var out = ""
        var octets = 0
        var limit = 75
        for scalar in line.unicodeScalars {
            let size = String(scalar).utf8.count
            if octets + size > limit {
                out += "\r\n "
                octets = 1
                limit = 75
            }
            out.unicodeScalars.append(scalar)
            octets += size
        }
        return out
    }
}
