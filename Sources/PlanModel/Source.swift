/// A place in a plan file: 1-based line and column, columns counted in Unicode characters
/// (extended grapheme clusters) as editors show them, not in UTF-8 bytes.
public struct SourceLocation: Hashable, Comparable, Sendable {
    public var line: Int
    public var column: Int
    public init(line: Int, column: Int) { self.line = line; self.column = column }
    public static func < (a: SourceLocation, b: SourceLocation) -> Bool {
        (a.line, a.column) < (b.line, b.column)
    }
}

/// A span in one file. `end` is exclusive (the column after the last character).
public struct SourceRange: Hashable, Comparable, Sendable {
    public var file: String
    public var start: SourceLocation
    public var end: SourceLocation

    public init(file: String, start: SourceLocation, end: SourceLocation) {
        self.file = file; self.start = start; self.end = end
    }

    public init(file: String, line: Int, column: Int, length: Int = 1) {
        self.init(file: file, start: SourceLocation(line: line, column: column),
                  end: SourceLocation(line: line, column: column + max(length, 0)))
    }

    public static func < (a: SourceRange, b: SourceRange) -> Bool {
        (a.file, a.start, a.end) < (b.file, b.start, b.end)
    }
}

private func < (a: (String, SourceLocation, SourceLocation), b: (String, SourceLocation, SourceLocation)) -> Bool {
    if a.0 != b.0 { return a.0 < b.0 }
    if a.1 != b.1 { return a.1 < b.1 }
    return a.2 < b.2
}
