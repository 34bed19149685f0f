import PlanCompiler
import PlanFrontEnd
import PlanModel

/// One edit from the command line, start to finish: read the plan, make the change in memory,
/// compile the changed plan, and write the file only when the change brings no new error and
/// the file still holds what was read.
public enum EditSession {
    public struct Outcome: Sendable {
        public enum Result: Sendable, Equatable {
            /// The file was rewritten.
            case written
            /// The plan already says what was asked; nothing was written.
            case unchanged
            /// The change would bring the errors in `newProblems`; nothing was written.
            case refused
        }

        public var result: Result
        /// The file the edit is in.
        public var path: String
        public var before: [UInt8]
        public var after: [UInt8]
        /// Errors (refused) or warnings (written) that the edited plan has and the old one had not.
        public var newProblems: [Diagnostic]
        /// The edited plan's file texts, for quoting lines in diagnostics.
        public var sources: [String: String]

        /// The lines that differ, `-` before and `+` after, below a `path:line` header.
        public var changedLines: String { LineDiff.changed(before, after, path: path) }
    }

    /// An edit made and checked in memory: what `perform` would write, and why it would not.
    public struct Proposal: Sendable {
        /// The file the edit is in, as read.
        public var file: SourceFile
        /// Its bytes after the edit (the same as `file.bytes` when the plan already says it).
        public var edited: [UInt8]
        /// Errors the edited plan has and the old one had not: `perform` refuses the edit.
        public var newErrors: [Diagnostic]
        /// Warnings the edited plan has and the old one had not.
        public var newWarnings: [Diagnostic]
        /// The edited plan's file texts, for quoting lines in diagnostics.
        public var sources: [String: String]
    }

    /// Makes `request` in the plan at `path`. Throws `EditError` when the edit cannot be made at
    /// all (an unknown id, a file changed meanwhile, an unwritable folder).
    public static func perform(_ request: EditRequest, path: String, today: Day) throws -> Outcome {
        let loaded = Pipeline.load(path)
        if loaded.rootUnreadable {
            throw EditError(loaded.diagnostics.first?.message ?? "cannot read '\(path)'")
        }
        let proposal = try propose(request, loaded: loaded, root: path, today: today)
        let file = proposal.file
        guard proposal.edited != file.bytes else {
            return Outcome(result: .unchanged, path: file.path, before: file.bytes, after: proposal.edited, newProblems: [], sources: [:])
        }
        if !proposal.newErrors.isEmpty {
            return Outcome(result: .refused, path: file.path, before: file.bytes, after: proposal.edited,
                           newProblems: proposal.newErrors, sources: proposal.sources)
        }
        try write(file, proposal.edited)
        return Outcome(result: .written, path: file.path, before: file.bytes, after: proposal.edited,
                       newProblems: proposal.newWarnings, sources: proposal.sources)
    }

    /// Makes `request` on `loaded` — files read from disk, or texts held in memory such as an
    /// editor's buffers — and checks the result, writing nothing.
    public static func propose(_ request: EditRequest, loaded: Loader.Result, root: String, today: Day) throws -> Proposal {
        var cache = ParseCache()
        let editable = EditablePlan(loaded, root: root, today: today, cache: &cache)
        let (file, replacements) = try editable.edit(request, today: today)
        let edited = ByteReplacement.apply(replacements, to: file.bytes)
        guard edited != file.bytes else {
            return Proposal(file: file, edited: edited, newErrors: [], newWarnings: [], sources: [:])
        }

        // Re-check: the plan as it would be, through scheduling as `planc check` runs it.
        let options = CompileOptions(path: root, today: today)
        let old = Pipeline.compile(loaded, root: root, options, through: .schedule, cache: &cache)
        var changed = loaded
        changed.files = loaded.files.map { $0.path == file.path ? SourceFile(path: file.path, bytes: edited) : $0 }
        let new = Pipeline.compile(changed, root: root, options, through: .schedule, cache: &cache)
        return Proposal(file: file, edited: edited,
                        newErrors: introduced(in: new.diagnostics, over: old.diagnostics, severity: .error),
                        newWarnings: introduced(in: new.diagnostics, over: old.diagnostics, severity: .warning),
                        sources: new.sources)
    }

    /// Replaces `file` on disk with `edited` (its text without a byte order mark; the mark is
    /// kept when the file has one), unless the file no longer holds the bytes `file` was read with.
    public static func write(_ file: SourceFile, _ edited: [UInt8]) throws {
        let raw = try AtomicFile.read(file.path)
        let hasMark = raw.starts(with: [0xEF, 0xBB, 0xBF])
        guard Array(raw.dropFirst(hasMark ? 3 : 0)) == file.bytes else {
            throw EditError("'\(file.path)' changed since planc read it; nothing was written (run the command again)")
        }
        try AtomicFile.replace(file.path, expected: raw, with: (hasMark ? [0xEF, 0xBB, 0xBF] : []) + edited)
    }

    /// Diagnostics of `severity` in `new` beyond those `old` had, told apart by code, file and
    /// message (lines move when an edit adds some).
    static func introduced(in new: [Diagnostic], over old: [Diagnostic], severity: Severity) -> [Diagnostic] {
        struct Key: Hashable { var code: DiagnosticCode; var file: String?; var message: String }
        var counts: [Key: Int] = [:]
        for diagnostic in old where diagnostic.severity == severity {
            counts[Key(code: diagnostic.code, file: diagnostic.range?.file, message: diagnostic.message), default: 0] += 1
        }
        return new.filter { diagnostic in
            guard diagnostic.severity == severity else { return false }
            let key = Key(code: diagnostic.code, file: diagnostic.range?.file, message: diagnostic.message)
            if let count = counts[key], count > 0 { counts[key] = count - 1; return false }
            return true
        }
    }
}

/// The changed lines between two versions of a file that differ in one place, as `-`/`+` lines.
public enum LineDiff {
    public static func changed(_ before: [UInt8], _ after: [UInt8], path: String) -> String {
        let old = SourceFile(path: path, bytes: before), new = SourceFile(path: path, bytes: after)
        var first = 1
        while first <= old.lineCount, first <= new.lineCount, old.text(ofLine: first) == new.text(ofLine: first) { first += 1 }
        var oldLast = old.lineCount, newLast = new.lineCount
        while oldLast >= first, newLast >= first, old.text(ofLine: oldLast) == new.text(ofLine: newLast) { oldLast -= 1; newLast -= 1 }
        var out = "\(path):\(first)\n"
        if first <= oldLast { for line in first...oldLast { out += "- " + old.text(ofLine: line) + "\n" } }
        if first <= newLast { for line in first...newLast { out += "+ " + new.text(ofLine: line) + "\n" } }
        return out
    }
}
