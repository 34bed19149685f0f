import PlanModel

/// Why a task is late (`Analyzer.isLate`), in numbers every output words the same way.
public struct Lateness: Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
        /// Done, and its actual finish was after its due date.
        case finishedLate
        /// Open and its due date has passed.
        case duePassed
        /// Open, the due date still ahead, the forecast finish after it.
        case forecastLate
        /// Open, without a missed due date, and scheduled to finish before today.
        case overdue
    }
    public var kind: Kind
    public var due: Day?
    public var finish: Day
    /// Working days (project calendar) between the due date and the finish; 0 for `overdue`.
    public var workingDays: Int

    /// `finished 2 working days after its due date 14 Sep`, `due 14 Sep, not done`,
    /// `forecast late by 3 working days`, `scheduled to finish 11 Sep, not done`; `date` writes a day.
    public func phrase(_ date: (Day) -> String) -> String {
        let days = "\(workingDays) working day\(workingDays == 1 ? "" : "s")"
        switch kind {
        case .finishedLate: return "finished \(days) after its due date \(due.map(date) ?? "")"
        case .duePassed: return "due \(due.map(date) ?? ""), not done"
        case .forecastLate: return "forecast late by \(days)"
        case .overdue: return "scheduled to finish \(date(finish)), not done"
        }
    }
}
