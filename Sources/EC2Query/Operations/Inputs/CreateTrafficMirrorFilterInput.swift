public struct CreateTrafficMirrorFilterInput: Sendable, Hashable {
    public var description: String?
    public var tags: [EC2Tag]
    public var dryRun: Bool?
    public var clientToken: String?

    public init(description: String? = nil, tags: [EC2Tag] = [], dryRun: Bool? = nil, clientToken: String? = nil) {
        self.description = description
        self.tags = tags
        self.dryRun = dryRun
        self.clientToken = clientToken
    }

    public var queryRequest: QueryRequest {
        var p = QueryParameters()
        p.add("Description", description)
        p.add(tagSpecificationFor: "traffic-mirror-filter", tags: tags)
        p.add("DryRun", dryRun)
        p.add("ClientToken", clientToken)
        return QueryRequest(action: "CreateTrafficMirrorFilter", parameters: p)
    }
}
