import PlanModel

/// Which versions of the plan a trend shows: every commit, or the last commit of each day or of
/// each ISO week (Monday to Sunday). Sampling happens before compiling, so a long history costs
/// one compile per point shown, not one per commit.
public enum TrendSampling: String, CaseIterable, Sendable {
    case commit, day, week

    /// The indices of `days` (oldest first) to keep: all of them, or the last of each day or week.
    public func sample(_ days: [Day]) -> [Int] {
        guard self != .commit else { return Array(days.indices) }
        var kept: [Int] = []
        for index in days.indices {
            let next = index + 1 < days.count ? days[index + 1] : nil
            if let next, bucket(next) == bucket(days[index]) { continue }
            kept.append(index)
        }
        return kept
    }

    /// The day that names a sample's bucket: the day itself, or the Monday of its week.
    public func bucket(_ day: Day) -> Day {
        switch self {
        case .commit, .day: day
        case .week: day.adding(days: -day.weekday.rawValue)
        }
    }
}

/// One milestone's date at one version: its forecast while open, the day it was reached once done.
public struct MilestoneForecast: Sendable, Equatable {
    /// `crm/go-live`: the project id and the task id, stable across versions.
    public var id: String
    public var title: String
    public var date: Day
    /// The milestone's due date in that version, if it has one.
    public var due: Day?
    public var reached: Bool
    public init(id: String, title: String, date: Day, due: Day? = nil, reached: Bool) {
        self.id = id; self.title = title; self.date = date; self.due = due; self.reached = reached
    }
}

/// One project as one version of the plan saw it, judged on that version's report date.
public struct TrendPoint: Sendable, Equatable {
    /// The commit's day (or `--today` for the work tree): the day the version is judged on.
    public var reportDate: Day
    /// The short commit id, or `now` for the work tree.
    public var version: String
    /// The commit's subject line; empty for the work tree.
    public var subject: String
    /// The uncommitted work tree rather than a commit.
    public var isWorkTree: Bool
    public var forecastFinish: Day?
    public var deadline: Day?
    /// Open and done milestones (cancelled ones left out), in work breakdown order.
    public var milestones: [MilestoneForecast]
    /// Estimate at completion (`ProjectAnalysis.costForecast`).
    public var costAtCompletion: Double
    public var budget: Double?
    public var currency: String?
    /// Burn-up: effort done and the whole scope, in person-days.
    public var doneEffortDays: Double
    public var totalEffortDays: Double
    public var health: Rating

    public init(reportDate: Day, version: String, subject: String, isWorkTree: Bool, forecastFinish: Day?, deadline: Day?,
                milestones: [MilestoneForecast], costAtCompletion: Double, budget: Double?, currency: String?,
                doneEffortDays: Double, totalEffortDays: Double, health: Rating) {
        self.reportDate = reportDate; self.version = version; self.subject = subject; self.isWorkTree = isWorkTree
        self.forecastFinish = forecastFinish; self.deadline = deadline; self.milestones = milestones
        self.costAtCompletion = costAtCompletion; self.budget = budget; self.currency = currency
        self.doneEffortDays = doneEffortDays; self.totalEffortDays = totalEffortDays; self.health = health
    }
}

/// A journal entry's ratings: the RAG history as the project's own reports recorded it.
public struct RatingRecord: Sendable, Equatable {
    public var date: Day
    public var rating: Rating?
    /// The per-dimension ratings the heading recorded, in `HealthDimension.allCases` order.
    public var ratings: [DimensionRecord]
    public var headline: String
    public init(date: Day, rating: Rating?, ratings: [DimensionRecord], headline: String) {
        self.date = date; self.rating = rating; self.ratings = ratings; self.headline = headline
    }
}

public struct DimensionRecord: Sendable, Equatable {
    public var dimension: HealthDimension
    public var rating: Rating
    public init(dimension: HealthDimension, rating: Rating) { self.dimension = dimension; self.rating = rating }
}

/// One project over time.
public struct ProjectTrend: Sendable, Equatable {
    public var projectID: String
    /// As the latest version names it.
    public var title: String
    /// Oldest first; only versions in which the project exists and the plan could be scheduled.
    public var points: [TrendPoint]
    /// Every milestone that appears in some version, in the order they first appear, titled as
    /// the latest version that has them names them.
    public var milestones: [MilestoneTitle]
    /// The journal of the latest version, oldest entry first.
    public var journal: [RatingRecord]
}

public struct MilestoneTitle: Sendable, Equatable {
    public var id: String
    public var title: String
    public init(id: String, title: String) { self.id = id; self.title = title }
}

/// The trend of every project across versions of the plan.
public struct TrendSeries: Sendable, Equatable {
    public var sampling: TrendSampling
    /// Projects in the order the latest version lists them, then projects that were removed.
    public var projects: [ProjectTrend]
    /// Sampled versions left out because they had errors that leave no schedule (short ids).
    public var skippedVersions: [String]
    public init(sampling: TrendSampling, projects: [ProjectTrend], skippedVersions: [String] = []) {
        self.sampling = sampling; self.projects = projects; self.skippedVersions = skippedVersions
    }
}

/// One compiled version, as the trend reads it.
public struct TrendVersion: Sendable {
    public var plan: Plan
    public var schedule: Schedule
    public var analysis: PortfolioAnalysis
    public var reportDate: Day
    public var version: String
    public var subject: String
    public var isWorkTree: Bool
    public init(plan: Plan, schedule: Schedule, analysis: PortfolioAnalysis, reportDate: Day, version: String,
                subject: String = "", isWorkTree: Bool = false) {
        self.plan = plan; self.schedule = schedule; self.analysis = analysis; self.reportDate = reportDate
        self.version = version; self.subject = subject; self.isWorkTree = isWorkTree
    }
}

/// The trend as a pure function of compiled versions: no git, no clock.
public enum TrendBuilder {
    /// The series of `versions` (oldest first), with `projectIDs` kept when not empty.
    public static func series(_ versions: [TrendVersion], sampling: TrendSampling, projectIDs: [String] = [],
                              skipped: [String] = []) -> TrendSeries {
        var order: [String] = []
        var trends: [String: ProjectTrend] = [:]
        for version in versions {
            for (projectIndex, project) in version.plan.projects.enumerated()
            where version.analysis.projects.indices.contains(projectIndex) && (projectIDs.isEmpty || projectIDs.contains(project.id)) {
                let point = self.point(version, projectIndex: projectIndex)
                var trend = trends[project.id] ?? ProjectTrend(projectID: project.id, title: project.title, points: [], milestones: [], journal: [])
                if trends[project.id] == nil { order.append(project.id) }
                trend.title = project.title
                trend.points.append(point)
                for milestone in point.milestones {
                    if let known = trend.milestones.firstIndex(where: { $0.id == milestone.id }) {
                        trend.milestones[known].title = milestone.title
                    } else {
                        trend.milestones.append(MilestoneTitle(id: milestone.id, title: milestone.title))
                    }
                }
                trend.journal = project.journal.map(record).sorted { $0.date < $1.date }
                trends[project.id] = trend
            }
        }
        // The latest version's order first, then projects that no longer exist, as first seen.
        let latest = versions.last?.plan.projects.map(\.id) ?? []
        let ordered = latest.filter { trends[$0] != nil } + order.filter { !latest.contains($0) }
        return TrendSeries(sampling: sampling, projects: ordered.compactMap { trends[$0] }, skippedVersions: skipped)
    }

    /// One project of one version.
    public static func point(_ version: TrendVersion, projectIndex: Int) -> TrendPoint {
        let plan = version.plan, analysis = version.analysis.projects[projectIndex]
        let project = plan.projects[projectIndex]
        var milestones: [MilestoneForecast] = []
        for index in project.taskRange where plan.tasks.indices.contains(index) && version.schedule.tasks.indices.contains(index) {
            let task = plan.tasks[index]
            guard task.kind == .milestone, task.state != .cancelled else { continue }
            milestones.append(MilestoneForecast(id: project.id + "/" + task.id, title: task.title,
                                                date: Analyzer.milestoneDate(task, version.schedule.tasks[index]),
                                                due: task.deadline, reached: task.state == .done))
        }
        return TrendPoint(reportDate: version.reportDate, version: version.version, subject: version.subject,
                          isWorkTree: version.isWorkTree, forecastFinish: analysis.forecastFinish, deadline: analysis.deadline,
                          milestones: milestones, costAtCompletion: analysis.costForecast, budget: analysis.budget?.amount,
                          currency: analysis.currency, doneEffortDays: analysis.completedEffortDays,
                          totalEffortDays: analysis.plannedEffortDays, health: analysis.health)
    }

    static func record(_ entry: JournalEntry) -> RatingRecord {
        RatingRecord(date: entry.date, rating: entry.rating,
                     ratings: HealthDimension.allCases.compactMap { dimension in entry.ratings[dimension].map { DimensionRecord(dimension: dimension, rating: $0) } },
                     headline: entry.headline)
    }
}
