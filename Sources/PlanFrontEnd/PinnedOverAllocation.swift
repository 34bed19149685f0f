import PlanModel

/// P406: tasks pinned with `start:` and `finish:` keep their dates whatever leveling does, so two
/// of them booking one person beyond their availability on the same working days is an
/// over-allocation known before scheduling. One sweep per person over the pinned assignments'
/// start and end events (and the person's availability changes): O(n log n) in the number of
/// pinned assignments, independent of how long the windows are.
enum PinnedOverAllocation {
    private struct Booking {
        var task: Int
        var units: Double
        var first: Day
        var last: Day
        var range: SourceRange
    }

    static func check(_ plan: Plan, into bag: inout DiagnosticBag) {
        var bookings: [Int: [Booking]] = [:]
        for index in plan.tasks.indices {
            let task = plan.tasks[index]
            guard task.kind == .task, task.children.isEmpty, task.state != .done, task.state != .cancelled,
                  let first = task.fixedStart, let last = task.fixedFinish, first <= last else { continue }
            for assignment in task.assignments where assignment.units > 0 {
                guard case .person(let person) = assignment.resource, plan.people.indices.contains(person) else { continue }
                bookings[person, default: []].append(Booking(task: index, units: assignment.units, first: first, last: last,
                                                             range: assignment.range))
            }
        }
        for person in bookings.keys.sorted() {
            guard let list = bookings[person], list.count > 1 else { continue }
            sweep(person: person, list, plan, into: &bag)
        }
    }

    private static func sweep(person: Int, _ list: [Booking], _ plan: Plan, into bag: inout DiagnosticBag) {
        let who = plan.people[person]
        let fallback = plan.projects.indices.contains(plan.tasks[list[0].task].projectIndex)
            ? plan.projects[plan.tasks[list[0].task].projectIndex].calendarIndex : Plan.defaultCalendar
        let calendar = WorkingCalendar(plan: plan, person: person, fallback: fallback)
        // Boundaries where the load or the availability may change; between two of them both are constant.
        var starts: [Day: [Int]] = [:], ends: [Day: [Int]] = [:]
        var boundaries = Set<Day>(who.changes.map(\.from))
        for (offset, booking) in list.enumerated() {
            starts[booking.first, default: []].append(offset)
            ends[booking.last.adding(days: 1), default: []].append(offset)
            boundaries.insert(booking.first)
            boundaries.insert(booking.last.adding(days: 1))
        }
        let days = boundaries.sorted()
        var active = Set<Int>()
        var load = 0.0
        var reported = Set<Int>()
        for (position, day) in days.enumerated() {
            for offset in ends[day] ?? [] { active.remove(offset); load -= list[offset].units }
            for offset in starts[day] ?? [] { active.insert(offset); load += list[offset].units }
            guard active.count > 1, position + 1 < days.count else { continue }
            let availability = who.availability(on: day)
            let segmentEnd = days[position + 1].adding(days: -1)
            guard load > availability + 1e-9, calendar.workingDays(in: day, through: segmentEnd) > 0 else { continue }
            // The later task (latest start, then later in the file) carries the warning.
            let later = active.max { (list[$0].first, list[$0].task) < (list[$1].first, list[$1].task) }!
            guard reported.insert(list[later].task).inserted else { continue }
            let others = active.filter { $0 != later }.sorted { list[$0].task < list[$1].task }
            let firstDay = firstWorkingDay(from: day, through: segmentEnd, calendar)
            bag.report(.pinnedOverAllocation,
                       "@\(who.id) is booked at \(NumberText.percentLiteral(load)) from \(firstDay) by pinned tasks but available \(NumberText.percentLiteral(availability))",
                       at: list[later].range,
                       notes: others.map { .init("'\(plan.tasks[list[$0].task].title)' books @\(who.id) at \(NumberText.percentLiteral(list[$0].units)) then", at: list[$0].range) },
                       hint: "pinned tasks keep their dates, so leveling cannot separate them: lower the units, move a pin or assign someone else")
        }
    }

    private static func firstWorkingDay(from day: Day, through last: Day, _ calendar: WorkingCalendar) -> Day {
        var current = day
        while current < last, !calendar.isWorkingDay(current) { current = current.adding(days: 1) }
        return current
    }

}
