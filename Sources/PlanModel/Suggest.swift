/// "Did you mean …?": the closest word by edit distance, when one is close enough to be a likely typo.
public enum Suggest {
    public static func closest(to word: String, among candidates: [String], maximumDistance: Int? = nil) -> String? {
        let limit = maximumDistance ?? max(1, min(3, word.count / 3))
        var best: (word: String, distance: Int)?
        for candidate in candidates {
            let distance = editDistance(word, candidate, limit: limit)
            guard distance <= limit, isLikelyTypo(word, candidate) else { continue }
            if best.map({ distance < $0.distance }) ?? true { best = (candidate, distance) }
        }
        return best?.word
    }

    /// A typo changes a word a little, but in a short part of an id one changed letter makes
    /// another word: `cfg-ap` (accounts payable) is not a typo of `cfg-ar`, nor `ss` of `fs`. So
    /// each `-`-separated part that differs must be at least four characters long, or differ by
    /// one inserted, dropped or swapped letter.
    public static func isLikelyTypo(_ a: String, _ b: String) -> Bool {
        let x = a.split(separator: "-", omittingEmptySubsequences: false)
        let y = b.split(separator: "-", omittingEmptySubsequences: false)
        guard x.count == y.count else { return true }
        for (p, q) in zip(x, y) where p != q {
            if min(p.count, q.count) >= 4 { continue }
            if p.count != q.count {
                guard abs(p.count - q.count) == 1, editDistance(String(p), String(q), limit: 1) == 1 else { return false }
            } else {
                let differing = zip(p, q).enumerated().filter { $0.element.0 != $0.element.1 }.map(\.offset)
                let pa = Array(p), qa = Array(q)
                guard differing.count == 2, differing[1] == differing[0] + 1,
                      pa[differing[0]] == qa[differing[1]], pa[differing[1]] == qa[differing[0]] else { return false }
            }
        }
        return true
    }

    /// Edit distance counting insertions, deletions, substitutions and swaps of neighbouring
    /// letters (optimal string alignment), with an early exit once a row exceeds `limit`.
    public static func editDistance(_ a: String, _ b: String, limit: Int) -> Int {
        let x = Array(a.unicodeScalars), y = Array(b.unicodeScalars)
        if abs(x.count - y.count) > limit { return limit + 1 }
        if x.isEmpty || y.isEmpty { return max(x.count, y.count) }
        var beforePrevious = [Int](repeating: 0, count: y.count + 1)
        var previous = Array(0...y.count)
        var current = [Int](repeating: 0, count: y.count + 1)
        for i in 1...x.count {
            current[0] = i
            var rowMinimum = current[0]
            for j in 1...y.count {
                let cost = x[i - 1] == y[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, x[i - 1] == y[j - 2], x[i - 2] == y[j - 1] {
                    current[j] = min(current[j], beforePrevious[j - 2] + 1)
                }
                rowMinimum = min(rowMinimum, current[j])
            }
            if rowMinimum > limit { return limit + 1 }
            (beforePrevious, previous, current) = (previous, current, beforePrevious)
        }
        return previous[y.count]
    }

    public static func hint(for word: String, among candidates: [String]) -> String? {
        closest(to: word, among: candidates).map { "did you mean '\($0)'?" }
    }
}
