import ArgumentParser
import Foundation
import PlanImport

struct Import: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Import an MS Project XML (MSPDI) file as a plan repository.",
        discussion: """
            Writes plan.md (the project and its work breakdown), team.md (people and pools) and one \
            calendar file per base calendar into DIR (default: a folder named after FILE). What the \
            plan language cannot hold is listed on standard output and under ## Notes in plan.md \
            (docs/import.md). Exit status 2 when the file cannot be imported.
            """)

    @Argument(help: "The MSPDI file (MS Project: Save As XML; MPXJ's MSPDIWriter; planc export --format mspdi).",
              completion: .file(extensions: ["xml"]))
    var file: String

    @Option(name: [.customShort("o"), .long], help: "The folder to write the plan into.")
    var output: String?

    @Flag(help: "Replace the folder's contents when it is not empty.")
    var force = false

    func run() throws {
        let folder = output ?? MSPDIImport.defaultFolder(for: file)
        do {
            guard let data = FileManager.default.contents(atPath: file) else {
                throw ImportError("cannot read the file")
            }
            let plan = try MSPDIImport.plan(from: data, sourceName: URL(fileURLWithPath: file).lastPathComponent)
            try ImportFolder.write(plan, to: folder, force: force)
            for imported in plan.files { print("created \(folder)/\(imported.name)") }
            if !plan.notes.isEmpty {
                print("not imported (\(plan.notes.count), also under ## Notes in plan.md):")
                for note in plan.notes { print("  - \(note)") }
            }
            print("next: planc check --strict \(folder)")
        } catch let error as ImportError {
            FileHandle.standardError.write(Data((error.line(file: file) + "\n").utf8))
            throw ExitCode(2)
        }
    }
}
