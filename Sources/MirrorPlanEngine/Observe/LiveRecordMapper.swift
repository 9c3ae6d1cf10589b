import EC2Query
import MirrorPlanModel

/// Describe results → the stack's live records (pure). Only resources tagged `mirrorplan:stack=<stack>` become
/// records; a rule belongs to the stack through its filter (its address is `<filter>/<direction>/<number>`).
/// Sessions name their target and filter by logical name when the stack owns them, else by id.
public struct LiveRecordMapper: Sendable {
    public var stack: String
    /// ENIs the stack uses or will use (desired sources and targets): other sessions on them are foreign
    /// sessions the plan must count.
    public var interestingInterfaces: Set<String>

    public init(stack: String, interestingInterfaces: Set<String> = []) {
        self.stack = stack
        self.interestingInterfaces = interestingInterfaces
    }

    public func map(
        targets: [TrafficMirrorTarget], filters: [TrafficMirrorFilter], sessions: [TrafficMirrorSession]
    ) -> ObservedState {
        var names = NameAllocator()
        var live: [ResourceRecord] = []
        var targetNames: [String: String] = [:]
        var filterNames: [String: String] = [:]

        for target in targets.sorted(by: { $0.id < $1.id }) {
            guard let name = ownedName(target.tags) else { continue }
            let unique = names.claim(.target, name, id: target.id)
            targetNames[target.id] = unique
            var attributes: [String: String] = [:]
            attributes["networkInterfaceId"] = target.networkInterfaceID
            attributes["networkLoadBalancerArn"] = target.networkLoadBalancerARN
            attributes["gatewayLoadBalancerEndpointId"] = target.gatewayLoadBalancerEndpointID
            attributes["description"] = DesiredNormalizer.nonEmpty(target.description)
            live.append(
                ResourceRecord(
                    address: .init(.target, unique), id: target.id, attributes: attributes, tags: userTags(target.tags))
            )
        }
        for filter in filters.sorted(by: { $0.id < $1.id }) {
            guard let name = ownedName(filter.tags) else { continue }
            let unique = names.claim(.filter, name, id: filter.id)
            filterNames[filter.id] = unique
            var attributes: [String: String] = [:]
            attributes["description"] = DesiredNormalizer.nonEmpty(filter.description)
            attributes["networkServices"] = DesiredNormalizer.networkServices(filter.networkServices)
            live.append(
                ResourceRecord(
                    address: .init(.filter, unique), id: filter.id, attributes: attributes, tags: userTags(filter.tags))
            )
            for (direction, rules) in [("ingress", filter.ingressRules), ("egress", filter.egressRules)] {
                for rule in rules.sorted(by: { $0.id < $1.id }) {
                    let ruleName = names.claim(
                        .rule, "\(unique)/\(rule.trafficDirection ?? direction)/\(rule.ruleNumber ?? 0)", id: rule.id)
                    live.append(
                        ResourceRecord(
                            address: .init(.rule, ruleName), id: rule.id, attributes: Self.attributes(of: rule),
                            tags: userTags(rule.tags)))
                }
            }
        }
        var foreign: [ForeignSession] = []
        for session in sessions.sorted(by: { $0.id < $1.id }) {
            let source = session.networkInterfaceID ?? ""
            guard let name = ownedName(session.tags) else {
                let usesOurs =
                    session.targetID.map { targetNames[$0] != nil } == true
                    || session.filterID.map { filterNames[$0] != nil } == true
                if usesOurs || interestingInterfaces.contains(source) {
                    foreign.append(
                        ForeignSession(
                            id: session.id, sourceNetworkInterfaceId: source, sessionNumber: session.sessionNumber ?? 0,
                            targetId: session.targetID, filterId: session.filterID))
                }
                continue
            }
            var attributes = ["networkInterfaceId": source]
            attributes["target"] = session.targetID.map { targetNames[$0] ?? $0 }
            attributes["filter"] = session.filterID.map { filterNames[$0] ?? $0 }
            attributes["sessionNumber"] = session.sessionNumber.map(String.init)
            attributes["virtualNetworkId"] = session.virtualNetworkID.map(String.init)
            attributes["packetLength"] = session.packetLength.map(String.init)
            attributes["description"] = DesiredNormalizer.nonEmpty(session.description)
            live.append(
                ResourceRecord(
                    address: .init(.session, names.claim(.session, name, id: session.id)), id: session.id,
                    attributes: attributes, tags: userTags(session.tags)))
        }
        return ObservedState(live: live, foreignSessions: foreign)
    }

    static func attributes(of rule: TrafficMirrorFilterRule) -> [String: String] {
        var attributes: [String: String] = [:]
        attributes["ruleAction"] = rule.ruleAction
        if let proto = rule.protocolNumber, proto != 0 { attributes["protocol"] = String(proto) }
        attributes["sourceCidrBlock"] = rule.sourceCIDRBlock.map(canonicalCIDR)
        attributes["destinationCidrBlock"] = rule.destinationCIDRBlock.map(canonicalCIDR)
        attributes["sourcePortRange"] = rule.sourcePortRange.flatMap {
            DesiredNormalizer.portRange(from: $0.fromPort, to: $0.toPort)
        }
        attributes["destinationPortRange"] = rule.destinationPortRange.flatMap {
            DesiredNormalizer.portRange(from: $0.fromPort, to: $0.toPort)
        }
        attributes["description"] = DesiredNormalizer.nonEmpty(rule.description)
        return attributes
    }

    /// AWS may print an IPv6 CIDR in another (equally valid) text form; compare canonical text.
    static func canonicalCIDR(_ text: String) -> String {
        switch CIDRBlock.parse(text) {
        case .success(let block): block.description
        case .failure(.hostBitsSet(let network)): network.description
        case .failure: text
        }
    }

    func ownedName(_ tags: [EC2Tag]) -> String? {
        guard tags.contains(where: { $0.key == OwnershipTags.stack && $0.value == stack }) else { return nil }
        let name = tags.first { $0.key == OwnershipTags.name }?.value ?? ""
        return name.isEmpty ? "(unnamed)" : name
    }

    func userTags(_ tags: [EC2Tag]) -> [String: String] {
        Dictionary(
            tags.filter { ResourceRecord.isUserTag($0.key) }.map { ($0.key, $0.value ?? "") },
            uniquingKeysWith: { first, _ in first })
    }
}
