import PlanModel

/// Result of the front end: the model plus everything wrong with it.
public struct FrontEndResult: Sendable {
    public var plan: Plan
    public var diagnostics: [Diagnostic]
    /// Text of every plan file read, by path (diagnostic writers quote lines from it).
    public var sources: [String: String]
    /// The path given could not be read at all: a usage problem rather than a plan problem.
    public var inputUnreadable: Bool
}

/// load -> parse -> lower -> check, each phase a function of the previous one's values: the
/// front end's part of the pipeline (PlanCompiler's `Pipeline` lists every phase), run in one call
/// here for the front end's own tests.
public enum FrontEnd {
    public static func compile(path: String, today: Day) -> FrontEndResult {
        var cache = ParseCache()
        return compile(path: path, today: today, cache: &cache)
    }

    /// The same, reusing the parse of every file whose bytes have not changed since the last
    /// call with this cache (`planc serve` keeps one across rebuilds).
    public static func compile(path: String, today: Day, cache: inout ParseCache) -> FrontEndResult {
        let loaded = Loader.load(path: path)
        return compile(files: loaded.files, loadDiagnostics: loaded.diagnostics, today: today,
                       inputUnreadable: loaded.rootUnreadable, root: path, cache: &cache)
    }

    /// The same from files already in memory (tests, the server's cache of unchanged files).
    public static func compile(files: [SourceFile], loadDiagnostics: [Diagnostic] = [], today: Day,
                               inputUnreadable: Bool = false, root: String = ".") -> FrontEndResult {
        var cache = ParseCache()
        return compile(files: files, loadDiagnostics: loadDiagnostics, today: today, inputUnreadable: inputUnreadable,
                       root: root, cache: &cache)
    }

    public static func compile(files: [SourceFile], loadDiagnostics: [Diagnostic] = [], today: Day,
                               inputUnreadable: Bool = false, root: String = ".", cache: inout ParseCache) -> FrontEndResult {
        var bag = DiagnosticBag()
        bag.append(contentsOf: loadDiagnostics)
        let parsed = parse(files, loadDiagnostics: loadDiagnostics, inputUnreadable: inputUnreadable, root: root, cache: &cache)
        bag.append(contentsOf: parsed.diagnostics)
        var (plan, lowering) = Lowering.lower(parsed.syntax, today: today)
        bag.append(contentsOf: lowering)
        bag.append(contentsOf: Checker.check(&plan, today: today))
        return FrontEndResult(plan: plan, diagnostics: bag.items, sources: parsed.sources, inputUnreadable: inputUnreadable)
    }

    /// Phase 2, parse: the syntax of every plan file among `files` (others are skipped), their
    /// texts for diagnostic excerpts, and the parse's own diagnostics. `loadDiagnostics` only
    /// decide which skipped files' texts are kept (a diagnostic may point into them).
    public static func parse(_ files: [SourceFile], loadDiagnostics: [Diagnostic] = [], inputUnreadable: Bool = false,
                             root: String = ".", cache: inout ParseCache) -> ParsedFiles {
        var bag = DiagnosticBag()
        bag.append(contentsOf: loadDiagnostics)
        var syntax: [FileSyntax] = []
        var sources: [String: String] = [:]
        cache.retain(paths: Set(files.map(\.path)))
        for file in files {
            if let parsed = cache.parse(file, diagnostics: &bag) {
                syntax.append(parsed)
                sources[file.path] = String(decoding: file.bytes, as: UTF8.self)
            } else {
                // Not a plan, but a diagnostic may still point into it (a misspelled kind key).
                if bag.items.contains(where: { $0.range?.file == file.path }) {
                    sources[file.path] = String(decoding: file.bytes, as: UTF8.self)
                }
            }
        }
        if syntax.isEmpty, !inputUnreadable {
            bag.report(.noPlanFiles, "no plan files in '\(root)'", at: nil,
                       hint: "a plan file starts with `# Title` and a list whose first item is `- project: ID` (see `planc init`)")
        }
        return ParsedFiles(syntax: syntax, sources: sources, diagnostics: Array(bag.items.dropFirst(loadDiagnostics.count)))
    }
}

/// What the parse phase hands to lowering.
public struct ParsedFiles: Sendable {
    /// One per plan file, in load order.
    public var syntax: [FileSyntax]
    /// Text of every plan file read, by path (and of other files a diagnostic points into).
    public var sources: [String: String]
    public var diagnostics: [Diagnostic]
}

/// Parses kept between compiles, by path. A file is parsed again only when its bytes differ, so
/// saving one file of a large plan re-parses that file alone.
public struct ParseCache: Sendable {
    struct Entry: Sendable {
        var bytes: [UInt8]
        var syntax: FileSyntax?
        var diagnostics: [Diagnostic]
    }

    private var entries: [String: Entry] = [:]
    /// Files parsed by the last compile (the rest came from the cache).
    public private(set) var parsedLastTime = 0

    public init() {}

    mutating func retain(paths: Set<String>) {
        entries = entries.filter { paths.contains($0.key) }
        parsedLastTime = 0
    }

    mutating func parse(_ file: SourceFile, diagnostics: inout DiagnosticBag) -> FileSyntax? {
        if let entry = entries[file.path], entry.bytes == file.bytes {
            diagnostics.append(contentsOf: entry.diagnostics)
            return entry.syntax
        }
        var own = DiagnosticBag()
        let syntax = Parser.parse(file, diagnostics: &own)
        diagnostics.append(contentsOf: own.items)
        entries[file.path] = Entry(bytes: file.bytes, syntax: syntax, diagnostics: own.items)
        parsedLastTime += 1
        return syntax
    }
}
