/// A Markdown block as cmark saw it. Positions are cmark's: 1-based lines, 1-based UTF-8 byte
/// columns, inclusive ends (and sometimes off: a list closed by a blank line can end at column 0).
public struct MarkdownNode: Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
        case document, blockQuote, list(ordered: Bool), item, codeBlock, htmlBlock
        case paragraph, heading(level: Int), thematicBreak, other
    }

    public var kind: Kind
    public var startLine: Int
    public var startColumn: Int
    public var endLine: Int
    public var endColumn: Int
    public var parent: Int?
    public var firstChild: Int?
    public var nextSibling: Int?
    /// Lists only: whether cmark judged the list tight.
    public var isTight = false
    /// Fenced code blocks only: the info string.
    public var info: String?

    public init(kind: Kind, startLine: Int, startColumn: Int, endLine: Int, endColumn: Int) {
        self.kind = kind; self.startLine = startLine; self.startColumn = startColumn
        self.endLine = endLine; self.endColumn = endColumn
    }
}

/// The block structure of one document in an array (an arena), with index links between nodes.
/// Index 0 is the document. Flat storage keeps very deep nesting from recursing anywhere.
public struct MarkdownTree: Sendable {
    public var nodes: [MarkdownNode]

    public init(nodes: [MarkdownNode]) { self.nodes = nodes }

    public subscript(index: Int) -> MarkdownNode { nodes[index] }

    /// Children of `index` in document order.
    public func children(of index: Int) -> ChildSequence { ChildSequence(tree: self, first: nodes[index].firstChild) }

    public struct ChildSequence: Sequence, IteratorProtocol {
        let tree: MarkdownTree
        var upcoming: Int?
        init(tree: MarkdownTree, first: Int?) { self.tree = tree; self.upcoming = first }
        public mutating func next() -> Int? {
            guard let current = upcoming else { return nil }
            upcoming = tree.nodes[current].nextSibling
            return current
        }
    }

    /// Depth of `index` below the document (walks parents; used only for limits).
    public func depth(of index: Int) -> Int {
        var depth = 0
        var current = nodes[index].parent
        while let parent = current { depth += 1; current = nodes[parent].parent }
        return depth
    }
}
