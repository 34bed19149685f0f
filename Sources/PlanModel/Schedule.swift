/// The computed schedule of a plan: one `TaskSchedule` per task, parallel to `Plan.tasks`.
///
/// Dates are inclusive working days: a task with `start` Monday and `finish` Wednesday works on
/// Monday, Tuesday and Wednesday. A milestone has `start == finish`, the day at whose end it
/// happens. Slack is counted in working days of the task's project calendar.
public struct Schedule: Sendable {
    public var tasks: [TaskSchedule]
    /// Per project (parallel to `Plan.projects`): the forecast finish (latest task finish).
    public var projectFinish: [Day?]
    /// Per project: the scheduled start (earliest task start).
    public var projectStart: [Day?]
    /// The date the forecast was made for (`--today`).
    public var today: Day
    /// Daily load per person and pool, for over-allocation reports.
    public var resourceLoad: [ResourceLoad]
    /// The chain of task indices that determines the end of each project, in order
    /// (parallel to `Plan.projects`); after leveling it follows resource links too.
    public var criticalPaths: [[Int]]
    /// Why each task sits where it does (parallel to `tasks`; empty for schedules made by hand).
    public var explanations: [DateExplanation]

    public init(tasks: [TaskSchedule], projectFinish: [Day?], projectStart: [Day?], today: Day,
                resourceLoad: [ResourceLoad], criticalPaths: [[Int]], explanations: [DateExplanation] = []) {
        self.tasks = tasks; self.projectFinish = projectFinish; self.projectStart = projectStart
        self.today = today; self.resourceLoad = resourceLoad; self.criticalPaths = criticalPaths
        self.explanations = explanations
    }

    /// The driving chain of a task back to what started it (a release, a pin, today): the task
    /// itself last, its driving predecessor or resource before it, and so on, like MS Project's
    /// Task Path. Bounded by the number of tasks, so a malformed explanation cannot loop.
    public func drivingChain(of task: Int) -> [Int] {
        guard explanations.indices.contains(task) else { return [task] }
        var chain = [task], seen: Set<Int> = [task], current = task
        while true {
            let next: Int
            switch explanations[current].driver {
            case let .predecessor(p, _, _): next = p
            case let .resource(_, busyWith): next = busyWith
            case let .workPackage(s): next = s
            default: return chain.reversed()
            }
            guard explanations.indices.contains(next), seen.insert(next).inserted else { return chain.reversed() }
            chain.append(next); current = next
        }
    }

    /// The tasks whose start this task drives (the inverse of `explanations`), in index order.
    public func driven(by task: Int) -> [Int] {
        explanations.indices.filter { i in
            switch explanations[i].driver {
            case let .predecessor(p, _, _): return p == task
            case let .resource(_, busyWith): return busyWith == task
            case let .workPackage(s): return s == task
            default: return false
            }
        }
    }
}

public struct TaskSchedule: Sendable, Hashable {
    /// Scheduled (leveled, forecast) first and last working day.
    public var start: Day
    public var finish: Day
    /// Time analysis without resource limits.
    public var earlyStart: Day
    public var earlyFinish: Day
    public var lateStart: Day
    public var lateFinish: Day
    /// Working days the task can slip without delaying the project end.
    public var totalSlack: Int
    /// Working days the task can slip without delaying any successor.
    public var freeSlack: Int
    public var isCritical: Bool
    /// Finish is after the task's own deadline (`due:`), or a milestone is past its due date:
    /// forecast for open work, the actual finish for done work (it stays late once it was).
    /// Cancelled tasks are never late; a summary is late by its rolled-up finish.
    public var isLate: Bool
    /// Held by `start:`/`finish:` pins (a steering committee, an audit): a fixed-date event is
    /// reported apart and never called critical just because its pin leaves it no slack.
    public var isFixedDate: Bool

    public init(start: Day, finish: Day, earlyStart: Day, earlyFinish: Day, lateStart: Day, lateFinish: Day,
                totalSlack: Int, freeSlack: Int, isCritical: Bool, isLate: Bool, isFixedDate: Bool = false) {
        self.start = start; self.finish = finish; self.earlyStart = earlyStart; self.earlyFinish = earlyFinish
        self.lateStart = lateStart; self.lateFinish = lateFinish; self.totalSlack = totalSlack
        self.freeSlack = freeSlack; self.isCritical = isCritical; self.isLate = isLate; self.isFixedDate = isFixedDate
    }
}

/// How much of one resource the schedule uses on each day where it uses any.
public struct ResourceLoad: Sendable {
    public var resource: ResourceRef
    /// Capacity per working day (availability for a person, heads for a pool).
    public var capacity: Double
    /// Sorted by day; only days with load.
    public var days: [(day: Day, load: Double)]
    public init(resource: ResourceRef, capacity: Double, days: [(day: Day, load: Double)]) {
        self.resource = resource; self.capacity = capacity; self.days = days
    }
}

/// Why a task starts when it does: the one constraint that holds it where it is, as MS Project's
/// Task Path calls its "driving predecessor". The scheduler sets one per task; `planc why`, the
/// JSON export (`drivenBy`), the Gantt hints and the site read it.
public enum StartDriver: Sendable, Hashable {
    /// Nothing holds it later than the project's first working day.
    case projectStart(Day)
    /// Open work is never forecast before today.
    case today(Day)
    /// Work under way: the remaining work goes on from today (or its actual start).
    case inProgress(actualStart: Day?)
    /// Blocked without a resume date: forecast from today, and every date after it is uncertain.
    case blocked
    /// `not-before:` (its own or its work package's).
    case notBefore(Day)
    /// `start:`/`finish:` pins, or a done task's actual dates.
    case pinned(start: Day?, finish: Day?)
    /// Done: it keeps its actual dates.
    case actual(start: Day?, finish: Day?)
    /// A dependency: task index of the predecessor, the link kind and lag in working days.
    case predecessor(task: Int, kind: DependencyKind, lagDays: Double)
    /// A person or pool was busy with another task (task index) until the day before it starts.
    case resource(ResourceRef, busyWith: Int)
    /// The work package (summary task index) it belongs to starts then (the package's own
    /// not-before, dependency or scheduled start holds all its tasks).
    case workPackage(Int)
}

/// Non-working time that pushed a start past the day its driver allowed: a holiday of the
/// calendar, or time off of a person on the task.
public struct CalendarShift: Sendable, Hashable {
    /// The day the driver allowed.
    public var from: Day
    /// The person off then, or nil for the calendar's holidays and weekends.
    public var person: Int?
    /// Name of the holiday, when one covers `from`.
    public var holiday: String?
    public init(from: Day, person: Int?, holiday: String?) { self.from = from; self.person = person; self.holiday = holiday }
}

/// The explanation of one task's dates.
public struct DateExplanation: Sendable, Hashable {
    public var driver: StartDriver
    /// Set when non-working time moved the start later than `driver` alone would.
    public var shift: CalendarShift?
    /// Blocked tasks (indices) without a resume date that this task's dates depend on, directly
    /// or through its predecessors: those dates are forecast from today and may move.
    public var dependsOnBlocked: [Int]
    public init(driver: StartDriver, shift: CalendarShift? = nil, dependsOnBlocked: [Int] = []) {
        self.driver = driver; self.shift = shift; self.dependsOnBlocked = dependsOnBlocked
    }
}
