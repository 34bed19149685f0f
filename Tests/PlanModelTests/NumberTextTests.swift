import Testing
@testable import PlanModel

/// The one number convention (see `NumberText`): ASCII minus, `,` for thousands, `42 %`.
@Suite struct NumberTextTests {
    @Test func moneyIsWholeUnitsGroupedWithAnASCIIMinus() {
        #expect(NumberText.money(1_234_567.4, currency: "EUR") == "1,234,567 EUR")
        #expect(NumberText.money(-999, currency: nil) == "-999")
        #expect(NumberText.money(-1_250.5, currency: "EUR") == "-1,251 EUR")
        #expect(NumberText.money(nil, currency: "EUR") == "—")
        #expect(NumberText.money(Money(amount: 410_000, currency: "EUR")) == "410,000 EUR")
        #expect(NumberText.grouped(-0.4) == "0")
        #expect(NumberText.grouped(999) == "999" && NumberText.grouped(1000) == "1,000")
    }

    @Test func percentIsWholeWithASpaceBeforeTheSign() {
        #expect(NumberText.percent(1.104) == "110 %")
        #expect(NumberText.percent(0.335) == "34 %")
        #expect(NumberText.percent(-0.05) == "-5 %")
        #expect(!NumberText.percent(0.5).unicodeScalars.contains { !$0.isASCII })
    }

    @Test func decimalsKeepTheirSign() {
        #expect(NumberText.decimal(2.5) == "2.5")
        #expect(NumberText.decimal(3) == "3")
        #expect(NumberText.decimal(-0.5) == "-0.5")
        #expect(NumberText.decimal(-2) == "-2")
        #expect(NumberText.twoDecimals(0.934) == "0.93")
        #expect(NumberText.twoDecimals(1.1) == "1.10")
        #expect(NumberText.twoDecimals(-0.05) == "-0.05")
    }

    @Test func plainNumbersAreWhatAPlanOrAToolReadsBack() {
        #expect(NumberText.plain(-0.5) == "-0.5" && NumberText.plain(12.05) == "12.05" && NumberText.plain(3) == "3")
        #expect(NumberText.plain(33.333) == "33.33" && NumberText.plain(12_500) == "12500")
        #expect(NumberText.percentLiteral(0.5) == "50%" && NumberText.percentLiteral(1.0 / 3) == "33.33%")
        #expect(NumberText.plain(.infinity) == "inf")
    }
}

@Suite struct CalendarNamesTests {
    @Test func namesAndAbbreviations() {
        #expect(CalendarNames.month(9) == "September" && CalendarNames.monthAbbreviation(9) == "Sep")
        #expect(Weekday.monday.name == "Monday" && Weekday.sunday.abbreviation == "Sun")
        #expect(Weekday.allCases.map(\.shortName) == ["mon", "tue", "wed", "thu", "fri", "sat", "sun"])
        #expect(Weekday(shortName: "Thurs") == .thursday && Weekday(shortName: "th") == nil)
    }
}
