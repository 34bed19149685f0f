import Foundation
import PlanModel

/// Reading typed values out of attribute and metadata text. Each reader reports its own
/// diagnostic at the value's range and returns nil on bad input.
struct ValueReader {
    var diagnostics = DiagnosticBag()
    /// Sanity bound for numbers: beyond a century of working days nothing is a plan any more.
    static let maximumDays = 36_500.0
    /// The same, as messages state it.
    static let maximumDaysText = "36,500 working days"

    mutating func date(_ text: String, at range: SourceRange, what: String) -> Day? {
        let window = Day.planningWindow
        if let day = Day(iso: text), window.contains(day) { return day }
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        if parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
           let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]) {
            if !(1...12).contains(m) {
                diagnostics.report(.impossibleDate, "\(what) '\(text)' is not a calendar date: there is no month \(m)", at: range,
                                   hint: "months run from 01 to 12; check the day and month")
            } else if y >= 1, !(1...Day.daysIn(month: m, year: y)).contains(d) {
                diagnostics.report(.impossibleDate,
                                   "\(what) '\(text)' is not a calendar date: \(CalendarNames.month(m)) \(y) has \(Day.daysIn(month: m, year: y)) days",
                                   at: range, hint: "check the day and month")
            } else {
                diagnostics.report(.valueOutOfRange,
                                   "\(what) '\(text)' is outside the dates planc plans with, \(window.lowerBound) to \(window.upperBound)",
                                   at: range, hint: "check the year; plans name days from 1900 to 2400")
            }
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
        let unitByte = utf8.last ?? 0
        let isUnit = unitByte == UInt8(ascii: "d") || unitByte == UInt8(ascii: "w") || unitByte == UInt8(ascii: "h")
        let digits = utf8.dropLast()
        if isUnit, !digits.isEmpty, digits.contains(UInt8(ascii: ",")),
           digits.allSatisfy({ ($0 >= 48 && $0 <= 57) || $0 == UInt8(ascii: ",") }) {
            let fixed = text.replacingOccurrences(of: ",", with: ".")
            diagnostics.report(.decimalSeparator, "\(what) '\(text)' has a decimal comma", at: range,
                               hint: "write \(fixed): amounts of work use a decimal point")
            return nil
        }
        guard isUnit, !digits.isEmpty, digits.allSatisfy({ ($0 >= 48 && $0 <= 57) || $0 == UInt8(ascii: ".") }),
              let number = Double(String(decoding: digits, as: UTF8.self)) else {
            diagnostics.report(.malformedQuantity, "\(what) '\(text)' is not an amount of work", at: range,
                               hint: "write digits, an optional decimal point and a unit: 5d (days), 3w (weeks), 16h (hours)")
            return nil
        }
        let days: Double
        switch unitByte {
        case UInt8(ascii: "w"): days = number * 5
        case UInt8(ascii: "h"): days = number / hoursPerDay
        default: days = number
        }
        guard days.isFinite, days <= Self.maximumDays else {
            diagnostics.report(.valueOutOfRange,
                               "\(what) '\(text)' is more than a century of work (the limit is \(Self.maximumDaysText))",
                               at: range, hint: "check the number; split very long work into several tasks")
            return nil
        }
        return days
    }

    mutating func percent(_ text: String, at range: SourceRange, what: String) -> Double? {
        var body = Substring(text)
        if body.hasSuffix("%") { body = body.dropLast() }
        if body.contains(","), body.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == "," || $0 == "-") }) {
            diagnostics.report(.decimalSeparator, "\(what) '\(body)%' has a decimal comma", at: range,
                               hint: "write \(body.replacingOccurrences(of: ",", with: "."))%: percentages use a decimal point")
            return nil
        }
        guard let value = Double(body), value.isFinite, !body.isEmpty,
              body.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == "." || $0 == "-") }) else {
            diagnostics.report(.malformedNumber, "\(what) '\(text)' is not a percentage", at: range, hint: "write a number and %, like 40%")
            return nil
        }
        return value
    }

    /// Which character marks decimals in money, from the settings file's `decimal-mark`; nil
    /// reads both forms where they are unambiguous and refuses the rest.
    var decimalMark: Character?

    /// Money beyond this is a typo, not a budget.
    static let maximumMoney = 1e15

    /// `180000 EUR`, `EUR 180000`, `4500EUR`, `180_000 EUR`, `1,234.50 EUR`, `1.234,50 EUR`,
    /// `950EUR/d`; the per-unit suffix is returned separately.
    mutating func money(_ text: String, at range: SourceRange, what: String, defaultCurrency: String?) -> (Money, per: Character?)? {
        var body = Substring(text.trimmingSpaces)
        var per: Character?
        if body.hasSuffix("/d") || body.hasSuffix("/h") { per = body.last; body = body.dropLast(2) }
        // The currency code at either end, the amount in between.
        var letters = ""
        if let first = body.first, first.isLetter {
            letters = String(body.prefix { $0.isLetter }); body = body.dropFirst(letters.count)
        } else if let last = body.last, last.isLetter {
            let suffix = String(body.reversed().prefix { $0.isLetter }.reversed()); letters = suffix; body = body.dropLast(suffix.count)
        }
        let amountText = body.trimmingCharacters
        guard letters.isEmpty || (letters.count == 3 && letters.allSatisfy { $0.isASCII && $0.isUppercase }) else {
            diagnostics.report(.malformedNumber, "\(what) '\(text)' is not an amount of money", at: range,
                               hint: "write an amount and a three-letter currency code, like 180000 EUR")
            return nil
        }
        let amount: Double
        switch AmountReader.read(amountText, decimalMark: decimalMark) {
        case .value(let value):
            amount = value
        case .ambiguous(let reading):
            diagnostics.report(.decimalSeparator, "\(what) '\(text)' is ambiguous: \(reading)", at: range,
                               hint: "write the amount without grouping (1234.50), or state the decimal mark in the settings file: `- decimal-mark: comma` or `point`")
            return nil
        case .malformed:
            diagnostics.report(.malformedNumber, "\(what) '\(text)' is not an amount of money", at: range,
                               hint: "write an amount and a three-letter currency code, like 180000 EUR")
            return nil
        }
        guard amount < Self.maximumMoney else {
            diagnostics.report(.valueOutOfRange, "\(what) '\(text)' is implausibly large (the limit is 10^15)", at: range,
                               hint: "check the number")
            return nil
        }
        return (Money(amount: amount, currency: letters.isEmpty ? defaultCurrency : letters), per)
    }

    /// One of `T`'s words; `range` holds the value alone or `key:value` (where the fix goes).
    mutating func choice<T: RawRepresentable & CaseIterable>(_ type: T.Type, _ text: String, key: String, at range: SourceRange,
                                                             what: String) -> T?
    where T.RawValue == String {
        let lowered = text.lowercased()
        if let value = T(rawValue: lowered) { return value }
        let options = T.allCases.map(\.rawValue)
        let near = Suggest.closest(to: lowered, among: options)
        diagnostics.report(.unknownValue, "unknown \(what) '\(text)'", at: range,
                           hint: Suggest.hint(for: lowered, among: options) ?? "use one of: \(options.joined(separator: ", "))",
                           fixIts: near.flatMap { Diagnostic.FixIt.replacing(text, inValue: text, key: key, in: range, with: $0) }.map { [$0] } ?? [])
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

/// Reading amounts written with grouping and a decimal mark, as people write money.
enum AmountReader {
    enum Reading: Equatable {
        case value(Double)
        /// The text reads two ways; the associated text says which.
        case ambiguous(String)
        case malformed
    }

    /// `1234.50`, `1,234.50`, `1.234,50`, `1 234,50`, `180_000`, `1,5`. Groups after the first
    /// are three digits. Without `decimalMark`, a single `.` or `,` followed by exactly three
    /// digits (`1.234`, `1,234`) is ambiguous; a `,` followed by one or two digits is decimal.
    static func read(_ text: String, decimalMark: Character?) -> Reading {
        let characters = Array(text)
        guard let last = characters.last, last.isASCII, last.isNumber,
              characters.allSatisfy({ ($0.isASCII && $0.isNumber) || $0 == "." || $0 == "," || $0 == " " || $0 == "_" || $0 == "\u{00A0}" || $0 == "\u{202F}" })
        else { return .malformed }
        let dots = characters.filter { $0 == "." }.count
        let commas = characters.filter { $0 == "," }.count
        var mark: Character? = decimalMark
        if mark == nil {
            if dots > 0, commas > 0, let lastDot = characters.lastIndex(of: "."), let lastComma = characters.lastIndex(of: ",") {
                mark = lastDot > lastComma ? "." : ","
            } else if dots == 1 || commas == 1 {
                let separator: Character = dots == 1 ? "." : ","
                let position = characters.lastIndex(of: separator) ?? 0
                let after = characters.count - position - 1
                let before = characters[..<position].filter { $0.isNumber }.count
                if after == 3, before <= 3, characters[..<position].allSatisfy({ $0.isNumber }),
                   characters[..<position].contains(where: { $0 != "0" }) {
                    let digits = String(characters.filter { $0.isNumber })
                    return .ambiguous("'\(separator)' may group thousands (\(digits)) or mark decimals")
                }
                mark = separator
            }
        }
        var integer = characters[...]
        var fraction: ArraySlice<Character> = []
        if let mark, let position = characters.firstIndex(of: mark) {
            guard characters.lastIndex(of: mark) == position else { return .malformed }
            integer = characters[..<position]
            fraction = characters[(position + 1)...]
            guard !fraction.isEmpty, fraction.allSatisfy({ $0.isASCII && $0.isNumber }) else { return .malformed }
        }
        return groups(integer, fraction: fraction)
    }

    /// The integer part: digits, or groups of three after a first group of one to three digits.
    private static func groups(_ integer: ArraySlice<Character>, fraction: ArraySlice<Character>) -> Reading {
        let parts = integer.split(omittingEmptySubsequences: false) { !($0.isASCII && $0.isNumber) }
        guard let first = parts.first, !first.isEmpty || (parts.count == 1 && !fraction.isEmpty) else { return .malformed }
        if parts.count > 1 {
            let underscoresOnly = integer.allSatisfy { ($0.isASCII && $0.isNumber) || $0 == "_" }
            guard underscoresOnly || first.count <= 3, parts.dropFirst().allSatisfy({ $0.count == 3 }) else { return .malformed }
        }
        let digits = String(parts.joined()) + (fraction.isEmpty ? "" : "." + String(fraction))
        guard let value = Double(digits.isEmpty ? "0" : digits), value.isFinite else { return .malformed }
        return .value(value)
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
