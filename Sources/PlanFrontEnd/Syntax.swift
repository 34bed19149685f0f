import PlanModel

// Phase 2's output: what a plan file says, with exact source ranges, before any meaning is given
// to it. The parser fills these from the cmark tree; lowering turns them into the model.

/// One space-separated token after the ` — ` of an entry line.
public struct AttributeSyntax: Sendable, Hashable {
    public enum Form: Sendable, Hashable {
        /// `key:value` (key lower-cased; quotes removed from the value).
        case keyed(key: String, value: String)
        /// `@id` or `@id:units`.
        case assignment(id: String, units: String?)
        /// `5d`, `16h`, `3w`: a work amount.
        case amount(String)
        /// `40%`.
        case percent(String)
        /// `#tag`.
        case tag(String)
        /// A bare word such as `milestone`.
        case word(String)
    }

    public var form: Form
    /// The token as written.
    public var text: String
    public var range: SourceRange
}

/// One entry: a list item `- [ ] Title — attributes`, with its notes and nested items.
public struct EntrySyntax: Sendable {
    public var checkbox: Bool?
    public var checkboxRange: SourceRange?
    /// Title with Markdown backslash escapes removed.
    public var title: String
    public var titleRange: SourceRange
    public var attributes: [AttributeSyntax]
    /// The first line after the list marker and box, as written (holidays read it whole).
    public var rawText: String
    /// Markdown beneath the first line.
    public var notes: String
    public var children: [EntrySyntax]
    /// The whole first line's text.
    public var range: SourceRange
}

/// A heading `### Title — attributes`.
public struct HeadingSyntax: Sendable {
    public var level: Int
    public var title: String
    public var titleRange: SourceRange
    public var attributes: [AttributeSyntax]
    public var rawText: String
    public var range: SourceRange
}

/// What a section holds, block by block, in order.
public enum SectionBlock: Sendable {
    case heading(HeadingSyntax)
    case list([EntrySyntax])
    /// Any other block, as Markdown.
    case text(String, SourceRange)
}

public struct SectionSyntax: Sendable {
    public var title: String
    public var range: SourceRange
    public var blocks: [SectionBlock]
    /// The whole section body as Markdown (for free-text sections).
    public var markdown: String
}

/// `- key: value` under the title.
public struct MetadataSyntax: Sendable {
    public var key: String
    public var keyRange: SourceRange
    public var value: String
    public var valueRange: SourceRange
}

public struct FileSyntax: Sendable {
    public var path: String
    public var kind: PlanFileKind
    /// The value of the kind key: the project id, team or calendar name.
    public var name: String
    public var nameRange: SourceRange
    public var title: String
    public var titleRange: SourceRange
    public var metadata: [MetadataSyntax]
    /// Markdown between the metadata and the first section.
    public var description: String
    public var sections: [SectionSyntax]
}
