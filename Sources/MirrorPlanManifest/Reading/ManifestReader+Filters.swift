import MirrorPlanModel

extension ManifestReader {
    static let ruleKeys = [
        "rule", "action", "protocol", "source", "destination", "sourcePorts", "destinationPorts", "description",
    ]

    mutating func readFilter(_ name: String, key: YAMLNode, value: YAMLNode, stackTags: [String: String]) -> ReadFilter
    {
        var read = ReadFilter(name: name, key: key)
        let set = FieldSet(
            context: "filter '\(name)'", allowed: ["description", "networkServices", "ingress", "egress", "tags"])
        guard let fields = fields(of: value, set, owner: key.position) else { return read }
        var clean = true
        let description = optionalString(fields, "description", "description of filter '\(name)'")
        if description.present, description.value == nil { clean = false }

        var services: [String] = []
        if let node = fields["networkServices"] {
            if let items = sequence(node, "networkServices of filter '\(name)'") {
                for item in items {
                    guard let service = string(item, "a network service") else {
                        clean = false
                        continue
                    }
                    if !FilterSpec.knownNetworkServices.contains(service) {
                        error(
                            .networkService,
                            "network service '\(service)' is not known\(NearestMatch.hint(for: service, among: FilterSpec.knownNetworkServices)) (allowed: \(FilterSpec.knownNetworkServices.joined(separator: ", ")))",
                            at: item.position)
                        clean = false
                    } else if services.contains(service) {
                        error(.networkService, "network service '\(service)' is listed twice", at: item.position)
                        clean = false
                    } else {
                        services.append(service)
                    }
                }
            } else {
                clean = false
            }
        }

        var rulesByDirection: [FilterRuleSpec.Direction: [FilterRuleSpec]] = [:]
        var ruleCount = 0
        for direction in FilterRuleSpec.Direction.allCases {
            guard let node = fields[direction.rawValue] else { continue }
            guard let items = sequence(node, "\(direction.rawValue) of filter '\(name)'") else {
                clean = false
                continue
            }
            var numbers: [Int: YAMLNode] = [:]
            for item in items {
                ruleCount += 1
                if ruleCount == FilterSpec.maximumRules + 1 {
                    let total =
                        (fields["ingress"].flatMap { Self.count(of: $0) } ?? 0)
                        + (fields["egress"].flatMap { Self.count(of: $0) } ?? 0)
                    error(
                        .tooManyRules,
                        "filter '\(name)' has \(total) rules; AWS allows at most \(FilterSpec.maximumRules) per filter, ingress and egress together",
                        at: item.position)
                    clean = false
                }
                let (rule, number) = readRule(item, direction: direction, filter: name)
                if let (value, numberNode) = number {
                    if let earlier = numbers[value] {
                        error(
                            .ruleNumberDuplicate,
                            "\(direction.rawValue) rule number \(value) is already used at line \(earlier.position.line) of filter '\(name)'; rule numbers must be unique per filter and direction",
                            at: numberNode.position)
                        clean = false
                        continue
                    }
                    numbers[value] = numberNode
                }
                guard let rule, let (_, numberNode) = number else {
                    clean = false
                    continue
                }
                rulesByDirection[direction, default: []].append(rule)
                read.rules.append((rule, numberNode))
            }
        }

        var tags: [String: String] = [:]
        if let node = fields["tags"] {
            if let own = self.tags(node, of: "filter '\(name)'") { tags = own } else { clean = false }
        }
        if clean {
            read.spec = FilterSpec(
                name: name, description: description.value, networkServices: services,
                ingress: rulesByDirection[.ingress] ?? [], egress: rulesByDirection[.egress] ?? [],
                tags: Self.merged(stackTags, tags))
        }
        return read
    }

    private static func count(of node: YAMLNode) -> Int? {
        if case .sequence(let items) = node.content { return items.count }
        return nil
    }

    /// One rule, nil if anything in it is wrong (all of it is reported), and its number with the `rule:` value
    /// node whenever the number itself is fine (duplicate numbers are checked even in otherwise broken rules).
    mutating func readRule(
        _ node: YAMLNode, direction: FilterRuleSpec.Direction, filter: String
    ) -> (rule: FilterRuleSpec?, number: (Int, YAMLNode)?) {
        let context = "an \(direction.rawValue) rule of filter '\(filter)'"
        let set = FieldSet(
            context: context, allowed: Self.ruleKeys, required: ["rule", "action", "source", "destination"])
        guard let fields = fields(of: node, set) else { return (nil, nil) }
        var clean = true
        let number = fields["rule"].flatMap {
            integer($0, "rule number", in: FilterRuleSpec.numberRange, rangeCode: .ruleNumberRange)
        }
        if fields["rule"] != nil, number == nil { clean = false }
        let action = fields["action"].flatMap { word($0, "action", as: FilterRuleSpec.Action.self) }
        if fields["action"] != nil, action == nil { clean = false }

        // nil: absent; .some(nil): `all`; .some(p): one protocol.
        var ipProtocol: IPProtocol?? = nil
        if let protocolNode = fields["protocol"] {
            ipProtocol = readProtocol(protocolNode)
            if ipProtocol == nil { clean = false }
        }

        let source = fields["source"].flatMap { cidr($0, "source") }
        let destination = fields["destination"].flatMap { cidr($0, "destination") }
        if fields["source"] != nil, source == nil { clean = false }
        if fields["destination"] != nil, destination == nil { clean = false }
        if let source, let destination, let destinationNode = fields["destination"], source.family != destination.family
        {
            error(
                .mixedAddressFamilies,
                "source \(source) is \(source.family.rawValue) but destination \(destination) is \(destination.family.rawValue); both CIDRs of a rule must be the same family",
                at: destinationNode.position)
            clean = false
        }

        var ports: [String: PortRange] = [:]
        for key in ["sourcePorts", "destinationPorts"] {
            guard let portsNode = fields[key] else { continue }
            guard let range = portRange(portsNode, key) else {
                clean = false
                continue
            }
            ports[key] = range
            let protocolText: String?
            if fields["protocol"] == nil {
                protocolText = "this rule has no protocol (all protocols)"
            } else if case .some(.none) = ipProtocol {
                protocolText = "this rule's protocol is all"
            } else if case .some(.some(let value)) = ipProtocol, !value.hasPorts {
                protocolText = "this rule's protocol is \(value)"
            } else {
                protocolText = nil
            }
            if let protocolText {
                error(
                    .portsNeedTCPOrUDP,
                    "\(key) needs protocol tcp or udp; \(protocolText) (remove the ports or set protocol: tcp or udp)",
                    at: fields.keyNode(key)?.position ?? portsNode.position)
                clean = false
            }
        }

        let description = optionalString(fields, "description", "rule description")
        if description.present, description.value == nil { clean = false }

        guard let number, let numberNode = fields["rule"] else { return (nil, nil) }
        guard clean, let action, let source, let destination else { return (nil, (number, numberNode)) }
        let rule = FilterRuleSpec(
            direction: direction, number: number, action: action, protocol: ipProtocol ?? nil, source: source,
            destination: destination, sourcePorts: ports["sourcePorts"], destinationPorts: ports["destinationPorts"],
            description: description.value)
        return (rule, (number, numberNode))
    }

    /// `.some(nil)`: all protocols (`all`); `.some(p)`: one protocol; nil: an error was reported.
    mutating func readProtocol(_ node: YAMLNode) -> IPProtocol?? {
        guard let scalar = node.scalar, scalar.kind == .string || scalar.kind == .integer else {
            error(
                .wrongType,
                "protocol must be a name (icmp, tcp, udp, icmpv6, ...), a number 0..255 or 'all', not \(node.typeName)",
                at: node.position)
            return nil
        }
        if scalar.kind == .integer {
            guard let number = ScalarResolver.integerValue(scalar.text), let value = IPProtocol(number: number) else {
                error(
                    .invalidProtocol,
                    "protocol \(scalar.text) is out of range; allowed: 0..255 or a name (icmp, tcp, udp, icmpv6, ...)",
                    at: node.position)
                return nil
            }
            warnIfZero(value, scalar.text, at: node.position)
            return .some(value)
        }
        if scalar.text == "all" { return .some(nil) }
        guard let value = IPProtocol(name: scalar.text) else {
            let names = IPProtocol.names.map(\.name) + ["all"]
            error(
                .invalidProtocol,
                "protocol '\(scalar.text)' is not known\(NearestMatch.hint(for: scalar.text, among: names)) (use an IANA name such as icmp, tcp, udp, icmpv6, a number 0..255, or 'all')",
                at: node.position)
            return nil
        }
        warnIfZero(value, scalar.text, at: node.position)
        return .some(value)
    }

    /// AWS and Terraform read protocol 0 as "all protocols" (the planner does too), not as HOPOPT.
    mutating func warnIfZero(_ value: IPProtocol, _ text: String, at position: SourcePosition) {
        guard value.number == 0 else { return }
        warning(
            .protocolZero,
            "protocol \(text) (number 0) means all protocols to AWS, the same as leaving it out; write "
                + "'protocol: all' or omit it to say so",
            at: position)
    }

    mutating func cidr(_ node: YAMLNode, _ what: String) -> CIDRBlock? {
        guard let text = string(node, what) else { return nil }
        switch CIDRBlock.parse(text) {
        case .success(let block):
            return block
        case .failure(.missingPrefixLength):
            error(
                .invalidCIDR,
                "\(what) '\(text)' has no prefix length; write a CIDR block such as 10.0.0.0/16 or 2001:db8::/32 (a single host is /32 or /128)",
                at: node.position)
        case .failure(.invalidAddress):
            error(
                .invalidCIDR,
                "\(what) '\(text)' is not a CIDR block: the address is neither IPv4 nor IPv6 (examples: 10.0.0.0/16, 2001:db8::/32)",
                at: node.position)
        case .failure(.invalidPrefixLength(let maximum)):
            error(
                .invalidCIDR, "\(what) '\(text)' has an invalid prefix length; allowed: 0..\(maximum)",
                at: node.position)
        case .failure(.hostBitsSet(let network)):
            error(.invalidCIDR, "\(what) '\(text)' has host bits set; did you mean \(network)?", at: node.position)
        }
        return nil
    }

    /// `80`, `"80"` or `"1024-65535"`.
    mutating func portRange(_ node: YAMLNode, _ what: String) -> PortRange? {
        guard let scalar = node.scalar, scalar.kind == .integer || scalar.kind == .string else {
            error(
                .wrongType, "\(what) must be a port (80) or a range (\"1024-65535\"), not \(node.typeName)",
                at: node.position)
            return nil
        }
        guard let range = PortRange(scalar.text) else {
            error(
                .invalidPorts,
                "\(what) '\(scalar.text)' is not a port or port range; allowed: N or N-M with 0 <= N <= M <= 65535",
                at: node.position)
            return nil
        }
        return range
    }
}
