import PlanAnalysis
import PlanModel
import PlanTestSupport
@testable import PlanReports

/// Hand-built plans the renderer tests share: small enough to read in a failure message.
enum SamplePlans {
    /// A CRM migration half-way through on 2026-09-15: one task done, one late, a blocked one,
    /// a milestone ahead, a missed one behind, people with rates and a risk.
    static func crm() -> PlanFixture {
        var f = PlanFixture(today: "2026-09-15")
        f.project("crm", deadline: "2026-11-30", budget: 60_000)
        f.plan.projects[0].title = "CRM Migration"
        f.plan.projects[0].phase = .execution
        let dana = f.person("dana", rate: 950)
        let omar = f.person("omar", rate: 780)
        f.plan.people[dana].name = "Dana Schreiber"
        f.plan.people[omar].name = "Omar Haddad"
        let discovery = f.task("discovery", "2026-09-01", "2026-09-25", title: "Discovery")
        let interviews = f.task("interviews", "2026-09-01", "2026-09-04", title: "Stakeholder interviews", parent: discovery,
                                effort: 4, state: .done, people: [dana], critical: true)
        let audit = f.task("data-audit", "2026-09-07", "2026-09-25", title: "Data audit", parent: discovery, effort: 12,
                           state: .inProgress, percent: 40, deadline: "2026-09-18", people: [omar], isLate: true,
                           critical: true, after: [interviews], tags: ["data"])
        let signOff = f.task("design-sign-off", "2026-09-25", "2026-09-25", kind: .milestone, title: "Design sign-off: scope; #1",
                             parent: discovery, deadline: "2026-09-30", critical: true, after: [audit])
        let build = f.task("build", "2026-09-28", "2026-11-20", title: "Build")
        let api = f.task("customer-api", "2026-09-28", "2026-10-23", title: "Customer API", parent: build, effort: 15,
                         people: [omar], critical: true, after: [signOff])
        f.task("licences", "2026-09-28", "2026-10-02", title: "Order licences", parent: build, effort: 1,
               state: .blocked, cost: 12_000, people: [dana])
        let test = f.task("load-test", "2026-10-26", "2026-11-20", title: "Load test", parent: build, effort: 10,
                          people: [omar], critical: true, after: [api], tags: ["test"])
        f.task("go-live", "2026-11-20", "2026-11-20", kind: .milestone, title: "Go-live", critical: true, after: [test])
        f.task("kickoff", "2026-09-04", "2026-09-04", kind: .milestone, title: "Kick-off", deadline: "2026-09-04")
        f.risk("r-export", .high, .high)
        f.plan.projects[0].risks[0].title = "Legacy export API is throttled"
        f.plan.projects[0].risks[0].ownerIndex = omar
        f.risk("r-keyuser", .medium, .low)
        f.journal("2026-09-11", .amber, "Data audit slips by three days")
        f.load(person: omar, [("2026-09-28", 1), ("2026-09-29", 1.5), ("2026-09-30", 1.5)])
        return f
    }

    static func context(_ fixture: PlanFixture) -> ReportContext {
        let schedule = fixture.schedule
        return ReportContext(plan: fixture.plan, schedule: schedule, analysis: Analyzer.analyze(fixture.plan, schedule))
    }
}
