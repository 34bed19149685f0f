import ArgumentParser
import PlanCompiler
import PlanModel

struct Explain: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Explain a diagnostic code, such as P201.",
        discussion: "Without a code, lists every code. With --markdown, prints docs/diagnostics.md.")

    @Argument(help: "A diagnostic code, like P201.")
    var code: String?

    @Flag(help: "Print the full reference as Markdown.")
    var markdown = false

    func validate() throws {
        if let code, DiagnosticCode(written: code) == nil {
            throw ValidationError("unknown diagnostic code '\(code)'; run `planc explain` to list them")
        }
    }

    func run() {
        if markdown {
            print(DiagnosticCatalog.markdownReference(), terminator: "")
            return
        }
        guard let text = code, let code = DiagnosticCode(written: text) else {
            for code in DiagnosticCode.allCases {
                print("\(code.rawValue)  \(code.defaultSeverity.rawValue.padding(7))  \(DiagnosticCatalog.entry(for: code).title)")
            }
            return
        }
        let entry = DiagnosticCatalog.entry(for: code)
        print("\(code.rawValue): \(entry.title) (\(code.defaultSeverity.rawValue))\n")
        print(entry.explanation)
        if let example = entry.example { print("\nExample:\n\n" + example.split(separator: "\n").map { "    " + $0 }.joined(separator: "\n")) }
    }
}

extension String {
    func padding(_ width: Int) -> String { count >= width ? self : self + String(repeating: " ", count: width - count) }
}
