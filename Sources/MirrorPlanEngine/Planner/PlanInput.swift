/// Everything the planner decides from: the manifest in normal form and what observe found.
public struct PlanInput: Hashable, Sendable {
    public var stack: String
    public var region: String
    /// Desired resources in normal form; session `networkInterfaceId`s already resolved to ENI ids.
    public var desired: [ResourceRecord]
    /// Live resources carrying this stack's ownership tag (the only ones the plan may change or delete).
    public var live: [ResourceRecord]
    /// Sessions that are not this stack's but share ENIs with it: they count against quotas and numbers.
    public var foreignSessions: [ForeignSession]

    public init(
        stack: String, region: String, desired: [ResourceRecord], live: [ResourceRecord],
        foreignSessions: [ForeignSession] = []
    ) {
        self.stack = stack
        self.region = region
        self.desired = desired
        self.live = live
        self.foreignSessions = foreignSessions
    }
}

/// A session mirrorplan does not own, observed because it shares an ENI with the stack.
public struct ForeignSession: Hashable, Sendable, Codable {
    public var id: String
    public var sourceNetworkInterfaceId: String
    public var sessionNumber: Int
    /// The traffic mirror target and filter it uses: a stack-owned one cannot be deleted while it does.
    public var targetId: String?
    public var filterId: String?

    public init(
        id: String, sourceNetworkInterfaceId: String, sessionNumber: Int, targetId: String? = nil,
        filterId: String? = nil
    ) {
        self.id = id
        self.sourceNetworkInterfaceId = sourceNetworkInterfaceId
        self.sessionNumber = sessionNumber
        self.targetId = targetId
        self.filterId = filterId
    }
}
