import ArgumentParser
import Foundation
import PlanCompiler
import PlanReports

struct Schedule: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List the computed schedule: start, finish, slack and critical path per task.",
        discussion: "Slack is in working days. Problems in the plan are reported as by `planc check`.")

    @OptionGroup var plan: PlanOptions
    @OptionGroup var colorOptions: ColorOptions

    @Option(help: "Only this project (its id).")
    var project: String?

    @Flag(help: "Plain ASCII instead of Unicode symbols.")
    var ascii = false

    func run() throws {
        let compiled = Pipeline.compile(plan.compileOptions())
        let errors = compiled.diagnostics.filter { $0.severity == .error }
        if !errors.isEmpty {
            let writer = DiagnosticWriter(color: colorOptions.enabled, sources: compiled.sources)
            FileHandle.standardError.write(Data(writer.human(errors, filesChecked: compiled.plan.files.count, strict: false).utf8))
        }
        guard let schedule = compiled.schedule else { throw ExitCode(compiled.inputUnreadable ? 2 : 1) }
        let style = TerminalStyle(width: 200, color: colorOptions.enabled, ascii: ascii)
        print(ScheduleListing.render(plan: compiled.plan, schedule: schedule, style: style, project: project), terminator: "")
        if !errors.isEmpty { throw ExitCode(1) }
    }
}
