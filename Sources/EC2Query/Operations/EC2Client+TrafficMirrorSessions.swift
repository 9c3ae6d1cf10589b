extension EC2Client {
    public func createTrafficMirrorSession(_ input: CreateTrafficMirrorSessionInput) async throws -> Created<
        TrafficMirrorSession
    > {
        var input = input
        input.clientToken = Self.clientToken(input.clientToken)
        let root = try await call(input.queryRequest)
        let node = try require(
            root.child("trafficMirrorSession"), action: "CreateTrafficMirrorSession", "trafficMirrorSession")
        return Created(resource: TrafficMirrorSession(xml: node), clientToken: root.string("clientToken"))
    }

    public func modifyTrafficMirrorSession(_ input: ModifyTrafficMirrorSessionInput) async throws
        -> TrafficMirrorSession
    {
        let root = try await call(input.queryRequest)
        return TrafficMirrorSession(
            xml: try require(
                root.child("trafficMirrorSession"), action: "ModifyTrafficMirrorSession", "trafficMirrorSession"))
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

    public func describeTrafficMirrorSessions(ids: [String] = [], filters: [EC2Filter] = []) async throws
        -> [TrafficMirrorSession]
    {
        try await paginate(action: "DescribeTrafficMirrorSessions") { token in
            Self.describeTrafficMirrorSessionsRequest(
                ids: ids,
                options: DescribeOptions(
                    filters: filters, maxResults: ids.isEmpty ? Self.pageSize : nil, nextToken: token))
        } items: {
            $0.items("trafficMirrorSessionSet").map(TrafficMirrorSession.init(xml:))
        }
    }
}
