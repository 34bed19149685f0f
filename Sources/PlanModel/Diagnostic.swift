public enum Severity: String, Sendable, Hashable, Comparable {
    case note, warning, error

    private var rank: Int { self == .note ? 0 : self == .warning ? 1 : 2 }
    public static func < (a: Severity, b: Severity) -> Bool { a.rank < b.rank }
}

/// One problem found in the plan, as plain data. Writers turn it into text for people, JSON for
/// tools or GitHub workflow commands; the phases that find problems never format them.
public struct Diagnostic: Hashable, Sendable {
    public struct Note: Hashable, Sendable {
        public var message: String
        public var range: SourceRange?
        public init(_ message: String, at range: SourceRange? = nil) {
            self.message = message; self.range = range
        }
    }

    /// A quick fix as data (swift-docc's `Solution`): replace `range` with `replacement`. An
    /// editor or code scanning applies it; people read the same fix in the hint.
    public struct FixIt: Hashable, Sendable {
        /// What the fix does, in a few words: "replace 'afterr' with 'after'".
        public var message: String
        public var range: SourceRange
        public var replacement: String
        public init(_ message: String, replacing range: SourceRange, with replacement: String) {
            self.message = message; self.range = range; self.replacement = replacement
        }
    }

    public var code: DiagnosticCode
    public var severity: Severity
    /// A terse headline, without a trailing period.
    public var message: String
    /// Where it happened; nil only for problems with no place (an empty plan folder).
    public var range: SourceRange?
    public var notes: [Note]
    /// What to do about it.
    public var hint: String?
    /// Edits that fix it, when one fix is likely ("did you mean …?").
    public var fixIts: [FixIt]

    public init(_ code: DiagnosticCode, _ message: String, at range: SourceRange?,
                severity: Severity? = nil, notes: [Note] = [], hint: String? = nil, fixIts: [FixIt] = []) {
        self.code = code
        self.severity = severity ?? code.defaultSeverity
        self.message = message
        self.range = range
        self.notes = notes
        self.hint = hint
        self.fixIts = fixIts
    }
}

/// The diagnostics of one run, in the order they were found. Every phase appends and goes on.
public struct DiagnosticBag: Sendable {
    public private(set) var items: [Diagnostic] = []
    public init() {}
    public mutating func append(_ diagnostic: Diagnostic) { items.append(diagnostic) }
    public mutating func append(contentsOf other: [Diagnostic]) { items.append(contentsOf: other) }
    public mutating func report(_ code: DiagnosticCode, _ message: String, at range: SourceRange?,
                                notes: [Diagnostic.Note] = [], hint: String? = nil, fixIts: [Diagnostic.FixIt] = []) {
        items.append(Diagnostic(code, message, at: range, notes: notes, hint: hint, fixIts: fixIts))
    }
    public var errorCount: Int { items.reduce(0) { $0 + ($1.severity == .error ? 1 : 0) } }
    public var warningCount: Int { items.reduce(0) { $0 + ($1.severity == .warning ? 1 : 0) } }
    public var hasErrors: Bool { items.contains { $0.severity == .error } }

    /// Sorted by file, position and code: the order people read them in, independent of the order
    /// in which phases ran.
    public var sorted: [Diagnostic] {
        items.enumerated().sorted { a, b in
            switch (a.element.range, b.element.range) {
            case let (x?, y?) where x != y: return x < y
            case (nil, _?): return true
            case (_?, nil): return false
            default:
                if a.element.code != b.element.code { return a.element.code.rawValue < b.element.code.rawValue }
                return a.offset < b.offset
            }
        }.map(\.element)
    }
}

extension Diagnostic.FixIt {
    /// "Did you mean": replaces the misspelled `word`, which stands `offset` characters into the
    /// one-line `range`, with `replacement`. Nil when the range spans lines or is too short to
    /// hold the word there: a fix whose place is not certain is no fix.
    public static func replacing(_ word: String, at offset: Int, in range: SourceRange, with replacement: String) -> Diagnostic.FixIt? {
        guard range.start.line == range.end.line, offset >= 0,
              range.end.column - range.start.column >= offset + word.count else { return nil }
        return Diagnostic.FixIt("replace '\(word)' with '\(replacement)'",
                                replacing: SourceRange(file: range.file, line: range.start.line,
                                                       column: range.start.column + offset, length: word.count),
                                with: replacement)
    }

    /// The same for `value` written last in `range`, which holds either the value alone or
    /// `key:value` (a quoted value is neither, and gets no fix). `word` is the part of the value
    /// to replace, `wordOffset` characters into it (the id after `@`, say).
    public static func replacing(_ word: String, at wordOffset: Int = 0, inValue value: String, key: String,
                                 in range: SourceRange, with replacement: String) -> Diagnostic.FixIt? {
        guard range.start.line == range.end.line else { return nil }
        let width = range.end.column - range.start.column
        let valueOffset: Int
        if width == value.count { valueOffset = 0 }
        else if width == key.count + 1 + value.count { valueOffset = key.count + 1 }
        else { return nil }
        return replacing(word, at: valueOffset + wordOffset, in: range, with: replacement)
    }
}
