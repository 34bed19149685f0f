import PlanModel

/// An MS Project XML (MSPDI) file as plain values: what `MSPDIReader` read, before any of it is
/// mapped to the plan language (`PlanWriter`). Element names follow Microsoft's schema; values
/// keep MSPDI's units (minutes of working time, tenths of minutes for lags) so the mapping is
/// in one place.
public struct MSPDIProject: Sendable, Equatable {
    public var title: String?
    public var name: String?
    public var startDate: Day?
    public var currencyCode: String?
    public var calendarUID: Int?
    /// MSPDI's `ScheduleFromStart`: 0 schedules backwards from the project's finish date.
    public var schedulesFromStart = true
    /// Minutes in a working day (MSPDI's `MinutesPerDay`, 480 unless set).
    public var minutesPerDay: Double = 480
    public var calendars: [Calendar] = []
    public var tasks: [Task] = []
    public var resources: [Resource] = []
    public var assignments: [Assignment] = []
    /// Names of the project's custom fields (`ExtendedAttributes`), which planc has no place for.
    public var extendedAttributeNames: [String] = []

    public init() {}

    /// Where an element began in the file, for messages (1-based line and column).
    public struct Location: Sendable, Equatable {
        public var line: Int
        public var column: Int
    }

    public struct Calendar: Sendable, Equatable {
        public var uid: Int
        public var name: String = ""
        public var isBase = true
        public var baseUID: Int?
        /// Working weekdays with their minutes of work; nil when the calendar has no week of its own.
        public var week: [Weekday: Int]?
        public var exceptions: [Exception] = []
    }

    public struct Exception: Sendable, Equatable {
        public var first: Day
        public var last: Day
        public var name: String?
        public var isWorking = false
        /// Entered as a recurrence (every year, every Monday …) rather than one range of days.
        public var isRecurring = false
    }

    public struct Link: Sendable, Equatable {
        public var predecessorUID: Int
        /// MSPDI's numbers: 0 finish-to-finish, 1 finish-to-start, 2 start-to-finish, 3 start-to-start.
        public var type: Int
        /// In tenths of a minute (or tenths of a percent for percent lags).
        public var linkLag: Double
        /// The unit the lag is shown in: 7 days, 8 elapsed days, 19 percent …
        public var lagFormat: Int
        public var crossProject: Bool
        public var location: Location
    }

    public struct Task: Sendable, Equatable {
        public var uid: Int
        public var name: String = ""
        public var outlineLevel = 1
        public var outlineNumber: String?
        public var isSummary = false
        public var isMilestone = false
        public var isActive = true
        public var isRecurring = false
        public var isEstimated = false
        public var isManual = false
        /// 0 fixed units, 1 fixed duration, 2 fixed work.
        public var type = 0
        public var priority: Int?
        public var start: Day?
        public var finish: Day?
        /// Minutes of working time.
        public var durationMinutes: Double?
        public var durationFormat: Int?
        public var workMinutes: Double?
        public var fixedCost: Double?
        public var percentComplete: Double = 0
        public var actualStart: Day?
        public var actualFinish: Day?
        public var constraintType = 0
        public var constraintDate: Day?
        public var deadline: Day?
        public var notes: String?
        public var calendarUID: Int?
        public var links: [Link] = []
        public var extendedAttributeCount = 0
        public var hasBaseline = false
        public var location: Location
    }

    public struct Resource: Sendable, Equatable {
        public var uid: Int
        public var name: String = ""
        /// 0 material, 1 work, 2 cost.
        public var type = 1
        public var initials: String?
        public var group: String?
        /// 1 is full time; above 1, several people (a pool).
        public var maxUnits: Double?
        /// Per hour.
        public var standardRate: Double?
        public var calendarUID: Int?
        public var notes: String?
        /// `AvailabilityPeriods`, in the file's order; units as MaxUnits (1 is full time).
        public var availability: [Period] = []
        /// Rate table 0 (A) of `Rates`: standard rates per hour, in the file's order.
        public var rates: [Period] = []
        /// Rates in tables 1 to 4 (B to E) that are not zero; planc has one rate per person.
        public var otherRateTables = 0
        /// Overtime rates and costs per use that are not zero, on the resource or in its table 0.
        public var overtimeRates = 0
        public var costsPerUse = 0
        public var extendedAttributeCount = 0
    }

    /// A value from one day to another. MS Project's first and last dates (1984-01-01,
    /// 2049-12-31) and MPXJ's years beyond 9999 stand for no bound; `from`/`to` are nil for those
    /// that did not parse as a day.
    public struct Period: Sendable, Equatable {
        public var from: Day?
        public var to: Day?
        public var value: Double
    }

    public struct Assignment: Sendable, Equatable {
        public var taskUID: Int
        public var resourceUID: Int
        public var units: Double = 1
    }
}
