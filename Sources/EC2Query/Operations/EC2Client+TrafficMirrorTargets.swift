extension EC2Client {
    public func createTrafficMirrorTarget(_ input: CreateTrafficMirrorTargetInput) async throws -> Created<
        TrafficMirrorTarget
    > {
        var input = input
        input.clientToken = Self.clientToken(input.clientToken)
        let root = try await call(input.queryRequest)
        let node = try require(
            root.child("trafficMirrorTarget"), action: "CreateTrafficMirrorTarget", "trafficMirrorTarget")
        return Created(resource: TrafficMirrorTarget(xml: node), clientToken: root.string("clientToken"))
    }

    public static func deleteTrafficMirrorTargetRequest(id: String, dryRun: Bool? = nil) -> QueryRequest {
        var p = QueryParameters()
        p.add("TrafficMirrorTargetId", id)
        p.add("DryRun", dryRun)
        return QueryRequest(action: "DeleteTrafficMirrorTarget", parameters: p)
    }

    /// Returns the deleted target's id.
    @discardableResult
    public func deleteTrafficMirrorTarget(id: String, dryRun: Bool? = nil) async throws -> String {
        let root = try await call(Self.deleteTrafficMirrorTargetRequest(id: id, dryRun: dryRun))
        return root.string("trafficMirrorTargetId") ?? id
    }

    public static func describeTrafficMirrorTargetsRequest(ids: [String], options: DescribeOptions) -> QueryRequest {
        var p = QueryParameters()
        p.add("TrafficMirrorTargetId", list: ids)
        p.add("DryRun", options.dryRun)
        p.add(filters: options.filters)
        p.add("MaxResults", options.maxResults)
        p.add("NextToken", options.nextToken)
        return QueryRequest(action: "DescribeTrafficMirrorTargets", parameters: p)
    }

    /// All targets matching `ids`/`filters`, every page. With ids, MaxResults is not sent.
    public func describeTrafficMirrorTargets(ids: [String] = [], filters: [EC2Filter] = []) async throws
        -> [TrafficMirrorTarget]
    {
        try await paginate(action: "DescribeTrafficMirrorTargets") { token in
            Self.describeTrafficMirrorTargetsRequest(
                ids: ids,
                options: DescribeOptions(
                    filters: filters, maxResults: ids.isEmpty ? Self.pageSize : nil, nextToken: token))
        } items: {
            $0.items("trafficMirrorTargetSet").map(TrafficMirrorTarget.init(xml:))
        }
    }
}
