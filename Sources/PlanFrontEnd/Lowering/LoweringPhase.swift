import PlanModel

/// Phase 3, lower: syntax of all plan files becomes one `Plan`. Problems become diagnostics and
/// the offending piece is left out; lowering never stops early, so one run reports everything.
///
/// Two steps, as a compiler declares before it binds: first every file is read in the order its
/// declarations are needed (calendars, settings, teams, then projects and their `part-of` files),
/// leaving references to tasks and people unbound; then `NameResolution` binds them all against
/// the complete symbol tables, so file order never decides whether a name is known.
public enum Lowering {
    public static func lower(_ files: [FileSyntax], today: Day) -> (plan: Plan, diagnostics: [Diagnostic]) {
        var context = LoweringContext(today: today)
        context.lowerFiles(files)
        NameResolution.bind(&context)
        return (context.plan, context.allDiagnostics)
    }
}

extension LoweringContext {
    /// The declaration step: every file once, in the order the later ones depend on.
    mutating func lowerFiles(_ files: [FileSyntax]) {
        plan.files = files.map(\.path)
        var defaultCalendar = CalendarSpec(name: "default")
        defaultCalendar.range = nil
        plan.calendars = [defaultCalendar]
        // Calendars first: amounts in hours need a calendar's working day to become days.
        for file in files where file.kind == .calendar { lowerCalendar(file) }
        resolveCalendarBases(files.filter { $0.kind == .calendar })
        // Settings before projects: they give projects their default currency and tracking.
        for file in files where file.kind == .settings { lowerSettings(file) }
        // Teams before projects: `@id` names a person or pool, and duplicates are dropped here.
        for file in files where file.kind == .team { lowerTeam(file) }
        lowerProjects(files)
    }

    /// Projects first, so `part-of` files can find theirs whatever the path order; a project's
    /// tasks, from all its files, then form one contiguous slice of `plan.tasks`.
    mutating func lowerProjects(_ files: [FileSyntax]) {
        let projectKey = Vocabulary.kindKey(.project), partKey = Vocabulary.kindKey(.partOf)
        var partsByProject: [Int: [FileSyntax]] = [:]
        var projectFiles: [FileSyntax] = []
        for file in files where file.kind == .project {
            guard Slug.isValid(file.name) else {
                diagnostics.report(.missingValue, "project id '\(file.name)' is not a valid id", at: file.nameRange,
                                   hint: "use letters, digits, '-', '_' or '.', for example `- \(projectKey): \(Slug.make(file.title).isEmpty ? "ID" : Slug.make(file.title))`")
                continue
            }
            if let existing = declarations.projects[file.name] {
                diagnostics.report(.duplicateID, "project id '\(file.name)' is already used", at: file.nameRange,
                                   notes: [.init("first defined here", at: plan.projects[existing].range)],
                                   hint: "give each project its own id; continue a project in another file with `- \(partKey): \(file.name)`")
                continue
            }
            declarations.projects[file.name] = plan.projects.count
            plan.projects.append(Project(id: file.name, title: file.title, range: file.nameRange, file: file.path))
            projectFiles.append(file)
        }
        for file in files where file.kind == .partOf {
            if let project = declarations.projects[file.name] {
                partsByProject[project, default: []].append(file)
            } else {
                diagnostics.report(.unknownProject, "no project has the id '\(file.name)'", at: file.nameRange,
                                   hint: Suggest.hint(for: file.name, among: Array(declarations.projects.keys).sorted())
                                       ?? "a `\(partKey):` file continues a project defined with `- \(projectKey): ID`")
            }
        }
        for (index, file) in projectFiles.enumerated() {
            let first = plan.tasks.count
            lowerProjectMetadata(file, project: index)
            lowerSections(file, project: index)
            for part in partsByProject[index] ?? [] {
                for item in part.metadata.dropFirst() {
                    diagnostics.report(.unknownKey, "'\(item.key)' is not read in a `\(partKey)` file", at: item.keyRange,
                                       hint: "set project metadata in the project's main file, \(file.path)")
                }
                plan.projects[index].partFiles.append(part.path)
                if !part.description.isEmpty {
                    plan.projects[index].notes += (plan.projects[index].notes.isEmpty ? "" : "\n\n") + part.description
                    appendNotes(part.description, from: part.path, project: index)
                }
                lowerSections(part, project: index)
            }
            plan.projects[index].taskRange = first..<plan.tasks.count
        }
    }
}
