extension EC2Client {
    public static func describeInstancesRequest(ids: [String], options: DescribeOptions) -> QueryRequest {
        var p = QueryParameters()
        p.add("InstanceId", list: ids)
        p.add("DryRun", options.dryRun)
        p.add(filters: options.filters)
        p.add("NextToken", options.nextToken)
        p.add("MaxResults", options.maxResults)
        return QueryRequest(action: "DescribeInstances", parameters: p)
    }

    /// Every instance of every reservation, all pages. MaxResults is sent only without ids (EC2 rejects both).
    public func describeInstances(ids: [String] = [], filters: [EC2Filter] = []) async throws -> [EC2Instance] {
        try await paginate(action: "DescribeInstances") { token in
            Self.describeInstancesRequest(
                ids: ids,
                options: DescribeOptions(
                    filters: filters, maxResults: ids.isEmpty ? Self.pageSize : nil, nextToken: token))
        } items: { root in
            root.items("reservationSet").flatMap { $0.items("instancesSet").map(EC2Instance.init(xml:)) }
        }
    }

    public static func describeNetworkInterfacesRequest(ids: [String], options: DescribeOptions) -> QueryRequest {
        var p = QueryParameters()
        p.add("NextToken", options.nextToken)
        p.add("MaxResults", options.maxResults)
        p.add("DryRun", options.dryRun)
        p.add("NetworkInterfaceId", list: ids)
        p.add(filters: options.filters)
        return QueryRequest(action: "DescribeNetworkInterfaces", parameters: p)
    }

    public func describeNetworkInterfaces(ids: [String] = [], filters: [EC2Filter] = []) async throws
        -> [EC2NetworkInterface]
    {
        try await paginate(action: "DescribeNetworkInterfaces") { token in
            Self.describeNetworkInterfacesRequest(
                ids: ids,
                options: DescribeOptions(
                    filters: filters, maxResults: ids.isEmpty ? Self.pageSize : nil, nextToken: token))
        } items: {
            $0.items("networkInterfaceSet").map(EC2NetworkInterface.init(xml:))
        }
    }

    /// DescribeInstanceTypes pages hold at most 100 items.
    public static let instanceTypesPageSize = 100

    public static func describeInstanceTypesRequest(types: [String], options: DescribeOptions) -> QueryRequest {
        var p = QueryParameters()
        p.add("DryRun", options.dryRun)
        p.add("InstanceType", list: types)
        p.add(filters: options.filters)
        p.add("MaxResults", options.maxResults)
        p.add("NextToken", options.nextToken)
        return QueryRequest(action: "DescribeInstanceTypes", parameters: p)
    }

    public func describeInstanceTypes(_ types: [String], filters: [EC2Filter] = []) async throws
        -> [EC2InstanceTypeInfo]
    {
        try await paginate(action: "DescribeInstanceTypes") { token in
            Self.describeInstanceTypesRequest(
                types: types,
                options: DescribeOptions(
                    filters: filters, maxResults: types.isEmpty ? Self.instanceTypesPageSize : nil, nextToken: token))
        } items: {
            $0.items("instanceTypeSet").map(EC2InstanceTypeInfo.init(xml:))
        }
    }
}
