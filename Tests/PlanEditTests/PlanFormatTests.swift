import Foundation
import PlanEdit
import PlanFrontEnd
import PlanModel
import PlanTestSupport
import Testing

@Suite struct PlanFormatTests {
    func formatted(_ text: String) -> String {
        let editable = plan(["plan.md": text])
        guard let change = PlanFormat.format(editable).first else { return text }
        return String(decoding: change.formatted, as: UTF8.self)
    }

    @Test func oneLayoutForTasksAndPackages() {
        let text = project("""
            ### Build -- owner:@jonas  #build   id:build
            * [X] Set-up — #infra cost:2000EUR  @jonas 5d Due:2026-07-01 id:setup
            * [ ] Load test — status:done   finished:2026-09-01 8d
            + [ ] Plain title
            - [ ] Empty list —
              Notes *stay*   as  written — even this: 5d
            - [ ] Title — with — dashes — priority:high 40% @omar after:setup

            Other text stays  as is.

            """)
        #expect(formatted(text) == project("""
            ### Build — id:build owner:@jonas #build
            - [x] Set-up — id:setup 5d @jonas due:2026-07-01 cost:2000EUR #infra
            - [x] Load test — 8d finished:2026-09-01
            - [ ] Plain title
            - [ ] Empty list
              Notes *stay*   as  written — even this: 5d
            - [ ] Title — with — dashes — @omar after:setup 40% priority:high

            Other text stays  as is.

            """))
    }

    @Test func crlfStaysAndOnlyTheEntryLinesChange() {
        let text = project("* [ ] A -- #x 5d\n  note  with -- dashes #y 5d\n").replacingOccurrences(of: "\n", with: "\r\n")
        #expect(formatted(text) == text.replacingOccurrences(of: "* [ ] A -- #x 5d", with: "- [ ] A — 5d #x"))
    }

    @Test func idempotent() {
        let once = formatted(project("- [ ] A — 5d #x  @omar id:a\n  - [X] B — after:a 2d\n"))
        #expect(formatted(once) == once)
    }

    @Test(arguments: ["Examples/crm-migration", "Examples/website-relaunch"])
    func examplesKeepTheirMeaningTitlesAndNotes(_ example: String) throws {
        var loaded = Loader.load(path: Repository.url(example).path)
        let editable = EditablePlan(loaded, root: example, today: today)
        let changes = PlanFormat.format(editable)
        for change in changes {
            let before = SourceFile(path: change.file.path, bytes: change.file.bytes), after = SourceFile(path: change.file.path, bytes: change.formatted)
            #expect(before.lineCount == after.lineCount)
            loaded.files = loaded.files.map { $0.path == change.file.path ? after : $0 }
        }
        let reformatted = EditablePlan(loaded, root: example, today: today)
        #expect(PlanFormat.format(reformatted).isEmpty, "fmt of fmt output changed something")
        let old = editable.plan.tasks, new = reformatted.plan.tasks
        #expect(old.count == new.count)
        for (a, b) in zip(old, new) {
            #expect(a.id == b.id && a.title == b.title && a.notes == b.notes && a.state == b.state)
            #expect(a.effortDays == b.effortDays && a.durationDays == b.durationDays && a.percentComplete == b.percentComplete)
            #expect(a.dependencies.map(\.predecessor) == b.dependencies.map(\.predecessor))
            #expect(a.assignments.map(\.resource) == b.assignments.map(\.resource) && a.tags == b.tags)
            #expect(a.deadline == b.deadline && a.actualStart == b.actualStart && a.actualFinish == b.actualFinish && a.priority == b.priority)
        }
        let titles = editable.plan.projects.map(\.description), newTitles = reformatted.plan.projects.map(\.description)
        #expect(titles == newTitles)
    }

    @Test func unifiedDiff() {
        let before = Array("a\nb\nc\nd\ne\nf\ng\nh\ni\nj\n".utf8)
        let after = Array("a\nB\nc\nd\ne\nf\ng\nh\ni\nJ\n".utf8)
        #expect(UnifiedDiff.make(before, after, path: "plan.md") == """
            --- a/plan.md
            +++ b/plan.md
            @@ -1,5 +1,5 @@
             a
            -b
            +B
             c
             d
             e
            @@ -7,4 +7,4 @@
             g
             h
             i
            -j
            +J

            """)
    }
}
