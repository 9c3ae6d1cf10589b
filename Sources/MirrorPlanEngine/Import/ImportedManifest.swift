import EC2Query
import MirrorPlanModel

/// The selected live resources as a `DesiredState` (pure), exactly as they are, so that the written manifest
/// plans to "No changes": VNI and packet length explicit where set, descriptions, user tags (ownership and
/// `aws:` tags left out), rules in number order.
public enum ImportedManifest {
    public static func desiredState(
        stack: String, region: String?, selection: ImportSelection, interfaces: [String: NetworkInterfaceReference]
    ) throws(ImportError) -> DesiredState {
        func reference(_ eni: String) -> NetworkInterfaceReference { interfaces[eni] ?? .eni(eni) }
        let stackTags = try stackTags(selection)
        var state = DesiredState(stack: stack, region: region, tags: stackTags)
        for member in selection.targets {
            let target = member.resource
            let kind: TargetSpec.Kind
            if let eni = target.networkInterfaceID {
                kind = .networkInterface(reference(eni))
            } else if let arn = target.networkLoadBalancerARN {
                kind = .networkLoadBalancer(arn: arn)
            } else if let endpoint = target.gatewayLoadBalancerEndpointID {
                kind = .gatewayLoadBalancerEndpoint(id: endpoint)
            } else {
                throw .notExpressible(
                    id: target.id,
                    reason:
                        "EC2 reports neither an ENI, a Network Load Balancer nor a Gateway Load Balancer endpoint for it"
                )
            }
            state.targets.append(
                TargetSpec(
                    name: member.name, kind: kind, description: DesiredNormalizer.nonEmpty(target.description),
                    tags: userTags(target.tags)))
        }
        for member in selection.filters {
            let filter = member.resource
            let unknown = filter.networkServices.filter { !FilterSpec.knownNetworkServices.contains($0) }
            guard unknown.isEmpty else {
                throw .notExpressible(
                    id: filter.id,
                    reason:
                        "network service \(unknown.joined(separator: ", ")) is not one manifest v1 knows (\(FilterSpec.knownNetworkServices.joined(separator: ", ")))"
                )
            }
            var spec = FilterSpec(
                name: member.name, description: DesiredNormalizer.nonEmpty(filter.description),
                networkServices: Array(Set(filter.networkServices)), tags: userTags(filter.tags))
            for (direction, rules) in [
                (FilterRuleSpec.Direction.ingress, filter.ingressRules), (.egress, filter.egressRules),
            ] {
                let specs = try rules.map { rule throws(ImportError) in try ruleSpec(rule, direction: direction) }
                    .sorted { $0.number < $1.number }
                if direction == .ingress { spec.ingress = specs } else { spec.egress = specs }
            }
            state.filters.append(spec)
        }
        let targetNames = Dictionary(
            selection.targets.map { ($0.resource.id, $0.name) }, uniquingKeysWith: { first, _ in first })
        let filterNames = Dictionary(
            selection.filters.map { ($0.resource.id, $0.name) }, uniquingKeysWith: { first, _ in first })
        for member in selection.sessions {
            let session = member.resource
            guard let eni = session.networkInterfaceID, let number = session.sessionNumber,
                let target = session.targetID.flatMap({ targetNames[$0] }),
                let filter = session.filterID.flatMap({ filterNames[$0] })
            else {
                throw .notExpressible(
                    id: session.id,
                    reason:
                        "EC2 reports no source ENI, session number, target or filter for it, or they are not part of the import"
                )
            }
            state.sessions.append(
                SessionSpec(
                    name: member.name, source: reference(eni), target: target, filter: filter, number: number,
                    vni: session.virtualNetworkID, packetLength: session.packetLength,
                    description: DesiredNormalizer.nonEmpty(session.description), tags: userTags(session.tags)))
        }
        return state
    }

    static func ruleSpec(_ rule: TrafficMirrorFilterRule, direction: FilterRuleSpec.Direction) throws(ImportError)
        -> FilterRuleSpec
    {
        func fail(_ reason: String) -> ImportError { .notExpressible(id: rule.id, reason: reason) }
        guard let number = rule.ruleNumber, FilterRuleSpec.numberRange.contains(number) else {
            throw fail("its rule number is missing or out of range")
        }
        guard let action = rule.ruleAction.flatMap(FilterRuleSpec.Action.init(rawValue:)) else {
            throw fail("its action '\(rule.ruleAction ?? "")' is neither accept nor reject")
        }
        var ipProtocol: IPProtocol?
        if let number = rule.protocolNumber, number != 0 {
            guard let known = IPProtocol(number: number) else { throw fail("its protocol \(number) is out of range") }
            ipProtocol = known
        }
        func block(_ text: String?, _ what: String) throws(ImportError) -> CIDRBlock {
            switch text.map({ CIDRBlock.parse($0) }) {
            case .success(let block)?: return block
            case .failure(.hostBitsSet(let network))?: return network
            default: throw fail("its \(what) CIDR '\(text ?? "")' cannot be read")
            }
        }
        func ports(_ range: TrafficMirrorPortRange?, _ what: String) throws(ImportError) -> PortRange? {
            guard let range, range.fromPort != nil || range.toPort != nil else { return nil }
            let lower = range.fromPort ?? range.toPort ?? 0
            let upper = range.toPort ?? lower
            guard ipProtocol?.hasPorts == true else {
                throw fail("it has \(what) ports on a protocol other than tcp or udp, which manifest v1 cannot write")
            }
            guard let value = PortRange(lower: lower, upper: upper) else {
                throw fail("its \(what) port range \(lower)-\(upper) is invalid")
            }
            return value
        }
        return FilterRuleSpec(
            direction: direction, number: number, action: action, protocol: ipProtocol,
            source: try block(rule.sourceCIDRBlock, "source"),
            destination: try block(rule.destinationCIDRBlock, "destination"),
            sourcePorts: try ports(rule.sourcePortRange, "source"),
            destinationPorts: try ports(rule.destinationPortRange, "destination"),
            description: DesiredNormalizer.nonEmpty(rule.description))
    }

    /// Manifest v1 gives rules no tags of their own: they carry the stack's `tags:`. So the stack tags are the
    /// rules' tags (which must then agree, and every other resource must carry those keys too, since stack
    /// tags are merged into it); without rules, the tags every resource shares, to keep the manifest short.
    static func stackTags(_ selection: ImportSelection) throws(ImportError) -> [String: String] {
        let rules = selection.filters.flatMap { $0.resource.ingressRules + $0.resource.egressRules }.sorted {
            $0.id < $1.id
        }
        let others =
            selection.targets.map { ($0.resource.id, userTags($0.resource.tags)) }
            + selection.filters.map { ($0.resource.id, userTags($0.resource.tags)) }
            + selection.sessions.map { ($0.resource.id, userTags($0.resource.tags)) }
        guard let first = rules.first else {
            guard var common = others.first?.1 else { return [:] }
            for (_, tags) in others.dropFirst() { common = common.filter { tags[$0.key] == $0.value } }
            return common
        }
        let shared = userTags(first.tags)
        if let odd = rules.first(where: { userTags($0.tags) != shared }) {
            throw .notExpressible(
                id: odd.id,
                reason:
                    "its tags \(describe(userTags(odd.tags))) differ from those of rule \(first.id) \(describe(shared)); manifest v1 gives "
                    + "every rule the stack's tags, so make the rules' tags equal (aws ec2 create-tags / delete-tags) and import again"
            )
        }
        for (id, tags) in others {
            let missing = shared.keys.filter { tags[$0] == nil }.sorted()
            guard missing.isEmpty else {
                throw .notExpressible(
                    id: id,
                    reason:
                        "the filter rules carry tag(s) \(missing.joined(separator: ", ")), which manifest v1 writes as stack tags and so "
                        + "gives every resource, but \(id) lacks them; tag it too, or remove those tags from the rules, and import again"
                )
            }
        }
        return shared
    }

    static func userTags(_ tags: [EC2Tag]) -> [String: String] {
        Dictionary(
            tags.filter { ResourceRecord.isUserTag($0.key) }.map { ($0.key, $0.value ?? "") },
            uniquingKeysWith: { first, _ in first })
    }

    static func describe(_ tags: [String: String]) -> String {
        tags.isEmpty
            ? "(none)"
            : "{" + tags.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ", ") + "}"
    }
}
