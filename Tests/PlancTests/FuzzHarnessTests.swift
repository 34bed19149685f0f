import Foundation
import PlanTestSupport
import Testing

/// The fuzz target built without the sanitizers (as `swift build` makes it) runs the seed corpus
/// and mutations of it through the whole pipeline. `Fuzz/run.sh` does the real fuzzing, in CI.
@Suite struct FuzzHarnessTests {
    @Test func replaysSeedsAndMutationsWithoutACrash() throws { try withTemporaryFolder("fuzz-seeds") { folder in
        let seeds = folder.path
        let example = Repository.url("Examples/crm-migration")
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
    } }

    /// The fuzz target's exit status and its stdout and stderr together.
    func run(_ arguments: [String]) throws -> (status: Int32, output: String) {
        let result = try Planc.run(arguments, executable: "plan-fuzz")
        return (result.status, result.stdout + result.stderr)
    }
}
