/// Why a file could not be imported: one line, with the place in the file where there is one.
/// The command prints `FILE:LINE:COLUMN: error: MESSAGE` and exits with status 2.
public struct ImportError: Error, Sendable, Equatable, CustomStringConvertible {
    public var message: String
    public var line: Int?
    public var column: Int?

    public init(_ message: String, line: Int? = nil, column: Int? = nil) {
        self.message = message; self.line = line; self.column = column
    }

    init(_ message: String, at location: MSPDIProject.Location) {
        self.init(message, line: location.line, column: location.column)
    }

    /// `file.xml:12:5: error: …`, or `file.xml: error: …` without a place.
    public func line(file: String) -> String {
        var place = file
        if let line { place += ":\(line)" + (column.map { ":\($0)" } ?? "") }
        return place + ": error: " + message
    }

    public var description: String { line(file: "input") }
}
