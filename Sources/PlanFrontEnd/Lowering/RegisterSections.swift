import Foundation
import PlanModel

/// The registers of a project: `## Risks`, `## Issues`, `## Decisions` and the `## Journal`.
/// Entries are told apart by id within their project; their owners and `tasks:` lists are left
/// to name resolution.
extension LoweringContext {
    /// One risk. `Mitigation:` and `Contingency:` lines in its notes fill those fields.
    mutating func lowerRisk(_ entry: EntrySyntax, project: Int) {
        let riskIndex = plan.projects[project].risks.count
        var explicitID: (String, SourceRange)?
        var risk = Risk(id: "", title: entry.title, range: entry.titleRange)
        var tasks: (String, SourceRange)?
        for attribute in keyedAttributes(of: entry, allowed: Vocabulary.riskKeys, kind: "risk") {
            let (key, value) = (attribute.key, attribute.value)
            switch key {
            case "id": explicitID = (value, attribute.range)
            case "likelihood": risk.likelihood = values.choice(Level.self, value, key: "likelihood", at: attribute.range, what: "likelihood")
            case "impact": risk.impact = values.choice(Level.self, value, key: "impact", at: attribute.range, what: "impact")
            case "owner":
                references.owners.append(OwnerReference(of: .risk(project: project, index: riskIndex), written: value, range: attribute.range))
                risk.ownerRange = attribute.range
            case "status": risk.status = values.choice(Risk.Status.self, value, key: "status", at: attribute.range, what: "risk status") ?? .open
            case "review": risk.review = values.date(value, at: attribute.range, what: "review date")
            case "tasks": tasks = (value, attribute.range)
            default: break
            }
        }
        let fields = labelledFields(entry.notes, labels: ["mitigation", "contingency"])
        risk.mitigation = fields.values["mitigation"]
        risk.contingency = fields.values["contingency"]
        risk.notes = fields.rest
        risk.id = registerID("risk", explicit: explicitID, entry: entry,
                             taken: plan.projects[project].risks.map { ($0.id, $0.range) })
        addTaskList(tasks, owner: .risk(project: project, index: riskIndex))
        plan.occurrences.append(declaration(of: .risk(project: project, index: riskIndex), explicit: explicitID, title: entry.titleRange))
        plan.projects[project].risks.append(risk)
    }

    mutating func lowerIssue(_ entry: EntrySyntax, project: Int) {
        let issueIndex = plan.projects[project].issues.count
        var explicitID: (String, SourceRange)?
        var issue = IssueEntry(id: "", title: entry.title, range: entry.titleRange)
        var tasks: (String, SourceRange)?
        for attribute in keyedAttributes(of: entry, allowed: Vocabulary.issueKeys, kind: "issue") {
            let (key, value) = (attribute.key, attribute.value)
            switch key {
            case "id": explicitID = (value, attribute.range)
            case "owner":
                references.owners.append(OwnerReference(of: .issue(project: project, index: issueIndex), written: value, range: attribute.range))
            case "status": issue.status = values.choice(IssueEntry.Status.self, value, key: "status", at: attribute.range, what: "issue status") ?? .open
            case "raised": issue.raised = values.date(value, at: attribute.range, what: "raised date")
            case "due": issue.due = values.date(value, at: attribute.range, what: "due date")
            case "severity": issue.severity = values.choice(Level.self, value, key: "severity", at: attribute.range, what: "severity")
            case "escalated": issue.escalated = values.date(value, at: attribute.range, what: "escalation date")
            case "tasks": tasks = (value, attribute.range)
            default: break
            }
        }
        issue.notes = entry.notes
        issue.id = registerID("issue", explicit: explicitID, entry: entry,
                              taken: plan.projects[project].issues.map { ($0.id, $0.range) })
        addTaskList(tasks, owner: .issue(project: project, index: issueIndex))
        plan.projects[project].issues.append(issue)
    }

    mutating func lowerDecision(_ entry: EntrySyntax, project: Int) {
        let decisionIndex = plan.projects[project].decisions.count
        var explicitID: (String, SourceRange)?
        var decision = Decision(id: "", title: entry.title, range: entry.titleRange)
        for attribute in keyedAttributes(of: entry, allowed: Vocabulary.decisionKeys, kind: "decision") {
            let (key, value) = (attribute.key, attribute.value)
            switch key {
            case "id": explicitID = (value, attribute.range)
            case "date": decision.date = values.date(value, at: attribute.range, what: "decision date")
            case "due": decision.due = values.date(value, at: attribute.range, what: "date the decision is needed by")
            case "status":
                decision.status = values.choice(Decision.Status.self, value, key: "status", at: attribute.range, what: "decision status") ?? .decided
            case "owner":
                references.owners.append(OwnerReference(of: .decision(project: project, index: decisionIndex), written: value,
                                                        range: attribute.range))
            default: break
            }
        }
        decision.notes = entry.notes
        decision.id = registerID("decision", explicit: explicitID, entry: entry,
                                 taken: plan.projects[project].decisions.map { ($0.id, $0.range) })
        plan.projects[project].decisions.append(decision)
    }

    /// `## Journal`: each dated level-3 heading starts an entry; the blocks below it are its text.
    mutating func lowerJournal(_ section: SectionSyntax, project: Int) {
        var current: JournalEntry?
        var texts: [String] = []
        func flush(_ plan: inout Plan) {
            if var entry = current {
                entry.text = texts.joined(separator: "\n\n")
                plan.projects[project].journal.append(entry)
            }
            current = nil
            texts = []
        }
        for block in section.blocks {
            switch block {
            case .heading(let heading):
                flush(&plan)
                current = journalEntry(heading)
            case .list(let list):
                if current != nil {
                    texts.append(list.map { "- " + $0.rawText + ($0.notes.isEmpty ? "" : "\n  " + $0.notes) }.joined(separator: "\n"))
                } else {
                    diagnostics.report(.strayContent, "journal text before the first dated heading is not read",
                                       at: list.first?.range ?? section.range, hint: "start each entry with `### YYYY-MM-DD — green|amber|red — headline`")
                }
            case .text(let markdown, let range):
                if current != nil { texts.append(markdown) } else {
                    diagnostics.report(.strayContent, "journal text before the first dated heading is not read", at: range,
                                       hint: "start each entry with `### YYYY-MM-DD — green|amber|red — headline`")
                }
            }
        }
        flush(&plan)
    }

    /// `2026-03-06 — green — Back on track`: a date, an optional rating, an optional headline,
    /// and optionally, last, the ratings the report gave each dimension:
    /// `— schedule:amber cost:green scope:green resources:green risk:amber`.
    mutating func journalEntry(_ heading: HeadingSyntax) -> JournalEntry? {
        var parts = heading.rawText.components(separatedBy: " — ").flatMap { $0.components(separatedBy: " -- ") }.map(\.trimmingSpaces)
        let range = heading.range
        guard let first = parts.first, let date = values.date(first.split(separator: " ").first.map(String.init) ?? first, at: range, what: "journal date") else {
            return nil
        }
        var rating: Rating?
        var headline = parts.dropFirst().joined(separator: " — ")
        if parts.count > 1 {
            if let value = Rating(rawValue: parts[1].lowercased()) {
                rating = value
                headline = parts.dropFirst(2).joined(separator: " — ")
            } else if let near = Suggest.closest(to: parts[1].lowercased(), among: Rating.allCases.map(\.rawValue)) {
                let fix = Self.offset(of: parts[1], in: heading, after: first.count)
                    .flatMap { Diagnostic.FixIt.replacing(parts[1], at: $0, in: range, with: near) }
                diagnostics.report(.unknownValue, "unknown rating '\(parts[1])'", at: range, hint: "did you mean '\(near)'?",
                                   fixIts: fix.map { [$0] } ?? [])
                headline = parts.dropFirst(2).joined(separator: " — ")
            }
        }
        var entry = JournalEntry(date: date, rating: rating, headline: headline, text: "", range: range)
        if parts.count > 2, let ratings = dimensionRatings(parts[parts.count - 1], at: range,
                                                                       offset: Self.offset(of: parts[parts.count - 1], in: heading, last: true)) {
            entry.ratings = ratings
            parts.removeLast()
            entry.headline = parts.dropFirst(rating == nil ? 1 : 2).joined(separator: " — ")
        }
        return entry
    }

    /// `schedule:amber cost:green`: the last part of a journal heading when every word in it is
    /// `key:value` with a key near a dimension's name; nil when it reads as headline text. An
    /// unknown dimension or rating is reported (and left out), so a typo is never silently dropped.
    /// `offset`: where `text` stands in `range`, in characters, for the fix-its.
    mutating func dimensionRatings(_ text: String, at range: SourceRange, offset: Int? = nil) -> [HealthDimension: Rating]? {
        let words = text.split(separator: " ").map(String.init)
        // Where each word starts in `range`, when `offset` is known.
        var wordOffsets: [Int?] = []
        var position = 0
        for piece in text.split(separator: " ", omittingEmptySubsequences: false) {
            if !piece.isEmpty { wordOffsets.append(offset.map { $0 + position }) }
            position += piece.count + 1
        }
        let names = HealthDimension.allCases.map(\.rawValue)
        let pairs = words.compactMap { word -> (String, String)? in
            guard let colon = word.firstIndex(of: ":"), colon != word.startIndex else { return nil }
            return (word[..<colon].lowercased(), String(word[word.index(after: colon)...]).lowercased())
        }
        guard !words.isEmpty, pairs.count == words.count,
              pairs.allSatisfy({ names.contains($0.0) || Suggest.closest(to: $0.0, among: names) != nil }) else { return nil }
        var ratings: [HealthDimension: Rating] = [:]
        for ((key, value), (word, wordOffset)) in zip(pairs, zip(words, wordOffsets)) {
            // The key and value as written (the pairs are lower-cased), and where each stands.
            let writtenKey = String(word.prefix(key.count)), writtenValue = String(word.dropFirst(key.count + 1))
            guard let dimension = HealthDimension(rawValue: key) else {
                let near = Suggest.closest(to: key, among: names) ?? names[0]
                let fix = wordOffset.flatMap { Diagnostic.FixIt.replacing(writtenKey, at: $0, in: range, with: near) }
                diagnostics.report(.unknownAttribute, "unknown rating dimension '\(key)' in the journal heading", at: range,
                                   hint: "did you mean '\(near)'? The dimensions are \(names.joined(separator: ", "))",
                                   fixIts: fix.map { [$0] } ?? [])
                continue
            }
            guard let rating = Rating(rawValue: value) else {
                let closest = Suggest.closest(to: value, among: Rating.allCases.map(\.rawValue))
                let near = closest.map { "did you mean '\($0)'? " } ?? ""
                let fix = wordOffset.flatMap { start in
                    closest.flatMap { Diagnostic.FixIt.replacing(writtenValue, at: start + key.count + 1, in: range, with: $0) }
                }
                diagnostics.report(.unknownValue, "unknown rating '\(value)' for \(key)", at: range,
                                   hint: near + "a rating is green, amber or red", fixIts: fix.map { [$0] } ?? [])
                continue
            }
            if ratings[dimension] != nil {
                diagnostics.report(.repeatedAttribute, "\(key) is rated twice in the journal heading", at: range,
                                   hint: "give each dimension one rating; the first one counts")
                continue
            }
            ratings[dimension] = rating
        }
        return ratings
    }

    /// Splits `Mitigation: …` style lines out of notes; a field runs until a blank line or the next label.
    func labelledFields(_ notes: String, labels: [String]) -> (values: [String: String], rest: String) {
        var values: [String: String] = [:]
        var rest: [Substring] = []
        var current: String?
        for line in notes.split(separator: "\n", omittingEmptySubsequences: false) {
            let trimmed = line.drop { $0 == " " || $0 == "\t" }
            if let colon = trimmed.firstIndex(of: ":"), labels.contains(trimmed[..<colon].lowercased()) {
                let label = trimmed[..<colon].lowercased()
                current = label
                values[label] = String(trimmed[trimmed.index(after: colon)...]).trimmingSpaces
            } else if trimmed.isEmpty {
                current = nil
                rest.append(line)
            } else if let field = current {
                values[field, default: ""] += " " + String(trimmed).trimmingSpaces
            } else {
                rest.append(line)
            }
        }
        return (values, rest.joined(separator: "\n").trimmingCharacters)
    }
}

extension LoweringContext {
    /// The id of a register entry (risk, issue, decision): written, else derived from its title,
    /// else its line; a second entry of the same kind with it is reported at the second.
    mutating func registerID(_ kind: String, explicit: (String, SourceRange)?, entry: EntrySyntax,
                             taken: [(id: String, range: SourceRange)]) -> String {
        let id = identifier(explicit: explicit, title: entry.title, fallback: "\(kind)-\(entry.range.start.line)")
        if let first = taken.first(where: { $0.id == id }) {
            duplicate(kind, id, at: explicit?.1 ?? entry.titleRange, first: first.range)
        }
        return id
    }

    /// Where `part` (one trimmed part of a journal heading) stands in the heading's range, in
    /// characters: the first time after `after` characters, or the last time. Nil unless the
    /// range holds the heading's text exactly.
    static func offset(of part: String, in heading: HeadingSyntax, after: Int = 0, last: Bool = false) -> Int? {
        let range = heading.range, text = heading.rawText
        guard range.start.line == range.end.line, range.end.column - range.start.column == text.count,
              after <= text.count else { return nil }
        let start = text.index(text.startIndex, offsetBy: after)
        guard let found = text.range(of: part, options: last ? .backwards : [], range: start..<text.endIndex) else { return nil }
        return text.distance(from: text.startIndex, to: found.lowerBound)
    }

    /// Keeps a `tasks:a,b` list to bind once every task is known.
    mutating func addTaskList(_ tasks: (String, SourceRange)?, owner: TaskListReference.Owner) {
        guard let (value, range) = tasks else { return }
        let width = range.start.line == range.end.line ? range.end.column - range.start.column : -1
        let valueOffset = width == value.count ? 0 : width == "tasks:".count + value.count ? "tasks:".count : nil
        var names: [String] = [], offsets: [Int?] = []
        var position = 0
        for part in value.split(separator: ",", omittingEmptySubsequences: false) {
            if !part.isEmpty { names.append(String(part)); offsets.append(valueOffset.map { $0 + position }) }
            position += part.count + 1
        }
        references.taskLists.append(TaskListReference(owner: owner, references: names, offsets: offsets, range: range))
    }
}
