import PlanFrontEnd
import PlanModel
import Testing

@Test func specExampleLowersCleanly() {
    let plan = """
    # CRM Migration

    - project: crm
    - owner: @dana
    - start: 2026-01-12
    - deadline: 2026-06-30
    - budget: 180000 EUR

    Moving Sales to the new CRM.

    ## Work
    ### Discovery
    - [x] Stakeholder interviews — 5d @dana
    - [ ] Data audit — 8d @omar after:stakeholder-interviews 40%
    - [ ] Design sign-off — milestone after:data-audit due:2026-02-20

    ## Risks
    - Legacy export API is throttled — likelihood:high impact:medium owner:@omar
      Mitigation: nightly batch exports from March.
    """
    let result = frontEnd(["plan.md": plan, "team.md": teamFile])
    #expect(result.placed == [])
    #expect(result.plan.projects.count == 1)
    #expect(result.plan.tasks.map(\.id) == ["discovery", "stakeholder-interviews", "data-audit", "design-sign-off"])
    let audit = result.task("data-audit")!
    #expect(audit.effortDays == 8)
    #expect(audit.percentComplete == 40)
    #expect(audit.state == .inProgress)
    #expect(audit.dependencies.map(\.predecessor) == [1])
    #expect(audit.assignments.first?.units == 0.5)
    #expect(result.task("design-sign-off")?.kind == .milestone)
    #expect(result.plan.projects[0].risks.first?.mitigation == "nightly batch exports from March.")
    #expect(result.plan.projects[0].description == "Moving Sales to the new CRM.")
}
