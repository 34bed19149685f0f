import ArgumentParser
import Foundation
import PlanCompiler
import PlanModel

struct Init: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Create a small plan repository that passes `planc check`.",
        discussion: "Writes plan.md, team.md and calendar.md into DIR. Existing files are never overwritten.")

    @Argument(help: "The folder to create the plan in.", completion: .directory)
    var directory: String = "."

    @Option(help: "The first day of the project, YYYY-MM-DD (default: the next Monday after today).")
    var start: String?

    func run() throws {
        let today = PlanOptions.defaultToday()
        let result = Scaffold.write(into: directory, start: start.flatMap { Day(iso: $0) }, today: today)
        switch result {
        case .success(let files):
            for file in files { print("created \(file)") }
            print("next: planc check \(directory == "." ? "" : directory)".trimmingCharacters(in: .whitespaces))
        case .failure(let error):
            FileHandle.standardError.write(Data("planc: \(error.message)\n".utf8))
            throw ExitCode(2)
        }
    }
}
