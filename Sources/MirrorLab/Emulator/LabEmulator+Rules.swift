/// CreateTrafficMirrorFilterRule, ModifyTrafficMirrorFilterRule, DeleteTrafficMirrorFilterRule,
/// DescribeTrafficMirrorFilterRules.
extension LabEmulator {
    static let directions: Set<String> = ["ingress", "egress"]
    static let ruleActions: Set<String> = ["accept", "reject"]
    static let ruleRemovableFields: Set<String> = [
        "destination-port-range", "source-port-range", "protocol", "description",
    ]
    /// No bound is documented ([unverified]); the lab takes 1–32766, the range of the console and of NACL rules.
    static let ruleNumbers = 1...32766

    mutating func createRule(_ p: QueryParameters) throws(LabError) -> [XMLNode] {
        let replayed = try replay(p)
        let filterId = try p.required("TrafficMirrorFilterId")
        var rule = RuleRecord(
            id: "", filterId: filterId, direction: try p.required("TrafficDirection"),
            number: try p.requiredInt("RuleNumber"), action: try p.required("RuleAction"),
            protocol: try p.int("Protocol"),
            destinationPortRange: try Self.portRange(p, "DestinationPortRange"),
            sourcePortRange: try Self.portRange(p, "SourcePortRange"),
            destinationCidrBlock: try p.required("DestinationCidrBlock"),
            sourceCidrBlock: try p.required("SourceCidrBlock"),
            description: p["Description"])
        let tags = try tagSpecifications(p, resourceType: "traffic-mirror-filter-rule")
        if let answer = replayAnswer(replayed, kind: .rule, element: "trafficMirrorFilterRule") { return answer }
        _ = try lookup(.filter, filterId)
        try validate(rule)
        guard state.rules.filter({ $0.filterId == filterId }).count < 10 else {
            throw LabError(
                code: "TrafficMirrorFilterRuleLimitExceeded",
                message:
                    "The traffic mirror filter \(filterId) already has 10 rules, the most a filter can have; delete one first."
            )
        }
        rule.id = state.newId(.rule)
        state.rules.append(rule)
        hideNewResource(rule.id)
        if !tags.isEmpty { state.tags[rule.id] = tags }
        return remember(replayed, resourceId: rule.id, element: XMLNode("trafficMirrorFilterRule", state.xml(rule)))
    }

    mutating func modifyRule(_ p: QueryParameters) throws(LabError) -> [XMLNode] {
        let id = try p.required("TrafficMirrorFilterRuleId")
        let index = try lookup(.rule, id)
        var rule = state.rules[index]
        let removed = try p.list("RemoveField")
        for field in removed where !Self.ruleRemovableFields.contains(field) {
            throw LabError.invalidValue(
                "RemoveField", field, "Removable fields: \(Self.ruleRemovableFields.sorted().joined(separator: ", ")).")
        }
        if let v = p["TrafficDirection"] { rule.direction = v }
        if let v = try p.int("RuleNumber") { rule.number = v }
        if let v = p["RuleAction"] { rule.action = v }
        if let v = try p.int("Protocol") { rule.protocol = v }
        if let v = try Self.portRange(p, "DestinationPortRange") { rule.destinationPortRange = v }
        if let v = try Self.portRange(p, "SourcePortRange") { rule.sourcePortRange = v }
        if let v = p["DestinationCidrBlock"] { rule.destinationCidrBlock = v }
        if let v = p["SourceCidrBlock"] { rule.sourceCidrBlock = v }
        if let v = p["Description"] { rule.description = v }
        let conflicts: [(String, String)] = [
            ("destination-port-range", "DestinationPortRange"), ("source-port-range", "SourcePortRange"),
            ("protocol", "Protocol"), ("description", "Description"),
        ]
        for (field, key) in conflicts where removed.contains(field) && p.has(prefix: key) {
            throw LabError.combination(
                "\(key) and RemoveField=\(field) cannot be given together; set the field or remove it.")
        }
        if removed.contains("destination-port-range") { rule.destinationPortRange = nil }
        if removed.contains("source-port-range") { rule.sourcePortRange = nil }
        if removed.contains("protocol") { rule.protocol = nil }
        if removed.contains("description") { rule.description = nil }
        try validate(rule)
        state.rules[index] = rule
        // "Tags are not returned for ModifyTrafficMirrorFilterRule" (model doc, reference §A.2).
        return [XMLNode("trafficMirrorFilterRule", state.xml(rule, withTags: false))]
    }

    mutating func deleteRule(_ p: QueryParameters) throws(LabError) -> [XMLNode] {
        let id = try p.required("TrafficMirrorFilterRuleId")
        let index = try lookup(.rule, id)
        state.rules.remove(at: index)
        state.tags[id] = nil
        return [XMLNode("trafficMirrorFilterRuleId", text: id)]
    }

    func describeRules(_ p: QueryParameters) throws(LabError) -> [XMLNode] {
        let ids = try p.list("TrafficMirrorFilterRuleId")
        let filterId = p["TrafficMirrorFilterId"]
        let filters = try DescribeFilters(
            p,
            allowed: [
                "traffic-mirror-filter-rule-id", "traffic-mirror-filter-id", "rule-number", "rule-action",
                "traffic-direction", "protocol", "source-cidr-block", "destination-cidr-block", "description",
            ],
            tagFilters: false, wildcards: false)
        let paging = try Pagination(p, action: "DescribeTrafficMirrorFilterRules", ids: !ids.isEmpty)
        if let filterId { _ = try lookup(.filter, filterId) }
        for id in ids { _ = try lookup(.rule, id) }
        let hidden = hiddenThisRead
        try checkVisible(ids, .rule, hidden: hidden)
        let matching = state.rules.filter { r in
            !hidden.contains(r.id) && (ids.isEmpty || ids.contains(r.id)) && (filterId == nil || r.filterId == filterId)
                && filters.matches { name in
                    switch name {
                    case "traffic-mirror-filter-rule-id": [r.id]
                    case "traffic-mirror-filter-id": [r.filterId]
                    case "rule-number": [String(r.number)]
                    case "rule-action": [r.action]
                    case "traffic-direction": [r.direction]
                    case "protocol": r.protocol.map { [String($0)] } ?? []
                    case "source-cidr-block": [r.sourceCidrBlock]
                    case "destination-cidr-block": [r.destinationCidrBlock]
                    default: [r.description ?? ""]
                    }
                }
        }
        let page = paging.page(matching)
        return [XMLNode.set("trafficMirrorFilterRuleSet", page.items.map { state.xml($0) })]
            + XMLNode.leaf("nextToken", page.nextToken)
    }

    /// `Prefix.FromPort` / `Prefix.ToPort`: both or neither (CFN requires both), 0–65535, from ≤ to.
    static func portRange(_ p: QueryParameters, _ prefix: String) throws(LabError) -> PortRange? {
        let inner = p.nested(prefix)
        for key in inner.values.keys where key != "FromPort" && key != "ToPort" {
            throw LabError(
                code: "UnknownParameter",
                message:
                    "The parameter \(prefix).\(key) is not recognized; use \(prefix).FromPort and \(prefix).ToPort.")
        }
        guard let from = try inner.int("FromPort") else {
            if inner["ToPort"] != nil { throw LabError.missing("\(prefix).FromPort") }
            return nil
        }
        guard let to = try inner.int("ToPort") else { throw LabError.missing("\(prefix).ToPort") }
        for (key, value) in [("FromPort", from), ("ToPort", to)] where !(0...65535).contains(value) {
            throw LabError.invalidValue("\(prefix).\(key)", String(value), "Ports are 0 to 65535.")
        }
        guard from <= to else {
            throw LabError.invalidValue(
                "\(prefix).FromPort", String(from), "FromPort must not be greater than ToPort (\(to)).")
        }
        return PortRange(from: from, to: to)
    }

    /// The checks AWS applies to a rule after Create or Modify.
    func validate(_ rule: RuleRecord) throws(LabError) {
        guard Self.directions.contains(rule.direction) else {
            throw LabError.invalidValue("TrafficDirection", rule.direction, "Expecting ingress or egress.")
        }
        guard Self.ruleActions.contains(rule.action) else {
            throw LabError.invalidValue("RuleAction", rule.action, "Expecting accept or reject.")
        }
        guard Self.ruleNumbers.contains(rule.number) else {
            throw LabError.invalidValue("RuleNumber", String(rule.number), "Rule numbers are 1 to 32766.")
        }
        if let proto = rule.protocol, !(0...255).contains(proto) {
            throw LabError.invalidValue("Protocol", String(proto), "Expecting an IANA protocol number from 0 to 255.")
        }
        if rule.destinationPortRange != nil || rule.sourcePortRange != nil, rule.protocol != 6, rule.protocol != 17 {
            throw LabError.combination(
                "Port ranges apply only to TCP (Protocol 6) and UDP (Protocol 17); set the protocol or remove the port ranges."
            )
        }
        let destination = try Self.cidr(rule.destinationCidrBlock, "DestinationCidrBlock")
        let source = try Self.cidr(rule.sourceCidrBlock, "SourceCidrBlock")
        guard destination.isIPv4 == source.isIPv4 else {
            throw LabError.combination(
                "DestinationCidrBlock and SourceCidrBlock must both be an IPv4 range or an IPv6 range.")
        }
        if state.rules.contains(where: {
            $0.id != rule.id && $0.filterId == rule.filterId && $0.direction == rule.direction
                && $0.number == rule.number
        }) {
            throw LabError(
                code: "TrafficMirrorFilterRuleAlreadyExists",
                message:
                    "The traffic mirror filter \(rule.filterId) already has an \(rule.direction) rule number \(rule.number); rule numbers are unique per direction."
            )
        }
    }

    /// A CIDR block whose host bits are zero (the strict reading; TF validates the same).
    static func cidr(_ text: String, _ key: String) throws(LabError) -> CIDRBlock {
        guard let block = CIDRBlock(text) else {
            throw LabError.invalidValue(
                key, String(text.prefix(60)), "Expecting a CIDR block such as 10.0.0.0/8 or 2001:db8::/32.")
        }
        guard block.isNetworkAddress else {
            throw LabError.invalidValue(
                key, text, "The address has host bits set; give the network address of the block.")
        }
        return block
    }
}
