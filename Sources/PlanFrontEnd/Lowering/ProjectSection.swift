import Foundation
import PlanModel

/// A project file's metadata, and the sections of a project (in its own file or a `part-of`
/// file) that describe it rather than its work: objectives, scope, success criteria, outcome,
/// lessons and notes. The work breakdown and the registers have files of their own.
extension LoweringContext {
    // MARK: Project metadata

    mutating func lowerProjectMetadata(_ file: FileSyntax, project index: Int) {
        var project = plan.projects[index]
        project.description = file.description
        project.tracksActuals = plan.settings.tracksActuals
        var seen: [String: SourceRange] = [:]
        var budgetText: MetadataSyntax?
        for item in file.metadata.dropFirst() {
            if let first = seen[item.key] {
                diagnostics.report(.repeatedAttribute, "'\(item.key)' is given twice; the first one counts", at: item.keyRange,
                                   notes: [.init("first given here", at: first)], hint: "remove one of them")
                continue
            }
            seen[item.key] = item.keyRange
            let value = item.value
            switch item.key {
            case "owner":
                // Text names someone outside the team files; `@id` is bound to a person later,
                // who then gives the name.
                project.ownerName = value
                if value.hasPrefix("@") {
                    references.owners.append(OwnerReference(of: .project(index), written: value, range: item.valueRange))
                }
            case "sponsor": project.sponsor = value
            case "stakeholders":
                project.stakeholders = value.split(separator: ",").map { String($0).trimmingSpaces }.filter { !$0.isEmpty }
            case "start": project.start = values.date(value, at: item.valueRange, what: "start")
            case "deadline": project.deadline = values.date(value, at: item.valueRange, what: "deadline")
            case "budget": budgetText = item
            case "currency":
                if let code = currencyCode(value, at: item.valueRange) { project.currency = code }
            case "phase": project.phase = values.choice(ProjectPhase.self, value, key: "phase", at: item.valueRange, what: "phase")
            case "calendar": project.calendarIndex = calendarReference(value, at: item.valueRange) ?? 0
            case "tracks-actuals": project.tracksActuals = values.yesNo(value, at: item.valueRange, what: "tracks-actuals") ?? project.tracksActuals
            default: unknownMetadata(item, allowed: Vocabulary.projectKeys)
            }
        }
        if let item = budgetText, let (money, _) = values.money(item.value, at: item.valueRange, what: "budget",
                                                                  defaultCurrency: project.currency ?? plan.settings.currency) {
            project.budget = money
            if project.currency == nil { project.currency = money.currency }
        }
        if project.currency == nil { project.currency = plan.settings.currency }
        if let start = project.start, let deadline = project.deadline, deadline < start {
            diagnostics.report(.deadlineBeforeStart, "deadline \(deadline) is before the project start \(start)",
                               at: file.metadata.first { $0.key == "deadline" }?.valueRange,
                               hint: "check both dates")
        }
        plan.projects[index] = project
    }
    /// One file's notes join the last entry when it is from the same file (a description and a
    /// `Notes` section of one `part-of` file read as one block).
    mutating func appendNotes(_ markdown: String, from file: String, project: Int) {
        if let last = plan.projects[project].notesByFile.last, last.file == file {
            plan.projects[project].notesByFile[plan.projects[project].notesByFile.count - 1].markdown = last.markdown + "\n\n" + markdown
        } else {
            plan.projects[project].notesByFile.append(FileNotes(file: file, markdown: markdown))
        }
    }

    // MARK: Sections

    /// Every section of a project or `part-of` file, each to the reader of its kind.
    mutating func lowerSections(_ file: FileSyntax, project: Int) {
        for section in file.sections {
            guard let kind = Vocabulary.section(named: section.title) else {
                unknownSection(section, in: .project)
                continue
            }
            switch kind {
            case .objectives:
                plan.projects[project].objectives += objectives(section, after: plan.projects[project].objectives, what: "objective")
            case .successCriteria:
                plan.projects[project].successCriteria += objectives(section, after: plan.projects[project].successCriteria,
                                                                     what: "success criterion")
            case .scope:
                lowerScope(section, project: project)
            case .inScope:
                plan.projects[project].scopeIn += entries(of: section).map(\.title)
            case .outOfScope:
                plan.projects[project].scopeOut += entries(of: section).map(\.title)
            case .work:
                lowerWork(section, project: project)
            case .risks:
                for entry in entries(of: section) { lowerRisk(entry, project: project) }
            case .issues:
                for entry in entries(of: section) { lowerIssue(entry, project: project) }
            case .decisions:
                for entry in entries(of: section) { lowerDecision(entry, project: project) }
            case .journal:
                lowerJournal(section, project: project)
            case .outcome:
                plan.projects[project].outcome += section.markdown
            case .lessons:
                plan.projects[project].lessons += entries(of: section).map { $0.notes.isEmpty ? $0.rawText : $0.rawText + "\n\n" + $0.notes }
            case .notes:
                let notes = plan.projects[project].notes
                plan.projects[project].notes = notes.isEmpty ? section.markdown : notes + "\n\n" + section.markdown
                appendNotes(section.markdown, from: file.path, project: project)
            case .people, .pools, .holidays:
                diagnostics.report(.unknownSection, "'\(section.title)' belongs in a team or calendar file, not in a project",
                                   at: section.range, hint: "move it to a file that starts with `- \(Vocabulary.kindKey(.team)): NAME` or `- \(Vocabulary.kindKey(.calendar)): NAME`")
            }
        }
    }

    /// `## Objectives` and `## Success criteria`: one per item, told apart by id.
    mutating func objectives(_ section: SectionSyntax, after earlier: [Objective], what: String) -> [Objective] {
        var result: [Objective] = []
        for entry in entries(of: section) {
            var explicitID: (String, SourceRange)?
            var outcome: Objective.Result?
            for attribute in entry.attributes {
                switch attribute.form {
                case .keyed("id", let value): explicitID = (value, attribute.range)
                case .keyed("result", let value): outcome = values.choice(Objective.Result.self, value, key: "result", at: attribute.range, what: "result")
                default: unknownAttribute(attribute, allowed: Vocabulary.objectiveKeys, entry: "objective")
                }
            }
            let id = identifier(explicit: explicitID, title: entry.title, fallback: "objective-\(entry.range.start.line)")
            if let first = (earlier + result).first(where: { $0.id == id }) {
                duplicate(what, id, at: explicitID?.1 ?? entry.titleRange, first: first.range)
            }
            result.append(Objective(id: id, text: entry.title, result: outcome, notes: entry.notes, range: entry.titleRange))
        }
        return result
    }

    /// `## Scope` with `### In scope` and `### Out of scope` lists beneath it.
    mutating func lowerScope(_ section: SectionSyntax, project: Int) {
        let inScope = Vocabulary.Section.inScope.heading, outOfScope = Vocabulary.Section.outOfScope.heading
        var target: Vocabulary.Section?
        for block in section.blocks {
            switch block {
            case .heading(let heading):
                target = Vocabulary.section(named: heading.rawText)
                if target != .inScope, target != .outOfScope {
                    diagnostics.report(.unknownSection, "'\(heading.rawText)' is not a part of the scope", at: heading.range,
                                       hint: "use the headings '\(inScope)' and '\(outOfScope)'")
                    target = nil
                }
            case .list(let list):
                switch target {
                case .inScope?: plan.projects[project].scopeIn += list.map(\.title)
                case .outOfScope?: plan.projects[project].scopeOut += list.map(\.title)
                default:
                    diagnostics.report(.strayContent, "scope items need an 'In scope' or 'Out of scope' heading above them",
                                       at: list.first?.range ?? section.range, hint: "add `### \(inScope)` or `### \(outOfScope)`")
                }
            case .text(_, let range):
                diagnostics.report(.strayContent, "text inside '\(Vocabulary.Section.scope.heading)' outside a list is not read", at: range,
                                   hint: "write scope items as list items")
            }
        }
    }
}
