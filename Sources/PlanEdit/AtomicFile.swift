import Foundation

/// Reading a plan file as raw bytes and replacing it atomically: a temporary file in the same
/// folder, written and flushed to disk, then renamed over the original, so a reader (a
/// `planc serve`, an editor, a crash) sees the old file or the new one, never half of each.
public enum AtomicFile {
    /// The file's bytes as on disk (with a byte order mark, if it has one).
    public static func read(_ path: String) throws -> [UInt8] {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw EditError("cannot read '\(path)': \(String(cString: strerror(errno)))")
        }
        return [UInt8](data)
    }

    /// Replaces the file at `path` with `bytes`, unless its content is no longer `expected` (the
    /// bytes the edit was made from): someone saved it meanwhile, and their change would be lost.
    /// The content is compared, not the modification time, which a quick save can leave equal.
    /// A symbolic link is followed: the file it points to is replaced, the link stays.
    public static func replace(_ path: String, expected: [UInt8], with bytes: [UInt8]) throws {
        let target = (try? FileManager.default.destinationOfSymbolicLink(atPath: path)).map {
            $0.hasPrefix("/") ? $0 : (path as NSString).deletingLastPathComponent + "/" + $0
        } ?? path
        guard try read(target) == expected else {
            throw EditError("'\(path)' changed since planc read it; nothing was written (run the command again)")
        }
        var info = stat()
        let mode = stat(target, &info) == 0 ? info.st_mode & 0o7777 : 0o644
        let folder = (target as NSString).deletingLastPathComponent
        let name = (target as NSString).lastPathComponent
        // Hidden, so the loader and `planc serve` never read it as a plan.
        var template = Array(((folder.isEmpty ? "." : folder) + "/." + name + ".planc-XXXXXX").utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard fd >= 0 else { throw EditError("cannot write beside '\(path)': \(String(cString: strerror(errno)))") }
        let temporary = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        var failure: String?
        var written = 0
        bytes.withUnsafeBytes { buffer in
            while written < buffer.count {
                let count = write(fd, buffer.baseAddress! + written, buffer.count - written)
                if count < 0 { if errno == EINTR { continue }; failure = String(cString: strerror(errno)); return }
                written += count
            }
        }
        if failure == nil, fchmod(fd, mode) != 0 { failure = String(cString: strerror(errno)) }
        if failure == nil, fsync(fd) != 0 { failure = String(cString: strerror(errno)) }
        close(fd)
        if failure == nil, try read(target) != expected {
            failure = "it changed since planc read it"
        }
        if failure == nil, rename(temporary, target) != 0 { failure = String(cString: strerror(errno)) }
        if let failure {
            unlink(temporary)
            throw EditError("cannot write '\(path)': \(failure); nothing was written")
        }
        // The rename itself reaches the disk once the folder is flushed.
        let folderDescriptor = open(folder.isEmpty ? "." : folder, O_RDONLY)
        if folderDescriptor >= 0 { fsync(folderDescriptor); close(folderDescriptor) }
    }
}
