public struct CreateTrafficMirrorFilterRuleInput: Sendable, Hashable {
    public var filterID: String
    public var fields: TrafficMirrorFilterRuleFields
    public var dryRun: Bool?
    public var clientToken: String?
    public var tags: [EC2Tag]

    public init(
        filterID: String, fields: TrafficMirrorFilterRuleFields, dryRun: Bool? = nil, clientToken: String? = nil,
        tags: [EC2Tag] = []
    ) {
        self.filterID = filterID
        self.fields = fields
        self.dryRun = dryRun
        self.clientToken = clientToken
        self.tags = tags
    }

    public var queryRequest: QueryRequest {
        var p = QueryParameters()
        p.add("TrafficMirrorFilterId", filterID)
        fields.encode(into: &p)
        p.add("DryRun", dryRun)
        p.add("ClientToken", clientToken)
        p.add(tagSpecificationFor: "traffic-mirror-filter-rule", tags: tags)
        return QueryRequest(action: "CreateTrafficMirrorFilterRule", parameters: p)
    }
}
