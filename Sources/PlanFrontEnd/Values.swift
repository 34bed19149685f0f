import PlanModel

/// Reading typed values out of attribute and metadata text. Each reader reports its own
/// diagnostic at the value's range and returns nil on bad input.
struct ValueReader {
    var diagnostics = DiagnosticBag()
    /// Sanity bound for numbers: beyond a century of working days nothing is a plan any more.
    static let maximumDays = 36_500.0

    mutating func date(_ text: String, at range: SourceRange, what: String) -> Day? {
        if let day = Day(iso: text) { return day }
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        if parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
           let y = Int(parts[0]), let m = Int(parts[1]), Int(parts[2]) != nil {
            let reason = (1...12).contains(m) ? "\(Day.monthName(m)) \(y) has \(Day.daysIn(month: m, year: y)) days" : "there is no month \(m)"
            diagnostics.report(.impossibleDate, "\(what) '\(text)' is not a calendar date: \(reason)", at: range,
                               hint: "check the day and month")
        } else {
            diagnostics.report(.malformedDate, "\(what) '\(text)' is not a date", at: range,
                               hint: "write dates as YYYY-MM-DD, for example 2026-03-14")
        }
        return nil
    }

    /// `2026-08-03..2026-08-14` or a single date.
    mutating func dayRange(_ text: String, at range: SourceRange, what: String) -> DayRange? {
        if let dots = text.range(of: "..") {
            guard let first = date(String(text[..<dots.lowerBound]), at: range, what: what),
                  let last = date(String(text[dots.upperBound...]), at: range, what: what) else { return nil }
            if last < first {
                diagnostics.report(.finishBeforeStart, "\(what) '\(text)' ends before it starts", at: range,
                                   hint: "write the earlier date first")
                return nil
            }
            return DayRange(first: first, last: last)
        }
        guard let day = date(text, at: range, what: what) else { return nil }
        return DayRange(first: day, last: day)
    }

    /// A work amount in days: `5d`, `2.5d`, `3w` (5 working days), `16h` (of `hoursPerDay`).
    mutating func workDays(_ text: String, hoursPerDay: Double, at range: SourceRange, what: String) -> Double? {
        let utf8 = text.utf8
        guard let unitByte = utf8.last, unitByte == UInt8(ascii: "d") || unitByte == UInt8(ascii: "w") || unitByte == UInt8(ascii: "h"),
              utf8.count > 1, utf8.dropLast().allSatisfy({ ($0 >= 48 && $0 <= 57) || $0 == UInt8(ascii: ".") }),
              let number = Double(String(decoding: utf8.dropLast(), as: UTF8.self)) else {
            diagnostics.report(.malformedQuantity, "\(what) '\(text)' is not an amount of work", at: range,
                               hint: "write a number and a unit: 5d (days), 3w (weeks), 16h (hours)")
            return nil
        }
        let days: Double
        switch unitByte {
        case UInt8(ascii: "w"): days = number * 5
        case UInt8(ascii: "h"): days = number / hoursPerDay
        default: days = number
        }
        guard days.isFinite, days <= Self.maximumDays else {
            diagnostics.report(.valueOutOfRange, "\(what) '\(text)' is more than a century of work", at: range,
                               hint: "check the number; split very long work into several tasks")
            return nil
        }
        return days
    }

    mutating func percent(_ text: String, at range: SourceRange, what: String) -> Double? {
        var body = Substring(text)
        if body.hasSuffix("%") { body = body.dropLast() }
        guard let value = Double(body), value.isFinite, !body.isEmpty,
              body.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == "." || $0 == "-") }) else {
            diagnostics.report(.malformedNumber, "\(what) '\(text)' is not a percentage", at: range, hint: "write a number and %, like 40%")
            return nil
        }
        return value
    }

    /// `180000 EUR`, `EUR 180000`, `4500EUR`, `180_000 EUR`, `950EUR/d`; the per-unit suffix is
    /// returned separately.
    mutating func money(_ text: String, at range: SourceRange, what: String, defaultCurrency: String?) -> (Money, per: Character?)? {
        var body = Substring(text.trimmingSpaces)
        var per: Character?
        if body.hasSuffix("/d") || body.hasSuffix("/h") { per = body.last; body = body.dropLast(2) }
        let digits = body.filter { $0.isASCII && ($0.isNumber || $0 == ".") }
        let letters = body.filter { $0.isLetter }
        let separators = body.filter { $0 == "_" || $0 == "," || $0 == " " }
        guard !digits.isEmpty, digits.count + letters.count + separators.count == body.count,
              letters.isEmpty || (letters.count == 3 && letters.allSatisfy { $0.isASCII && $0.isUppercase }),
              let amount = Double(digits), amount.isFinite,
              body.first!.isNumber != body.last!.isNumber || letters.isEmpty else {
            diagnostics.report(.malformedNumber, "\(what) '\(text)' is not an amount of money", at: range,
                               hint: "write an amount and a three-letter currency code, like 180000 EUR")
            return nil
        }
        guard amount < 1e15 else {
            diagnostics.report(.valueOutOfRange, "\(what) '\(text)' is implausibly large", at: range, hint: "check the number")
            return nil
        }
        return (Money(amount: amount, currency: letters.isEmpty ? defaultCurrency : String(letters)), per)
    }

    mutating func choice<T: RawRepresentable & CaseIterable>(_ type: T.Type, _ text: String, at range: SourceRange, what: String) -> T?
    where T.RawValue == String {
        let lowered = text.lowercased()
        if let value = T(rawValue: lowered) { return value }
        let options = T.allCases.map(\.rawValue)
        diagnostics.report(.unknownValue, "unknown \(what) '\(text)'", at: range,
                           hint: Suggest.hint(for: lowered, among: options) ?? "use one of: \(options.joined(separator: ", "))")
        return nil
    }

    mutating func yesNo(_ text: String, at range: SourceRange, what: String) -> Bool? {
        switch text.lowercased() {
        case "yes", "true", "on": return true
        case "no", "false", "off": return false
        default:
            diagnostics.report(.unknownValue, "\(what) must be yes or no, not '\(text)'", at: range, hint: "write yes or no")
            return nil
        }
    }
}

extension String {
    var trimmingSpaces: String {
        var scalars = Substring(self)
        while scalars.first == " " || scalars.first == "\t" { scalars = scalars.dropFirst() }
        while scalars.last == " " || scalars.last == "\t" { scalars = scalars.dropLast() }
        return String(scalars)
    }
}

extension Day {
    static func monthName(_ month: Int) -> String {
        ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
         "November", "December"][month - 1]
    }
}

/// The id rule of the plan language: lower-case letters and digits of any script; every run of
/// anything else becomes one `-`; no `-` at either end.
enum Slug {
    static func make(_ title: String) -> String {
        if let ascii = makeASCII(title) { return ascii }
        var result = ""
        var pendingDash = false
        for character in title.lowercased() {
            if character.isLetter || character.isNumber {
                if pendingDash, !result.isEmpty { result.append("-") }
                pendingDash = false
                result.append(character)
            } else {
                pendingDash = true
            }
        }
        return result
    }

    /// The same rule on bytes, for the common all-ASCII title; nil when the title is not ASCII.
    private static func makeASCII(_ title: String) -> String? {
        var utf8 = title.utf8
        return utf8.withContiguousStorageIfAvailable { bytes -> String? in
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count)
            var pendingDash = false
            for byte in bytes {
                if byte >= 0x80 { return nil }
                let lower = byte >= 65 && byte <= 90 ? byte + 32 : byte
                if (lower >= 97 && lower <= 122) || (lower >= 48 && lower <= 57) {
                    if pendingDash, !out.isEmpty { out.append(45) }
                    pendingDash = false
                    out.append(lower)
                } else {
                    pendingDash = true
                }
            }
            return String(decoding: out, as: UTF8.self)
        } ?? { utf8 = title.utf8; return nil }()
    }

    /// Explicit ids: letters, digits, `-`, `_`, `.`.
    static func isValid(_ id: String) -> Bool {
        guard !id.isEmpty else { return false }
        if id.utf8.allSatisfy({ $0 < 0x80 }) {
            return id.utf8.allSatisfy { isLetter($0) || isDigit($0) || $0 == 45 || $0 == 95 || $0 == 46 }
        }
        return id.allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" || $0 == "." }
    }
}
