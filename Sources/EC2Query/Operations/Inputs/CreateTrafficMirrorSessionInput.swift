public struct CreateTrafficMirrorSessionInput: Sendable, Hashable {
    public var networkInterfaceID: String
    public var targetID: String
    public var filterID: String
    public var packetLength: Int?
    public var sessionNumber: Int
    public var virtualNetworkID: Int?
    public var description: String?
    public var tags: [EC2Tag]
    public var dryRun: Bool?
    public var clientToken: String?

    public init(
        networkInterfaceID: String, targetID: String, filterID: String, packetLength: Int? = nil, sessionNumber: Int,
        virtualNetworkID: Int? = nil, description: String? = nil, tags: [EC2Tag] = [], dryRun: Bool? = nil,
        clientToken: String? = nil
    ) {
        self.networkInterfaceID = networkInterfaceID
        self.targetID = targetID
        self.filterID = filterID
        self.packetLength = packetLength
        self.sessionNumber = sessionNumber
        self.virtualNetworkID = virtualNetworkID
        self.description = description
        self.tags = tags
        self.dryRun = dryRun
        self.clientToken = clientToken
    }

    public var queryRequest: QueryRequest {
        var p = QueryParameters()
        p.add("NetworkInterfaceId", networkInterfaceID)
        p.add("TrafficMirrorTargetId", targetID)
        p.add("TrafficMirrorFilterId", filterID)
        p.add("PacketLength", packetLength)
        p.add("SessionNumber", sessionNumber)
        p.add("VirtualNetworkId", virtualNetworkID)
        p.add("Description", description)
        p.add(tagSpecificationFor: "traffic-mirror-session", tags: tags)
        p.add("DryRun", dryRun)
        p.add("ClientToken", clientToken)
        return QueryRequest(action: "CreateTrafficMirrorSession", parameters: p)
    }
}
