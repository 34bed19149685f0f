import PlanModel
import PlanTestSupport
import Testing
@testable import PlanSchedule

private func d(_ text: String) -> Int { Day(iso: text)!.ordinal }
private let weekdays: Set<Weekday> = [.monday, .tuesday, .wednesday, .thursday, .friday]

@Test func weekdayArithmeticAcrossMonthAndYearEnds() {
    let calendar = WorkingCalendar(weekdays: weekdays, closed: [])
    // Wed 2025-12-31 plus 1 working day is Thu 2026-01-01 (no holidays here).
    #expect(calendar.adding(1, workingDaysTo: d("2025-12-31")) == d("2026-01-01"))
    // Fri 2026-01-30 plus 1 is Mon 2026-02-02.
    #expect(calendar.adding(1, workingDaysTo: d("2026-01-30")) == d("2026-02-02"))
    #expect(calendar.adding(-1, workingDaysTo: d("2026-02-02")) == d("2026-01-30"))
    #expect(calendar.workingDays(from: d("2026-01-01"), to: d("2027-01-01")) == 261)
    #expect(calendar.nextWorking(onOrAfter: d("2026-01-03")) == d("2026-01-05"))
    #expect(calendar.previousWorking(onOrBefore: d("2026-01-04")) == d("2026-01-02"))
}

@Test func leapYearsCountFebruaryTwentyNinth() {
    let calendar = WorkingCalendar(weekdays: weekdays, closed: [])
    // 2024-02-29 was a Thursday; 2100 is not a leap year.
    #expect(calendar.isWorking(d("2024-02-29")))
    #expect(calendar.adding(1, workingDaysTo: d("2024-02-28")) == d("2024-02-29"))
    #expect(calendar.adding(2, workingDaysTo: d("2024-02-28")) == d("2024-03-01"))
    #expect(calendar.workingDays(from: d("2024-01-01"), to: d("2025-01-01")) == 262)
    #expect(Day(year: 2100, month: 2, day: 29) == nil)
}

@Test func longHolidayRunsAreSkipped() {
    let holidays = [DayRange(first: Day(iso: "2025-12-22")!, last: Day(iso: "2026-01-06")!)]
    let calendar = WorkingCalendar(weekdays: weekdays, closed: holidays)
    #expect(calendar.adding(1, workingDaysTo: d("2025-12-19")) == d("2026-01-07"))
    #expect(calendar.adding(-1, workingDaysTo: d("2026-01-07")) == d("2025-12-19"))
    #expect(calendar.workingDays(from: d("2025-12-01"), to: d("2026-02-01")) == 15 + 18)  // December 23 - 8, January 22 - 4
    #expect(!calendar.isWorking(d("2026-01-01")))
}

@Test func calendarArithmeticMatchesDayByDayCounting() {
    var generator = SplitMix64(seed: 7)
    for _ in 0..<30 {
        var closed: [DayRange] = []
        for _ in 0..<Int(generator.next() % 6) {
            let first = d("2026-01-01") + Int(generator.next() % 400)
            closed.append(DayRange(first: Day(ordinal: first), last: Day(ordinal: first + Int(generator.next() % 20))))
        }
        var days = Set<Weekday>()
        for weekday in Weekday.allCases where generator.next() % 3 != 0 { days.insert(weekday) }
        if days.isEmpty { days = [.wednesday] }
        let calendar = WorkingCalendar(weekdays: days, closed: closed)
        func works(_ day: Int) -> Bool {
            days.contains(Day(ordinal: day).weekday) && !closed.contains { $0.contains(Day(ordinal: day)) }
        }
        let origin = d("2025-10-01")
        var count = 0
        for day in origin..<(origin + 700) {
            #expect(calendar.isWorking(day) == works(day))
            #expect(calendar.count(before: day) - calendar.count(before: origin) == count)
            if works(day) {
                #expect(calendar.day(at: calendar.count(before: day)) == day)
                count += 1
            }
        }
    }
}

@Test func continuousCalendarIsTheIdentity() {
    let calendar = WorkingCalendar.continuous
    #expect(calendar.everyDay)
    #expect(calendar.count(before: 17) == 17)
    #expect(calendar.day(at: -3) == -3)
}

@Test func calendarWithoutWorkingDaysNeverAnswers() {
    let calendar = WorkingCalendar(weekdays: [], closed: [])
    #expect(!calendar.hasWorkingDays)
    #expect(calendar.day(at: 5) == nil)
}
