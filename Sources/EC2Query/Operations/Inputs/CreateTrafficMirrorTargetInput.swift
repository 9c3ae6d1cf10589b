/// CreateTrafficMirrorTarget: exactly one of the three target kinds is expected by EC2.
public struct CreateTrafficMirrorTargetInput: Sendable, Hashable {
    public var networkInterfaceID: String?
    public var networkLoadBalancerARN: String?
    public var description: String?
    public var tags: [EC2Tag]
    public var dryRun: Bool?
    public var clientToken: String?
    public var gatewayLoadBalancerEndpointID: String?

    public init(
        networkInterfaceID: String? = nil, networkLoadBalancerARN: String? = nil, description: String? = nil,
        tags: [EC2Tag] = [], dryRun: Bool? = nil, clientToken: String? = nil,
        gatewayLoadBalancerEndpointID: String? = nil
    ) {
        self.networkInterfaceID = networkInterfaceID
        self.networkLoadBalancerARN = networkLoadBalancerARN
        self.description = description
        self.tags = tags
        self.dryRun = dryRun
        self.clientToken = clientToken
        self.gatewayLoadBalancerEndpointID = gatewayLoadBalancerEndpointID
    }

    public var queryRequest: QueryRequest {
        var p = QueryParameters()
        p.add("NetworkInterfaceId", networkInterfaceID)
        p.add("NetworkLoadBalancerArn", networkLoadBalancerARN)
        p.add("Description", description)
        p.add(tagSpecificationFor: "traffic-mirror-target", tags: tags)
        p.add("DryRun", dryRun)
        p.add("ClientToken", clientToken)
        p.add("GatewayLoadBalancerEndpointId", gatewayLoadBalancerEndpointID)
        return QueryRequest(action: "CreateTrafficMirrorTarget", parameters: p)
    }
}
