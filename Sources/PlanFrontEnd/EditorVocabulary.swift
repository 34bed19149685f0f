/// The words of the plan language an editor offers as you type (`planc lsp`): which keys each kind
/// of entry takes, what each one means, and the id rule for rename. The key lists are
/// `Vocabulary`'s, so completion offers exactly what the parser reads; the meanings are the
/// tables of docs/plan-language.md in one line each.
public enum EditorVocabulary {
    /// The kinds of line that take `key:value` attributes or metadata.
    public enum Entry: Sendable, CaseIterable {
        case task, workPackage, risk, issue, decision, objective, person, pool, projectMetadata, calendarMetadata, settingsMetadata
    }

    public static func keys(of entry: Entry) -> [String] {
        switch entry {
        case .task: Vocabulary.taskKeys
        case .workPackage: Vocabulary.packageKeys
        case .risk: Vocabulary.riskKeys
        case .issue: Vocabulary.issueKeys
        case .decision: Vocabulary.decisionKeys
        case .objective: Vocabulary.objectiveKeys
        case .person: Vocabulary.personKeys
        case .pool: Vocabulary.poolKeys
        case .projectMetadata: Vocabulary.projectKeys
        case .calendarMetadata: Vocabulary.calendarKeys
        case .settingsMetadata: Vocabulary.settingsKeys
        }
    }

    /// Keys whose value lists task ids (`after:a,b+2d`, `tasks:a,b`).
    public static let taskListKeys: Set<String> = ["after", "fs", "ss", "ff", "sf", "tasks"]
    /// Keys whose value is a date.
    public static let dateKeys: Set<String> = ["start", "finish", "not-before", "due", "started", "finished", "review",
                                               "raised", "escalated", "date", "deadline", "off"]

    /// Whether `text` is a valid explicit id: letters, digits, `-`, `_`, `.`.
    public static func isValidID(_ text: String) -> Bool { Slug.isValid(text) }

    /// What a key means on `entry`, as Markdown; nil for a key the entry does not take.
    public static func documentation(of key: String, on entry: Entry) -> String? {
        guard keys(of: entry).contains(key) else { return nil }
        switch (key, entry) {
        case ("project", _): return "`project: ID`: the project id, the first item under the title."
        case ("owner", .task), ("owner", .workPackage):
            return "`owner:@person`: who is accountable for the task (not an assignment)."
        case ("start", .projectMetadata): return "`start: DATE`: nothing is scheduled before it; by default the earliest task date."
        case ("owner", .projectMetadata): return "`owner: @person` or text: the accountable project manager."
        case ("owner", _): return "`owner:@person`: who owns it."
        case ("status", .task): return "`status:S`: `todo`, `in-progress`, `blocked`, `done` or `cancelled`; by default from the box and percent."
        case ("status", .risk): return "`status:S`: `open` (the default), `watching`, `occurred` or `closed`."
        case ("status", .issue): return "`status:S`: `open`, `resolved` or `closed`."
        case ("status", .decision): return "`status:S`: `decided` (the default) or `open` (the project waits for it)."
        case ("due", .issue), ("due", .decision): return "`due:DATE`: when it is needed by."
        case ("calendar", .calendarMetadata): return "`calendar: NAME`: the calendar's name, the first item under the title."
        case ("currency", _): return "`currency: CODE`: three-letter currency code for amounts written without one."
        case ("tracks-actuals", _): return "`tracks-actuals: yes`: done tasks then need `finished:` (P306)."
        case ("rate", .pool): return "`rate:650EUR/d`: cost of one head per day (`/d`) or hour (`/h`)."
        default: return common[key]
        }
    }

    private static let common: [String: String] = [
        "id": "`id:x`: an explicit id (letters, digits, `-`, `_`, `.`); without it the id is derived from the title.",
        "effort": "`effort:5d` (or just `5d`): work in person-days, spread over the assigned people.",
        "duration": "`duration:3d`: elapsed working days, whoever works on it.",
        "after": "`after:a,b+2d`: finish-to-start on `a`, and on `b` with 2 working days of lag.",
        "fs": "`fs:a`: finish-to-start, the same as `after:`.",
        "ss": "`ss:x`: start-to-start; lags `+Nd`/`-Nd`.",
        "ff": "`ff:x`: finish-to-finish; lags `+Nd`/`-Nd`.",
        "sf": "`sf:x`: start-to-finish; lags `+Nd`/`-Nd`.",
        "start": "`start:DATE`: a fixed start; with `finish:`, a window the task fills.",
        "finish": "`finish:DATE`: a fixed finish (alone: a must-finish-on date).",
        "not-before": "`not-before:DATE`: start no earlier than this day.",
        "due": "`due:DATE`: a deadline; a forecast past it is reported.",
        "priority": "`priority:N`: 1–1000 or `low` (300), `normal` (500), `high` (700), `critical` (900); higher gets people first. Default 500.",
        "cost": "`cost:4500EUR`: a fixed cost on top of people's rates.",
        "started": "`started:DATE`: the actual start.",
        "finished": "`finished:DATE`: the actual finish.",
        "spent": "`spent:3d`: effort spent so far.",
        "likelihood": "`likelihood:L`: `low`, `medium`, `high` or `very-high`.",
        "impact": "`impact:L`: `low`, `medium`, `high` or `very-high`.",
        "review": "`review:DATE`: when the risk is reviewed next.",
        "tasks": "`tasks:a,b`: the tasks it concerns.",
        "raised": "`raised:DATE`: when the issue was raised.",
        "severity": "`severity:L`: `low`, `medium`, `high` or `very-high`.",
        "escalated": "`escalated:DATE`: the day it went to the sponsor or steering committee.",
        "date": "`date:DATE`: the day the decision was taken.",
        "result": "`result:R`: at closure, `met`, `partly` or `missed`.",
        "role": "`role:\"Data engineer\"`: the person's role.",
        "availability": "`availability:80%`: share of full time. Default 100%.",
        "rate": "`rate:900EUR/d`: cost per day (`/d`) or hour (`/h`).",
        "off": "`off:DATE` or `off:DATE..DATE`: time off; repeatable.",
        "calendar": "`calendar: NAME`: the working calendar. Default `default`.",
        "size": "`size:3`: the pool's head count (required).",
        "sponsor": "`sponsor: text`.",
        "stakeholders": "`stakeholders: text, comma-separated`.",
        "deadline": "`deadline: DATE`: the forecast finish is checked against it.",
        "budget": "`budget: 180000 EUR`: the planned cost ceiling.",
        "phase": "`phase: P`: `initiation`, `planning` (the default), `execution`, `closing`, `closed`, `on-hold` or `cancelled`.",
        "working-days": "`working-days: mon-fri`: a range or a list (`mon,tue,wed,thu`).",
        "hours-per-day": "`hours-per-day: 8`: the length of a working day (above 0, at most 24), which turns `16h` into days.",
        "based-on": "`based-on: default`: take that calendar's holidays and add this one's.",
        "part-of": "`part-of: ID`: more of project `ID`.",
        "team": "`team: NAME`: a team file of people and pools.",
        "settings": "`settings: NAME`: the repository's settings file.",
        "theme": "`theme: folder`: templates and a stylesheet for the site.",
        "decimal-mark": "`decimal-mark: comma` or `point`: how money with one separator is read.",
        "baseline": "`baseline: v1.0`: the git tag, commit, branch or date forecasts are measured against.",
    ]
}

extension EditorVocabulary {
    /// The kind of entry a list item (or, with `isHeading`, a heading of level 3 or more) is
    /// under the level-2 heading `section`; nil where entries take no attributes (the journal,
    /// scope, notes) or the heading is not a section planc reads.
    public static func entry(inSection section: String, isHeading: Bool) -> Entry? {
        switch Vocabulary.section(named: section) {
        case .work: isHeading ? .workPackage : .task
        case .risks: isHeading ? nil : .risk
        case .issues: isHeading ? nil : .issue
        case .decisions: isHeading ? nil : .decision
        case .objectives, .successCriteria: isHeading ? nil : .objective
        case .people: isHeading ? nil : .person
        case .pools: isHeading ? nil : .pool
        default: nil
        }
    }

    /// The metadata keys of a file whose first item is `- kind: NAME` (`project`, `calendar`, …).
    public static func metadataEntry(ofKindKey key: String) -> Entry? {
        switch PlanFileKind(rawValue: key) {
        case .project: .projectMetadata
        case .calendar: .calendarMetadata
        case .settings: .settingsMetadata
        default: nil
        }
    }
}
