import Foundation
import PlanCompiler
import PlanImport
import PlanModel
import PlanTestSupport
import Testing

/// What the import tests share: MSPDI text wrapped around a few tasks, an import, and the
/// imported plan compiled through every phase the way `planc check --strict` does.
enum ImportSupport {
    /// A minimal MSPDI document: a standard calendar (Monday to Friday, 8 hours) and `body`.
    static func mspdi(_ body: String, title: String = "Small") -> String {
        """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Project xmlns="http://schemas.microsoft.com/project">
          <Title>\(title)</Title>
          <StartDate>2026-03-02T08:00:00</StartDate>
          <CurrencyCode>EUR</CurrencyCode>
          <CalendarUID>1</CalendarUID>
          <MinutesPerDay>480</MinutesPerDay>
          <Calendars>
            <Calendar><UID>1</UID><Name>Standard</Name><IsBaseCalendar>1</IsBaseCalendar>
              <WeekDays>
                <WeekDay><DayType>1</DayType><DayWorking>0</DayWorking></WeekDay>
                \((2...6).map { "<WeekDay><DayType>\($0)</DayType><DayWorking>1</DayWorking><WorkingTimes><WorkingTime><FromTime>08:00:00</FromTime><ToTime>12:00:00</ToTime></WorkingTime><WorkingTime><FromTime>13:00:00</FromTime><ToTime>17:00:00</ToTime></WorkingTime></WorkingTimes></WeekDay>" }.joined())
                <WeekDay><DayType>7</DayType><DayWorking>0</DayWorking></WeekDay>
              </WeekDays>
            </Calendar>
          </Calendars>
        \(body)
        </Project>
        """
    }

    static func importing(_ xml: String, name: String = "small.xml") throws -> ImportedPlan {
        try MSPDIImport.plan(from: Data(xml.utf8), sourceName: name)
    }

    /// The error an import of `xml` throws, or nil.
    static func error(_ xml: String) -> ImportError? {
        error(Data(xml.utf8))
    }

    static func error(_ data: Data) -> ImportError? {
        do {
            _ = try MSPDIImport.plan(from: data, sourceName: "bad.xml")
            return nil
        } catch {
            return error
        }
    }

    /// The imported plan written to a folder and compiled through analyze.
    static func compile(_ plan: ImportedPlan, today: String) throws -> CompiledPlan {
        try withTemporaryFolder("import") { folder in
            try ImportFolder.write(plan, to: folder.appendingPathComponent("plan").path, force: false)
            return Pipeline.compile(CompileOptions(path: folder.appendingPathComponent("plan").path, today: PlanTestSupport.day(today)))
        }
    }

    /// Errors and warnings, as `planc check --strict` fails on them (notes never fail a check).
    static func strictProblems(_ compiled: CompiledPlan) -> [String] {
        compiled.diagnostics.filter { $0.severity != .note }.map { "\($0.code.rawValue) \($0.message)" }
    }

    /// The scheduled start and finish of each task, by its title path (`Package / Task`).
    static func datesByTitlePath(_ compiled: CompiledPlan) throws -> [String: String] {
        let context = try #require(compiled.reportContext)
        let plan = compiled.plan
        var dates: [String: String] = [:]
        for (index, task) in plan.tasks.enumerated() {
            var path = [task.title]
            var parent = task.parent
            while let up = parent { path.insert(plan.tasks[up].title, at: 0); parent = plan.tasks[up].parent }
            if let slot = context.slot(index) { dates[path.joined(separator: " / ")] = "\(slot.start.iso)..\(slot.finish.iso)" }
        }
        return dates
    }
}
