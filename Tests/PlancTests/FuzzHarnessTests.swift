import Foundation
import Testing

/// The fuzz target built without the sanitizers (as `swift build` makes it) runs the seed corpus
/// and mutations of it through the whole pipeline. `Fuzz/run.sh` does the real fuzzing, in CI.
@Suite struct FuzzHarnessTests {
    static var binary: URL { Planc.binary.deletingLastPathComponent().appendingPathComponent("plan-fuzz") }

    @Test func replaysSeedsAndMutationsWithoutACrash() throws {
        #expect(FileManager.default.isExecutableFile(atPath: Self.binary.path), "build plan-fuzz first: swift build")
        let seeds = NSTemporaryDirectory() + "planc-fuzz-seeds-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: seeds) }
        try FileManager.default.createDirectory(atPath: seeds, withIntermediateDirectories: true)
        let example = Planc.root.appendingPathComponent("Examples/crm-migration")
        var joined = Data()
        for name in try FileManager.default.contentsOfDirectory(atPath: example.path).sorted() where name.hasSuffix(".md") {
            let data = try Data(contentsOf: example.appendingPathComponent(name))
            try data.write(to: URL(fileURLWithPath: seeds + "/" + name))
            joined += data + Data([0])
        }
        try joined.write(to: URL(fileURLWithPath: seeds + "/joined.md"))

        let replay = try run(["--self-test", seeds, "15"])
        #expect(replay.status == 0, "\(replay.output)")
        #expect(replay.output.contains("mutated inputs from"))
        let single = try run([seeds + "/joined.md"])
        #expect(single.status == 0 && single.output.contains("ok "), "\(single.output)")
    }

    func run(_ arguments: [String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = Self.binary
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}
