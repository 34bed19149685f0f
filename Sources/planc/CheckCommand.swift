import ArgumentParser
import PlanCompiler

extension DiagnosticFormat: ExpressibleByArgument {}

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check plans and report problems with file:line:column.",
        discussion: """
            Exit status: 0 when clean, 1 when there are errors (or warnings with --strict),
            2 when the path cannot be read or the arguments are wrong.
            """)

    @OptionGroup var plan: PlanOptions
    @OptionGroup var colorOptions: ColorOptions

    @Option(help: "human (default), json (one object per diagnostic) or github (workflow commands).")
    var format: DiagnosticFormat = .human

    @Flag(help: "Treat warnings as failures.")
    var strict = false

    func run() throws {
        let compiled = Pipeline.compile(plan.compileOptions(), through: .schedule)
        print(DiagnosticWriter.report(compiled, format: format, color: colorOptions.enabled, strict: strict), terminator: "")
        throw ExitCode(CheckOutcome.exitStatus(for: compiled, strict: strict))
    }
}
