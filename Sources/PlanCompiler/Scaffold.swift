import Foundation
import PlanModel

/// `planc init`: a small plan repository that passes `planc check --strict`, to start from.
public enum Scaffold {
    public struct Failure: Error, Sendable { public var message: String }

    /// The files, by name, with dates placed from `start`.
    public static func files(start: Day) -> [(name: String, text: String)] {
        func day(_ offset: Int) -> String { start.adding(days: offset).iso }
        let plan = """
            # Website Refresh

            - project: web
            - owner: @alex
            - sponsor: Head of Marketing
            - start: \(start.iso)
            - deadline: \(day(55))
            - budget: 20000 EUR
            - phase: planning

            Refresh the public website: new design, faster pages, same content.

            ## Objectives
            - Pages load in under one second on a phone — id:fast
            - The new design is live before the autumn campaign — id:live

            ## Scope
            ### In scope
            - Design, templates and migration of existing pages
            ### Out of scope
            - New content and translations

            ## Work
            ### Design
            - [ ] Collect requirements — 3d @alex
            - [ ] Design mock-ups — 5d @sam after:collect-requirements
            - [ ] Design approved — milestone after:design-mock-ups due:\(day(14))

            ### Build
            - [ ] Build templates — 8d @sam after:design-approved
            - [ ] Migrate pages — 4d @alex after:build-templates
            - [ ] Go live — milestone after:migrate-pages due:\(day(45)) #launch

            ## Risks
            - Designer unavailable during the build — id:designer likelihood:low impact:high owner:@alex
              Mitigation: agree the build weeks with Sam before the work starts.

            ## Journal
            ### \(start.iso) — green — Kick-off
            Plan agreed with the sponsor.

            """
        let team = """
            # Team

            - team: web-team

            ## People
            - Alex Kim — id:alex role:"Project manager" rate:600EUR/d
            - Sam Ortiz — id:sam role:Designer rate:550EUR/d

            """
        let calendar = """
            # Calendar

            - calendar: default
            - working-days: mon-fri
            - hours-per-day: 8

            ## Holidays
            - \(start.components.year)-12-25 Christmas Day

            """
        return [("plan.md", plan), ("team.md", team), ("calendar.md", calendar)]
    }

    /// The first Monday after `today`: projects start at the beginning of a week.
    public static func defaultStart(today: Day) -> Day {
        var day = today.adding(days: 1)
        while day.weekday != .monday { day = day.adding(days: 1) }
        return day
    }

    /// Writes the files into `folder` (created if needed); refuses to overwrite anything.
    public static func write(into folder: String, start: Day?, today: Day) -> Result<[String], Failure> {
        let files = files(start: start ?? defaultStart(today: today))
        let manager = FileManager.default
        let paths = files.map { (folder as NSString).appendingPathComponent($0.name) }
        if let existing = paths.first(where: { manager.fileExists(atPath: $0) }) {
            return .failure(Failure(message: "'\(existing)' already exists; planc init never overwrites files"))
        }
        do {
            try manager.createDirectory(atPath: folder, withIntermediateDirectories: true)
            for (path, file) in zip(paths, files) {
                try Data(file.text.utf8).write(to: URL(fileURLWithPath: path), options: .withoutOverwriting)
            }
        } catch {
            return .failure(Failure(message: "cannot write into '\(folder)': \(error.localizedDescription)"))
        }
        return .success(paths)
    }
}
