import ArgumentParser
import Foundation
import PlanCompiler
import PlanEdit

struct Fmt: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Give the work breakdown's entries one layout: attribute order, spacing, list markers, boxes.",
        discussion: """
            Changes only the first lines of tasks and work packages, outside their titles; \
            notes and other Markdown stay as written (docs/editing.md, "planc fmt"). With \
            --check nothing is written: a unified diff of what fmt would change is printed and \
            the exit status is 1 when there is one, for CI. Exit status 2: the path cannot be \
            read or a file changed while planc worked.
            """)

    @OptionGroup var plan: PlanOptions

    @Flag(help: "Print what would change as a unified diff and exit 1 when something would; write nothing.")
    var check = false

    func run() throws {
        let loaded = Pipeline.load(plan.path)
        guard !loaded.rootUnreadable else {
            FileHandle.standardError.write(Data("planc: \(loaded.diagnostics.first?.message ?? "cannot read '\(plan.path)'")\n".utf8))
            throw ExitCode(2)
        }
        let changes = PlanFormat.format(EditablePlan(loaded, root: plan.path, today: plan.todayDay))
        if check {
            for change in changes { print(UnifiedDiff.make(change.file.bytes, change.formatted, path: change.file.path), terminator: "") }
            if !changes.isEmpty { throw ExitCode(1) }
            return
        }
        for change in changes {
            do {
                try EditSession.write(change.file, change.formatted)
                print("formatted \(change.file.path)")
            } catch let error as EditError {
                FileHandle.standardError.write(Data("planc: \(error.message)\n".utf8))
                throw ExitCode(2)
            }
        }
    }
}
