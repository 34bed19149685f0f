/// The words of the plan language: metadata keys, attribute keys per kind of entry, section names.
/// One table, so the parser, lowering, suggestions and docs agree.
enum Vocabulary {
    static let projectKeys = ["project", "owner", "sponsor", "stakeholders", "start", "deadline", "budget",
                              "currency", "phase", "calendar", "tracks-actuals"]
    static let partKeys = ["part-of"]
    static let teamKeys = ["team"]
    static let calendarKeys = ["calendar", "working-days", "hours-per-day", "based-on"]
    static let settingsKeys = ["settings", "currency", "tracks-actuals", "theme", "decimal-mark"]

    static let taskKeys = ["id", "effort", "duration", "after", "fs", "ss", "ff", "sf", "start", "finish", "not-before",
                           "due", "priority", "cost", "status", "started", "finished", "spent", "owner"]
    static let packageKeys = ["id", "owner", "after", "fs", "ss", "ff", "sf", "due", "priority", "not-before"]
    static let taskWords = ["milestone"]
    static let riskKeys = ["id", "likelihood", "impact", "owner", "status", "review", "tasks"]
    static let issueKeys = ["id", "owner", "status", "raised", "due", "severity", "tasks"]
    static let decisionKeys = ["id", "date", "owner"]
    static let objectiveKeys = ["id", "result"]
    static let personKeys = ["id", "role", "availability", "rate", "off", "calendar"]
    static let poolKeys = ["id", "size", "rate"]
    /// Items nested under a person: `From DATE — availability:60% rate:720EUR/d`, `Leaves DATE`.
    static let personChangeWords = ["From", "Leaves"]
    static let personChangeKeys = ["availability", "rate"]

    /// Every key that can appear in an entry's attributes: a title token `key:value` with one of
    /// these keys was most likely meant as an attribute.
    static let allAttributeKeys: Set<String> = Set(taskKeys + riskKeys + issueKeys + decisionKeys + objectiveKeys
                                                   + personKeys + poolKeys).subtracting(["start", "owner"])

    enum Section: String, CaseIterable {
        case objectives, scope, inScope, outOfScope, successCriteria, work, risks, issues, decisions, journal
        case outcome, lessons, notes, people, pools, holidays
    }

    static let sectionNames: [(String, Section)] = [
        ("objectives", .objectives), ("scope", .scope), ("in scope", .inScope), ("out of scope", .outOfScope),
        ("success criteria", .successCriteria), ("work", .work), ("tasks", .work), ("work breakdown", .work),
        ("risks", .risks), ("issues", .issues), ("decisions", .decisions), ("journal", .journal),
        ("status journal", .journal), ("outcome", .outcome), ("lessons learned", .lessons), ("notes", .notes),
        ("people", .people), ("pools", .pools), ("holidays", .holidays),
    ]

    static func section(named title: String) -> Section? {
        let key = title.lowercased().split(whereSeparator: { $0 == " " || $0 == "\t" }).joined(separator: " ")
        return sectionNames.first { $0.0 == key }?.1
    }
}
