/// A resource's stable logical identity within a stack: its kind and its `mirrorplan:name` tag
/// (`monitor`, `icmp/ingress/100`). Ordered by creation rank, then name, so every output is deterministic.
public struct ResourceAddress: Hashable, Sendable, Codable, Comparable, CustomStringConvertible {
    public var kind: ResourceKind
    public var name: String

    public init(_ kind: ResourceKind, _ name: String) {
        self.kind = kind
        self.name = name
    }

    public var description: String { "\(kind.rawValue).\(name)" }

    public static func < (lhs: ResourceAddress, rhs: ResourceAddress) -> Bool {
        (lhs.kind, lhs.name) < (rhs.kind, rhs.name)
    }

    /// The filter a rule belongs to (`icmp` for `icmp/ingress/100`); nil for other kinds.
    public var ruleFilterName: String? {
        guard kind == .rule else { return nil }
        return name.split(separator: "/", maxSplits: 1).first.map(String.init)
    }
}
