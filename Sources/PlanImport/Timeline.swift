import PlanModel

/// A resource's availability periods and rate table 0 as planc's changes over time: the value
/// before the first change, then the days on which a value changes. MS Project's tables cover
/// the whole timeline; where they do not, the resource is unavailable outside the periods (MS
/// Project's meaning), so a gap or an end before the last date becomes availability 0 from the
/// next day. The first period holds from the beginning of time whatever its start.
struct Timeline {
    struct Change: Equatable {
        var from: Day
        var availability: Double?
        /// Per hour, as MSPDI keeps rates.
        var rate: Double?
    }

    /// The first period's units and rate; nil when the file has no such table.
    var availability: Double?
    var rate: Double?
    var changes: [Change] = []

    /// MS Project's first and last dates, which stand for no bound.
    static let firstDay = Day(iso: "1984-01-01")!, lastDay = Day(iso: "2049-12-31")!

    init(_ resource: MSPDIProject.Resource) {
        let availabilitySteps = Self.steps(resource.availability, outside: 0)
        let rateSteps = Self.steps(resource.rates, outside: nil)
        availability = availabilitySteps.first.map(\.value)
        rate = rateSteps.first.map(\.value)
        var byDay: [Day: Change] = [:]
        var current = availability
        for step in availabilitySteps.dropFirst() where step.value != current {
            byDay[step.from!, default: Change(from: step.from!)].availability = step.value
            current = step.value
        }
        var currentRate = rate
        for step in rateSteps.dropFirst() where step.value != currentRate {
            byDay[step.from!, default: Change(from: step.from!)].rate = step.value
            currentRate = step.value
        }
        changes = byDay.values.sorted { $0.from < $1.from }
    }

    /// Periods sorted by start as steps: the first from no day, then each period's start, and
    /// `outside` from the day after a period that ends before the next begins (or before the
    /// last date). A nil `outside` keeps the last value across a gap (a rate needs no filling).
    static func steps(_ periods: [MSPDIProject.Period], outside: Double?) -> [(from: Day?, value: Double)] {
        let bounded = periods.map { period in
            (from: period.from.flatMap { $0 > firstDay ? $0 : nil }, to: period.to.flatMap { $0 < lastDay ? $0 : nil }, value: period.value)
        }.sorted { ($0.from ?? firstDay) < ($1.from ?? firstDay) }
        var steps: [(from: Day?, value: Double)] = []
        for (index, period) in bounded.enumerated() {
            steps.append((index == 0 ? nil : period.from, period.value))
            guard let outside, let end = period.to else { continue }
            let next = index + 1 < bounded.count ? bounded[index + 1].from : nil
            if next.map({ end.adding(days: 1) < $0 }) ?? (index + 1 == bounded.count) {
                steps.append((end.adding(days: 1), outside))
            }
        }
        return steps
    }
}
