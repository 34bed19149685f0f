import Foundation
@testable import PlanFrontEnd
import PlanMarkdown
import PlanModel
import PlanTestSupport
import Testing

/// Regression tests for the findings of "hardening against hostile input": each names the input
/// that misbehaved and what planc says about it now.
struct HostileInputTests {
    let header = "# P\n\n- project: p\n- start: 2026-03-02\n\n"

    func diagnostic(_ result: FrontEndResult, _ code: String) -> Diagnostic? {
        result.diagnostics.first { $0.code.rawValue == code }
    }

    // MARK: 1. Dates out of range

    @Test func datesOutsideThePlanningWindowAreLocatedErrors() {
        let result = frontEnd(["plan.md": header + "## Work\n- [ ] A — 5d @dana not-before:9999-12-28\n- [ ] B — 1d due:1899-12-31\n",
                               "team.md": teamFile])
        #expect(result.placed == ["plan.md:7:20 P115", "plan.md:8:14 P115"])
        #expect(result.diagnostics[0].message.contains("1900-01-01 to 2400-12-31"))
        #expect(result.task("a")?.notBefore == nil)
    }

    @Test func yearZeroIsOutsideTheWindowNotAMonthOfZero() {
        let result = frontEnd(header + "## Work\n- [ ] A — 1d not-before:0000-01-01\n")
        #expect(result.codes == ["P115"])
        #expect(!result.diagnostics[0].message.contains("January 0"))
    }

    @Test func impossibleDaysStillNameTheMonth() {
        let result = frontEnd(header + "## Work\n- [ ] A — 1d due:2026-02-30\n- [ ] B — 1d due:2026-13-01\n")
        #expect(result.codes == ["P105", "P105"])
        #expect(result.diagnostics[0].message.hasSuffix("February 2026 has 28 days"))
        #expect(result.diagnostics[1].message.hasSuffix("there is no month 13"))
    }

    @Test func aChainLongerThanTheWindowIsRefusedBeforeScheduling() {
        var text = header + "## Work\n"
        for index in 0..<1_000 { text += "- [ ] Step \(index) — 36000d\(index > 0 ? " after:step-\(index - 1)" : "")\n" }
        let result = frontEnd(text)
        #expect(result.placed == ["plan.md:10:7 P607"])
        #expect(result.diagnostics[0].message.hasPrefix("'Step 3' and 996 more tasks cannot finish by 2400-12-31"))
        #expect(DiagnosticCode.beyondPlanningWindow.blocksScheduling)
        let busy = frontEnd(["plan.md": header + "## Work\n" + (0..<6).map { "- [ ] S\($0) — 36000d @dana\n" }.joined(),
                             "team.md": teamFile])
        #expect(busy.placed == ["plan.md:7:19 P607"])
        // A long plan that fits is not touched.
        #expect(frontEnd(header + "## Work\n- [ ] A — 36000d\n- [ ] B — 36000d after:a\n").codes.isEmpty)
    }

    @Test func theWindowMatchesTheCalendarArithmetic() {
        #expect(Day.planningWindow.lowerBound.iso == "1900-01-01")
        #expect(Day.planningWindow.upperBound.iso == "2400-12-31")
        #expect(Day(civilYear: 10000, month: 1, day: 1).iso == "10000-01-01")
    }

    // MARK: 2. Quadratic cmark

    @Test func thousandsOfImageOpenersAreRefusedBeforeCmark() {
        let hostile = header + "## Notes\n\n" + String(repeating: "![[]()", count: 60_000) + "\n"
        let started = Date()
        let result = frontEnd(hostile)
        #expect(Date().timeIntervalSince(started) < 2, "the guard must answer before cmark gets the bytes")
        #expect(result.placed == ["- P003", "plan.md:8:6001 P008"])
    }

    @Test func openersSpreadOverLinesOfOneParagraphCount() {
        let lines = String(repeating: "![[]()\n", count: 1_500)
        #expect(InputLimits.excess(in: Array(("# P\n\n" + lines).utf8))?.line == 1_003)
    }

    @Test func linesThatDoNotInterruptAParagraphDoNotResetTheCount() {
        let lines = String(repeating: "#x ![[]()\n`y` ![[]()\n", count: 600)
        #expect(InputLimits.excess(in: Array(("# P\n\n" + lines).utf8)) != nil)
        let headings = String(repeating: "## H\n![[]()\n", count: 600)
        #expect(InputLimits.excess(in: Array(("# P\n\n" + headings).utf8)) == nil)
    }

    @Test func ordinaryImagesAndLinksAreUnaffected() {
        // One image per task in a 5,000-task list, and a paragraph with 500 links and images.
        var text = header + "Read [the charter](charter.md) and ![logo](logo.png).\n\n## Work\n"
        for index in 0..<5_000 { text += "- [ ] Task \(index) — 1d\n  ![shot](shot\(index).png) see [ticket](https://x/\(index))\n" }
        text += "\n## Notes\n\n" + String(repeating: "![a](b.png) [c](d) ", count: 500) + "\n"
        #expect(InputLimits.excess(in: Array(text.utf8)) == nil)
        #expect(!frontEnd(text).codes.contains("P008"))
    }

    // MARK: 3. Numbers

    @Test func moneyInEuropeanAndEnglishFormatsIsReadRightOrRefused() {
        func read(_ text: String, _ mark: Character? = nil) -> AmountReader.Reading { AmountReader.read(text, decimalMark: mark) }
        #expect(read("1,234.50") == .value(1234.5))
        #expect(read("1234.50") == .value(1234.5))
        #expect(read("1 234,50") == .value(1234.5))
        #expect(read("1.234,50") == .value(1234.5))
        #expect(read("1.234.567") == .value(1_234_567))
        #expect(read("180_000") == .value(180_000))
        #expect(read("1,5") == .value(1.5))
        #expect(read("0.125") == .value(0.125))
        if case .ambiguous = read("1.234") {} else { Issue.record("1.234 reads two ways") }
        if case .ambiguous = read("1,234") {} else { Issue.record("1,234 reads two ways") }
        #expect(read("1.234", ",") == .value(1234))
        #expect(read("1,234", ".") == .value(1234))
        #expect(read("1.234", ".") == .value(1.234))
        #expect(read("1,23,4") == .malformed)
        #expect(read("12,34.5,6") == .malformed)
    }

    @Test func moneyThroughTheFrontEnd() {
        let plan = header.replacingOccurrences(of: "- start", with: "- budget: 1.234,50 EUR\n- start")
            + "## Work\n- [ ] A — 1d cost:1,5EUR\n- [ ] B — 1d cost:1.234EUR\n"
        let result = frontEnd(plan)
        #expect(result.plan.projects[0].budget?.amount == 1234.5)
        #expect(result.task("a")?.cost?.amount == 1.5)
        #expect(result.codes == ["P118"])
        let settled = frontEnd(["plan.md": plan, "settings.md": "# S\n\n- settings: s\n- decimal-mark: comma\n"])
        #expect(settled.codes.isEmpty)
        #expect(settled.task("b")?.cost?.amount == 1234)
    }

    @Test func decimalCommasInDurationsAndPercentagesGetTheirOwnDiagnostic() {
        let result = frontEnd(header + "## Work\n- [ ] A — 2,5d 62,5%\n- [ ] B — duration:1,5w\n")
        #expect(result.placed == ["plan.md:7:11 P118", "plan.md:7:16 P118", "plan.md:8:11 P118"])
        #expect(result.diagnostics[0].hint?.contains("write 2.5d") == true)
        #expect(result.diagnostics[1].hint?.contains("62.5%") == true)
    }

    @Test func hugeOrExponentNumbersAreErrorsWithTheLimit() {
        let result = frontEnd(header + "## Work\n- [ ] A — 1e300d\n- [ ] B — 99999999d\n- [ ] C — 1d cost:1e300EUR\n")
        #expect(result.codes == ["P106", "P115", "P107"])
        #expect(result.diagnostics[1].message.contains("36,500 working days"))
        #expect(!result.codes.contains("P102"))
    }

    // MARK: 4. Which files are plans

    @Test func meetingNotesAreNotPlans() {
        let notes = [
            "# Weekly sync 2026-03-02\n\n- Project: Finance ERP rollout\n- Attendees: Dana, Omar\n\n## Actions\n- Omar: send the export\n",
            "# Kick-off\n\n- Team: finance ERP core team\n- Date: 2026-03-02\n",
            "# Minutes\n\n- project: Finance ERP rollout\n- where: room 4\n",
            "# Retro\n\n- team: everyone who joined\n",
            "# README\n\nThis repository holds our plans.\n\n- project: see crm.md\n",
            "# Notes\n\n- Calendar: Q3 planning, see the wiki\n",
        ]
        for (index, text) in notes.enumerated() {
            let result = frontEnd(["notes\(index).md": text])
            #expect(result.codes == ["P003"], "notes\(index).md: \(result.placed)")
        }
    }

    @Test func aPlanMeantAsOneStillGetsTheMisspellingWarning() {
        #expect(frontEnd(["a.md": "# A\n\n- projekt: crm\n"]).placed == ["- P003", "a.md:3:3 P007"])
        #expect(frontEnd(["a.md": "# A\n\n- Project: crm\n"]).placed == ["- P003", "a.md:3:3 P007"])
        #expect(PlanFiles.classify(key: "project", value: "crm") == .plan(.project))
        #expect(PlanFiles.classify(key: "Team", value: "finance ERP core team") == .notAPlan)
        #expect(PlanFiles.classify(key: "Team", value: "core") == .misspelled(suggestion: .team))
    }

    @Test func aKindKeyWithANameThatIsNotAnIDWarnsOnlyWhenThePlanIsMeant() {
        let team = frontEnd(["team.md": "# Team\n\n- team: IT Delivery\n\n## People\n- Dana — id:dana\n"])
        #expect(team.placed == ["- P003", "team.md:3:9 P007"])
        #expect(team.diagnostics.first { $0.code == .misspelledKind }?.hint?.contains("- team: it-delivery") == true)
        let settings = frontEnd(["s.md": "# Acme\n\n- settings: Acme IT\n- currency: EUR\n"])
        #expect(settings.codes == ["P003", "P007"])
        let minutes = frontEnd(["m.md": "# Sync\n\n- project: Finance ERP rollout\n- attendees: Dana\n\n## Actions\n- [ ] send it\n"])
        #expect(minutes.codes == ["P003"])
    }

    @Test func theRepositoryDocsAreNotPlans() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        var files: [SourceFile] = []
        for name in ["README.md", "docs/plan-language.md", "docs/diagnostics.md", "docs/scheduling.md", "docs/site.md"] {
            let url = root.appendingPathComponent(name)
            guard let data = try? Data(contentsOf: url) else { continue }
            files.append(SourceFile(path: name, bytes: Array(data)))
        }
        #expect(files.count >= 3)
        let result = FrontEnd.compile(files: files, today: Day(civilYear: 2026, month: 3, day: 1))
        #expect(result.codes == ["P003"])
    }

    @Test func editorTemporaryFilesAreNeverCandidates() {
        for name in ["plan.md.tmp.md", ".#plan.md", "plan.md~", "4913", "#plan.md#", "~$plan.md", "plan.tmp.md",
                     "plan.bak.md", "plan.orig.md", ".plan.md.swp", "plan.md.swp", ".hidden.md", "plan.md.md"] {
            #expect(!PlanFiles.isCandidate(fileName: name), "\(name)")
        }
        for name in ["plan.md", "crm.markdown", "2026-q3.md", "release-1.2.md", "README.md"] {
            #expect(PlanFiles.isCandidate(fileName: name), "\(name)")
        }
        #expect(!PlanFiles.isSearched(folder: "_site"))
        #expect(!PlanFiles.isSearched(folder: ".git"))
        #expect(PlanFiles.isSearched(folder: "projects"))
    }

    @Test func theLoaderSkipsTemporaryFilesAndReadsMarkdownExtension() throws { try withTemporaryFolder("files") { folder in
        let plan = "# P\n\n- project: p\n"
        for name in ["plan.markdown", "plan.md.tmp.md", ".#plan.md", "plan.md~", "4913"] {
            try plan.write(to: folder.appendingPathComponent(name), atomically: false, encoding: .utf8)
        }
        let loaded = Loader.load(path: folder.path)
        #expect(loaded.files.map { ($0.path as NSString).lastPathComponent } == ["plan.markdown"])
    } }

    // MARK: 5. Hints

    @Test func noSuggestionForADifferentShortWord() {
        let result = frontEnd(header + "## Work\n- [ ] CFG AR — id:cfg-ar 1d\n- [ ] Go — 1d after:cfg-ap\n")
        #expect(result.codes == ["P202"])
        #expect(result.diagnostics[0].hint?.contains("cfg-ar") == false)
        #expect(Suggest.closest(to: "afterr", among: Vocabulary.taskKeys) == "after")
        #expect(Suggest.closest(to: "data-audti", among: ["data-audit"]) == "data-audit")
        #expect(Suggest.closest(to: "ss", among: ["fs"]) == nil)
        #expect(Suggest.closest(to: "dna", among: ["dana"]) == "dana")
    }

    @Test func hintsNameThisPlansPeopleNotTheDocsExamples() {
        let team = "# Team\n\n- team: t\n\n## People\n- Kim Lee — id:kim\n"
        let result = frontEnd(["plan.md": header + "## Work\n- [ ] A — 1d owner:Kim\n\n## Risks\n- R\n  Mitigation: m\n", "team.md": team])
        let hints = result.diagnostics.compactMap(\.hint).joined(separator: "\n")
        #expect(!hints.contains("dana"))
        #expect(hints.contains("owner:@kim"))
    }

    @Test func anUnknownRiskOwnerIsOneError() {
        let result = frontEnd(["plan.md": header + "## Risks\n- R — owner:@nobody\n  Mitigation: m\n", "team.md": teamFile])
        #expect(result.codes == ["P203"])
    }

    // MARK: 6. Calendars

    @Test func aCalendarWithNoWorkingTimeInReachIsAnError() {
        let calendar = "# C\n\n- calendar: default\n\n## Holidays\n- 2026-01-01..2400-12-31 Closed\n"
        let result = frontEnd(["plan.md": header + "## Work\n- [ ] A — 1d\n", "calendar.md": calendar])
        #expect(result.placed == ["calendar.md:3:13 P407"])
    }

    @Test func aPersonOffForeverWithOpenWorkIsAnError() {
        let team = "# Team\n\n- team: t\n\n## People\n- Dana — id:dana off:2026-01-01..2400-12-31\n- Omar — id:omar off:2026-01-01..2400-12-31\n"
        let result = frontEnd(["plan.md": header + "## Work\n- [ ] A — 1d @dana\n- [x] B — 1d @omar\n", "team.md": team])
        #expect(result.placed == ["team.md:6:3 P407"])
        #expect(result.diagnostics[0].notes.first?.range?.file == "plan.md")
    }

    // MARK: 7. Wording

    @Test func aLongCycleIsOneShortHeadline() {
        var text = header + "## Work\n"
        let count = 5_000
        for index in 0..<count { text += "- [ ] T\(index) — 1d after:t\((index + 1) % count)\n" }
        let result = frontEnd(text)
        let cycle = result.diagnostics.first { $0.code == .dependencyCycle }
        #expect(cycle != nil)
        #expect((cycle?.message.count ?? .max) < 200)
        #expect(cycle?.message.contains("5000 dependencies") == true)
        #expect((cycle?.notes.count ?? .max) <= 21)
    }

    // MARK: 8. Docs that are true

    @Test func duplicateIssueDecisionAndObjectiveIDsAreReported() {
        let result = frontEnd(header + "## Objectives\n- O — id:o\n- P — id:o\n\n## Issues\n- I — id:i\n- J — id:i\n\n## Decisions\n- Go\n- Go\n")
        #expect(result.codes == ["P201", "P201", "P201"])
    }

    @Test func everyAttributeLoweringAcceptsIsInTheReference() throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("docs/plan-language.md")
        let reference = try String(contentsOf: url, encoding: .utf8)
        let keys = Vocabulary.projectKeys + Vocabulary.partKeys + Vocabulary.teamKeys + Vocabulary.calendarKeys
            + Vocabulary.settingsKeys + Vocabulary.taskKeys + Vocabulary.packageKeys + Vocabulary.taskWords
            + Vocabulary.riskKeys + Vocabulary.issueKeys + Vocabulary.decisionKeys + Vocabulary.objectiveKeys
            + Vocabulary.personKeys + Vocabulary.poolKeys
        for key in Set(keys).sorted() {
            #expect(reference.contains("`\(key)") || reference.contains("`- \(key):"), "'\(key)' is not in docs/plan-language.md")
        }
    }
}
