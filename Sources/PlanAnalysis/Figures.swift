import PlanModel

/// Number formatting shared by the analysis sentences and the renderers. Locale-free on purpose:
/// the same plan must give the same bytes on every machine.
public enum Figures {
    /// `198,000 EUR`: rounded to whole units, thousands grouped with commas.
    public static func money(_ amount: Double, _ currency: String?) -> String {
        let text = grouped(Int(amount.rounded()))
        return currency.map { "\(text) \($0)" } ?? text
    }

    /// `1,234,567`; negative numbers keep their sign.
    public static func grouped(_ value: Int) -> String {
        let digits = String(value.magnitude)
        var out = ""
        for (offset, character) in digits.enumerated() {
            if offset > 0, (digits.count - offset) % 3 == 0 { out.append(",") }
            out.append(character)
        }
        return value < 0 ? "-" + out : out
    }

    /// `110 %` from 1.1: whole percent, a space before the sign (as in the plan language's prose).
    public static func percent(_ ratio: Double) -> String {
        "\(Int((ratio * 100).rounded())) %"
    }

    /// `2.5` or `3`: at most one decimal, no trailing `.0`.
    public static func days(_ value: Double) -> String {
        let tenths = Int((value * 10).rounded())
        let sign = tenths < 0 ? "-" : ""
        let magnitude = tenths.magnitude
        return sign + (magnitude % 10 == 0 ? String(magnitude / 10) : "\(magnitude / 10).\(magnitude % 10)")
    }

    public static func resourceName(_ resource: ResourceRef, _ plan: Plan) -> String {
        switch resource {
        case .person(let index): return plan.people.indices.contains(index) ? plan.people[index].name : "person \(index)"
        case .pool(let index): return plan.pools.indices.contains(index) ? plan.pools[index].name : "pool \(index)"
        }
    }

    public static func resourceID(_ resource: ResourceRef, _ plan: Plan) -> String {
        switch resource {
        case .person(let index): return plan.people.indices.contains(index) ? plan.people[index].id : "person-\(index)"
        case .pool(let index): return plan.pools.indices.contains(index) ? plan.pools[index].id : "pool-\(index)"
        }
    }
}
