import PlanMarkdown
import Testing

struct CommonMarkTests {
    /// A compact dump: kind@line:column, children indented.
    func dump(_ text: String) -> String {
        let tree = CommonMark.parse(text)
        var lines: [String] = []
        var stack: [(Int, Int)] = [(0, 0)]
        while let (node, depth) = stack.popLast() {
            let value = tree[node]
            lines.append(String(repeating: "  ", count: depth) + "\(value.kind)@\(value.startLine):\(value.startColumn)")
            let children = Array(tree.children(of: node))
            for child in children.reversed() { stack.append((child, depth + 1)) }
        }
        return lines.joined(separator: "\n")
    }

    @Test func blocksWithPositionsAndNoInlines() {
        let text = "# Title\n\n- [ ] one *em*\n  - two\n\n> quote\n\n```swift\ncode\n```\n"
        #expect(dump(text) == """
        document@1:1
          heading(level: 1)@1:1
          list(ordered: false)@3:1
            item@3:1
              paragraph@3:3
              list(ordered: false)@4:3
                item@4:3
                  paragraph@4:5
          blockQuote@6:1
            paragraph@6:3
          codeBlock@8:1
        """)
        let tree = CommonMark.parse(text)
        #expect(tree.nodes.last?.info == "swift")
    }

    @Test func byteColumnsForMultibyteText() {
        // cmark counts bytes: the paragraph after "- " starts at byte 3 whatever follows.
        let tree = CommonMark.parse("- é — x\n")
        #expect(tree.nodes.map(\.startColumn) == [1, 1, 1, 3])
    }

    @Test func deepNestingDoesNotRecurse() {
        let tree = CommonMark.parse(String(repeating: ">", count: 10_000) + " x\n")
        #expect(tree.nodes.count == 10_002)
        #expect(tree.depth(of: tree.nodes.count - 1) == 10_001)
    }

    @Test func htmlIsSafeByDefault() {
        let html = MarkdownHTML.render("<script>alert(1)</script>\n\n[x](javascript:alert(1)) **b**\n")
        #expect(!html.contains("<script"))
        #expect(!html.contains("javascript:"))
        #expect(html.contains("<strong>b</strong>"))
        #expect(MarkdownHTML.render("") == "")
    }
}
