public struct ModifyTrafficMirrorFilterRuleInput: Sendable, Hashable {
    public var ruleID: String
    public var fields: TrafficMirrorFilterRuleFields
    public var removeFields: [TrafficMirrorFilterRuleField]
    public var dryRun: Bool?

    public init(
        ruleID: String, fields: TrafficMirrorFilterRuleFields = TrafficMirrorFilterRuleFields(),
        removeFields: [TrafficMirrorFilterRuleField] = [], dryRun: Bool? = nil
    ) {
        self.ruleID = ruleID
        self.fields = fields
        self.removeFields = removeFields
        self.dryRun = dryRun
    }

    public var queryRequest: QueryRequest {
        var p = QueryParameters()
        p.add("TrafficMirrorFilterRuleId", ruleID)
        fields.encode(into: &p)
        p.add("RemoveField", list: removeFields.map(\.rawValue))
        p.add("DryRun", dryRun)
        return QueryRequest(action: "ModifyTrafficMirrorFilterRule", parameters: p)
    }
}
