import Foundation
import PlanModel

/// What lowering carries from one file to the next: the plan being built, the diagnostics, the
/// names declared so far and the references left for name resolution. Each file beside this one
/// extends it with the reader of one kind of file or section; nothing else is kept between them.
struct LoweringContext {
    let today: Day
    var plan = Plan()
    /// Problems with structure and names: unknown keys, repeats, contradictions.
    var diagnostics = DiagnosticBag()
    /// Typed values (dates, amounts, money) and their problems, kept apart and reported after the
    /// others so diagnostics keep the order they have always had.
    var values = ValueReader()
    /// Projects, people, pools and written task ids, as the files declare them.
    var declarations = Declarations()
    /// Every reference to a task or a person, bound once all files are read (`NameResolution`).
    var references = UnboundReferences()

    init(today: Day) { self.today = today }

    /// Both kinds of diagnostics, in the order they are reported.
    var allDiagnostics: [Diagnostic] { diagnostics.items + values.diagnostics.items }

    // MARK: Reading entries

    /// The entries of a section's lists; other blocks in a list section are reported, not lost.
    mutating func entries(of section: SectionSyntax) -> [EntrySyntax] {
        var result: [EntrySyntax] = []
        for block in section.blocks {
            switch block {
            case .list(let list): result += list
            case .heading(let heading):
                diagnostics.report(.strayContent, "headings inside '\(section.title)' are not read", at: heading.range,
                                   hint: "write each entry as a list item `- Title — attributes`")
            case .text(_, let range):
                diagnostics.report(.strayContent, "text inside '\(section.title)' outside a list item is not read", at: range,
                                   hint: "indent it under a list item to make it that entry's notes")
            }
        }
        return result
    }

    /// An entry's id: as written when it is valid, else derived from the title (the id rule),
    /// else a fallback naming the line, so every entry has one.
    /// Where an entry declares its id: the value of its `id:x` token, else its title.
    func declaration(of symbol: SymbolRef, explicit: (String, SourceRange)?, title: SourceRange) -> SymbolOccurrence {
        guard let (id, range) = explicit else { return SymbolOccurrence(symbol: symbol, role: .title, range: title) }
        return SymbolOccurrence(symbol: symbol, role: .definition, range: range.suffix(characters: id.count))
    }

    mutating func identifier(explicit: (String, SourceRange)?, title: String, fallback: String) -> String {
        if let (id, range) = explicit {
            if Slug.isValid(id) { return id }
            diagnostics.report(.unknownValue, "'\(id)' is not a valid id", at: range, hint: "use letters, digits, '-', '_' or '.'")
        }
        let slug = Slug.make(title)
        return slug.isEmpty ? fallback : slug
    }

    /// Risks, issues, decisions and objectives are told apart by id alone, within their project.
    mutating func duplicate(_ what: String, _ id: String, at range: SourceRange, first: SourceRange) {
        diagnostics.report(.duplicateID, "\(what) id '\(id)' is already used in this project", at: range,
                           notes: [.init("first used here", at: first)], hint: "give one of them an explicit `id:`")
    }

    mutating func currencyCode(_ value: String, at range: SourceRange) -> String? {
        if value.count == 3, value.allSatisfy({ $0.isASCII && $0.isUppercase }) { return value }
        diagnostics.report(.unknownValue, "currency '\(value)' is not a three-letter code", at: range,
                           hint: "write an ISO 4217 code such as EUR, USD or GBP")
        return nil
    }

    // MARK: What is not read

    mutating func unknownMetadata(_ item: MetadataSyntax, allowed: [String]) {
        let near = Suggest.closest(to: item.key, among: allowed)
        diagnostics.report(.unknownKey, "unknown key '\(item.key)'", at: item.keyRange,
                           hint: Suggest.hint(for: item.key, among: allowed) ?? "known keys here: \(allowed.joined(separator: ", "))",
                           fixIts: near.map { [Diagnostic.FixIt("replace '\(item.key)' with '\($0)'", replacing: item.keyRange, with: $0)] } ?? [])
    }

    /// The `key:value` attributes of an entry whose key is one of `allowed`, in order; every
    /// other attribute is reported as unknown for that kind of entry (P102).
    mutating func keyedAttributes(of entry: EntrySyntax, allowed: [String], kind: String)
        -> [(key: String, value: String, range: SourceRange)] {
        var found: [(key: String, value: String, range: SourceRange)] = []
        for attribute in entry.attributes {
            guard case .keyed(let key, let value) = attribute.form, allowed.contains(key) else {
                unknownAttribute(attribute, allowed: allowed, entry: kind)
                continue
            }
            found.append((key, value, attribute.range))
        }
        return found
    }

    mutating func unknownAttribute(_ attribute: AttributeSyntax, allowed: [String], entry: String) {
        Self.unknownAttribute(attribute, allowed: allowed, entry: entry, into: &diagnostics)
    }

    /// Static, so the pure attribute readers report the same way into their own bag.
    static func unknownAttribute(_ attribute: AttributeSyntax, allowed: [String], entry: String, into diagnostics: inout DiagnosticBag) {
        let word: String
        switch attribute.form {
        case .keyed(let key, _): word = key
        case .word(let text): word = text
        default:
            diagnostics.report(.unknownAttribute, "'\(attribute.text)' is not an attribute of a \(entry)", at: attribute.range,
                               hint: "\(entry) attributes: \(allowed.joined(separator: ", "))")
            return
        }
        let suggestion = Suggest.hint(for: word.lowercased(), among: allowed)
        // The fix replaces the written word (the key of `key:value`) at the start of the attribute.
        var fixIts: [Diagnostic.FixIt] = []
        let range = attribute.range
        if let near = Suggest.closest(to: word.lowercased(), among: allowed), range.start.line == range.end.line,
           attribute.text.count >= word.count, attribute.text.prefix(word.count).lowercased() == word.lowercased() {
            let wordRange = SourceRange(file: range.file, line: range.start.line, column: range.start.column, length: word.count)
            fixIts = [Diagnostic.FixIt("replace '\(attribute.text.prefix(word.count))' with '\(near)'", replacing: wordRange, with: near)]
        }
        diagnostics.report(.unknownAttribute, "unknown \(entry) attribute '\(word)'", at: attribute.range,
                           hint: suggestion ?? "\(entry) attributes: \(allowed.joined(separator: ", ")); if the ` — ` is part of the title, the attributes start after the last one",
                           fixIts: fixIts)
    }

    /// A section this kind of file does not read, with the sections it does read from `Vocabulary`.
    mutating func unknownSection(_ section: SectionSyntax, in kind: PlanFileKind) {
        let allowed = Vocabulary.sections(of: kind).map(\.heading)
        let suggestion = Suggest.closest(to: section.title.lowercased(), among: allowed.map { $0.lowercased() })
        // The heading as the vocabulary spells it; the range is the heading's text.
        let heading = suggestion.flatMap { near in allowed.first { $0.lowercased() == near } }
        let range = section.range
        let fix = range.start.line == range.end.line && range.end.column - range.start.column == section.title.count
            ? heading.flatMap { Diagnostic.FixIt.replacing(section.title, at: 0, in: range, with: $0) } : nil
        diagnostics.report(.unknownSection, "unknown section '\(section.title)'; its content is not read", at: section.range,
                           hint: suggestion.map { "did you mean '\($0)'?" } ?? "sections here: \(allowed.joined(separator: ", ")); put free text under `## \(Vocabulary.Section.notes.heading)`",
                           fixIts: fix.map { [$0] } ?? [])
    }
}

extension StringProtocol {
    /// Without leading and trailing whitespace of any kind (`trimmingSpaces` keeps newlines).
    var trimmingCharacters: String {
        var text = Substring(self)
        while let first = text.first, first.isWhitespace { text = text.dropFirst() }
        while let last = text.last, last.isWhitespace { text = text.dropLast() }
        return String(text)
    }
}
