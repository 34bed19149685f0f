import Foundation
import PlanModel
import Testing
@testable import PlanSite

/// Layout rules of the built-in stylesheet that a browser would show and a golden file cannot.
@Suite struct StylesheetLayoutTests {
    /// Every `selector { declarations }` of a stylesheet, `@media` blocks flattened.
    static func rules(_ css: String) -> [(selectors: [String], declarations: String)] {
        var result: [(selectors: [String], declarations: String)] = []
        let text = css.replacingOccurrences(of: #"/\*[\s\S]*?\*/"#, with: "", options: .regularExpression)
        let pattern = try! NSRegularExpression(pattern: #"([^{}]+)\{([^{}]*)\}"#)
        for match in pattern.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
            let selectors = String(text[Range(match.range(at: 1), in: text)!])
                .split(separator: ",").map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
            result.append((selectors, String(text[Range(match.range(at: 2), in: text)!])))
        }
        return result
    }

    /// True when the last compound of `selector` can match `<li class="note">`.
    static func matchesNoteListItem(_ selector: String) -> Bool {
        guard let last = selector.split(whereSeparator: { " >+~".contains($0) }).last else { return false }
        let compound = String(last)
        guard compound.range(of: #"\.note(?![\w-])"#, options: .regularExpression) != nil else { return false }
        let element = compound.prefix { $0.isLetter || $0.isNumber || $0 == "*" }
        return element.isEmpty || element == "li" || element == "*"
    }

    @Test func aNoteOnTheErrorPageKeepsItsListNumber() throws {
        // The error page numbers its diagnostics in an <ol>, one <li class="SEVERITY"> each; a
        // severity "note" must not lose its list-item display (and with it its number).
        let theme = try Theme.builtIn()
        let files = try DiagnosticsPage.build(diagnostics: [
            Diagnostic(.dependencyCycle, "dependency cycle", at: SourceRange(file: "plan.md", line: 3, column: 5)),
            Diagnostic(.dependencyCycle, "see the other task", at: SourceRange(file: "plan.md", line: 9, column: 1), severity: .note),
        ], theme: theme, options: SiteOptions(today: Day(year: 2026, month: 9, day: 15)!))
        let page = String(decoding: files[0].contents, as: UTF8.self)
        #expect(page.contains("<ol class=\"diagnostics\">"))
        #expect(page.contains("<li class=\"note\">"))
        let offending = Self.rules(theme.stylesheet).filter { rule in
            rule.selectors.contains(where: Self.matchesNoteListItem) && rule.declarations.contains("display")
        }.map { $0.selectors.joined(separator: ", ") }
        #expect(offending == [], "these rules change the display of <li class=\"note\">")
    }

    @Test func theRuleCheckerSeesTheOldBug() {
        #expect(Self.matchesNoteListItem(".note"))
        #expect(Self.matchesNoteListItem("ol li.note"))
        #expect(!Self.matchesNoteListItem("span.note"))
        #expect(!Self.matchesNoteListItem("details.notes summary"))
        #expect(!Self.matchesNoteListItem(".notes"))
    }

    @Test func printsAsAnA4ReportWithPageNumbersAndARunningHeader() throws {
        let theme = try Theme.builtIn()
        #expect(theme.stylesheet.contains("size: A4;"))
        #expect(theme.stylesheet.contains("content: \"page \" counter(page) \" of \" counter(pages)"))
        let (plan, schedule) = Fixture.make()
        let page = try Fixture.site(plan, schedule)["projects/crm/index.html"]!
        #expect(page.contains("<style media=\"print\">@page { @top-left { content: \"CRM Migration — status\";"))
        #expect(page.contains("@top-right { content: \"Status as of 4 Mar 2026\";"))
        // The big Gantt gives way to each package's one-line roll-up on paper.
        let print = try #require(theme.stylesheet.components(separatedBy: "@media print {").last)
        #expect(print.contains(".gs,"))
    }

    @Test func phonesGetStackedTablesWithLabelledCells() throws {
        let theme = try Theme.builtIn()
        #expect(theme.stylesheet.contains("@media (max-width: 37.5rem)"))
        #expect(theme.stylesheet.contains("content: attr(data-label)"))
        // Every data cell of a stacked table names its column.
        for name in ["portfolio", "project"] {
            let template = try #require(theme.templates[name])
            for table in template.components(separatedBy: "stack\">").dropFirst() {
                let body = table.components(separatedBy: "</table>")[0]
                #expect(!body.contains("<td>"), "\(name): a stacked table's cell without data-label")
            }
        }
    }
}
