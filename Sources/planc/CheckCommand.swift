import ArgumentParser
import Foundation
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

    @Option(help: "human (default), json (one object per diagnostic), github (workflow commands) or sarif (SARIF 2.1.0, for code scanning).")
    var format: DiagnosticFormat = .human

    @Option(name: .customLong("docs-url"),
            help: ArgumentHelp("Where docs/diagnostics.md is published, for each SARIF rule's help link (URL#p201).",
                               valueName: "url"))
    var docsURL: String?

    @Option(name: [.customShort("o"), .long], help: "Write the report to this file instead of standard output (the exit status is the same).")
    var output: String?

    @Flag(help: "Treat warnings as failures.")
    var strict = false

    func run() throws {
        let compiled = Pipeline.compile(plan.compileOptions(), through: .schedule)
        let report = DiagnosticWriter.report(compiled, format: format, color: output == nil && colorOptions.enabled,
                                             strict: strict, docsURL: docsURL)
        if let output {
            do {
                try Data(report.utf8).write(to: URL(fileURLWithPath: output), options: .atomic)
            } catch {
                FileHandle.standardError.write(Data("error: cannot write \(output): \(error.localizedDescription)\n".utf8))
                throw ExitCode(2)
            }
        } else {
            print(report, terminator: "")
        }
        throw ExitCode(CheckOutcome.exitStatus(for: compiled, strict: strict))
    }
}
