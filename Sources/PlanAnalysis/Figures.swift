import PlanModel

/// Names of people and pools as the analysis sentences and the renderers write them. Numbers are
/// written by `NumberText` (PlanModel).
public enum Figures {
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
