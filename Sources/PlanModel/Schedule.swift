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

    public init(tasks: [TaskSchedule], projectFinish: [Day?], projectStart: [Day?], today: Day,
                resourceLoad: [ResourceLoad], criticalPaths: [[Int]]) {
        self.tasks = tasks; self.projectFinish = projectFinish; self.projectStart = projectStart
        self.today = today; self.resourceLoad = resourceLoad; self.criticalPaths = criticalPaths
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

    public init(start: Day, finish: Day, earlyStart: Day, earlyFinish: Day, lateStart: Day, lateFinish: Day,
                totalSlack: Int, freeSlack: Int, isCritical: Bool, isLate: Bool) {
        self.start = start; self.finish = finish; self.earlyStart = earlyStart; self.earlyFinish = earlyFinish
        self.lateStart = lateStart; self.lateFinish = lateFinish; self.totalSlack = totalSlack
        self.freeSlack = freeSlack; self.isCritical = isCritical; self.isLate = isLate
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
