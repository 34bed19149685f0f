import PlanFrontEnd
import PlanModel

/// `planc journal add`: a new dated entry at the end of a project's journal.
public struct JournalEntryRequest: Sendable, Equatable {
    public var date: Day
    public var rating: Rating?
    public var headline: String
    /// The entry's text, lines separated by "\n" (written with the file's line ending).
    public var text: String?
    /// A project id; nil when the plan has one project.
    public var project: String?
    /// The dimensions' ratings, `schedule:amber cost:green …`, as `planc status` prints them.
    public var ratings: String?

    public init(date: Day, rating: Rating?, headline: String, text: String? = nil, project: String? = nil, ratings: String? = nil) {
        self.date = date; self.rating = rating; self.headline = headline; self.text = text; self.project = project
        self.ratings = ratings
    }

    /// `### 2026-09-18 — amber — Go-live date holds — schedule:amber cost:green`.
    var heading: String {
        let dimensions = ratings.map(\.trimmingSpacesAndTabs).flatMap { $0.isEmpty ? nil : [$0] } ?? []
        return "### " + ([date.iso] + (rating.map { [$0.rawValue] } ?? []) + [headline] + dimensions).joined(separator: " — ")
    }
}

enum JournalEdit {
    /// The insertion that adds `entry` after the last non-blank line of the journal section of
    /// `syntax`, with one blank line before it; or, when the file has no journal, a new
    /// `## Journal` section at the end of the file. Lines end as the file's lines do.
    static func replacements(_ entry: JournalEntryRequest, file: SourceFile, syntax: FileSyntax) throws -> [ByteReplacement] {
        let headline = entry.headline.trimmingSpacesAndTabs
        guard !headline.isEmpty else { throw EditError("a journal entry needs a headline") }
        guard !headline.contains(where: { $0 == "\n" || $0 == "\r" }) else { throw EditError("a journal headline is one line; put the rest in --text") }
        if let ratings = entry.ratings?.trimmingSpacesAndTabs, !ratings.isEmpty {
            let words = ratings.split(separator: " ")
            guard words.allSatisfy({ $0.contains(":") }), !ratings.contains(where: { $0 == "\n" || $0 == "\r" }) else {
                throw EditError("--ratings are dimension:rating words such as 'schedule:amber cost:green', got '\(ratings)'")
            }
        }
        var request = entry
        request.headline = headline
        let eol = LineEnding.of(file.bytes).rawValue
        var body = request.heading + eol
        if let text = request.text, !text.trimmingSpacesAndTabs.isEmpty {
            let lines = text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" })
            body += lines.map { String($0) + eol }.joined()
        }
        let endsWithLineEnding = file.bytes.last == 10 || file.bytes.last == 13
        if let index = syntax.sections.firstIndex(where: { EditVocabulary.isJournalSection($0.title) }) {
            let headingLine = syntax.sections[index].range.start.line
            let sectionEnd = index + 1 < syntax.sections.count ? syntax.sections[index + 1].range.start.line - 1 : file.lineCount
            var last = sectionEnd
            while last > headingLine, file.isBlank(line: last) { last -= 1 }
            let offset = file.endIncludingLineEnding(ofLine: last)
            let atEndWithoutEnding = offset == file.bytes.count && !endsWithLineEnding && !file.bytes.isEmpty
            return [ByteReplacement(offset..<offset, (atEndWithoutEnding ? eol : "") + eol + body)]
        }
        var prefix = ""
        if !file.bytes.isEmpty {
            if !endsWithLineEnding { prefix = eol + eol } else if !file.isBlank(line: max(file.lineCount - 1, 1)) || file.lineCount < 2 { prefix = eol }
        }
        let offset = file.bytes.count
        return [ByteReplacement(offset..<offset, prefix + "## \(EditVocabulary.journalHeading)" + eol + eol + body)]
    }
}

extension String {
    var trimmingSpacesAndTabs: String {
        var text = Substring(self)
        while let first = text.first, first == " " || first == "\t" { text = text.dropFirst() }
        while let last = text.last, last == " " || last == "\t" { text = text.dropLast() }
        return String(text)
    }
}
