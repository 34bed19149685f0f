import PlanEdit
import PlanFrontEnd
import PlanModel
import Testing

/// `EditSession.propose`: the edit and its check on texts held in memory, as an editor holds its
/// buffers; `perform` is it plus the write.
@Suite struct ProposalTests {
    static func loaded(_ files: [String: String]) -> Loader.Result {
        var loaded = Loader.Result()
        for path in files.keys.sorted() { Loader.accept(Array(files[path]!.utf8), path: path, into: &loaded) }
        return loaded
    }

    @Test func anEditIsMadeAndCheckedInMemory() throws {
        let text = project("- [ ] Design — 2d 40%\n- [ ] Build — 3d after:design\n")
        // The path names no file: nothing could be read or written there.
        let proposal = try EditSession.propose(.task("design", .done(on: nil)), loaded: Self.loaded(["/nonexistent/plan.md": text]),
                                               root: "/nonexistent", today: today)
        #expect(proposal.file.path == "/nonexistent/plan.md")
        #expect(String(decoding: proposal.edited, as: UTF8.self)
                == text.replacingOccurrences(of: "- [ ] Design — 2d 40%", with: "- [x] Design — 2d finished:2026-09-15"))
        #expect(proposal.newErrors.isEmpty)
    }

    @Test func anEditThatBringsAnErrorListsItAndWritesNothing() throws {
        // A finish before the start contradicts the dates: an error the plan did not have.
        let text = project("- [ ] Design — 2d started:2026-09-10\n")
        let proposal = try EditSession.propose(.task("design", .done(on: Day(iso: "2026-09-01"))),
                                               loaded: Self.loaded(["/nonexistent/plan.md": text]), root: "/nonexistent", today: today)
        #expect(proposal.edited != proposal.file.bytes)
        #expect(!proposal.newErrors.isEmpty, "\(proposal.newWarnings)")
    }

    @Test func whatThePlanAlreadySaysChangesNothing() throws {
        let text = project("- [x] Design — 2d finished:2026-09-01\n")
        let proposal = try EditSession.propose(.task("design", .done(on: nil)), loaded: Self.loaded(["/nonexistent/plan.md": text]),
                                               root: "/nonexistent", today: today)
        #expect(proposal.edited == proposal.file.bytes)
        #expect(proposal.newErrors.isEmpty && proposal.newWarnings.isEmpty)
    }
}
