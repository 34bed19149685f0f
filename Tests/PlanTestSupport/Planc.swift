import Foundation

/// Runs the built `planc` (or another executable of the package) the way a user or CI does. A
/// missing binary is a failure with a message, never a skip.
public enum Planc {
    public struct Output: Sendable {
        public var status: Int32
        public var stdout: String
        public var stderr: String
    }

    public struct MissingBinary: Error, CustomStringConvertible {
        public var path: String
        public var description: String {
            "\(path) is missing or not executable: build it first with `swift build --build-tests` (`swift test` builds it too)"
        }
    }

    /// `.build/<triple>/<config>/NAME`, checked to exist.
    public static func executable(_ name: String = "planc") throws -> URL {
        let url = Repository.products.appendingPathComponent(name)
        guard FileManager.default.isExecutableFile(atPath: url.path) else { throw MissingBinary(path: url.path) }
        return url
    }

    /// Runs `planc ARGUMENTS` in `directory` (the repository root by default, so relative paths
    /// name repository files) with `NO_COLOR=1` and `environment` over the test's environment;
    /// `executable` names another product of the package (`plan-fuzz`).
    public static func run(_ arguments: [String], environment: [String: String] = [:], in directory: URL? = nil,
                           executable name: String = "planc") throws -> Output {
        let process = try process(arguments, environment: environment, in: directory, executable: name)
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        // Both pipes are drained at once, so a chatty stderr cannot block the child.
        let stderr = Drain(err.fileHandleForReading)
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Output(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
                      stderr: String(decoding: stderr.wait(), as: UTF8.self))
    }

    /// Starts `planc ARGUMENTS` and returns while it runs (for `planc serve`); its stderr is
    /// collected as it arrives. Stop it with `stop()`.
    public static func start(_ arguments: [String], environment: [String: String] = [:], in directory: URL? = nil) throws -> Running {
        let process = try process(arguments, environment: environment, in: directory, executable: "planc")
        process.standardOutput = FileHandle.nullDevice
        let err = Pipe()
        process.standardError = err
        let running = Running(process: process, stderr: err.fileHandleForReading)
        err.fileHandleForReading.readabilityHandler = { [running] handle in running.append(handle.availableData) }
        try process.run()
        return running
    }

    static func process(_ arguments: [String], environment: [String: String], in directory: URL?, executable name: String) throws -> Process {
        let process = Process()
        process.executableURL = try executable(name)
        process.arguments = arguments
        process.currentDirectoryURL = directory ?? Repository.root
        var env = ProcessInfo.processInfo.environment
        env["NO_COLOR"] = "1"
        // Hashing seeded per process, as users run planc (determinism tests rely on it).
        env["SWIFT_DETERMINISTIC_HASHING"] = nil
        for (key, value) in environment { env[key] = value }
        process.environment = env
        return process
    }

    /// A running child: its stderr so far, and a way to wait for a line in it.
    public final class Running: @unchecked Sendable {
        public let process: Process
        private let stderrHandle: FileHandle
        private let lock = NSLock()
        private var collected = Data()

        init(process: Process, stderr: FileHandle) {
            self.process = process
            self.stderrHandle = stderr
        }

        func append(_ data: Data) {
            lock.lock(); collected.append(data); lock.unlock()
        }

        public var stderr: String {
            lock.lock(); defer { lock.unlock() }
            return String(decoding: collected, as: UTF8.self)
        }

        /// Waits up to `seconds` for stderr to contain `text`; the stderr so far, or nil on timeout.
        public func waitForStderr(containing text: String, seconds: Double = 20) -> String? {
            let end = Date().addingTimeInterval(seconds)
            while Date() < end {
                let now = stderr
                if now.contains(text) { return now }
                if !process.isRunning { return stderr.contains(text) ? stderr : nil }
                usleep(20_000)
            }
            return nil
        }

        /// Terminates the child (if it still runs), waits for it and stops reading its stderr.
        public func stop() {
            if process.isRunning { process.terminate() }
            process.waitUntilExit()
            stderrHandle.readabilityHandler = nil
        }
    }
}

/// Reads a file handle to its end on another thread.
private final class Drain: @unchecked Sendable {
    private var data = Data()
    private let done = DispatchSemaphore(value: 0)

    init(_ handle: FileHandle) {
        DispatchQueue.global().async { [self] in
            data = handle.readDataToEndOfFile()
            done.signal()
        }
    }

    func wait() -> Data {
        done.wait()
        return data
    }
}
