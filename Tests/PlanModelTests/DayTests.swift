import PlanModel
import Testing

struct DayTests {
    @Test func epochAndKnownDates() {
        #expect(Day(year: 1970, month: 1, day: 1)?.ordinal == 0)
        #expect(Day(year: 2000, month: 3, day: 1)?.ordinal == 11_017)
        #expect(Day(iso: "2026-11-27")?.weekday == .friday)
        #expect(Day(iso: "1970-01-01")?.weekday == .thursday)
        #expect(Day(iso: "1969-12-31")?.weekday == .wednesday)
    }

    @Test func roundTripEveryDayOfFourCenturies() {
        var day = Day(year: 1900, month: 1, day: 1)!
        let end = Day(year: 2300, month: 12, day: 31)!
        var weekday = day.weekday.rawValue
        while day <= end {
            let (y, m, d) = day.components
            #expect(Day(year: y, month: m, day: d) == day)
            #expect(day.weekday.rawValue == weekday)
            day = day.adding(days: 1)
            weekday = (weekday + 1) % 7
        }
    }

    @Test func impossibleDatesAreRejected() {
        #expect(Day(iso: "2026-02-29") == nil)
        #expect(Day(iso: "2028-02-29") != nil)
        #expect(Day(iso: "2100-02-29") == nil)
        #expect(Day(iso: "2000-02-29") != nil)
        #expect(Day(iso: "2026-04-31") == nil)
        #expect(Day(iso: "2026-13-01") == nil)
        #expect(Day(iso: "2026-00-10") == nil)
        #expect(Day(iso: "2026-1-10") == nil)
        #expect(Day(iso: "26-01-10") == nil)
        #expect(Day(iso: "2026-01-1x") == nil)
        #expect(Day(iso: "") == nil)
    }

    @Test func isoFormattingPadsAndCrossesYearEnds() {
        let newYearsEve = Day(iso: "2026-12-31")!
        #expect(newYearsEve.adding(days: 1).iso == "2027-01-01")
        #expect(Day(iso: "2028-02-28")!.adding(days: 1).iso == "2028-02-29")
        #expect(Day(iso: "2027-03-01")! - Day(iso: "2027-02-28")! == 1)
        #expect(Day(year: 999, month: 1, day: 5)?.iso == "0999-01-05")
    }

    @Test func weekdayNames() {
        #expect(Weekday(shortName: "Mon") == .monday)
        #expect(Weekday(shortName: "friday") == .friday)
        #expect(Weekday(shortName: "fry") == nil)
        #expect(Weekday(shortName: "mo") == nil)
    }

    @Test func diagnosticsSortByPlaceThenCode() {
        var bag = DiagnosticBag()
        bag.report(.unknownKey, "b", at: SourceRange(file: "b.md", line: 1, column: 1))
        bag.report(.duplicateID, "a2", at: SourceRange(file: "a.md", line: 2, column: 1))
        bag.report(.noPlanFiles, "none", at: nil)
        bag.report(.unknownTask, "a1", at: SourceRange(file: "a.md", line: 1, column: 9))
        #expect(bag.sorted.map(\.message) == ["none", "a1", "a2", "b"])
        #expect(bag.errorCount == 3)
        #expect(bag.warningCount == 1)
    }
}
