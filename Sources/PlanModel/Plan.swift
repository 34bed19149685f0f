/// The compiled project model: what the plan files say, with every reference resolved to an
/// index. It knows nothing of Markdown, HTML or terminals; renderers read it, never the files.
///
/// Tasks of all projects live in one array so that the scheduler can level people shared by
/// several projects; a project owns a contiguous slice of it (`Project.taskRange`).
public struct Plan: Sendable {
    /// Index of the `default` calendar in `calendars`; lowering always creates it first.
    public static let defaultCalendar = 0

    public var projects: [Project] = []
    public var tasks: [PlanTask] = []
    public var people: [Person] = []
    public var pools: [Pool] = []
    /// Named calendars; `default` is the repository's, used when nothing names another.
    public var calendars: [CalendarSpec] = []
    /// The plan files that were read, in path order.
    public var files: [String] = []
    /// Repository-wide settings from a `- settings: NAME` file, if there is one.
    public var settings = PortfolioSettings()
    /// Where each task, person, pool, calendar and risk id is declared and referred to, in the
    /// order lowering met them (for editors: definitions, references, rename).
    public var occurrences: [SymbolOccurrence] = []

    public init() {}

    public func calendarIndex(named name: String) -> Int? {
        calendars.firstIndex { $0.name == name }
    }
}

/// What a repository states once for all its projects.
public struct PortfolioSettings: Sendable {
    /// The portfolio's name, from the settings file's title.
    public var title: String?
    /// Currency of projects that name none.
    public var currency: String?
    /// Whether projects track actual dates unless they say otherwise.
    public var tracksActuals = false
    /// A folder of templates and stylesheet overriding the site's, as written (relative to the
    /// settings file's folder) and resolved.
    public var theme: String?
    /// The version of the plan forecasts are measured against: a tag, a commit or a date
    /// (`baseline: v1.0`), read from git history.
    public var baseline: String?
    public var range: SourceRange?
    public init() {}
}

/// Money in minor-free decimal form: an amount and a three-letter currency code.
public struct Money: Hashable, Sendable {
    public var amount: Double
    public var currency: String?
    public init(amount: Double, currency: String?) { self.amount = amount; self.currency = currency }
}

public enum ProjectPhase: String, CaseIterable, Sendable {
    case initiation, planning, execution, closing, closed, onHold = "on-hold", cancelled
}

public enum Rating: String, CaseIterable, Sendable, Comparable {
    case green, amber, red
    private var rank: Int { self == .green ? 0 : self == .amber ? 1 : 2 }
    public static func < (a: Rating, b: Rating) -> Bool { a.rank < b.rank }
}

/// The five things a status report rates apart (the usual RAG dimensions of a steering report).
/// The overall rating is the worst of them and of the latest journal entry's rating.
public enum HealthDimension: String, CaseIterable, Sendable {
    case schedule, cost, scope, resources, risk
    /// As a report heads it: `Schedule`, `Resources`.
    public var name: String { rawValue.prefix(1).uppercased() + rawValue.dropFirst() }
}

/// One objective or success criterion, and at closure how it turned out.
public struct Objective: Sendable {
    public enum Result: String, CaseIterable, Sendable { case met, partly, missed }
    public var id: String
    public var text: String
    public var result: Result?
    public var notes: String
    public var range: SourceRange
    public init(id: String, text: String, result: Result?, notes: String, range: SourceRange) {
        self.id = id; self.text = text; self.result = result; self.notes = notes; self.range = range
    }
}

public struct Project: Sendable {
    public var id: String
    public var title: String
    public var range: SourceRange
    public var file: String
    public var ownerIndex: Int?
    public var ownerName: String?
    public var sponsor: String?
    public var stakeholders: [String] = []
    public var start: Day?
    public var deadline: Day?
    public var budget: Money?
    public var currency: String?
    public var phase: ProjectPhase?
    public var calendarIndex: Int = 0
    public var tracksActuals = false
    /// Markdown source of the free text below the metadata.
    public var description = ""
    public var objectives: [Objective] = []
    public var scopeIn: [String] = []
    public var scopeOut: [String] = []
    public var successCriteria: [Objective] = []
    /// The project's tasks: indices into `Plan.tasks`, work breakdown order.
    public var taskRange: Range<Int> = 0..<0
    public var risks: [Risk] = []
    public var issues: [IssueEntry] = []
    public var decisions: [Decision] = []
    public var journal: [JournalEntry] = []
    /// Markdown of the `Outcome` section (closure).
    public var outcome = ""
    public var lessons: [String] = []
    /// Markdown of the `Notes` section.
    public var notes = ""
    /// The same notes by the file they came from, in reading order: the project file's own, then
    /// each `part-of` file's description and `Notes` section, so a page can say where each began.
    public var notesByFile: [FileNotes] = []
    /// The paths of the `part-of` files that continue this project.
    public var partFiles: [String] = []

    public init(id: String, title: String, range: SourceRange, file: String) {
        self.id = id; self.title = title; self.range = range; self.file = file
    }
}

/// Notes Markdown and the plan file it was written in.
public struct FileNotes: Sendable, Equatable {
    public var file: String
    public var markdown: String
    public init(file: String, markdown: String) { self.file = file; self.markdown = markdown }
}

public enum TaskKind: String, Sendable {
    /// A work package from a heading, or any task with subtasks: rolled up from its children.
    case summary
    case task
    case milestone
}

public enum TaskState: String, CaseIterable, Sendable {
    case todo, inProgress = "in-progress", blocked, done, cancelled
}

public enum DependencyKind: String, CaseIterable, Sendable {
    case finishToStart = "FS", startToStart = "SS", finishToFinish = "FF", startToFinish = "SF"
}

public struct Dependency: Hashable, Sendable {
    /// Index into `Plan.tasks` of the predecessor.
    public var predecessor: Int
    public var kind: DependencyKind
    /// Working days; negative is a lead.
    public var lagDays: Double
    public var range: SourceRange
    public init(predecessor: Int, kind: DependencyKind, lagDays: Double, range: SourceRange) {
        self.predecessor = predecessor; self.kind = kind; self.lagDays = lagDays; self.range = range
    }
}

public enum ResourceRef: Hashable, Sendable {
    case person(Int)
    case pool(Int)
}

public struct Assignment: Hashable, Sendable {
    public var resource: ResourceRef
    /// For a person, the share of a full working day (0.5 = half days); for a pool, heads.
    public var units: Double
    public var range: SourceRange
    public init(resource: ResourceRef, units: Double, range: SourceRange) {
        self.resource = resource; self.units = units; self.range = range
    }
}

public struct PlanTask: Sendable {
    public var id: String
    public var projectIndex: Int
    public var title: String
    public var range: SourceRange
    public var parent: Int?
    public var children: [Int] = []
    /// 0 for top-level work packages and tasks.
    public var level: Int
    public var kind: TaskKind
    /// Work in person-days (8 hours unless the calendar says otherwise).
    public var effortDays: Double?
    /// Elapsed working days, independent of people.
    public var durationDays: Double?
    public var fixedStart: Day?
    public var fixedFinish: Day?
    public var notBefore: Day?
    public var deadline: Day?
    public var dependencies: [Dependency] = []
    public var assignments: [Assignment] = []
    /// 1...1000, higher first when leveling; 500 unless set.
    public var priority = 500
    public var cost: Money?
    public var tags: [String] = []
    /// Markdown beneath the task line.
    public var notes = ""
    public var state: TaskState = .todo
    /// Whether the line had a `[ ]` or `[x]` box, and which.
    public var checkbox: Bool?
    /// 0...100 as written; nil when not given.
    public var percentComplete: Double?
    public var actualStart: Day?
    public var actualFinish: Day?
    public var spentDays: Double?
    /// Accountable person (work packages mostly).
    public var ownerIndex: Int?

    public init(id: String, projectIndex: Int, title: String, range: SourceRange, parent: Int?, level: Int, kind: TaskKind) {
        self.id = id; self.projectIndex = projectIndex; self.title = title; self.range = range
        self.parent = parent; self.level = level; self.kind = kind
    }

    /// Progress 0...1 as the plan states it: done and cancelled count as complete.
    public var progress: Double {
        switch state {
        case .done, .cancelled: return 1
        default: return min(max((percentComplete ?? 0) / 100, 0), 1)
        }
    }
}

public struct Person: Sendable {
    public var id: String
    public var name: String
    public var role: String?
    /// Share of a full working day the person gives to the plans (1 = full time).
    public var availability: Double = 1
    public var rate: Money?
    public var timeOff: [DayRange] = []
    public var calendarIndex: Int?
    /// Availability and rate from a date on, sorted by `from` (the team file's `from DATE:`
    /// lines). `availability` and `rate` above hold before the first change.
    public var changes: [PersonChange] = []
    public var range: SourceRange
    public init(id: String, name: String, range: SourceRange) { self.id = id; self.name = name; self.range = range }

    /// Availability on `day`: the last change on or before it, else `availability`.
    public func availability(on day: Day) -> Double {
        var value = availability
        for change in changes where change.from <= day { if let a = change.availability { value = a } }
        return value
    }

    /// Cost rate on `day`: the last change on or before it that sets a rate, else `rate`.
    public func rate(on day: Day) -> Money? {
        var value = rate
        for change in changes where change.from <= day { if let r = change.rate { value = r } }
        return value
    }
}

/// From `from` on, a person gives `availability` (0 once they leave the project) and costs `rate`;
/// nil keeps the earlier value.
public struct PersonChange: Sendable, Hashable {
    public var from: Day
    public var availability: Double?
    public var rate: Money?
    public var range: SourceRange
    public init(from: Day, availability: Double?, rate: Money?, range: SourceRange) {
        self.from = from; self.availability = availability; self.rate = rate; self.range = range
    }
}

public struct Pool: Sendable {
    public var id: String
    public var name: String
    public var size: Int
    public var rate: Money?
    public var range: SourceRange
    public init(id: String, name: String, size: Int, range: SourceRange) {
        self.id = id; self.name = name; self.size = size; self.range = range
    }
}

/// A working week and holidays.
public struct CalendarSpec: Sendable {
    public var name: String
    public var workingDays: Set<Weekday> = Weekday.workweek
    public var hoursPerDay: Double = 8
    public var holidays: [Holiday] = []
    /// The calendar this one was based on. Lowering has already merged the base's working week,
    /// hours and holidays into this one, so schedulers need not follow it.
    public var base: Int?
    public var range: SourceRange?
    public init(name: String) { self.name = name }
}

public struct Holiday: Sendable {
    public var days: DayRange
    public var name: String
    public init(days: DayRange, name: String) { self.days = days; self.name = name }
}

public enum Level: String, CaseIterable, Sendable, Comparable {
    case low, medium, high, veryHigh = "very-high"
    public var score: Int { switch self { case .low: 1; case .medium: 2; case .high: 3; case .veryHigh: 4 } }
    /// In words, as reports write it: `very high`.
    public var name: String { self == .veryHigh ? "very high" : rawValue }
    public static func < (a: Level, b: Level) -> Bool { a.score < b.score }
}

public struct Risk: Sendable {
    public enum Status: String, CaseIterable, Sendable { case open, watching, closed, occurred }
    public var id: String
    public var title: String
    public var likelihood: Level?
    public var impact: Level?
    public var ownerIndex: Int?
    /// Where `owner:` was written, even when it names no one (then lowering has reported it).
    public var ownerRange: SourceRange?
    public var mitigation: String?
    public var contingency: String?
    public var status: Status = .open
    public var review: Day?
    public var taskIndices: [Int] = []
    public var notes = ""
    public var range: SourceRange
    public init(id: String, title: String, range: SourceRange) { self.id = id; self.title = title; self.range = range }
    /// likelihood x impact, 1...16; 0 when either is missing.
    public var score: Int { (likelihood?.score ?? 0) * (impact?.score ?? 0) }
}

public struct IssueEntry: Sendable {
    public enum Status: String, CaseIterable, Sendable { case open, resolved, closed }
    public var id: String
    public var title: String
    public var ownerIndex: Int?
    public var status: Status = .open
    public var raised: Day?
    public var due: Day?
    public var severity: Level?
    /// The day the issue was escalated (to the sponsor or steering committee): while open, it is
    /// help the project needs from outside, listed in the status report's "decisions and help needed".
    public var escalated: Day?
    public var taskIndices: [Int] = []
    public var notes = ""
    public var range: SourceRange
    public init(id: String, title: String, range: SourceRange) { self.id = id; self.title = title; self.range = range }
}

public struct Decision: Sendable {
    /// `decided` (the default: the decision log records what was decided) or `open` (a decision
    /// the project waits for, with `due:` the day it is needed by).
    public enum Status: String, CaseIterable, Sendable { case decided, open }
    public var id: String
    public var title: String
    public var status: Status = .decided
    /// The day it was taken.
    public var date: Day?
    /// The day an open decision is needed by.
    public var due: Day?
    public var ownerIndex: Int?
    public var notes = ""
    public var range: SourceRange
    public init(id: String, title: String, range: SourceRange) { self.id = id; self.title = title; self.range = range }
}

public struct JournalEntry: Sendable {
    public var date: Day
    public var rating: Rating?
    /// The ratings the report gave each dimension, when the heading records them
    /// (`— schedule:amber cost:green`): what the next report's trend arrows compare against.
    public var ratings: [HealthDimension: Rating] = [:]
    public var headline: String
    /// Markdown of the entry's text.
    public var text: String
    public var range: SourceRange
    public init(date: Day, rating: Rating?, headline: String, text: String, range: SourceRange) {
        self.date = date; self.rating = rating; self.headline = headline; self.text = text; self.range = range
    }
}
