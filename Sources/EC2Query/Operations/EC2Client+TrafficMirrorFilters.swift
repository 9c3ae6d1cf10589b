extension EC2Client {
    public func createTrafficMirrorFilter(_ input: CreateTrafficMirrorFilterInput) async throws -> Created<
        TrafficMirrorFilter
    > {
        var input = input
        input.clientToken = Self.clientToken(input.clientToken)
        let root = try await call(input.queryRequest)
        let node = try require(
            root.child("trafficMirrorFilter"), action: "CreateTrafficMirrorFilter", "trafficMirrorFilter")
        return Created(resource: TrafficMirrorFilter(xml: node), clientToken: root.string("clientToken"))
    }

    public static func deleteTrafficMirrorFilterRequest(id: String, dryRun: Bool? = nil) -> QueryRequest {
        var p = QueryParameters()
        p.add("TrafficMirrorFilterId", id)
        p.add("DryRun", dryRun)
        return QueryRequest(action: "DeleteTrafficMirrorFilter", parameters: p)
    }

    @discardableResult
    public func deleteTrafficMirrorFilter(id: String, dryRun: Bool? = nil) async throws -> String {
        let root = try await call(Self.deleteTrafficMirrorFilterRequest(id: id, dryRun: dryRun))
        return root.string("trafficMirrorFilterId") ?? id
    }

    public static func describeTrafficMirrorFiltersRequest(ids: [String], options: DescribeOptions) -> QueryRequest {
        var p = QueryParameters()
        p.add("TrafficMirrorFilterId", list: ids)
        p.add("DryRun", options.dryRun)
        p.add(filters: options.filters)
        p.add("MaxResults", options.maxResults)
        p.add("NextToken", options.nextToken)
        return QueryRequest(action: "DescribeTrafficMirrorFilters", parameters: p)
    }

    /// All filters (with their embedded rules), every page.
    public func describeTrafficMirrorFilters(ids: [String] = [], filters: [EC2Filter] = []) async throws
        -> [TrafficMirrorFilter]
    {
        try await paginate(action: "DescribeTrafficMirrorFilters") { token in
            Self.describeTrafficMirrorFiltersRequest(
                ids: ids,
                options: DescribeOptions(
                    filters: filters, maxResults: ids.isEmpty ? Self.pageSize : nil, nextToken: token))
        } items: {
            $0.items("trafficMirrorFilterSet").map(TrafficMirrorFilter.init(xml:))
        }
    }

    public static func modifyTrafficMirrorFilterNetworkServicesRequest(
        filterID: String, add: [String], remove: [String], dryRun: Bool? = nil
    ) -> QueryRequest {
        var p = QueryParameters()
        p.add("TrafficMirrorFilterId", filterID)
        p.add("AddNetworkService", list: add)
        p.add("RemoveNetworkService", list: remove)
        p.add("DryRun", dryRun)
        return QueryRequest(action: "ModifyTrafficMirrorFilterNetworkServices", parameters: p)
    }

    public func modifyTrafficMirrorFilterNetworkServices(
        filterID: String, add: [String] = [], remove: [String] = [], dryRun: Bool? = nil
    ) async throws -> TrafficMirrorFilter {
        let action = "ModifyTrafficMirrorFilterNetworkServices"
        let root = try await call(
            Self.modifyTrafficMirrorFilterNetworkServicesRequest(
                filterID: filterID, add: add, remove: remove, dryRun: dryRun))
        return TrafficMirrorFilter(
            xml: try require(root.child("trafficMirrorFilter"), action: action, "trafficMirrorFilter"))
    }
}
