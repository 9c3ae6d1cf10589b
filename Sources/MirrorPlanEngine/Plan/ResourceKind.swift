/// The four kinds of resource a stack owns, in the order they are created
/// (a rule needs its filter; a session needs its target and filter).
public enum ResourceKind: String, Hashable, Sendable, Codable, CaseIterable, Comparable {
    case target, filter, rule, session

    var creationRank: Int {
        switch self {
        case .filter: 0
        case .rule: 1
        case .target: 2
        case .session: 3
        }
    }

    public static func < (lhs: ResourceKind, rhs: ResourceKind) -> Bool { lhs.creationRank < rhs.creationRank }
}
