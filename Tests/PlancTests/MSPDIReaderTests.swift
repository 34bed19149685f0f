import Foundation
import PlanTestSupport
import Testing

/// `planc export --format mspdi` read by a real MS Project reader: `.ci/check-mspdi` opens the
/// export of each example with MPXJ and compares every task's dates, links and assignments with
/// the JSON export, and so does a small plan with every link type and lag, pins, a not-before date,
/// a milestone with a deadline, part-time and pool assignments, a holiday and time off, and a person
/// whose availability and rate change over time (and who leaves). MPXJ runs in the Python of /var/tmp/mpxj-venv (or `$PLANC_MPXJ_PYTHON`), which
/// `.ci/setup` installs; a missing one fails the test, never skips it.
@Suite(.serialized) struct MSPDIReaderTests {
    static var python: String { Program.mpxjPython }

    static let small: [String: String] = [
        "plan.md": """
            # Small <&> "MSPDI"

            - project: small
            - start: 2026-03-02

            ## Work
            - [ ] Design & <build> "one" 'two' — id:design 3d @dana
            - [ ] Build — 4d @dana after:design+2d
            - [ ] Review — duration:2d ss:build+1d
            - [ ] Test — duration:2d ff:build+1d
            - [ ] Sign — duration:1d sf:build-1d
            - [ ] Part-time — 2d @ann:50% @backend:2
            - [ ] Audit — 6d @omar
            ### Package
            - [ ] Pinned — duration:2d start:2026-03-23
            - [ ] Finish pinned — duration:2d finish:2026-03-27
            - [ ] Later — duration:1d not-before:2026-04-06 after:pinned
            - [ ] Release — milestone after:build due:2026-03-31

            """,
        "team.md": """
            # Team

            - team: t

            ## People
            - Dana — id:dana rate:800 off:2026-03-09..2026-03-10
            - Ann & <Co> — id:ann availability:50%
            - Omar — id:omar availability:80% rate:600
              - From 2026-03-09 — availability:50% rate:650
              - From 2026-03-16 — rate:700
              - Leaves 2026-04-30

            ## Pools
            - Backend developers — id:backend size:3

            """,
        "calendar.md": """
            # Calendar

            - calendar: default
            - working-days: mon-fri
            - hours-per-day: 8

            ## Holidays
            - 2026-03-13 Founders' day

            """,
    ]

    @Test(arguments: ["crm-migration", "website-relaunch", "small"])
    func mpxjReadsTheExportAsPlancSchedulesIt(example: String) throws {
        guard FileManager.default.isExecutableFile(atPath: Self.python) else {
            Issue.record("\(Self.python) is missing: run .ci/setup, which installs mpxj and JPype1 in /var/tmp/mpxj-venv")
            return
        }
        try withTemporaryFolder("mspdi-\(example)") { folder in
            var plan = "Examples/\(example)"
            if example == "small" {
                let plans = folder.appendingPathComponent("plan")
                try FileManager.default.createDirectory(at: plans, withIntermediateDirectories: true)
                for (name, text) in Self.small { try text.write(to: plans.appendingPathComponent(name), atomically: true, encoding: .utf8) }
                plan = plans.path
            }
            let xml = folder.appendingPathComponent("plan.xml"), json = folder.appendingPathComponent("plan.json")
            for (format, file) in [("mspdi", xml), ("json", json)] {
                let today = example == "small" ? "2026-03-02" : "2026-09-15"
                let result = try Planc.run(["export", "--format", format, "--today", today, "-o", file.path, plan])
                #expect(result.status == 0, "\(result.stderr)")
            }
            let (status, text) = try Program.run(Self.python, [Repository.url(".ci/check-mspdi").path, xml.path, json.path])
            #expect(status == 0, "check-mspdi failed:\n\(text)")
            #expect(text.contains("; 0 differences"), "\(text)")
            // Omar's changes were compared, not skipped.
            if example == "small" { #expect(text.contains("(1 with changes over time)"), "\(text)") }
        }
    }
}
