/// A traffic mirror target: exactly one of an ENI, an NLB ARN or a GWLB endpoint.
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
