import Foundation
import PlanFrontEnd
import PlanModel
import PlanTestSupport
import Testing

/// The bad-input corpus: every `Corpus/NAME.md` is compiled together with `Corpus/team.md`, and its
/// diagnostics must equal the golden file `Corpus/NAME.expected`. Set PLANC_UPDATE_GOLDEN=1 to
/// rewrite the expected files, then read the diff before committing it.
enum Corpus {
    static let folder = Bundle.module.resourceURL!.appendingPathComponent("Corpus")
    static let sourceFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Corpus")

    static var cases: [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { $0.hasSuffix(".md") && $0 != "team.md" }.map { String($0.dropLast(3)) }.sorted()
    }

    /// `line:column severity[code] message`, one per line, in reading order.
    static func render(_ result: FrontEndResult, file: String) -> String {
        var bag = DiagnosticBag()
        bag.append(contentsOf: result.diagnostics)
        return bag.sorted.map { d in
            var place = "-"
            if let range = d.range {
                let name = range.file == file ? "" : (range.file as NSString).lastPathComponent + ":"
                place = "\(name)\(range.start.line):\(range.start.column)"
            }
            var line = "\(place) \(d.severity.rawValue)[\(d.code.rawValue)] \(d.message)"
            for note in d.notes {
                line += "\n    note: \(note.message)" + (note.range.map { " @\($0.start.line):\($0.start.column)" } ?? "")
            }
            return line
        }.joined(separator: "\n") + "\n"
    }
}

/// An unreadable corpus folder would leave `corpusCase` with no case to run.
@Test func corpusIsThere() {
    #expect(Corpus.cases.count >= 10, "no corpus cases in \(Corpus.folder.path)")
}

@Test(arguments: Corpus.cases)
func corpusCase(_ name: String) throws {
    let path = Corpus.folder.appendingPathComponent(name + ".md").path
    let team = SourceFile(path: "team.md", bytes: Array(try Data(contentsOf: Corpus.folder.appendingPathComponent("team.md"))))
    var loaded = Loader.load(path: path)
    loaded.files = loaded.files.map { SourceFile(path: name + ".md", bytes: $0.bytes) }
    loaded.diagnostics = loaded.diagnostics.map { d in
        var d = d
        if d.range != nil { d.range!.file = name + ".md" }
        d.message = d.message.replacingOccurrences(of: path, with: name + ".md")
        return d
    }
    let result = FrontEnd.compile(files: [team] + loaded.files, loadDiagnostics: loaded.diagnostics,
                                  today: Day(iso: "2026-03-01")!)
    let actual = Corpus.render(result, file: name + ".md")
    let expectedURL = Corpus.sourceFolder.appendingPathComponent(name + ".expected")
    Golden.check(actual, expectedURL)
    // Every diagnostic about the case's own file is located.
    for diagnostic in result.diagnostics where diagnostic.code != .noPlanFiles {
        #expect(diagnostic.range != nil, "\(diagnostic.code.rawValue) has no location")
    }
}
