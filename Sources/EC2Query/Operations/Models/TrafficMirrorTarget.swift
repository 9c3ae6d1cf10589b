import Foundation

/// A traffic mirror target as Describe/Create return it. IDs are taken as given (no prefix checks).
public struct TrafficMirrorTarget: Sendable, Hashable {
    public var id: String
    public var networkInterfaceID: String?
    public var networkLoadBalancerARN: String?
    public var gatewayLoadBalancerEndpointID: String?
    public var type: String?
    public var description: String?
    public var ownerID: String?
    public var tags: [EC2Tag]

    init(xml node: XMLNode) {
        id = node.string("trafficMirrorTargetId") ?? ""
        networkInterfaceID = node.string("networkInterfaceId")
        networkLoadBalancerARN = node.string("networkLoadBalancerArn")
        gatewayLoadBalancerEndpointID = node.string("gatewayLoadBalancerEndpointId")
        type = node.string("type")
        description = node.string("description")
        ownerID = node.string("ownerId")
        tags = node.tags()
    }
}
