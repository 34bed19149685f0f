import PlanModel
import PlanTestSupport
import Testing
@testable import PlanAnalysis

/// A consultant's rate rises on 1 April 2027 while the billing revamp is under way (today is
/// Wednesday 2027-04-07): work done in March stays at the March rate, only remaining work and work
/// scheduled after the change costs the new one.
@Suite struct RatesOverTimeTests {
    func fixture() -> (PlanFixture, omar: Int) {
        var fixture = PlanFixture(today: "2027-04-07")
        fixture.project("billing", budget: 100_000)
        let omar = fixture.person("omar", rate: 600)
        fixture.plan.people[omar].changes = [
            PersonChange(from: day("2027-04-01"), availability: 0.6, rate: Money(amount: 800, currency: "EUR"), range: SourceRange(file: "team.md", line: 7, column: 5)),
        ]
        return (fixture, omar)
    }

    func analyze(_ fixture: PlanFixture) -> ProjectAnalysis { Analyzer.analyze(fixture.plan, fixture.schedule).projects[0] }

    @Test func doneWorkKeepsTheRateItWasDoneAt() {
        var (fixture, omar) = fixture()
        // Mon 8 March .. Fri 19 March: ten days, all before the change.
        fixture.task("requirements", "2027-03-08", "2027-03-19", effort: 10, state: .done, people: [omar])
        let analysis = analyze(fixture)
        #expect(analysis.plannedCost == 6_000)
        #expect(analysis.actualCost == 6_000)
        #expect(analysis.costForecast == 6_000)
    }

    @Test func workScheduledAfterTheChangeCostsTheNewRate() {
        var (fixture, omar) = fixture()
        fixture.task("data-model", "2027-04-12", "2027-04-23", effort: 10, people: [omar])
        let analysis = analyze(fixture)
        #expect(analysis.plannedCost == 8_000)
        #expect(analysis.actualCost == 0)
        #expect(analysis.costForecast == 8_000)
    }

    @Test func aTaskAcrossTheChangeIsPricedDayByDay() {
        var (fixture, omar) = fixture()
        // Mon 29 March .. Fri 9 April, 40 % done by today. Done part: 29 March to 6 April, seven
        // working days, three at 600 and four at 800; remaining part: 7 to 9 April at 800.
        fixture.task("migration", "2027-03-29", "2027-04-09", effort: 10, percent: 40, people: [omar])
        let analysis = analyze(fixture)
        let doneRate = (3 * 600.0 + 4 * 800.0) / 7
        #expect(abs(analysis.actualCost - 4 * doneRate) < 1e-6)
        #expect(abs(analysis.plannedCost - (4 * doneRate + 6 * 800)) < 1e-6)
        #expect(abs(analysis.costForecast - analysis.plannedCost) < 1e-6)
    }

    @Test func aFinishedTaskIsNotRepricedByALaterChange() {
        var (fixture, omar) = fixture()
        fixture.task("requirements", "2027-03-08", "2027-03-19", effort: 10, state: .done, people: [omar])
        let before = analyze(fixture).plannedCost
        fixture.plan.people[omar].changes.append(
            PersonChange(from: day("2027-05-01"), availability: 0.5, rate: Money(amount: 2_000, currency: "EUR"), range: SourceRange(file: "team.md", line: 7, column: 5)))
        #expect(analyze(fixture).plannedCost == before)
    }

    @Test func cancelledWorkCostsNothing() {
        var (fixture, omar) = fixture()
        fixture.task("old-report", "2027-03-08", "2027-03-10", effort: 3, state: .cancelled, spent: 1, cost: 500, people: [omar])
        let analysis = analyze(fixture)
        #expect(analysis.plannedCost == 0)
        #expect(analysis.actualCost == 0)
        #expect(analysis.costForecast == 0)
        #expect(analysis.plannedEffortDays == 0)
    }

    @Test func availabilityAndRateOnADay() {
        let (fixture, omar) = fixture()
        let person = fixture.plan.people[omar]
        #expect(person.rate(on: day("2027-03-31"))?.amount == 600)
        #expect(person.rate(on: day("2027-04-01"))?.amount == 800)
        #expect(person.availability(on: day("2027-03-31")) == 1)
        #expect(person.availability(on: day("2027-04-01")) == 0.6)
    }
}
