import Foundation
import PlanTestSupport
import Testing

/// `planc export --format mspdi` read by a real MS Project reader: `.ci/check-mspdi` opens the
/// export of each example with MPXJ and compares every task's dates, links and assignments with
/// the JSON export. MPXJ runs in the Python of /var/tmp/mpxj-venv (or `$PLANC_MPXJ_PYTHON`), which
/// `.ci/setup` installs; a missing one fails the test, never skips it.
@Suite(.serialized) struct MSPDIReaderTests {
    static var python: String {
        ProcessInfo.processInfo.environment["PLANC_MPXJ_PYTHON"] ?? "/var/tmp/mpxj-venv/bin/python"
    }

    @Test(arguments: ["crm-migration", "website-relaunch"])
    func mpxjReadsTheExportAsPlancSchedulesIt(example: String) throws {
        guard FileManager.default.isExecutableFile(atPath: Self.python) else {
            Issue.record("\(Self.python) is missing: run .ci/setup, which installs mpxj and JPype1 in /var/tmp/mpxj-venv")
            return
        }
        try withTemporaryFolder("mspdi-\(example)") { folder in
            let xml = folder.appendingPathComponent("plan.xml"), json = folder.appendingPathComponent("plan.json")
            for (format, file) in [("mspdi", xml), ("json", json)] {
                let result = try Planc.run(["export", "--format", format, "--today", "2026-09-15", "-o", file.path, "Examples/\(example)"])
                #expect(result.status == 0, "\(result.stderr)")
            }
            let process = Process()
            process.executableURL = URL(fileURLWithPath: Self.python)
            process.arguments = [Repository.url(".ci/check-mspdi").path, xml.path, json.path]
            let output = Pipe()
            process.standardOutput = output
            process.standardError = output
            try process.run()
            let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            #expect(process.terminationStatus == 0, "check-mspdi failed:\n\(text)")
            #expect(text.contains("; 0 differences"), "\(text)")
        }
    }
}
