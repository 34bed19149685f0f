/// The words of the plan language that tools editing a plan file need (`planc set`, `unset`,
/// `journal add`), taken from `Vocabulary` so an edit accepts exactly what the parser reads.
public enum EditVocabulary {
    /// The `key:value` keys a task line takes.
    public static var taskKeys: [String] { Vocabulary.taskKeys }
    /// The keys a work package heading takes.
    public static var packageKeys: [String] { Vocabulary.packageKeys }
    /// Bare words a task line takes (`milestone`).
    public static var taskWords: [String] { Vocabulary.taskWords }

    /// Whether a level-2 heading names the journal (`## Journal`, `## Status journal`).
    public static func isJournalSection(_ title: String) -> Bool { Vocabulary.section(named: title) == .journal }

    /// The journal section's heading as the docs write it.
    public static var journalHeading: String { Vocabulary.Section.journal.heading }

    /// `5d`, `0.5d`, `16h`, `3w`: a well-formed work amount.
    public static func isAmount(_ text: String) -> Bool { ParserSupport.isAmount(Array(text.utf8)) }

    /// How the parser reads one attribute token (`after:x`, `40%`, `@omar`, `milestone`).
    public static func classify(_ token: String) -> AttributeSyntax.Form { FileParser.classify(ArraySlice(token.utf8)) }
}

extension EditVocabulary {
    /// Whether a level-2 heading names the work breakdown (`## Work`, `## Tasks`, `## Work breakdown`).
    public static func isWorkSection(_ title: String) -> Bool { Vocabulary.section(named: title) == .work }
}

extension EditVocabulary {
    /// The id planc derives from a title (`Stakeholder interviews (Sales)` → `stakeholder-interviews-sales`).
    public static func derivedID(_ title: String) -> String { Slug.make(title) }

    /// Whether a title token would read as an attribute and get warning P103 (`@omar`, `5d`, `40%`, `due:x`).
    public static func titleTokenLooksLikeAttribute(_ token: String) -> Bool {
        FileParser.titleTokenLooksLikeAttribute(Array(token.utf8))
    }
}
