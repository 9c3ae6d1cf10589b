import MirrorPlanModel

/// `DesiredState` → manifest v1 YAML text (pure). Free text (descriptions, tags, CIDRs, instance names, ARNs)
/// is always double-quoted with JSON-style escapes, which YAML reads back byte for byte; logical names are
/// quoted whenever YAML could read them as something other than a string. Resources in name order, rules in
/// number order, so the same state always gives the same text.
public enum ManifestWriter {
    public static func text(_ state: DesiredState, header: [String] = []) -> String {
        var out = header.map { "# \($0)\n" }.joined()
        out += "apiVersion: \(DesiredState.apiVersion)\nstack: \(key(state.stack))\n"
        if let region = state.region { out += "region: \(region)\n" }
        out += tagBlock(state.tags, indent: "")

        if !state.targets.isEmpty { out += "\ntargets:\n" }
        for target in state.targets.sorted(by: { $0.name < $1.name }) {
            out += "  \(key(target.name)):\n"
            switch target.kind {
            case .networkInterface(let reference): out += "    networkInterface: \(interface(reference))\n"
            case .networkLoadBalancer(let arn): out += "    networkLoadBalancer: \(quoted(arn))\n"
            case .gatewayLoadBalancerEndpoint(let id): out += "    gatewayLoadBalancerEndpoint: \(id)\n"
            }
            if let description = target.description { out += "    description: \(quoted(description))\n" }
            out += tagBlock(ownTags(target.tags, stack: state.tags), indent: "    ")
        }

        if !state.filters.isEmpty { out += "\nfilters:\n" }
        for filter in state.filters.sorted(by: { $0.name < $1.name }) {
            var body = ""
            if let description = filter.description { body += "    description: \(quoted(description))\n" }
            if !filter.networkServices.isEmpty {
                body += "    networkServices: [\(filter.networkServices.sorted().joined(separator: ", "))]\n"
            }
            for (direction, rules) in [("ingress", filter.ingress), ("egress", filter.egress)] where !rules.isEmpty {
                body += "    \(direction):\n"
                for rule in rules.sorted(by: { $0.number < $1.number }) { body += self.rule(rule) }
            }
            body += tagBlock(ownTags(filter.tags, stack: state.tags), indent: "    ")
            // A filter with nothing to say is still a mapping, never YAML's null.
            out += body.isEmpty ? "  \(key(filter.name)): {}\n" : "  \(key(filter.name)):\n" + body
        }

        if !state.sessions.isEmpty { out += "\nsessions:\n" }
        for session in state.sessions.sorted(by: { $0.name < $1.name }) {
            out += "  \(key(session.name)):\n"
            out += "    source: \(interface(session.source))\n"
            out += "    target: \(key(session.target))\n"
            out += "    filter: \(key(session.filter))\n"
            out += "    number: \(session.number)\n"
            if let vni = session.vni { out += "    vni: \(vni)\n" }
            if let length = session.packetLength { out += "    packetLength: \(length)\n" }
            if let description = session.description { out += "    description: \(quoted(description))\n" }
            out += tagBlock(ownTags(session.tags, stack: state.tags), indent: "    ")
        }
        return out
    }

    static func rule(_ rule: FilterRuleSpec) -> String {
        var out = "      - rule: \(rule.number)\n        action: \(rule.action.rawValue)\n"
        if let proto = rule.protocol { out += "        protocol: \(proto.name ?? String(proto.number))\n" }
        out +=
            "        source: \(quoted(rule.source.description))\n        destination: \(quoted(rule.destination.description))\n"
        if let ports = rule.sourcePorts { out += "        sourcePorts: \(quoted(ports.description))\n" }
        if let ports = rule.destinationPorts { out += "        destinationPorts: \(quoted(ports.description))\n" }
        if let description = rule.description { out += "        description: \(quoted(description))\n" }
        return out
    }

    /// A resource's tags are stored merged over the stack's; write only what the merge would not give back.
    static func ownTags(_ tags: [String: String], stack: [String: String]) -> [String: String] {
        tags.filter { stack[$0.key] != $0.value }
    }

    static func tagBlock(_ tags: [String: String], indent: String) -> String {
        guard !tags.isEmpty else { return "" }
        return "\(indent)tags:\n"
            + tags.sorted { $0.key < $1.key }.map { "\(indent)  \(quoted($0.key)): \(quoted($0.value))\n" }.joined()
    }

    static func interface(_ reference: NetworkInterfaceReference) -> String {
        switch reference {
        case .eni(let id): id
        case .instanceName(let name): "{ instance: \(quoted(name)) }"
        case .instanceID(let id): "{ instance: \(id) }"
        }
    }

    /// A logical name bare when YAML reads it back as that string, else quoted (`"123"`, `"no"`, `"1e3"`).
    static func key(_ name: String) -> String {
        let special: Set<String> = ["y", "n", "yes", "no", "true", "false", "on", "off", "null"]
        guard let first = name.unicodeScalars.first, ("a"..."z").contains(first), !special.contains(name) else {
            return quoted(name)
        }
        return name
    }

    /// A double-quoted YAML scalar; control characters and YAML's extra line breaks escaped.
    public static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            case _
            where scalar.value < 0x20 || scalar.value == 0x7F || scalar.value == 0x85 || scalar.value == 0x2028
                || scalar.value == 0x2029 || scalar.value == 0xFEFF:
                let hex = String(scalar.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
