/// A traffic-mirror filter and its rules. AWS allows at most `maximumRules` rules, both directions together.
public struct FilterSpec: Hashable, Sendable {
    public static let maximumRules = 10
    /// The only network service AWS knows today.
    public static let knownNetworkServices = ["amazon-dns"]

    public var name: String
    public var description: String?
    /// Compared as a set; kept sorted.
    public var networkServices: [String]
    public var ingress: [FilterRuleSpec]
    public var egress: [FilterRuleSpec]
    public var tags: [String: String]

    public init(
        name: String, description: String? = nil, networkServices: [String] = [], ingress: [FilterRuleSpec] = [],
        egress: [FilterRuleSpec] = [], tags: [String: String] = [:]
    ) {
        self.name = name
        self.description = description
        self.networkServices = networkServices.sorted()
        self.ingress = ingress
        self.egress = egress
        self.tags = tags
    }

    public var rules: [FilterRuleSpec] { ingress + egress }
}
