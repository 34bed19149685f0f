import Ccmark
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Markdown plan text (notes, descriptions, journal entries) as HTML for the status pages.
public enum MarkdownHTML {
    /// cmark's safe rendering: raw HTML is dropped and dangerous link schemes are emptied,
    /// so plan text can never inject markup or scripts into a page.
    ///
    /// Images on other hosts (`![chart](https://host/x.png)`, `//host/x.png`) become plain links
    /// with their alt text: the pages fetch nothing from the network, so an image in a note can
    /// never tell a third party who read the status page and when (a tracking pixel). Relative
    /// images and `data:` images, which load nothing from elsewhere, stay images.
    public static func render(_ markdown: String) -> String {
        var bytes = Array(markdown.utf8)
        return bytes.withUnsafeMutableBufferPointer { buffer -> String in
            var empty: CChar = 0
            let base = UnsafeRawPointer(buffer.baseAddress)?.assumingMemoryBound(to: CChar.self)
            guard let root = withUnsafePointer(to: &empty, { cmark_parse_document(base ?? $0, buffer.count, CMARK_OPT_DEFAULT) }) else {
                return ""
            }
            defer { cmark_node_free(root) }
            linkRemoteImages(in: root)
            guard let html = cmark_render_html(root, CMARK_OPT_DEFAULT) else { return "" }
            defer { free(html) }
            return String(cString: html)
        }
    }

    /// Whether a browser would fetch `url` from another host: it has a scheme (other than
    /// `data:`) or is scheme-relative (`//host/...`).
    public static func isRemote(_ url: String) -> Bool {
        let trimmed = url.drop { $0 == " " || $0 == "\t" || $0 == "\n" }
        if trimmed.hasPrefix("//") || trimmed.hasPrefix("\\\\") || trimmed.hasPrefix("/\\") || trimmed.hasPrefix("\\/") { return true }
        guard let colon = trimmed.firstIndex(of: ":") else { return false }
        let scheme = trimmed[..<colon]
        // A colon after the first slash, `?` or `#` belongs to a path, not to a scheme.
        if scheme.isEmpty || scheme.contains(where: { $0 == "/" || $0 == "?" || $0 == "#" }) { return false }
        return scheme.lowercased() != "data"
    }

    private static func linkRemoteImages(in root: OpaquePointer) {
        // Collect first: changing the tree while an iterator walks it is undefined.
        var images: [OpaquePointer] = []
        guard let iterator = cmark_iter_new(root) else { return }
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator),
                  cmark_node_get_type(node) == CMARK_NODE_IMAGE else { continue }
            let url = cmark_node_get_url(node).map { String(cString: $0) } ?? ""
            if isRemote(url) { images.append(node) }
        }
        cmark_iter_free(iterator)
        for image in images {
            guard let link = cmark_node_new(CMARK_NODE_LINK) else { continue }
            cmark_node_set_url(link, cmark_node_get_url(image))
            cmark_node_set_title(link, cmark_node_get_title(image))
            // The alt text (the image's children) becomes the link text; without any, the URL.
            if cmark_node_first_child(image) == nil, let text = cmark_node_new(CMARK_NODE_TEXT) {
                cmark_node_set_literal(text, cmark_node_get_url(image))
                cmark_node_append_child(link, text)
            }
            while let child = cmark_node_first_child(image) {
                cmark_node_unlink(child)
                cmark_node_append_child(link, child)
            }
            cmark_node_insert_before(image, link)
            cmark_node_unlink(image)
            cmark_node_free(image)
        }
    }
}
