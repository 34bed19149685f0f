/// Markdown plan text (notes, descriptions, journal entries) as HTML for the status pages.
public enum MarkdownHTML {
    /// cmark's safe rendering: raw HTML is dropped and dangerous link schemes are emptied,
    /// so plan text can never inject markup or scripts into a page.
    public static func render(_ markdown: String) -> String { CommonMark.renderHTML(markdown) }
}
