import Testing
import PlanMarkdown

/// Images in notes never make a reader's browser fetch anything from another host.
@Suite struct RemoteImageTests {
    @Test func remoteImagesBecomeLinksWithTheirAltText() {
        let html = MarkdownHTML.render("Before ![burn-down *chart*](https://tracker.example/p.png \"Sprint 4\") after\n")
        #expect(html == "<p>Before <a href=\"https://tracker.example/p.png\" title=\"Sprint 4\">burn-down <em>chart</em></a> after</p>\n")
        for url in ["http://h/x.png", "//h/x.png", "HTTPS://h/x.png", "ftp://h/x.png", "https://h/x.png"] {
            let rendered = MarkdownHTML.render("![x](<\(url)>)\n")
            #expect(!rendered.contains("<img"), "\(url): \(rendered)")
            #expect(rendered.contains("<a href="), "\(url): \(rendered)")
        }
        // Reference-style images and images inside links are caught too.
        let reference = MarkdownHTML.render("![pixel][p] and [![badge](https://ci.example/b.svg)](https://ci.example)\n\n[p]: https://t.example/1.gif\n")
        #expect(!reference.contains("<img"))
        #expect(reference.contains("<a href=\"https://t.example/1.gif\">pixel</a>"))
    }

    @Test func anImageWithoutAltTextShowsItsAddress() {
        #expect(MarkdownHTML.render("![](https://h.example/x.png)\n") == "<p><a href=\"https://h.example/x.png\">https://h.example/x.png</a></p>\n")
    }

    @Test func localImagesStay() {
        #expect(MarkdownHTML.render("![map](img/map.png)\n") == "<p><img src=\"img/map.png\" alt=\"map\" /></p>\n")
        #expect(MarkdownHTML.render("![dot](data:image/png;base64,iVBORw0KGgo=)\n").contains("<img src=\"data:image/png"))
        #expect(MarkdownHTML.render("![a](docs/a:b.png)\n").contains("<img"))
        #expect(MarkdownHTML.isRemote("javascript:alert(1)"))
        #expect(!MarkdownHTML.isRemote("./x.png") && !MarkdownHTML.isRemote("x?y=http://z"))
    }
}
