/// The one place where text becomes HTML. Every string the site shows goes through `escape`
/// unless it is Markdown rendered by cmark's safe mode or markup this module builds itself.
public enum HTML {
    /// Escapes text for element content and for double- or single-quoted attribute values.
    /// The five characters are the ones that can end a text run or an attribute value, or start
    /// an entity; everything else (including `javascript:`) is inert once it cannot leave the
    /// value it was placed in. Links built from plan text never use it as an `href`.
    public static func escape(_ text: String) -> String {
        var needsWork = false
        for byte in text.utf8 where byte == 0x26 || byte == 0x3C || byte == 0x3E || byte == 0x22 || byte == 0x27 {
            needsWork = true
            break
        }
        guard needsWork else { return text }
        var result = ""
        result.reserveCapacity(text.utf8.count + 16)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// A fragment id built from a plan id: ids are `[A-Za-z0-9_.-]` by the language, but a
    /// derived id may hold letters of any script, which are fine in HTML ids; anything else
    /// (spaces, quotes, `#`) becomes `-` so the id stays one token and a usable `#fragment`.
    public static func anchor(_ prefix: String, _ id: String) -> String {
        var result = prefix
        for scalar in id.unicodeScalars {
            if scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || scalar == "-" || scalar == "_" || scalar == "." {
                result.unicodeScalars.append(scalar)
            } else {
                result += "-"
            }
        }
        return result
    }

    /// A path segment for a project's folder: plan ids are safe, but a folder name must never be
    /// `.`/`..` or hold a separator whatever the model contains.
    public static func pathSegment(_ id: String) -> String {
        var result = ""
        for scalar in id.unicodeScalars {
            if ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar)
                || scalar == "-" || scalar == "_" {
                result.unicodeScalars.append(scalar)
            } else {
                result += "-"
            }
        }
        return result.isEmpty ? "project" : result
    }
}

extension HTML {
    /// Turns links that point at files beside the plan (`cutover.md`, `../docs/x.md`) into plain
    /// text: those files are not part of the site, so the link would be broken there. Links with a
    /// scheme (`https:`, `mailto:`), to the site root or to a fragment stay. Works on cmark's
    /// output, whose `<a>` tags always start `<a href="` and never nest.
    public static func unlinkingRelativeLinks(_ html: String) -> String {
        rewritingRelativeLinks(html) { _ in nil }
    }

    /// Like `unlinkingRelativeLinks`, but a link for which `page` answers a site address (another
    /// plan file the site publishes) points there instead of becoming text.
    public static func rewritingRelativeLinks(_ html: String, page: (Substring) -> String?) -> String {
        guard html.contains("<a href=\"") else { return html }
        var result = ""
        var rest = Substring(html)
        while let start = rest.range(of: "<a href=\"") {
            result += rest[..<start.lowerBound]
            let afterHref = rest[start.upperBound...]
            guard let quote = afterHref.firstIndex(of: "\""), let close = afterHref[quote...].firstIndex(of: ">") else {
                result += rest[start.lowerBound...]
                return result
            }
            let target = afterHref[..<quote]
            if isRelativeFileLink(target), let href = page(target) {
                result += "<a href=\"" + escape(href) + afterHref[quote...close]
                rest = afterHref[afterHref.index(after: close)...]
            } else if isRelativeFileLink(target) {
                result += "<span class=\"plan-link\">"
                rest = afterHref[afterHref.index(after: close)...]
                if let end = rest.range(of: "</a>") {
                    result += rest[..<end.lowerBound] + "</span>"
                    rest = rest[end.upperBound...]
                }
            } else {
                result += rest[start.lowerBound...close]
                rest = afterHref[afterHref.index(after: close)...]
            }
        }
        result += rest
        return result
    }

    static func isRelativeFileLink(_ target: Substring) -> Bool {
        if target.isEmpty || target.hasPrefix("#") || target.hasPrefix("/") { return false }
        // A scheme is letters, digits, `+`, `-`, `.` before the first `:` (and before any `/`).
        if let colon = target.firstIndex(of: ":") {
            let scheme = target[..<colon]
            if !scheme.isEmpty, scheme.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "+" || $0 == "-" || $0 == "." }) {
                return false
            }
        }
        return true
    }
}
