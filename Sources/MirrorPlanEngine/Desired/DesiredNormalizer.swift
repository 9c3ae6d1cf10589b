import MirrorPlanModel

/// DesiredState → records in the planner's normal form (manifest-v1.md "Normal form"): protocols as IANA
/// numbers (absent = all), ports as `N-M`, canonical CIDRs, network services sorted and comma-joined, session
/// target/filter as logical names, the NLB default packet length made explicit, no ownership tags.
public enum DesiredNormalizer {
    /// Every instance or ENI reference the manifest makes (sources and ENI targets), to resolve in one batch.
    public static func references(in desired: DesiredState) -> [NetworkInterfaceReference] {
        var references: [NetworkInterfaceReference] = []
        for target in desired.targets {
            if case .networkInterface(let reference) = target.kind { references.append(reference) }
        }
        references += desired.sessions.map(\.source)
        var seen: Set<NetworkInterfaceReference> = []
        return references.filter { seen.insert($0).inserted }
    }

    /// `interfaces` maps each instance reference to its primary ENI id; `.eni` references need no entry.
    public static func records(
        _ desired: DesiredState, interfaces: [NetworkInterfaceReference: String]
    ) throws(DesiredNormalizationError) -> [ResourceRecord] {
        func eni(_ reference: NetworkInterfaceReference, for address: ResourceAddress) throws(DesiredNormalizationError)
            -> String
        {
            if case .eni(let id) = reference { return id }
            guard let id = interfaces[reference] else { throw .unresolved(reference, address) }
            return id
        }
        var records: [ResourceRecord] = []
        var nlbTargets: Set<String> = []
        for target in desired.targets {
            let address = ResourceAddress(.target, target.name)
            var attributes: [String: String] = [:]
            switch target.kind {
            case .networkInterface(let reference): attributes["networkInterfaceId"] = try eni(reference, for: address)
            case .networkLoadBalancer(let arn):
                attributes["networkLoadBalancerArn"] = arn
                nlbTargets.insert(target.name)
            case .gatewayLoadBalancerEndpoint(let id): attributes["gatewayLoadBalancerEndpointId"] = id
            }
            attributes["description"] = nonEmpty(target.description)
            records.append(ResourceRecord(address: address, attributes: attributes, tags: userTags(target.tags)))
        }
        for filter in desired.filters {
            var attributes: [String: String] = [:]
            attributes["description"] = nonEmpty(filter.description)
            attributes["networkServices"] = networkServices(filter.networkServices)
            records.append(
                ResourceRecord(
                    address: .init(.filter, filter.name), attributes: attributes, tags: userTags(filter.tags)))
            for rule in filter.rules {
                // Rules have no tags of their own in the manifest: they carry the stack's.
                records.append(
                    ResourceRecord(
                        address: .init(.rule, rule.logicalName(filter: filter.name)),
                        attributes: Self.attributes(of: rule),
                        tags: userTags(desired.tags)))
            }
        }
        for session in desired.sessions {
            let address = ResourceAddress(.session, session.name)
            var attributes = [
                "networkInterfaceId": try eni(session.source, for: address), "target": session.target,
                "filter": session.filter, "sessionNumber": String(session.number),
            ]
            attributes["virtualNetworkId"] = session.vni.map(String.init)
            // AWS fills 8500 for an NLB target when the length is omitted (reference E.3).
            attributes["packetLength"] = (session.packetLength ?? (nlbTargets.contains(session.target) ? 8500 : nil))
                .map(String.init)
            attributes["description"] = nonEmpty(session.description)
            records.append(ResourceRecord(address: address, attributes: attributes, tags: userTags(session.tags)))
        }
        return records
    }

    static func attributes(of rule: FilterRuleSpec) -> [String: String] {
        var attributes = [
            "ruleAction": rule.action.rawValue, "sourceCidrBlock": rule.source.description,
            "destinationCidrBlock": rule.destination.description,
        ]
        // Protocol 0 is how AWS (and Terraform) spell "all protocols": the same as omitting it.
        if let proto = rule.protocol, proto.number != 0 { attributes["protocol"] = String(proto.number) }
        attributes["sourcePortRange"] = rule.sourcePorts.map(portRange)
        attributes["destinationPortRange"] = rule.destinationPorts.map(portRange)
        attributes["description"] = nonEmpty(rule.description)
        return attributes
    }

    /// The canonical port text: always a closed range `N-M`, also for a single port.
    public static func portRange(_ range: PortRange) -> String { "\(range.lowerBound)-\(range.upperBound)" }

    public static func portRange(from: Int?, to: Int?) -> String? {
        guard let from else { return to.map { "\($0)-\($0)" } }
        return "\(from)-\(to ?? from)"
    }

    public static func networkServices(_ services: [String]) -> String? {
        let unique = Set(services.filter { !$0.isEmpty })
        return unique.isEmpty ? nil : unique.sorted().joined(separator: ",")
    }

    /// Descriptions: AWS may answer an unset one as absent or as "" (reference E.3); both mean unset.
    public static func nonEmpty(_ text: String?) -> String? {
        guard let text, !text.isEmpty else { return nil }
        return text
    }

    static func userTags(_ tags: [String: String]) -> [String: String] {
        tags.filter { ResourceRecord.isUserTag($0.key) }
    }
}
