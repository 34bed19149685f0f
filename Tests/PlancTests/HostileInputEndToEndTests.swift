import Foundation
import PlanTestSupport
import Testing

/// The hostile inputs of the hardening issue, through the built binary: every command ends with
/// a diagnostic and an exit status, never a signal.
@Suite(.serialized) struct HostileInputEndToEndTests {
    let team = "# Team\n\n- team: t\n\n## People\n- Dana — id:dana\n"

    /// Runs `body` on a temporary plan folder holding `files`.
    func withPlan(_ files: [String: String], _ body: (URL) throws -> Void) throws {
        try withTemporaryFolder("hostile") { url in
            try write(files, into: url)
            try body(url)
        }
    }

    /// `check` and `build` exit 1 with `code` in their output; `schedule` (which shows a
    /// best-effort schedule despite errors, or none) exits normally and prints no year past 9999.
    func expectRefused(_ plan: URL, code: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let site = plan.appendingPathComponent("_site").path
        for arguments in [["check"], ["build", "-o", site]] {
            let result = try Planc.run(arguments + ["--today", "2026-03-02", plan.path])
            #expect(result.status == 1, "\(arguments[0]) exited \(result.status)\n\(result.stderr)", sourceLocation: sourceLocation)
            #expect((result.stdout + result.stderr).contains(code), "\(arguments[0]) does not report \(code)", sourceLocation: sourceLocation)
        }
        let schedule = try Planc.run(["schedule", "--today", "2026-03-02", plan.path])
        #expect(schedule.status == 0 || schedule.status == 1, "schedule exited \(schedule.status)", sourceLocation: sourceLocation)
        #expect(!schedule.stdout.contains("10000-"), sourceLocation: sourceLocation)
        #expect(schedule.stderr.contains("error"), sourceLocation: sourceLocation)
    }

    @Test func aDatePastYear9999NeverReachesTheSite() throws {
        try withPlan(["plan.md": "# P\n\n- project: p\n\n## Work\n- [ ] A — 5d @dana not-before:9999-12-28\n", "team.md": team]) { plan in
            try expectRefused(plan, code: "P115")
        }
    }

    /// The task fits in working days, but a calendar that works on Sundays only spreads it past
    /// the window: only the schedule can tell, so this is the check after scheduling.
    @Test func arithmeticPastTheWindowIsLocated() throws {
        let calendar = "# C\n\n- calendar: default\n- working-days: sun\n"
        try withPlan(["plan.md": "# P\n\n- project: p\n- start: 2026-03-02\n\n## Work\n- [ ] Sundays only — 36000d\n",
                      "calendar.md": calendar]) { plan in
            try expectRefused(plan, code: "P607")
            let check = try Planc.run(["check", "--today", "2026-03-02", plan.path])
            #expect(check.stdout.contains("plan.md:7:7: error[P607]: 'Sundays only' would finish on 2716-02-13"))
        }
    }

    /// One person with six tasks of a century each: the scheduler would level them over 200,000
    /// days (100 s); the front end refuses them in well under a second.
    @Test func tooMuchWorkForOnePersonIsRefusedBeforeScheduling() throws {
        var work = "# P\n\n- project: p\n- start: 2026-03-02\n\n## Work\n"
        for index in 0..<6 { work += "- [ ] Step \(index) — 36000d @dana\n" }
        try withPlan(["plan.md": work, "team.md": team]) { plan in
            let started = Date()
            try expectRefused(plan, code: "P607")
            #expect(Date().timeIntervalSince(started) < 10)
        }
    }

    @Test func aCalendarThatNeverWorksAgainIsAnError() throws {
        let calendar = "# C\n\n- calendar: default\n\n## Holidays\n- 2026-01-01..2400-12-31 Closed for good\n"
        try withPlan(["plan.md": "# P\n\n- project: p\n\n## Work\n- [ ] A — 5d @dana\n", "team.md": team, "calendar.md": calendar]) { plan in
            try expectRefused(plan, code: "P407")
        }
    }

    @Test func quadraticMarkdownIsRefusedQuickly() throws {
        try withPlan(["plan.md": "# P\n\n- project: p\n\n## Notes\n\n" + String(repeating: "![[]()", count: 60_000) + "\n"]) { plan in
            let started = Date()
            let result = try Planc.run(["check", "--today", "2026-03-02", plan.path])
            #expect(Date().timeIntervalSince(started) < 5)
            #expect(result.status == 1)
            #expect(result.stdout.contains("P008"))
            #expect(result.stdout.split(separator: "\n").allSatisfy { $0.count < 400 }, "the excerpt of a huge line is cut")
        }
    }

    @Test func explainTakesTheNumberAlone() throws {
        let result = try Planc.run(["explain", "205"])
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("P205: Dependency cycle"))
    }
}
