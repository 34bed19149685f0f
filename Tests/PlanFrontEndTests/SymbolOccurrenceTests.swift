import PlanFrontEnd
import PlanModel
import Testing

/// Where lowering records each id as declared and referred to (`Plan.occurrences`), and the
/// vocabulary editors complete from.
struct SymbolOccurrenceTests {
    /// `line:column-end role symbol` of every occurrence, compact to assert on.
    func placed(_ plan: Plan) -> [String] {
        plan.occurrences.sorted { $0.range < $1.range }.map { occurrence in
            let range = occurrence.range
            let symbol: String
            switch occurrence.symbol {
            case .task(let index): symbol = "task " + plan.tasks[index].id
            case .resource(.person(let index)): symbol = "person " + plan.people[index].id
            case .resource(.pool(let index)): symbol = "pool " + plan.pools[index].id
            case .calendar(let index): symbol = "calendar " + plan.calendars[index].name
            case .risk(let project, let index): symbol = "risk " + plan.projects[project].risks[index].id
            }
            return "\(range.file):\(range.start.line):\(range.start.column)-\(range.end.column) \(occurrence.role) \(symbol)"
        }
    }

    @Test func everyIdTokenAloneWithCharacterColumns() {
        let plan = """
            # Launch

            - project: launch
            - owner: @dana
            - start: 2026-03-02
            - calendar: default

            ## Work
            - [ ] 設計 — 2d @dana:50%
            - [ ] Build — id:build 3d @backend:2 after:設計+1d,other/x ss:設計
            - [ ] Ship — owner:@omar after:build

            ## Risks
            - Late — id:late owner:@dana tasks:build,設計

            """
        let other = """
            # Other

            - project: other

            ## Work
            - [ ] X — id:x 1d

            """
        let result = frontEnd(["plan.md": plan, "team.md": teamFile, "other.md": other])
        #expect(result.codes.filter { $0.hasPrefix("P2") }.isEmpty, "\(result.placed)")
        #expect(placed(result.plan) == [
            "other.md:6:14-15 definition task x",
            "plan.md:4:11-15 reference person dana",
            "plan.md:6:13-20 reference calendar default",
            "plan.md:9:7-9 title task 設計",
            "plan.md:9:16-20 reference person dana",
            "plan.md:10:18-23 definition task build",
            "plan.md:10:28-35 reference pool backend",
            "plan.md:10:44-46 reference task 設計",
            "plan.md:10:56-57 reference task x",
            "plan.md:10:61-63 reference task 設計",
            "plan.md:11:7-11 title task ship",
            "plan.md:11:21-25 reference person omar",
            "plan.md:11:32-37 reference task build",
            "plan.md:14:13-17 definition risk late",
            "plan.md:14:25-29 reference person dana",
            "plan.md:14:36-41 reference task build",
            "plan.md:14:42-44 reference task 設計",
            "team.md:6:23-27 definition person dana",
            "team.md:7:20-24 definition person omar",
            "team.md:10:27-34 definition pool backend",
        ])
    }

    @Test func everyKeyOfEveryEntryIsDocumented() {
        for entry in EditorVocabulary.Entry.allCases {
            for key in EditorVocabulary.keys(of: entry) {
                #expect(EditorVocabulary.documentation(of: key, on: entry) != nil, "\(key) on \(entry)")
            }
        }
        #expect(EditorVocabulary.documentation(of: "effort", on: .risk) == nil)
        #expect(EditorVocabulary.entry(inSection: "Work breakdown", isHeading: true) == .workPackage)
        #expect(EditorVocabulary.entry(inSection: "risks", isHeading: false) == .risk)
        #expect(EditorVocabulary.entry(inSection: "Journal", isHeading: false) == nil)
    }
}
