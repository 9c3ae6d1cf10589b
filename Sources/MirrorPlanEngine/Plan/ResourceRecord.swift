/// One resource in normal form, desired or live: every comparable attribute as canonical text
/// (CIDRs canonical, protocols as IANA numbers, ports as `N-M`, defaults made explicit), so that
/// comparing two records is comparing strings and an applied manifest plans to no changes.
public struct ResourceRecord: Hashable, Sendable {
    public var address: ResourceAddress
    /// The AWS id (`tmt-…`); nil for a desired resource not yet created.
    public var id: String?
    /// Attribute → canonical value; an absent key means unset.
    public var attributes: [String: String]
    /// User tags only: never the ownership tags (`mirrorplan:*`) nor AWS system tags (`aws:*`).
    public var tags: [String: String]

    public init(address: ResourceAddress, id: String? = nil, attributes: [String: String], tags: [String: String] = [:])
    {
        self.address = address
        self.id = id
        self.attributes = attributes
        self.tags = tags
    }

    /// Tag keys the planner never diffs: AWS owns `aws:`, the stack owns `mirrorplan:`.
    public static func isUserTag(_ key: String) -> Bool {
        !key.hasPrefix("aws:") && !key.hasPrefix(OwnershipTags.prefix)
    }
}

/// The tags that make a resource part of a stack (architecture.md: identity by tags, no state file).
public enum OwnershipTags {
    public static let prefix = "mirrorplan:"
    public static let stack = "mirrorplan:stack"
    public static let name = "mirrorplan:name"
}
