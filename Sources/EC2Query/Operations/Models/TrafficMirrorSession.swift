import Foundation

/// A traffic mirror session.
public struct TrafficMirrorSession: Sendable, Hashable {
    public var id: String
    public var targetID: String?
    public var filterID: String?
    public var networkInterfaceID: String?
    public var ownerID: String?
    public var packetLength: Int?
    public var sessionNumber: Int?
    public var virtualNetworkID: Int?
    public var description: String?
    public var tags: [EC2Tag]

    init(xml node: XMLNode) {
        id = node.string("trafficMirrorSessionId") ?? ""
        targetID = node.string("trafficMirrorTargetId")
        filterID = node.string("trafficMirrorFilterId")
        networkInterfaceID = node.string("networkInterfaceId")
        ownerID = node.string("ownerId")
        packetLength = node.int("packetLength")
        sessionNumber = node.int("sessionNumber")
        virtualNetworkID = node.int("virtualNetworkId")
        description = node.string("description")
        tags = node.tags()
    }
}
