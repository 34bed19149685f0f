import Foundation
import PlanTestSupport
import Testing

/// The same input gives the same bytes out in every process. Swift seeds its hashing per process,
/// so a dictionary or set iterated into the output shows up only across processes: each example's
/// site and every export are made by two separate `planc` processes that differ in time zone,
/// locale and working directory, and every file is compared byte for byte.
@Suite struct CrossProcessDeterminismTests {
    static let examples = ["crm-migration", "website-relaunch"]
    static let formats = ["json", "csv", "ics", "mermaid", "tjp", "mspdi"]

    /// One run of everything into `output`: the site in `site/`, each export in `export.FORMAT`.
    static func produce(_ example: String, into output: URL, environment: [String: String], in directory: URL) throws {
        let plan = Repository.url("Examples/\(example)").path
        let today = ["--today", "2026-09-15"]
        let build = try Planc.run(["build", plan, "-o", output.appendingPathComponent("site").path] + today,
                                  environment: environment, in: directory)
        #expect(build.status == 0, "\(example): build exited \(build.status)\n\(build.stderr)")
        for format in formats {
            let export = try Planc.run(["export", "--format", format, plan] + today, environment: environment, in: directory)
            #expect(export.status == 0, "\(example): export \(format) exited \(export.status)\n\(export.stderr)")
            try Data(export.stdout.utf8).write(to: output.appendingPathComponent("export.\(format)"))
        }
    }

    @Test(arguments: examples)
    func sameBytesInEveryProcessTimeZoneLocaleAndFolder(example: String) throws { try withTemporaryFolder("determinism") { folder in
        let a = folder.appendingPathComponent("a"), b = folder.appendingPathComponent("b")
        try FileManager.default.createDirectory(at: a, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: b, withIntermediateDirectories: true)
        try Self.produce(example, into: a, environment: ["TZ": "Pacific/Kiritimati", "LANG": "de_DE.UTF-8", "LC_ALL": "de_DE.UTF-8"],
                         in: Repository.root)
        try Self.produce(example, into: b, environment: ["TZ": "America/Adak", "LANG": "C", "LC_ALL": "C"], in: b)
        let first = contentsOfFiles(in: a), second = contentsOfFiles(in: b)
        #expect(first.count >= 5 + Self.formats.count, "\(example): only \(first.keys.sorted())")
        #expect(first.keys.sorted() == second.keys.sorted(), "\(example): the two runs wrote different files")
        for path in first.keys.sorted() {
            guard let one = first[path], let other = second[path], one != other else { continue }
            let difference = Golden.difference(expected: String(decoding: one, as: UTF8.self),
                                               actual: String(decoding: other, as: UTF8.self)) ?? "(bytes differ)"
            Issue.record("\(example): \(path) differs between two processes:\n\(difference)")
        }
        #expect(first == second)
    } }
}
