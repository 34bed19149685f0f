import Foundation
import Mustache
import PlanAnalysis
import PlanCompiler
import PlanModel
import PlanTestSupport
import Testing
@testable import PlanSite

/// `Views+Fields.swift` answers the templates' `{{key}}` lookups with hand-kept switches (fast,
/// where `Mirror` was slow). A field left out of its switch would render nothing, silently; these
/// tests make it a failure instead. They walk real views of the example sites and the site
/// fixture with `Mirror` and ask each view's `child(named:)` for every stored property:
/// - a field whose switch case is missing, or returns another field, fails;
/// - a field that is nil in every sample fails too ("no sample shows it"), so a new optional
///   field cannot slip past unchecked: give a sample a value for it;
/// - every type with a switch must be reached by the walk;
/// - every key a built-in template uses must be a field of some view (a typo renders nothing).
@Suite struct ViewFieldsTests {
    static let sourceFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Sources/PlanSite")

    /// What the walk saw: per view type, every field and the fields that were not nil somewhere.
    final class Walk {
        var fields: [String: Set<String>] = [:]
        var shown: [String: Set<String>] = [:]
        var problems: Set<String> = []

        func visit(_ value: Any) {
            guard let value = unwrapped(value) else { return }
            let mirror = Mirror(reflecting: value)
            if mirror.displayStyle == .collection {
                for element in mirror.children { visit(element.value) }
                return
            }
            guard let parent = value as? MustacheParent, mirror.displayStyle == .struct else { return }
            let type = String(describing: Swift.type(of: value))
            for child in mirror.children {
                guard let label = child.label else { continue }
                fields[type, default: []].insert(label)
                guard let field = unwrapped(child.value) else {
                    if unwrapped(parent.child(named: label)) != nil { problems.insert("\(type).\(label): nil, but child(named:) returns a value") }
                    continue
                }
                shown[type, default: []].insert(label)
                guard let answer = unwrapped(parent.child(named: label)) else {
                    problems.insert("\(type).\(label): missing from the switch in Views+Fields.swift")
                    continue
                }
                if String(reflecting: answer) != String(reflecting: field) {
                    problems.insert("\(type).\(label): the switch returns another value than the field")
                }
                visit(field)
            }
        }

        /// The value inside any number of optionals, nil when one is empty.
        func unwrapped(_ value: Any?) -> Any? {
            guard let value else { return nil }
            let mirror = Mirror(reflecting: value)
            guard mirror.displayStyle == .optional else { return value }
            return mirror.children.first.flatMap { unwrapped($0.value) }
        }
    }

    static func builders() throws -> [SiteBuilder] {
        let repository = sourceFolder.deletingLastPathComponent().deletingLastPathComponent()
        let today = Day(iso: "2026-09-15")!
        let options = SiteOptions(today: today, commit: "0000000", baseURL: "https://example.org/plans/", liveReload: true)
        var builders: [SiteBuilder] = []
        for example in ["crm-migration", "website-relaunch"] {
            let compiled = Pipeline.compile(CompileOptions(path: repository.appendingPathComponent("Examples/\(example)").path, today: today))
            let schedule = try #require(compiled.schedule)
            var exampleOptions = options
            if example == "crm-migration" {
                // Against a baseline that had every task finishing a week earlier and one task more.
                var earlier = schedule
                for index in earlier.tasks.indices {
                    earlier.tasks[index].start = earlier.tasks[index].start.adding(days: -7)
                    earlier.tasks[index].finish = earlier.tasks[index].finish.adding(days: -7)
                }
                var baselinePlan = compiled.plan
                baselinePlan.tasks[baselinePlan.tasks.count - 1].id = "since-removed"
                let analysis = Analyzer.analyze(compiled.plan, schedule)
                exampleOptions.baseline = Baseline(reference: "v1.0", commit: "1234567", day: Day(iso: "2026-06-24")!,
                                                   projects: BaselineComparison.compare(PlanSnapshot(plan: compiled.plan, schedule: schedule),
                                                                                        analysis: analysis,
                                                                                        baseline: PlanSnapshot(plan: baselinePlan, schedule: earlier)))
            }
            if example == "crm-migration" {
                // What moved since the last report: the finish (no row to link) and a milestone.
                let milestone = try #require(compiled.plan.tasks.firstIndex { $0.kind == .milestone })
                let from = Day(iso: "2026-11-20")!, to = Day(iso: "2026-11-25")!
                exampleOptions.sinceLastReport = SinceLastReport(reference: "2026-09-11", commit: "7654321", day: Day(iso: "2026-09-11")!, projects: [
                    .init(moves: [ReportMove(task: nil, from: from, to: to, workingDays: 3, cause: .added(task: milestone)),
                                  ReportMove(task: milestone, from: to, to: from, workingDays: -3, cause: nil)],
                          added: [milestone], removed: ["Old task"]),
                ])
            }
            builders.append(try SiteBuilder(plan: compiled.plan, schedule: schedule, analysis: Analyzer.analyze(compiled.plan, schedule),
                                            theme: Theme.builtIn(), options: exampleOptions))
        }
        // A large plan half done: milestones folded before and after, a chunked task table.
        try withTemporaryFolder("view-fields-large") { folder in
            for (path, text) in LargePlanSiteTests.largePlan(packages: 60, tasks: 4, people: 4, done: 30) {
                try text.write(to: folder.appendingPathComponent(path), atomically: true, encoding: .utf8)
            }
            var compiled = Pipeline.compile(CompileOptions(path: folder.path, today: LargePlanSiteTests.today))
            let schedule = try #require(compiled.schedule)
            // Registers long enough to fold.
            LargePlanSiteTests.addRegisters(&compiled.plan, count: 30)
            builders.append(try SiteBuilder(plan: compiled.plan, schedule: schedule, analysis: Analyzer.analyze(compiled.plan, schedule),
                                            theme: Theme.builtIn(), options: options))
        }
        let (plan, schedule) = Fixture.make(notes: "Checked with **finance**.")
        builders.append(try SiteBuilder(plan: plan, schedule: schedule, analysis: Analyzer.analyze(plan, schedule),
                                        theme: Theme.builtIn(), options: SiteOptions(today: Fixture.today, commit: "abc1234")))
        return builders
    }

    static func walk() throws -> Walk {
        let walk = Walk()
        for builder in try builders() {
            walk.visit(builder.portfolioView())
            walk.visit(builder.layoutView(title: "t", root: "", path: "index.html", crumbs: [Crumb(label: "Portfolio", href: "./")], body: "<p>"))
            for index in builder.plan.projects.indices {
                let project = builder.projectView(index)
                walk.visit(project)
                // No example risk has notes: check that field on a copy that has some.
                if var risk = project.risks.first, risk.notesHTML == nil {
                    risk.notesHTML = "<p>Watch the vendor.</p>"
                    walk.visit(risk)
                }
                walk.visit(builder.tasksView(index))
                walk.visit(builder.taskRows(index))
            }
        }
        walk.visit(DiagnosticsPage.view([
            Diagnostic(.dependencyCycle, "dependency cycle", at: SourceRange(file: "plan.md", line: 3, column: 5), hint: "remove one"),
        ]))
        return walk
    }

    @Test func everyFieldOfEveryViewReachesTheTemplates() throws {
        let walk = try Self.walk()
        #expect(walk.problems.sorted() == [])
        var unshown: [String] = []
        for (type, fields) in walk.fields {
            for field in fields.subtracting(walk.shown[type] ?? []) { unshown.append("\(type).\(field)") }
        }
        #expect(unshown.sorted() == [], "no sample gives these fields a value, so their switch cases go unchecked")

        let source = try String(contentsOf: Self.sourceFolder.appendingPathComponent("Views+Fields.swift"), encoding: .utf8)
        let switched = Set(source.split(separator: "\n").compactMap { line -> String? in
            guard line.hasPrefix("extension "), line.hasSuffix(": MustacheParent {") else { return nil }
            return String(line.dropFirst("extension ".count).dropLast(": MustacheParent {".count))
        })
        #expect(switched.count > 10)
        #expect(switched.subtracting(walk.fields.keys).sorted() == [], "views with a switch that no sample reaches")
    }

    @Test func everyKeyATemplateUsesIsAField() throws {
        let walk = try Self.walk()
        let known = walk.fields.values.reduce(into: Set<String>()) { $0.formUnion($1) }
        var unknown: [String] = []
        for name in Theme.templateNames {
            let text = try String(contentsOf: Self.sourceFolder.appendingPathComponent("Templates/\(name).mustache"), encoding: .utf8)
            for key in Self.keys(in: text) where !known.contains(key) { unknown.append("\(name).mustache: {{\(key)}}") }
        }
        #expect(unknown == [])
    }

    /// Names a template looks up: `{{a}}`, `{{{a}}}`, `{{#a}}`, `{{^a}}`, `{{/a}}`, each part of
    /// `{{a.b}}`; not comments, partials or `{{.}}`.
    static func keys(in template: String) -> [String] {
        var keys: [String] = []
        var rest = Substring(template)
        while let open = rest.range(of: "{{") {
            rest = rest[open.upperBound...]
            guard let close = rest.range(of: "}}") else { break }
            var tag = rest[..<close.lowerBound].trimmingCharacters(in: .whitespaces)
            rest = rest[close.upperBound...]
            if tag.hasPrefix("{") { tag = String(tag.dropFirst()) }
            guard let first = tag.first, first != "!", first != ">", first != "=" else { continue }
            if "#^/&".contains(first) { tag = String(tag.dropFirst()).trimmingCharacters(in: .whitespaces) }
            if tag == "." { continue }
            keys += tag.split(separator: ".").map(String.init)
        }
        return keys
    }

    @Test func keysAreReadFromTags() {
        #expect(Self.keys(in: "{{a}} {{{b}}} {{#c}}{{.}}{{/c}} {{^d.e}} {{! note}} {{> part}}") == ["a", "b", "c", "c", "d", "e"])
    }
}
