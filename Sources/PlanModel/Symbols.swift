/// A name the plan declares once and may write in many places: what editors navigate and rename.
public enum SymbolRef: Hashable, Sendable {
    case task(Int)
    case resource(ResourceRef)
    case calendar(Int)
    case risk(project: Int, index: Int)
}

/// One place a symbol's id is written, with the range of the id token alone: `data-audit` in
/// `after:data-audit+2d`, `omar` in `@omar:50%`, `erp-go-live` in `after:erp/erp-go-live`. Lowering
/// records them as it declares and binds names, so tools never re-read the Markdown to find them.
public struct SymbolOccurrence: Hashable, Sendable {
    public enum Role: Hashable, Sendable {
        /// The id as declared: the value of `id:x`, a calendar file's name.
        case definition
        /// A declaration without an id token: the id is derived from this title, so a rename
        /// adds an `id:` rather than touching the title.
        case title
        /// A use of the id (a dependency, an assignment, an owner, `tasks:`, `calendar:`).
        case reference
    }

    public var symbol: SymbolRef
    public var role: Role
    public var range: SourceRange

    public init(symbol: SymbolRef, role: Role, range: SourceRange) {
        self.symbol = symbol; self.role = role; self.range = range
    }
}

extension SourceRange {
    /// The last `characters` of a range on one line: where the value of `key:value` or the id of
    /// `@id` sits in its token. Ids never hold spaces, so they are never quoted.
    public func suffix(characters: Int) -> SourceRange {
        SourceRange(file: file, start: SourceLocation(line: end.line, column: max(end.column - characters, start.column)), end: end)
    }

    /// `characters` characters from `offset` characters after the start of a range on one line.
    public func slice(from offset: Int, characters: Int) -> SourceRange {
        SourceRange(file: file, line: start.line, column: start.column + offset, length: characters)
    }
}
