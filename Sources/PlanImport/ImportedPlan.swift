/// What `planc import` writes: plan files by their path inside the output folder, and the notes
/// on what the MSPDI file held that the plan does not (printed by the command, and kept in the
/// project file's `## Notes`).
public struct ImportedPlan: Sendable, Equatable {
    public struct File: Sendable, Equatable {
        /// A plain file name (`plan.md`, `calendar-night-shift.md`): never a folder or `..`.
        public var name: String
        public var text: String
    }

    public var files: [File]
    public var notes: [String]

    public func text(of name: String) -> String? { files.first { $0.name == name }?.text }
}
