import Foundation
import PlanCompiler
import PlanImport
import PlanReports
import PlanTestSupport
import Testing

/// planc → MSPDI → planc: each example exported as `planc export --format mspdi` does, imported,
/// and compiled with the same --today schedules every task on the same days, and passes strict
/// checking. What MSPDI cannot carry is listed in docs/import.md.
@Suite struct RoundTripTests {
    @Test(arguments: ["crm-migration", "website-relaunch"])
    func theImportedExampleSchedulesAsTheOriginal(example: String) throws {
        let today = "2026-09-15"
        let original = Pipeline.compile(CompileOptions(path: Repository.url("Examples/\(example)").path, today: PlanTestSupport.day(today)))
        let context = try #require(original.reportContext)
        let xml = try Exporter.render(.mspdi, context)
        let plan = try MSPDIImport.plan(from: Data(xml.utf8), sourceName: "\(example).xml")
        let imported = try ImportSupport.compile(plan, today: today)
        #expect(ImportSupport.strictProblems(imported).isEmpty, "\(ImportSupport.strictProblems(imported))")

        var before = try ImportSupport.datesByTitlePath(original)
        let after = try ImportSupport.datesByTitlePath(imported)
        // A single project's summary task becomes the imported project itself; with several,
        // each project's summary becomes a work package named after the project.
        if original.plan.projects.count > 1 {
            before = Dictionary(uniqueKeysWithValues: try original.plan.tasks.indices.compactMap { index -> (String, String)? in
                let task = original.plan.tasks[index]
                var path = [task.title]
                var parent = task.parent
                while let up = parent { path.insert(original.plan.tasks[up].title, at: 0); parent = original.plan.tasks[up].parent }
                let projectTitle = original.plan.projects[task.projectIndex].title
                guard let slot = try #require(original.reportContext).slot(index) else { return nil }
                return (([projectTitle] + path).joined(separator: " / "), "\(slot.start.iso)..\(slot.finish.iso)")
            })
        }
        #expect(before.count == original.plan.tasks.count)
        for (path, dates) in before.sorted(by: { $0.key < $1.key }) {
            #expect(after[path] == dates, "\(path)")
        }
        #expect(plan.notes.isEmpty, "\(plan.notes)")
    }
}
