/// The traffic-mirroring resources the lab stores, as AWS describes them (reference §A.4).

public struct Tag: Sendable, Hashable, Codable {
    public var key: String
    public var value: String
}

public struct PortRange: Sendable, Hashable, Codable {
    public var from: Int
    public var to: Int
}

public struct TargetRecord: Sendable, Hashable, Codable {
    public var id: String
    public var networkInterfaceId: String?
    public var networkLoadBalancerArn: String?
    public var gatewayLoadBalancerEndpointId: String?
    public var description: String?
    public var ownerId: String

    var type: String {
        if networkInterfaceId != nil { return "network-interface" }
        if networkLoadBalancerArn != nil { return "network-load-balancer" }
        return "gateway-load-balancer-endpoint"
    }
}

public struct FilterRecord: Sendable, Hashable, Codable {
    public var id: String
    public var description: String?
    public var networkServices: [String]
}

public struct RuleRecord: Sendable, Hashable, Codable {
    public var id: String
    public var filterId: String
    public var direction: String
    public var number: Int
    public var action: String
    public var `protocol`: Int?
    public var destinationPortRange: PortRange?
    public var sourcePortRange: PortRange?
    public var destinationCidrBlock: String
    public var sourceCidrBlock: String
    public var description: String?
}

public struct SessionRecord: Sendable, Hashable, Codable {
    public var id: String
    public var targetId: String
    public var filterId: String
    public var networkInterfaceId: String
    public var ownerId: String
    public var packetLength: Int?
    public var sessionNumber: Int
    public var virtualNetworkId: Int
    public var description: String?
}

/// What a Create with a ClientToken did, so a retry returns the same resource (reference §A.8).
public struct ClientTokenRecord: Sendable, Hashable, Codable {
    public var fingerprint: String
    public var resourceId: String
    /// The resource element as first returned: EC2 hands it back even after the resource is deleted.
    public var snapshot: String
}
