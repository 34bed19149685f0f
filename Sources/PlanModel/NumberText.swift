/// Numbers as planc writes them, everywhere: terminal, site, exports and diagnostics. The one home
/// of number formatting, locale-free so the same plan gives the same bytes on every machine.
///
/// One convention, in ASCII so it reads the same in a terminal with `--ascii`, a CSV cell, a
/// JSON string and a page:
/// - the minus sign is `-` (U+002D), never U+2212;
/// - thousands are grouped with `,` and amounts of money are whole units: `1,234,567 EUR`;
/// - a percentage is a whole number, a space and `%`: `42 %` (as `planc status` always showed it);
/// - where a plan's own notation is quoted back (a diagnostic's hint, a TaskJuggler file), numbers
///   are `plain` (`12.5`, no grouping) and a share is `percentLiteral` (`50%`), so it can be pasted.
public enum NumberText {
    /// `1,234,567`, `-1,234`: rounded to a whole number, thousands grouped with commas.
    public static func grouped(_ value: Double) -> String {
        guard value.isFinite, abs(value) < 1e18 else { return "\(value)" }
        let rounded = Int(value.rounded())
        let digits = String(rounded.magnitude)
        var result = ""
        for (index, character) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { result += "," }
            result.append(character)
        }
        return (rounded < 0 ? "-" : "") + result
    }

    /// `198,000 EUR`: whole units, grouped, the currency after a space; `—` when there is none.
    public static func money(_ amount: Double?, currency: String?) -> String {
        guard let amount else { return "—" }
        return grouped(amount) + (currency.map { " " + $0 } ?? "")
    }

    public static func money(_ value: Money?) -> String {
        money(value?.amount, currency: value?.currency)
    }

    /// `1 day`, `2 days`, `0 tasks`: a count and its noun, singular only for one (and minus one).
    /// The plural is the noun plus `s` unless given.
    public static func count(_ value: Int, _ noun: String, plural: String? = nil) -> String {
        "\(value) " + (abs(value) == 1 ? noun : plural ?? noun + "s")
    }

    /// `42 %` from 0.42: a whole percent, a space, the sign.
    public static func percent(_ fraction: Double) -> String {
        grouped(fraction * 100) + " %"
    }

    /// `2.5`, `3`, `-0.5`: at most one decimal, no trailing `.0`.
    public static func decimal(_ value: Double) -> String {
        fixed(value, decimals: 1, trimmed: true)
    }

    /// `0.93`, `1.10`: exactly two decimals (performance indices).
    public static func twoDecimals(_ value: Double) -> String {
        fixed(value, decimals: 2, trimmed: false)
    }

    /// `12.5`, `0.33`, `150`: at most two decimals, no grouping and no trailing zeros; a number a
    /// plan or another tool reads back.
    public static func plain(_ value: Double) -> String {
        fixed(value, decimals: 2, trimmed: true)
    }

    /// `50%` from 0.5: a share as the plan language writes it (`@ann:50%`, `availability:80%`).
    public static func percentLiteral(_ fraction: Double) -> String {
        plain(fraction * 100) + "%"
    }

    /// `value` rounded to `decimals` places; `trimmed` drops trailing zeros and a bare point.
    private static func fixed(_ value: Double, decimals: Int, trimmed: Bool) -> String {
        guard value.isFinite else { return "\(value)" }
        var scale = 1
        for _ in 0..<decimals { scale *= 10 }
        guard abs(value) * Double(scale) < 1e18 else { return "\(value)" }
        let scaled = Int((value * Double(scale)).rounded())
        let whole = String(scaled.magnitude / UInt(scale))
        var fraction = String(scaled.magnitude % UInt(scale))
        fraction = String(repeating: "0", count: decimals - fraction.count) + fraction
        if trimmed { while fraction.last == "0" { fraction.removeLast() } }
        return (scaled < 0 ? "-" : "") + whole + (fraction.isEmpty ? "" : "." + fraction)
    }
}
