/// Optional session fields that ModifyTrafficMirrorSession can reset to their defaults (`RemoveField.N`).
public enum TrafficMirrorSessionField: String, Sendable, Hashable, CaseIterable {
    case packetLength = "packet-length"
    case description = "description"
    case virtualNetworkID = "virtual-network-id"
}

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

extension EC2Client {
    public func createTrafficMirrorSession(_ input: CreateTrafficMirrorSessionInput) async throws -> Created<TrafficMirrorSession> {
        var input = input
        input.clientToken = Self.clientToken(input.clientToken)
        let root = try await call(input.queryRequest)
        let node = try require(root.child("trafficMirrorSession"), action: "CreateTrafficMirrorSession", "trafficMirrorSession")
        return Created(resource: TrafficMirrorSession(xml: node), clientToken: root.string("clientToken"))
    }

    public func modifyTrafficMirrorSession(_ input: ModifyTrafficMirrorSessionInput) async throws -> TrafficMirrorSession {
        let root = try await call(input.queryRequest)
        return TrafficMirrorSession(
            xml: try require(root.child("trafficMirrorSession"), action: "ModifyTrafficMirrorSession", "trafficMirrorSession"))
    }

    public static func deleteTrafficMirrorSessionRequest(id: String, dryRun: Bool? = nil) -> QueryRequest {
        var p = QueryParameters()
        p.add("TrafficMirrorSessionId", id)
        p.add("DryRun", dryRun)
        return QueryRequest(action: "DeleteTrafficMirrorSession", parameters: p)
    }

    @discardableResult
    public func deleteTrafficMirrorSession(id: String, dryRun: Bool? = nil) async throws -> String {
        let root = try await call(Self.deleteTrafficMirrorSessionRequest(id: id, dryRun: dryRun))
        return root.string("trafficMirrorSessionId") ?? id
    }

    public static func describeTrafficMirrorSessionsRequest(ids: [String], options: DescribeOptions) -> QueryRequest {
        var p = QueryParameters()
        p.add("TrafficMirrorSessionId", list: ids)
        p.add("DryRun", options.dryRun)
        p.add(filters: options.filters)
        p.add("MaxResults", options.maxResults)
        p.add("NextToken", options.nextToken)
        return QueryRequest(action: "DescribeTrafficMirrorSessions", parameters: p)
    }

    public func describeTrafficMirrorSessions(ids: [String] = [], filters: [EC2Filter] = []) async throws -> [TrafficMirrorSession] {
        try await paginate(action: "DescribeTrafficMirrorSessions") { token in
            Self.describeTrafficMirrorSessionsRequest(
                ids: ids, options: DescribeOptions(filters: filters, maxResults: ids.isEmpty ? Self.pageSize : nil, nextToken: token))
        } items: { $0.items("trafficMirrorSessionSet").map(TrafficMirrorSession.init(xml:)) }
    }
}
