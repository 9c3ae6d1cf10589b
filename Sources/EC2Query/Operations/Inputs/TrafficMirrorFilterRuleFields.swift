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
