extension EC2Client {
    public func createTrafficMirrorFilterRule(_ input: CreateTrafficMirrorFilterRuleInput) async throws
        -> Created<TrafficMirrorFilterRule>
    {
        var input = input
        input.clientToken = Self.clientToken(input.clientToken)
        let root = try await call(input.queryRequest)
        let node = try require(
            root.child("trafficMirrorFilterRule"), action: "CreateTrafficMirrorFilterRule", "trafficMirrorFilterRule")
        return Created(resource: TrafficMirrorFilterRule(xml: node), clientToken: root.string("clientToken"))
    }

    /// Note: EC2 does not return tags in this response.
    public func modifyTrafficMirrorFilterRule(_ input: ModifyTrafficMirrorFilterRuleInput) async throws
        -> TrafficMirrorFilterRule
    {
        let root = try await call(input.queryRequest)
        return TrafficMirrorFilterRule(
            xml: try require(
                root.child("trafficMirrorFilterRule"), action: "ModifyTrafficMirrorFilterRule",
                "trafficMirrorFilterRule"))
    }

    public static func deleteTrafficMirrorFilterRuleRequest(id: String, dryRun: Bool? = nil) -> QueryRequest {
        var p = QueryParameters()
        p.add("TrafficMirrorFilterRuleId", id)
        p.add("DryRun", dryRun)
        return QueryRequest(action: "DeleteTrafficMirrorFilterRule", parameters: p)
    }

    @discardableResult
    public func deleteTrafficMirrorFilterRule(id: String, dryRun: Bool? = nil) async throws -> String {
        let root = try await call(Self.deleteTrafficMirrorFilterRuleRequest(id: id, dryRun: dryRun))
        return root.string("trafficMirrorFilterRuleId") ?? id
    }

    public static func describeTrafficMirrorFilterRulesRequest(
        ids: [String], filterID: String?, options: DescribeOptions
    ) -> QueryRequest {
        var p = QueryParameters()
        p.add("TrafficMirrorFilterRuleId", list: ids)
        p.add("TrafficMirrorFilterId", filterID)
        p.add("DryRun", options.dryRun)
        p.add(filters: options.filters)
        p.add("MaxResults", options.maxResults)
        p.add("NextToken", options.nextToken)
        return QueryRequest(action: "DescribeTrafficMirrorFilterRules", parameters: p)
    }

    /// All matching rules, every page (botocore has no paginator for this call; we loop on nextToken anyway).
    public func describeTrafficMirrorFilterRules(
        ids: [String] = [], filterID: String? = nil, filters: [EC2Filter] = []
    ) async throws -> [TrafficMirrorFilterRule] {
        try await paginate(action: "DescribeTrafficMirrorFilterRules") { token in
            Self.describeTrafficMirrorFilterRulesRequest(
                ids: ids, filterID: filterID,
                options: DescribeOptions(
                    filters: filters, maxResults: ids.isEmpty ? Self.pageSize : nil, nextToken: token))
        } items: {
            $0.items("trafficMirrorFilterRuleSet").map(TrafficMirrorFilterRule.init(xml:))
        }
    }
}
