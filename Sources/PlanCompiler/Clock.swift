import Foundation
import PlanModel

/// Where "today" comes from when the user does not pass --today. Only the command line calls it.
public enum Clock {
    /// `SOURCE_DATE_EPOCH` (seconds since 1970, UTC) when set, so CI output is reproducible;
    /// otherwise the current UTC date.
    public static func today(environment: [String: String], now: Date = Date()) -> Day {
        if let text = environment["SOURCE_DATE_EPOCH"], let seconds = Int(text.trimmingCharacters(in: .whitespaces)) {
            return Day(ordinal: Int((Double(seconds) / 86_400).rounded(.down)))
        }
        return Day(ordinal: Int((now.timeIntervalSince1970 / 86_400).rounded(.down)))
    }
}

public enum ColorChoice: String, CaseIterable, Sendable {
    case auto, always, never
}

public enum ColorPolicy {
    /// https://no-color.org: NO_COLOR set to anything non-empty disables colour unless forced.
    public static func enabled(choice: ColorChoice, isTerminal: Bool, environment: [String: String]) -> Bool {
        switch choice {
        case .always: return true
        case .never: return false
        case .auto:
            if let value = environment["NO_COLOR"], !value.isEmpty { return false }
            if environment["TERM"] == "dumb" { return false }
            return isTerminal
        }
    }
}
