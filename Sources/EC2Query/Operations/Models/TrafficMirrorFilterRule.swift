import Foundation

/// One filter rule.
public struct TrafficMirrorFilterRule: Sendable, Hashable {
    public var id: String
    public var filterID: String?
    public var trafficDirection: String?
    public var ruleNumber: Int?
    public var ruleAction: String?
    public var protocolNumber: Int?
    public var destinationPortRange: TrafficMirrorPortRange?
    public var sourcePortRange: TrafficMirrorPortRange?
    public var destinationCIDRBlock: String?
    public var sourceCIDRBlock: String?
    public var description: String?
    public var tags: [EC2Tag]

    init(xml node: XMLNode) {
        id = node.string("trafficMirrorFilterRuleId") ?? ""
        filterID = node.string("trafficMirrorFilterId")
        trafficDirection = node.string("trafficDirection")
        ruleNumber = node.int("ruleNumber")
        ruleAction = node.string("ruleAction")
        protocolNumber = node.int("protocol")
        destinationPortRange = TrafficMirrorPortRange(xml: node.child("destinationPortRange"))
        sourcePortRange = TrafficMirrorPortRange(xml: node.child("sourcePortRange"))
        destinationCIDRBlock = node.string("destinationCidrBlock")
        sourceCIDRBlock = node.string("sourceCidrBlock")
        description = node.string("description")
        tags = node.tags()
    }
}
