import Foundation
import PlanTestSupport
import Testing

@Suite struct FmtCommandTests {
    static let messy = """
        # Demo

        - project: demo
        - start: 2026-06-01

        ## Work

        * [ ] Audit -- #data   8d id:audit
        * [X] Kick-off — 2d

        """

    @Test func checkPrintsADiffAndFmtWritesIt() throws {
        try withTemporaryFolder("fmt") { folder in
            try write(["plan.md": Self.messy, "README.md": "# Readme\n\n* not   a plan\n"], into: folder)
            let check = try Planc.run(["fmt", "--check", "."], in: folder)
            #expect(check.status == 1)
            #expect(check.stdout == """
                --- a/plan.md
                +++ b/plan.md
                @@ -5,5 +5,5 @@
                 
                 ## Work
                 
                -* [ ] Audit -- #data   8d id:audit
                -* [X] Kick-off — 2d
                +- [ ] Audit — id:audit 8d #data
                +- [x] Kick-off — 2d

                """)
            #expect(try String(contentsOf: folder.appendingPathComponent("plan.md"), encoding: .utf8) == Self.messy)
            let written = try Planc.run(["fmt"], in: folder)
            #expect(written.status == 0)
            #expect(written.stdout == "formatted plan.md\n")
            #expect(try String(contentsOf: folder.appendingPathComponent("README.md"), encoding: .utf8) == "# Readme\n\n* not   a plan\n")
            let again = try Planc.run(["fmt", "--check"], in: folder)
            #expect(again.status == 0)
            #expect(again.stdout.isEmpty)
        }
    }

    /// The bundled examples are written the way `planc fmt` writes plans.
    @Test(arguments: ["Examples/crm-migration", "Examples/website-relaunch"])
    func theExamplesAreCanonical(example: String) throws {
        let result = try Planc.run(["fmt", "--check", example])
        #expect(result.status == 0, "\(result.stdout)")
    }
}
