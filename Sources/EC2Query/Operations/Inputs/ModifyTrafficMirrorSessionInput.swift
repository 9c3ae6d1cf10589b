public struct ModifyTrafficMirrorSessionInput: Sendable, Hashable {
    public var sessionID: String
    public var targetID: String?
    public var filterID: String?
    public var packetLength: Int?
    public var sessionNumber: Int?
    public var virtualNetworkID: Int?
    public var description: String?
    public var removeFields: [TrafficMirrorSessionField]
    public var dryRun: Bool?

    public init(
        sessionID: String, targetID: String? = nil, filterID: String? = nil, packetLength: Int? = nil,
        sessionNumber: Int? = nil, virtualNetworkID: Int? = nil, description: String? = nil,
        removeFields: [TrafficMirrorSessionField] = [], dryRun: Bool? = nil
    ) {
        self.sessionID = sessionID
        self.targetID = targetID
        self.filterID = filterID
        self.packetLength = packetLength
        self.sessionNumber = sessionNumber
        self.virtualNetworkID = virtualNetworkID
        self.description = description
        self.removeFields = removeFields
        self.dryRun = dryRun
    }

    public var queryRequest: QueryRequest {
        var p = QueryParameters()
        p.add("TrafficMirrorSessionId", sessionID)
        p.add("TrafficMirrorTargetId", targetID)
        p.add("TrafficMirrorFilterId", filterID)
        p.add("PacketLength", packetLength)
        p.add("SessionNumber", sessionNumber)
        p.add("VirtualNetworkId", virtualNetworkID)
        p.add("Description", description)
        p.add("RemoveField", list: removeFields.map(\.rawValue))
        p.add("DryRun", dryRun)
        return QueryRequest(action: "ModifyTrafficMirrorSession", parameters: p)
    }
}
