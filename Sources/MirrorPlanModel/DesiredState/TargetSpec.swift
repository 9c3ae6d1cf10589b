/// A traffic-mirror target: where mirrored packets go. Every field is immutable in AWS (a change is a replace).
public struct TargetSpec: Hashable, Sendable {
    public enum Kind: Hashable, Sendable {
        case networkInterface(NetworkInterfaceReference)
        case networkLoadBalancer(arn: String)
        case gatewayLoadBalancerEndpoint(id: String)
    }

    public var name: String
    public var kind: Kind
    public var description: String?
    /// Stack tags merged under the target's own tags (the target's win).
    public var tags: [String: String]

    public init(name: String, kind: Kind, description: String? = nil, tags: [String: String] = [:]) {
        self.name = name
        self.kind = kind
        self.description = description
        self.tags = tags
    }
}
