import Ccmark
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The only code in planc that talks to libcmark.
///
/// It parses Markdown into a `MarkdownTree` of block nodes with their line and byte-column
/// positions, and renders Markdown to safe HTML. The C tree lives only inside these functions;
/// what comes out are Swift values, safe to share across threads.
///
/// Inline nodes are skipped on purpose: cmark's inline positions are unreliable (softbreaks report
/// 0:0), so the front end re-reads the raw source lines of each block instead.
public enum CommonMark {
    /// Parses `text` (valid UTF-8, without a byte order mark) with cmark's default options.
    public static func parse(_ text: String) -> MarkdownTree {
        var bytes = Array(text.utf8)
        return bytes.withUnsafeMutableBufferPointer { buffer in
            parse(UnsafeRawBufferPointer(buffer))
        }
    }

    /// Parses UTF-8 bytes; the bytes need not be NUL-terminated.
    public static func parse(_ bytes: UnsafeRawBufferPointer) -> MarkdownTree {
        var empty: CChar = 0
        let base = bytes.baseAddress?.assumingMemoryBound(to: CChar.self)
        guard let root = withUnsafePointer(to: &empty, { cmark_parse_document(base ?? $0, bytes.count, CMARK_OPT_DEFAULT) }) else {
            return MarkdownTree(nodes: [MarkdownNode(kind: .document, startLine: 1, startColumn: 1, endLine: 1, endColumn: 1)])
        }
        defer { cmark_node_free(root) }
        return convert(root)
    }

    /// Renders Markdown to HTML with cmark's safe default: raw HTML is left out and
    /// `javascript:`, `vbscript:`, `file:` and non-image `data:` links are emptied.
    public static func renderHTML(_ markdown: String) -> String {
        var bytes = Array(markdown.utf8)
        bytes.append(0)
        return bytes.withUnsafeBufferPointer { buffer -> String in
            guard let address = buffer.baseAddress else { return "" }
            let base = UnsafeRawPointer(address).assumingMemoryBound(to: CChar.self)
            guard let html = cmark_markdown_to_html(base, buffer.count - 1, CMARK_OPT_DEFAULT) else { return "" }
            defer { free(html) }
            return String(cString: html)
        }
    }

    /// The cmark library version, e.g. "0.30.2".
    public static var version: String { String(cString: cmark_version_string()) }

    private static func convert(_ root: OpaquePointer) -> MarkdownTree {
        var nodes: [MarkdownNode] = []
        nodes.reserveCapacity(256)
        // Index of the open container on top of the stack, and the last child appended to it,
        // so siblings link in O(1). An explicit stack keeps 10,000-deep quotes off the call stack.
        var stack: [(index: Int, lastChild: Int?)] = []
        guard let iterator = cmark_iter_new(root) else { return MarkdownTree(nodes: []) }
        defer { cmark_iter_free(iterator) }

        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard let node = cmark_iter_get_node(iterator) else { continue }
            let type = cmark_node_get_type(node)
            if event == CMARK_EVENT_EXIT {
                if isContainerBlock(type) { stack.removeLast() }
                continue
            }
            guard let kind = blockKind(node, type) else { continue }
            var value = MarkdownNode(
                kind: kind,
                startLine: Int(cmark_node_get_start_line(node)),
                startColumn: Int(cmark_node_get_start_column(node)),
                endLine: Int(cmark_node_get_end_line(node)),
                endColumn: Int(cmark_node_get_end_column(node)))
            if type == CMARK_NODE_LIST {
                value.isTight = cmark_node_get_list_tight(node) != 0
            }
            if type == CMARK_NODE_CODE_BLOCK, let info = cmark_node_get_fence_info(node) {
                value.info = String(cString: info)
            }
            let index = nodes.count
            if let top = stack.last {
                value.parent = top.index
                if let last = top.lastChild { nodes[last].nextSibling = index } else { nodes[top.index].firstChild = index }
                stack[stack.count - 1].lastChild = index
            }
            nodes.append(value)
            if isContainerBlock(type) {
                stack.append((index, nil))
            } else if type == CMARK_NODE_PARAGRAPH || type == CMARK_NODE_HEADING {
                // Skip the inline children: jump straight to this node's exit event.
                cmark_iter_reset(iterator, node, CMARK_EVENT_EXIT)
            }
        }
        return MarkdownTree(nodes: nodes)
    }

    private static func isContainerBlock(_ type: cmark_node_type) -> Bool {
        type == CMARK_NODE_DOCUMENT || type == CMARK_NODE_BLOCK_QUOTE || type == CMARK_NODE_LIST
            || type == CMARK_NODE_ITEM || type == CMARK_NODE_CUSTOM_BLOCK
    }

    private static func blockKind(_ node: OpaquePointer, _ type: cmark_node_type) -> MarkdownNode.Kind? {
        switch type {
        case CMARK_NODE_DOCUMENT: return .document
        case CMARK_NODE_BLOCK_QUOTE: return .blockQuote
        case CMARK_NODE_LIST: return .list(ordered: cmark_node_get_list_type(node) == CMARK_ORDERED_LIST)
        case CMARK_NODE_ITEM: return .item
        case CMARK_NODE_CODE_BLOCK: return .codeBlock
        case CMARK_NODE_HTML_BLOCK: return .htmlBlock
        case CMARK_NODE_CUSTOM_BLOCK: return .other
        case CMARK_NODE_PARAGRAPH: return .paragraph
        case CMARK_NODE_HEADING: return .heading(level: Int(cmark_node_get_heading_level(node)))
        case CMARK_NODE_THEMATIC_BREAK: return .thematicBreak
        default: return nil
        }
    }
}
