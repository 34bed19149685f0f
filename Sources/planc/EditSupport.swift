import ArgumentParser
import Foundation
import PlanCompiler
import PlanEdit
import PlanModel

/// Runs an edit for `done`, `progress`, `set`, `unset` and `journal add`, and reports it: the
/// changed lines on standard output; on standard error why nothing was written. Exit status 0
/// written or nothing to change, 1 the edit would bring an error into the plan (the file is left
/// as it was), 2 the edit cannot be made (unknown id, file changed meanwhile, wrong arguments).
enum EditRunner {
    static func run(_ request: EditRequest, _ plan: PlanOptions, color: Bool) throws {
        try run(request, path: plan.path, today: plan.todayDay, color: color)
    }

    static func run(_ request: EditRequest, path: String, today: Day, color: Bool) throws {
        let outcome: EditSession.Outcome
        do {
            outcome = try EditSession.perform(request, path: path, today: today)
        } catch let error as EditError {
            FileHandle.standardError.write(Data("planc: \(error.message)\n".utf8))
            throw ExitCode(2)
        }
        let writer = DiagnosticWriter(color: color, sources: outcome.sources)
        switch outcome.result {
        case .unchanged:
            print("planc: \(outcome.path) already says so; nothing to change")
        case .written:
            print(outcome.changedLines, terminator: "")
            if !outcome.newProblems.isEmpty {
                let text = writer.human(outcome.newProblems, filesChecked: 1, strict: false)
                FileHandle.standardError.write(Data(("planc: the edit was written, with new warnings:\n" + text).utf8))
            }
        case .refused:
            var text = "planc: the edit would bring errors into the plan; \(outcome.path) is left unchanged\n"
            text += outcome.changedLines
            text += writer.human(outcome.newProblems, filesChecked: outcome.sources.count, strict: false)
            FileHandle.standardError.write(Data(text.utf8))
            throw ExitCode(1)
        }
    }
}
