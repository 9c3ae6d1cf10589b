/// A traffic mirror target as Describe/Create return it. IDs are taken as given (no prefix checks).
public struct TrafficMirrorTarget: Sendable, Hashable {
    public var id: String
    public var networkInterfaceID: String?
    public var networkLoadBalancerARN: String?
    public var gatewayLoadBalancerEndpointID: String?
    public var type: String?
    public var description: String?
    public var ownerID: String?
    public var tags: [EC2Tag]

    init(xml node: XMLNode) {
        id = node.string("trafficMirrorTargetId") ?? ""
        networkInterfaceID = node.string("networkInterfaceId")
        networkLoadBalancerARN = node.string("networkLoadBalancerArn")
        gatewayLoadBalancerEndpointID = node.string("gatewayLoadBalancerEndpointId")
        type = node.string("type")
        description = node.string("description")
        ownerID = node.string("ownerId")
        tags = node.tags()
    }
}

/// A traffic mirror filter with its embedded rules and network services.
public struct TrafficMirrorFilter: Sendable, Hashable {
    public var id: String
    public var ingressRules: [TrafficMirrorFilterRule]
    public var egressRules: [TrafficMirrorFilterRule]
    public var networkServices: [String]
    public var description: String?
    public var tags: [EC2Tag]

    init(xml node: XMLNode) {
        id = node.string("trafficMirrorFilterId") ?? ""
        ingressRules = node.items("ingressFilterRuleSet").map(TrafficMirrorFilterRule.init(xml:))
        egressRules = node.items("egressFilterRuleSet").map(TrafficMirrorFilterRule.init(xml:))
        networkServices = node.items("networkServiceSet").map { $0.text.trimmingCharacters(in: .whitespacesAndNewlines) }
        description = node.string("description")
        tags = node.tags()
    }
}

/// A port range (`fromPort`–`toPort`), request and response side.
public struct TrafficMirrorPortRange: Sendable, Hashable {
    public var fromPort: Int?
    public var toPort: Int?

    public init(fromPort: Int?, toPort: Int?) {
        self.fromPort = fromPort
        self.toPort = toPort
    }

    init?(xml node: XMLNode?) {
        guard let node else { return nil }
        self.init(fromPort: node.int("fromPort"), toPort: node.int("toPort"))
    }
}

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

/// A traffic mirror session.
public struct TrafficMirrorSession: Sendable, Hashable {
    public var id: String
    public var targetID: String?
    public var filterID: String?
    public var networkInterfaceID: String?
    public var ownerID: String?
    public var packetLength: Int?
    public var sessionNumber: Int?
    public var virtualNetworkID: Int?
    public var description: String?
    public var tags: [EC2Tag]

    init(xml node: XMLNode) {
        id = node.string("trafficMirrorSessionId") ?? ""
        targetID = node.string("trafficMirrorTargetId")
        filterID = node.string("trafficMirrorFilterId")
        networkInterfaceID = node.string("networkInterfaceId")
        ownerID = node.string("ownerId")
        packetLength = node.int("packetLength")
        sessionNumber = node.int("sessionNumber")
        virtualNetworkID = node.int("virtualNetworkId")
        description = node.string("description")
        tags = node.tags()
    }
}

import Foundation
