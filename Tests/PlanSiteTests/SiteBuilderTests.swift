import Foundation
import PlanModel
import Testing
@testable import PlanSite

@Suite struct SiteBuilderTests {
    @Test func buildsEveryPage() throws {
        let (plan, schedule) = Fixture.make()
        let site = try Fixture.site(plan, schedule)
        #expect(site.keys.sorted() == ["404.html", "index.html", "plan.json", "projects/crm/index.html",
                                       "projects/crm/tasks.html"])
        if let dump = ProcessInfo.processInfo.environment["PLANC_SITE_DUMP"] {
            let files = site.keys.sorted().map { SiteFile(path: $0, text: site[$0]!) }
            try SiteWriter.write(files, to: dump)
        }
    }
}
