import Foundation

/// A small realistic history for trend tests: the billing revamp over September 2026, seven
/// commits. Requirements finish two days late, the invoicing work grows from 15 to 20 days (scope
/// growth), an amber journal entry records the dimensions, the acceptance test is re-planned from
/// 5 to 8 days (go-live moves). Two commits share a week (9 and 10 Sep), two share a day (30 Sep),
/// so sampling by commit, day and week give 7, 6 and 5 points.
public enum TrendFixture {
    public static let team = """
        # Team

        - team: core

        ## People
        - Ana — id:ana rate:700EUR
        - Ben — id:ben rate:800EUR

        """

    public static func plan(requirementsDone: Bool = false, designDone: Bool = false, buildEffort: Int = 15,
                            buildProgress: Int? = nil, acceptance: Int = 5, amber: Bool = false, note: String = "") -> String {
        let requirements = requirementsDone ? "- [x] Requirements — 5d @ana started:2026-09-01 finished:2026-09-09" : "- [ ] Requirements — 5d @ana"
        let design = "- [\(designDone ? "x" : " ")] Design signed off — milestone after:requirements due:2026-09-18"
            + (designDone ? " finished:2026-09-14" : "")
        let build = "- [ ] Build invoicing — \(buildEffort)d @ben after:design-signed-off"
            + (buildProgress.map { " started:2026-09-15 \($0)%" } ?? "")
        var text = """
            # Billing revamp

            - project: billing
            - start: 2026-09-01
            - deadline: 2026-10-30
            - budget: 25000 EUR

            \(note)

            ## Work
            \(requirements)
            \(design)
            \(build)
            - [ ] Build complete — milestone after:build-invoicing due:2026-10-09
            - [ ] Acceptance test — \(acceptance)d @ana after:build-complete
            - [ ] Go-live — milestone after:acceptance-test due:2026-10-16

            ## Journal
            ### 2026-09-01 — green — Kick-off — schedule:green cost:green scope:green resources:green risk:green
            Started.

            """
        if amber {
            text += """
                ### 2026-09-23 — amber — Invoicing is bigger than planned — schedule:amber cost:amber scope:amber resources:green risk:green
                Tax rules for three countries added to scope.

                """
        }
        return text
    }

    /// The seven commits in `folder`, the plan at its top.
    @discardableResult
    public static func make(_ folder: URL) throws -> GitFixture {
        let git = try GitFixture(folder)
        try git.commit(["plan.md": plan(), "team.md": team], on: "2026-09-01", message: "Plan the billing revamp")
        try git.commit(["plan.md": plan(requirementsDone: true)], on: "2026-09-09", message: "Requirements done, two days late")
        try git.commit(["plan.md": plan(requirementsDone: true, note: "Owner: Dana.")], on: "2026-09-10", message: "Name the owner")
        try git.commit(["plan.md": plan(requirementsDone: true, designDone: true, buildEffort: 20, buildProgress: 10, note: "Owner: Dana.")],
                       on: "2026-09-16", message: "Design signed off; invoicing grows to 20 days")
        try git.commit(["plan.md": plan(requirementsDone: true, designDone: true, buildEffort: 20, buildProgress: 35, amber: true, note: "Owner: Dana.")],
                       on: "2026-09-23", message: "Invoicing at 35%, scope grows")
        try git.commit(["plan.md": plan(requirementsDone: true, designDone: true, buildEffort: 20, buildProgress: 60, acceptance: 8, amber: true,
                                        note: "Owner: Dana.")],
                       on: "2026-09-30", message: "Acceptance test re-planned to 8 days")
        try git.commit(["plan.md": plan(requirementsDone: true, designDone: true, buildEffort: 20, buildProgress: 60, acceptance: 8, amber: true,
                                        note: "Owner: Dana. Go-live needs the finance sign-off.")],
                       on: "2026-09-30", message: "Note the finance sign-off")
        return git
    }
}
