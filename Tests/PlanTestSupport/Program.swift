import Foundation

/// A program other than planc that a test runs as a peer (MPXJ's Python, a schema validator):
/// its exit status and its standard output and error together, as a person would read them.
public enum Program {
    /// The Python with MPXJ and JPype1 (`.ci/setup` installs it; `$PLANC_MPXJ_PYTHON` overrides).
    public static var mpxjPython: String {
        ProcessInfo.processInfo.environment["PLANC_MPXJ_PYTHON"] ?? "/var/tmp/mpxj-venv/bin/python"
    }

    /// Runs `executable` with `environment` over the test's own, in `directory` when given.
    public static func run(_ executable: String, _ arguments: [String], environment: [String: String] = [:],
                           in directory: URL? = nil) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = directory }
        if !environment.isEmpty { process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 } }
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus, output)
    }
}
