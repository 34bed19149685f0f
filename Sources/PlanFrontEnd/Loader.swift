import Foundation
import PlanModel

/// Phase 1, load: find the Markdown files under a path and read them as validated UTF-8.
///
/// Unreadable, binary or malformed files become diagnostics; the run goes on with the rest.
public enum Loader {
    /// Files above this size are refused rather than read (a plan of 10,000 tasks is ~1 MB).
    public static let maximumFileSize = 256 << 20

    public struct Result: Sendable {
        public var files: [SourceFile] = []
        public var diagnostics: [Diagnostic] = []
        /// The path itself could not be read (missing, not a folder or Markdown file).
        public var rootUnreadable = false
        public init() {}
    }

    public static func load(path: String) -> Result {
        var result = Result()
        var info = stat()
        guard stat(path, &info) == 0 else {
            result.rootUnreadable = true
            result.diagnostics.append(Diagnostic(.unreadableFile, "cannot read '\(path)': \(String(cString: strerror(errno)))",
                                                 at: nil, hint: "pass a plan folder or a Markdown file"))
            return result
        }
        if (info.st_mode & S_IFMT) == S_IFDIR {
            var paths: [String] = []
            collect(folder: path, into: &paths, diagnostics: &result.diagnostics)
            paths.sort { $0.utf8.lexicographicallyPrecedes($1.utf8) }
            for file in paths { read(file, into: &result) }
        } else {
            read(path, into: &result)
            if result.files.isEmpty { result.rootUnreadable = true }
        }
        return result
    }

    /// Depth-first walk that never follows symbolic links to folders, so link loops cannot trap it.
    private static func collect(folder: String, into paths: inout [String], diagnostics: inout [Diagnostic]) {
        var pending = [folder]
        while let current = pending.popLast() {
            guard let directory = opendir(current) else {
                diagnostics.append(Diagnostic(.skippedPath, "cannot read folder '\(current)': \(String(cString: strerror(errno)))",
                                              at: nil, hint: "check the folder's permissions"))
                continue
            }
            while let entry = readdir(directory) {
                let name = withUnsafePointer(to: entry.pointee.d_name) {
                    $0.withMemoryRebound(to: CChar.self, capacity: Int(NAME_MAX) + 1) { String(cString: $0) }
                }
                if name == "." || name == ".." { continue }
                let child = current == "." ? name : (current.hasSuffix("/") ? current + name : current + "/" + name)
                var info = stat()
                guard lstat(child, &info) == 0 else { continue }
                let type = info.st_mode & S_IFMT
                if type == S_IFDIR {
                    if !PlanFiles.isSearched(folder: name) { continue }
                    pending.append(child)
                } else if type == S_IFLNK {
                    guard PlanFiles.isCandidate(fileName: name) else { continue }
                    var target = stat()
                    if stat(child, &target) != 0 {
                        diagnostics.append(Diagnostic(.skippedPath, "skipped '\(child)': the link leads nowhere or loops",
                                                      at: nil, hint: "fix or remove the symbolic link"))
                    } else if (target.st_mode & S_IFMT) == S_IFREG {
                        paths.append(child)
                    }
                } else if type == S_IFREG, PlanFiles.isCandidate(fileName: name) {
                    paths.append(child)
                }
            }
            closedir(directory)
        }
    }

    private static func read(_ path: String, into result: inout Result) {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else {
            result.diagnostics.append(Diagnostic(.unreadableFile, "cannot read '\(path)': \(String(cString: strerror(errno)))",
                                                 at: SourceRange(file: path, line: 1, column: 1),
                                                 hint: "check the file's permissions"))
            return
        }
        defer { close(fd) }
        var info = stat()
        if fstat(fd, &info) == 0, Int(info.st_size) > maximumFileSize {
            result.diagnostics.append(Diagnostic(.fileTooLarge, "'\(path)' is \(Int(info.st_size) >> 20) MB, over the \(maximumFileSize >> 20) MB limit",
                                                 at: SourceRange(file: path, line: 1, column: 1),
                                                 hint: "split the plan into several files with `part-of:`"))
            return
        }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(max(Int(info.st_size), 0))
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = chunk.withUnsafeMutableBytes { Foundation.read(fd, $0.baseAddress, $0.count) }
            if count < 0 {
                result.diagnostics.append(Diagnostic(.unreadableFile, "cannot read '\(path)': \(String(cString: strerror(errno)))",
                                                     at: SourceRange(file: path, line: 1, column: 1), hint: "check that it is a regular file"))
                return
            }
            if count == 0 { break }
            bytes.append(contentsOf: chunk[0..<count])
            if bytes.count > maximumFileSize {
                result.diagnostics.append(Diagnostic(.fileTooLarge, "'\(path)' is over the \(maximumFileSize >> 20) MB limit",
                                                     at: SourceRange(file: path, line: 1, column: 1),
                                                     hint: "split the plan into several files with `part-of:`"))
                return
            }
        }
        accept(bytes, path: path, into: &result)
    }

    /// A file read from elsewhere (a commit in git history) goes through the same checks as one
    /// read from disk: size, byte order mark, NUL bytes, UTF-8.
    public static func accept(_ bytes: [UInt8], path: String, into result: inout Result) {
        var bytes = bytes
        if bytes.count > maximumFileSize {
            result.diagnostics.append(Diagnostic(.fileTooLarge, "'\(path)' is over the \(maximumFileSize >> 20) MB limit",
                                                 at: SourceRange(file: path, line: 1, column: 1),
                                                 hint: "split the plan into several files with `part-of:`"))
            return
        }
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF {
            bytes.removeFirst(3)
        }
        if let problem = validate(bytes, path: path) {
            result.diagnostics.append(problem)
            return
        }
        result.files.append(SourceFile(path: path, bytes: bytes))
    }

    /// Rejects NUL bytes (binary data) and invalid UTF-8, located at the first offending byte.
    static func validate(_ bytes: [UInt8], path: String) -> Diagnostic? {
        // Binary data first: a PNG renamed .md is "not text", which says more than "bad UTF-8".
        if let nul = bytes.firstIndex(of: 0) {
            let lineStart = (bytes[..<nul].lastIndex { $0 == 10 || $0 == 13 }).map { $0 + 1 } ?? 0
            let line = 1 + bytes[..<nul].reduce(0) { $0 + ($1 == 10 ? 1 : 0) }
            return Diagnostic(.binaryFile, "'\(path)' contains a NUL byte: it looks like binary data, not Markdown",
                              at: SourceRange(file: path, line: line, column: nul - lineStart + 1),
                              hint: "plan files are UTF-8 text; rename the file if it is not a plan")
        }
        var line = 1
        var lineStart = 0
        var index = 0
        let count = bytes.count
        while index < count {
            let byte = bytes[index]
            if byte < 0x80 {
                if byte == 10 || (byte == 13 && (index + 1 >= count || bytes[index + 1] != 10)) {
                    line += 1; lineStart = index + 1
                }
                index += 1
                continue
            }
            let length: Int
            var minimum: UInt32 = 0
            var scalar: UInt32
            switch byte {
            case 0xC2...0xDF: length = 2; scalar = UInt32(byte & 0x1F); minimum = 0x80
            case 0xE0...0xEF: length = 3; scalar = UInt32(byte & 0x0F); minimum = 0x800
            case 0xF0...0xF4: length = 4; scalar = UInt32(byte & 0x07); minimum = 0x10000
            default: length = 0; scalar = 0
            }
            var valid = length > 0 && index + length <= count
            if valid {
                for offset in 1..<length {
                    let next = bytes[index + offset]
                    if next & 0xC0 != 0x80 { valid = false; break }
                    scalar = scalar << 6 | UInt32(next & 0x3F)
                }
            }
            if valid, scalar < minimum || scalar > 0x10FFFF || (0xD800...0xDFFF).contains(scalar) { valid = false }
            if !valid {
                return Diagnostic(.invalidUTF8, "'\(path)' is not valid UTF-8 (byte 0x\(String(byte, radix: 16, uppercase: true)))",
                                  at: location(path, bytes, line, lineStart, index),
                                  hint: "save the file as UTF-8; most editors offer it under 'encoding'")
            }
            index += length
        }
        return nil
    }

    private static func location(_ path: String, _ bytes: [UInt8], _ line: Int, _ lineStart: Int, _ index: Int) -> SourceRange {
        // Count characters of the valid prefix of the line: that is where an editor puts the cursor.
        let column = String(decoding: bytes[lineStart..<index], as: UTF8.self).count + 1
        return SourceRange(file: path, line: line, column: column)
    }
}
