import Foundation

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
        networkServices = node.items("networkServiceSet").map {
            $0.text.trimmingCharacters(in: .whitespacesAndNewlines)
        }
        description = node.string("description")
        tags = node.tags()
    }
}
