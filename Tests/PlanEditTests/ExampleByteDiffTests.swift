import Foundation
import PlanEdit
import PlanFrontEnd
import PlanModel
import PlanTestSupport
import Testing

/// Every edit on every task of both examples, in memory: the bytes outside the task's line are
/// the file's own, the line keeps its title and every attribute the edit does not concern, in
/// order and with the blanks between them, and the edited plan reads back as asked with no new
/// error.
@Suite struct ExampleByteDiffTests {
    static let examples = ["Examples/crm-migration", "Examples/website-relaunch"]

    struct Case: Sendable {
        var root: String
        var loaded: Loader.Result
        var editable: EditablePlan
        var baselineErrors: Int
    }

    static func load(_ example: String) -> Case {
        let root = Repository.url(example).path
        let loaded = Loader.load(path: root)
        let baseline = FrontEnd.compile(files: loaded.files, today: today).diagnostics.filter { $0.severity == .error }.count
        return Case(root: root, loaded: loaded, editable: EditablePlan(loaded, root: root, today: today), baselineErrors: baseline)
    }

    /// Tokens after the line's last ` — `, and the text before it.
    static func split(_ line: String) -> (head: String, tokens: [String]) {
        guard let separator = line.range(of: " — ", options: .backwards) else { return (line, []) }
        return (String(line[..<separator.lowerBound]), line[separator.upperBound...].split(separator: " ").map(String.init))
    }

    /// Applies `request` to task `index` and checks the bytes; returns the edited line and the
    /// re-read task, or nil when the edit was refused for this task.
    static func apply(_ request: EditRequest, task index: Int, in example: Case,
                      sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> (before: String, after: String, task: PlanTask)? {
        let task = example.editable.plan.tasks[index]
        let file: SourceFile, replacements: [ByteReplacement]
        do {
            (file, replacements) = try example.editable.edit(request, today: today)
        } catch is EditError {
            return nil
        }
        let edited = ByteReplacement.apply(replacements, to: file.bytes)
        let line = file.byteRange(ofLine: task.range.start.line)
        let lineStart = file.lineStarts[task.range.start.line - 1]
        // Outside the line: the same bytes.
        #expect(Array(edited.prefix(lineStart)) == Array(file.bytes.prefix(lineStart)), "\(task.id): bytes before the line changed",
                sourceLocation: sourceLocation)
        let tail = file.bytes.count - line.upperBound
        #expect(Array(edited.suffix(tail)) == Array(file.bytes.suffix(tail)), "\(task.id): bytes after the line changed",
                sourceLocation: sourceLocation)
        #expect(replacements.allSatisfy { $0.range.lowerBound >= line.lowerBound && $0.range.upperBound <= line.upperBound },
                "\(task.id): a replacement outside its line", sourceLocation: sourceLocation)
        let before = String(decoding: file.bytes[line], as: UTF8.self)
        let after = String(decoding: edited[line.lowerBound..<(edited.count - tail)], as: UTF8.self)
        // Read back: no new error, the same task (by id) in the same place.
        var files = example.loaded
        files.files = files.files.map { $0.path == file.path ? SourceFile(path: file.path, bytes: edited) : $0 }
        let result = FrontEnd.compile(files: files.files, today: today)
        let errors = result.diagnostics.filter { $0.severity == .error }
        #expect(errors.count <= example.baselineErrors, "\(task.id): \(errors.map(\.message))", sourceLocation: sourceLocation)
        let reread = try #require(result.plan.tasks.first { $0.range.file == file.path && $0.range.start.line == task.range.start.line },
                                  sourceLocation: sourceLocation)
        #expect(reread.id == task.id && reread.title == task.title, sourceLocation: sourceLocation)
        return (before, after, reread)
    }

    @Test(arguments: examples) func doneOnEveryTask(_ example: String) throws {
        let loaded = Self.load(example)
        var edited = 0
        for index in loaded.editable.plan.tasks.indices {
            let task = loaded.editable.plan.tasks[index]
            let reference = loaded.editable.plan.projects[task.projectIndex].id + "/" + task.id
            let day = Day(iso: "2026-09-14")!
            guard let (before, after, reread) = try Self.apply(.task(reference, .done(on: day)), task: index, in: loaded) else {
                #expect(task.kind == .summary || task.state == .cancelled, "\(task.id) was refused")
                continue
            }
            edited += 1
            #expect(reread.state == .done && reread.actualFinish == day, "\(task.id): \(after)")
            let old = Self.split(before), new = Self.split(after)
            #expect(new.head == old.head.replacingOccurrences(of: "[ ]", with: "[x]"), "\(task.id): \(after)")
            // Every other token stays, in order; only progress below 100, a contradicting status
            // and the finish change.
            let concerned: (String) -> Bool = { token in
                token.hasPrefix("finished:") || token.hasPrefix("status:") || (token.hasSuffix("%") && !token.hasPrefix("@"))
            }
            #expect(new.tokens.filter { !concerned($0) } == old.tokens.filter { !concerned($0) }, "\(task.id): \(after)")
            #expect(new.tokens.filter { $0.hasPrefix("finished:") } == ["finished:2026-09-14"])
        }
        #expect(edited > 10)
    }

    @Test(arguments: examples) func progressOnEveryOpenTask(_ example: String) throws {
        let loaded = Self.load(example)
        for index in loaded.editable.plan.tasks.indices {
            let task = loaded.editable.plan.tasks[index]
            let reference = loaded.editable.plan.projects[task.projectIndex].id + "/" + task.id
            guard let (before, after, reread) = try Self.apply(.task(reference, .progress(percent: "35%", spent: "2d")), task: index, in: loaded) else {
                #expect(task.kind != .task || task.state == .done || task.state == .cancelled || !task.children.isEmpty, "\(task.id) was refused")
                continue
            }
            #expect(reread.percentComplete == 35 && reread.spentDays == 2, "\(task.id): \(after)")
            let old = Self.split(before), new = Self.split(after)
            #expect(new.head == old.head)
            let concerned: (String) -> Bool = { token in
                token.hasPrefix("spent:") || token.hasPrefix("started:") || token == "status:todo" || (token.hasSuffix("%") && !token.hasPrefix("@"))
            }
            #expect(new.tokens.filter { !concerned($0) } == old.tokens.filter { !concerned($0) }, "\(task.id): \(after)")
        }
    }

    @Test(arguments: examples) func setAndUnsetOnEveryTask(_ example: String) throws {
        let loaded = Self.load(example)
        for index in loaded.editable.plan.tasks.indices {
            let task = loaded.editable.plan.tasks[index]
            let reference = loaded.editable.plan.projects[task.projectIndex].id + "/" + task.id
            let set = try #require(try Self.apply(.task(reference, .set(["priority:42"])), task: index, in: loaded))
            #expect(set.task.priority == 42, "\(task.id): \(set.after)")
            let old = Self.split(set.before), new = Self.split(set.after)
            #expect(new.head == old.head, "\(task.id): \(set.after)")
            #expect(new.tokens.filter { !$0.hasPrefix("priority:") } == old.tokens.filter { !$0.hasPrefix("priority:") })
            #expect(new.tokens.filter { $0.hasPrefix("priority:") } == ["priority:42"])
            if old.tokens.contains(where: { $0.hasPrefix("priority:") }) {
                let unset = try #require(try Self.apply(.task(reference, .unset(["priority"])), task: index, in: loaded))
                #expect(Self.split(unset.after).tokens == old.tokens.filter { !$0.hasPrefix("priority:") }, "\(task.id): \(unset.after)")
            }
        }
    }
}
