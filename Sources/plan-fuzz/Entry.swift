import Foundation

// Built two ways. `Fuzz/run.sh` compiles with `-sanitize=fuzzer,address -D PLAN_FUZZ`: `main`
// hands over to libFuzzer's driver (SwiftPM names the executable's entry point itself, so
// libFuzzer's own `main` cannot be used), which calls the entry points below. A plain
// `swift build` compiles the reproducer instead: `plan-fuzz FILE...` runs each file through the same pipeline (a crash found by the
// fuzzer replays under a debugger), and `plan-fuzz --self-test DIR` mutates every seed in DIR and
// runs the results, which is how the tests check the harness without the sanitizers.

#if PLAN_FUZZ
@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(_ argc: UnsafeMutablePointer<CInt>,
                         _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
                         _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt) -> CInt

@main
struct PlanFuzzDriver {
    static func main() {
        var argc = CommandLine.argc
        var argv = CommandLine.unsafeArgv
        exit(LLVMFuzzerRunDriver(&argc, &argv) { data, size in
            PlanFuzz.run(data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? [])
            return 0
        })
    }
}

@_silgen_name("LLVMFuzzerMutate")
func LLVMFuzzerMutate(_ data: UnsafeMutablePointer<UInt8>, _ size: Int, _ maxSize: Int) -> Int

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTestOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    PlanFuzz.run(Array(UnsafeBufferPointer(start: data, count: size)))
    return 0
}

@_cdecl("LLVMFuzzerCustomMutator")
public func fuzzCustomMutator(_ data: UnsafeMutablePointer<UInt8>, _ size: Int, _ maxSize: Int, _ seed: CUnsignedInt) -> Int {
    var mutator = PlanMutator(seed: seed)
    // Three structural edits in four; the rest, and edits that do not fit, are byte-level.
    if mutator.next(4) != 0, let mutated = mutator.mutate(Array(UnsafeBufferPointer(start: data, count: size))),
       mutated.count <= maxSize {
        mutated.withUnsafeBufferPointer { data.update(from: $0.baseAddress!, count: mutated.count) }
        return mutated.count
    }
    return LLVMFuzzerMutate(data, size, maxSize)
}
#else
@main
struct PlanFuzzReproducer {
    static func main() throws {
        var arguments = Array(CommandLine.arguments.dropFirst())
        if arguments.first == "--self-test", arguments.count == 3, let rounds = Int(arguments[2]) {
            let folder = arguments[1]
            let seeds = try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
            var runs = 0
            for (index, name) in seeds.enumerated() {
                var input = Array(FileManager.default.contents(atPath: folder + "/" + name) ?? Data())
                var mutator = PlanMutator(seed: UInt32(index))
                for _ in 0..<rounds {
                    input = mutator.mutate(input) ?? input
                    PlanFuzz.run(input)
                    runs += 1
                }
            }
            print("plan-fuzz: \(runs) mutated inputs from \(seeds.count) seeds ran without a crash")
            return
        }
        guard !arguments.isEmpty else {
            FileHandle.standardError.write(Data("usage: plan-fuzz FILE... | plan-fuzz --self-test SEED-DIR ROUNDS (build with Fuzz/run.sh to fuzz)\n".utf8))
            exit(2)
        }
        arguments.sort()
        for path in arguments {
            guard let data = FileManager.default.contents(atPath: path) else {
                FileHandle.standardError.write(Data("plan-fuzz: cannot read \(path)\n".utf8))
                exit(2)
            }
            PlanFuzz.run(Array(data))
            print("ok \(path)")
        }
    }
}
#endif
