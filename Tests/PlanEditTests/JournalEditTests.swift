import Foundation
import PlanEdit
import PlanFrontEnd
import PlanModel
import Testing

@Suite struct JournalAddTests {
    let entry = JournalEntryRequest(date: Day(iso: "2026-09-18")!, rating: .amber, headline: "Go-live date holds",
                                    text: "CTI credentials arrived.\nTrial 2 starts Monday.")

    @Test func appendsAfterTheLastEntryBeforeTheNextSection() throws {
        let text = project("- [ ] A — 1d\n", journal: "### 2026-09-11 — green — Fine\nAll good.\n\n## Notes\nMore.\n")
        let result = try edit(["plan.md": text], .journal(entry))
        #expect(result.after == text.replacingOccurrences(of: "All good.\n", with: """
            All good.

            ### 2026-09-18 — amber — Go-live date holds
            CTI credentials arrived.
            Trial 2 starts Monday.

            """))
    }

    @Test func createsTheSectionAtTheEndWithTheFilesLineEndings() throws {
        let text = project("- [ ] A — 1d\n").replacingOccurrences(of: "\n", with: "\r\n")
        let request = JournalEntryRequest(date: Day(iso: "2026-09-18")!, rating: nil, headline: "First report")
        let result = try edit(["plan.md": text], .journal(request))
        #expect(result.after == text + "\r\n## Journal\r\n\r\n### 2026-09-18 — First report\r\n")
    }

    @Test func aFileWithoutAFinalLineEnding() throws {
        let text = project("- [ ] A — 1d\n", journal: "### 2026-09-11 — green — Fine")
        let request = JournalEntryRequest(date: Day(iso: "2026-09-18")!, rating: .red, headline: "Blocked")
        let result = try edit(["plan.md": text], .journal(request))
        #expect(result.after == text + "\n\n### 2026-09-18 — red — Blocked\n")
    }

    @Test func severalProjectsNeedTheProject() throws {
        let files = ["a.md": project("- [ ] A — 1d\n"), "b.md": "# Other\n\n- project: other\n\n## Work\n\n- [ ] B — 1d\n"]
        #expect(throws: EditError("'.' holds several projects (demo, other); say which with --project")) {
            try edit(files, .journal(entry))
        }
        var chosen = entry
        chosen.project = "othr"
        #expect(throws: EditError("no project 'othr' in '.'; did you mean 'other'?")) { try edit(files, .journal(chosen)) }
        chosen.project = "other"
        #expect(try edit(files, .journal(chosen)).path == "b.md")
    }

    @Test func theEntryReadsBackAsWritten() throws {
        let text = project("- [ ] A — 1d\n", journal: "### 2026-09-11 — green — Fine\n")
        var entry = entry
        entry.ratings = "schedule:amber cost:green"
        let result = try edit(["plan.md": text], .journal(entry))
        #expect(result.after.contains("### 2026-09-18 — amber — Go-live date holds — schedule:amber cost:green\n"))
        let journal = plan(["plan.md": result.after]).plan.projects[0].journal
        #expect(journal.count == 2)
        #expect(journal.last?.date == Day(iso: "2026-09-18"))
        #expect(journal.last?.rating == .amber)
        #expect(journal.last?.headline == "Go-live date holds")
        #expect(journal.last?.ratings.count == 2)
    }
}
