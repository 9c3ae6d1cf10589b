/// The members Create and Modify of a filter rule share. For Create, direction, number, action and both
/// CIDRs are required by EC2.
public struct TrafficMirrorFilterRuleFields: Sendable, Hashable {
    public var trafficDirection: String?
    public var ruleNumber: Int?
    public var ruleAction: String?
    public var destinationPortRange: TrafficMirrorPortRange?
    public var sourcePortRange: TrafficMirrorPortRange?
    public var protocolNumber: Int?
    public var destinationCIDRBlock: String?
    public var sourceCIDRBlock: String?
    public var description: String?

    public init(
        trafficDirection: String? = nil, ruleNumber: Int? = nil, ruleAction: String? = nil,
        destinationPortRange: TrafficMirrorPortRange? = nil, sourcePortRange: TrafficMirrorPortRange? = nil,
        protocolNumber: Int? = nil, destinationCIDRBlock: String? = nil, sourceCIDRBlock: String? = nil,
        description: String? = nil
    ) {
        self.trafficDirection = trafficDirection
        self.ruleNumber = ruleNumber
        self.ruleAction = ruleAction
        self.destinationPortRange = destinationPortRange
        self.sourcePortRange = sourcePortRange
        self.protocolNumber = protocolNumber
        self.destinationCIDRBlock = destinationCIDRBlock
        self.sourceCIDRBlock = sourceCIDRBlock
        self.description = description
    }

    func encode(into p: inout QueryParameters) {
        p.add("TrafficDirection", trafficDirection)
        p.add("RuleNumber", ruleNumber)
        p.add("RuleAction", ruleAction)
        if let range = destinationPortRange {
            p.add("DestinationPortRange.FromPort", range.fromPort)
            p.add("DestinationPortRange.ToPort", range.toPort)
        }
        if let range = sourcePortRange {
            p.add("SourcePortRange.FromPort", range.fromPort)
            p.add("SourcePortRange.ToPort", range.toPort)
        }
        p.add("Protocol", protocolNumber)
        p.add("DestinationCidrBlock", destinationCIDRBlock)
        p.add("SourceCidrBlock", sourceCIDRBlock)
        p.add("Description", description)
    }
}

/// Optional rule fields that ModifyTrafficMirrorFilterRule can unset (`RemoveField.N`).
public enum TrafficMirrorFilterRuleField: String, Sendable, Hashable, CaseIterable {
    case destinationPortRange = "destination-port-range"
    case sourcePortRange = "source-port-range"
    case `protocol` = "protocol"
    case description = "description"
}

public struct CreateTrafficMirrorFilterRuleInput: Sendable, Hashable {
    public var filterID: String
    public var fields: TrafficMirrorFilterRuleFields
    public var dryRun: Bool?
    public var clientToken: String?
    public var tags: [EC2Tag]

    public init(filterID: String, fields: TrafficMirrorFilterRuleFields, dryRun: Bool? = nil, clientToken: String? = nil,
                tags: [EC2Tag] = []) {
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

public struct ModifyTrafficMirrorFilterRuleInput: Sendable, Hashable {
    public var ruleID: String
    public var fields: TrafficMirrorFilterRuleFields
    public var removeFields: [TrafficMirrorFilterRuleField]
    public var dryRun: Bool?

    public init(ruleID: String, fields: TrafficMirrorFilterRuleFields = TrafficMirrorFilterRuleFields(),
                removeFields: [TrafficMirrorFilterRuleField] = [], dryRun: Bool? = nil) {
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
    public func modifyTrafficMirrorFilterRule(_ input: ModifyTrafficMirrorFilterRuleInput) async throws -> TrafficMirrorFilterRule {
        let root = try await call(input.queryRequest)
        return TrafficMirrorFilterRule(
            xml: try require(
                root.child("trafficMirrorFilterRule"), action: "ModifyTrafficMirrorFilterRule", "trafficMirrorFilterRule"))
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
                options: DescribeOptions(filters: filters, maxResults: ids.isEmpty ? Self.pageSize : nil, nextToken: token))
        } items: { $0.items("trafficMirrorFilterRuleSet").map(TrafficMirrorFilterRule.init(xml:)) }
    }
}
