/// What a plan file is, named by its kind key: the first item of the list under the title
/// (`- project: crm`). The raw values are the keys as written.
public enum PlanFileKind: String, Sendable, CaseIterable {
    case project, partOf = "part-of", team, calendar, settings
}

/// The words of the plan language: kind keys, metadata keys, attribute keys per kind of entry,
/// section names. One table, so the parser, lowering, suggestions and docs agree: code that
/// needs a word, for reading or for a hint, takes it from here.
enum Vocabulary {
    /// The key that makes a file a plan of this kind, as a hint writes it (`- team: NAME`).
    static func kindKey(_ kind: PlanFileKind) -> String { kind.rawValue }

    static let projectKeys = [kindKey(.project), "owner", "sponsor", "stakeholders", "start", "deadline", "budget",
                              "currency", "phase", "calendar", "tracks-actuals"]
    static let partKeys = [kindKey(.partOf)]
    static let teamKeys = [kindKey(.team)]
    static let calendarKeys = [kindKey(.calendar), "working-days", "hours-per-day", "based-on"]
    static let settingsKeys = [kindKey(.settings), "currency", "tracks-actuals", "theme", "decimal-mark", "baseline"]

    static let taskKeys = ["id", "effort", "duration", "after", "fs", "ss", "ff", "sf", "start", "finish", "not-before",
                           "due", "priority", "cost", "status", "started", "finished", "spent", "owner"]
    static let packageKeys = ["id", "owner", "after", "fs", "ss", "ff", "sf", "due", "priority", "not-before"]
    static let taskWords = ["milestone"]
    static let riskKeys = ["id", "likelihood", "impact", "owner", "status", "review", "tasks"]
    static let issueKeys = ["id", "owner", "status", "raised", "due", "severity", "tasks", "escalated"]
    static let decisionKeys = ["id", "date", "owner", "status", "due"]
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

        /// The heading as the docs write it (`Lessons learned`), for messages and hints: the
        /// first of its names in `sectionNames`, capitalised.
        var heading: String {
            let name = Vocabulary.sectionNames.first { $0.1 == self }?.0 ?? rawValue
            return name.prefix(1).uppercased() + name.dropFirst()
        }
    }

    /// Headings are matched without regard to case or runs of spaces; a section may have several
    /// names (`Work`, `Tasks`, `Work breakdown`), the first one is the documented one.
    static let sectionNames: [(String, Section)] = [
        ("objectives", .objectives), ("scope", .scope), ("in scope", .inScope), ("out of scope", .outOfScope),
        ("success criteria", .successCriteria), ("work", .work), ("tasks", .work), ("work breakdown", .work),
        ("risks", .risks), ("issues", .issues), ("decisions", .decisions), ("journal", .journal),
        ("status journal", .journal), ("outcome", .outcome), ("lessons learned", .lessons), ("notes", .notes),
        ("people", .people), ("pools", .pools), ("holidays", .holidays),
    ]

    /// The sections each kind of file reads, in the order the docs and hints list them. A project
    /// also takes `In scope` and `Out of scope` at level 2, which hints leave to `Scope`.
    static func sections(of kind: PlanFileKind) -> [Section] {
        switch kind {
        case .project, .partOf:
            [.objectives, .scope, .successCriteria, .work, .risks, .issues, .decisions, .journal, .outcome, .lessons, .notes]
        case .team: [.people, .pools]
        case .calendar: [.holidays]
        case .settings: []
        }
    }

    static func section(named title: String) -> Section? {
        let key = title.lowercased().split(whereSeparator: { $0 == " " || $0 == "\t" }).joined(separator: " ")
        return sectionNames.first { $0.0 == key }?.1
    }
}
