/// Why an edit was not made: an unknown or ambiguous id, an edit that does not fit the entry,
/// a file that changed while planc worked. Messages say what to do instead.
public struct EditError: Error, Equatable, Sendable, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
