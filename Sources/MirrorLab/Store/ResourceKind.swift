/// The kinds of EC2 resource the lab knows, with their ID prefix and AWS's error codes.
public enum ResourceKind: String, Sendable, CaseIterable, Codable {
    case target, filter, rule, session, instance, networkInterface, vpc, subnet

    var prefix: String {
        switch self {
        case .target: "tmt"
        case .filter: "tmf"
        case .rule: "tmfr"
        case .session: "tms"
        case .instance: "i"
        case .networkInterface: "eni"
        case .vpc: "vpc"
        case .subnet: "subnet"
        }
    }

    /// The `resource-type` DescribeTags reports.
    var tagResourceType: String {
        switch self {
        case .target: "traffic-mirror-target"
        case .filter: "traffic-mirror-filter"
        case .rule: "traffic-mirror-filter-rule"
        case .session: "traffic-mirror-session"
        case .instance: "instance"
        case .networkInterface: "network-interface"
        case .vpc: "vpc"
        case .subnet: "subnet"
        }
    }

    var noun: String {
        switch self {
        case .target: "traffic mirror target"
        case .filter: "traffic mirror filter"
        case .rule: "traffic mirror filter rule"
        case .session: "traffic mirror session"
        case .instance: "instance"
        case .networkInterface: "network interface"
        case .vpc: "vpc"
        case .subnet: "subnet"
        }
    }

    /// The dotted `…Id.NotFound` spellings Terraform matches against real AWS (reference §A.11).
    var notFoundCode: String {
        switch self {
        case .target: "InvalidTrafficMirrorTargetId.NotFound"
        case .filter: "InvalidTrafficMirrorFilterId.NotFound"
        case .rule: "InvalidTrafficMirrorFilterRuleId.NotFound"
        case .session: "InvalidTrafficMirrorSessionId.NotFound"
        case .instance: "InvalidInstanceID.NotFound"
        case .networkInterface: "InvalidNetworkInterfaceID.NotFound"
        case .vpc: "InvalidVpcID.NotFound"
        case .subnet: "InvalidSubnetID.NotFound"
        }
    }

    var malformedCode: String {
        switch self {
        case .target: "InvalidTrafficMirrorTargetId.Malformed"
        case .filter: "InvalidTrafficMirrorFilterId.Malformed"
        case .rule: "InvalidTrafficMirrorFilterRuleId.Malformed"
        case .session: "InvalidTrafficMirrorSessionId.Malformed"
        case .instance: "InvalidInstanceID.Malformed"
        case .networkInterface: "InvalidNetworkInterfaceId.Malformed"
        case .vpc: "InvalidVpcID.Malformed"
        case .subnet: "InvalidSubnetID.Malformed"
        }
    }

    /// The kind an ID belongs to, judged by its prefix (`tmfr-` before `tmf-`).
    static func of(id: String) -> ResourceKind? {
        guard let dash = id.firstIndex(of: "-") else { return nil }
        let prefix = id[..<dash]
        return allCases.first { $0.prefix == prefix }
    }

    /// EC2 IDs are the prefix, a dash and 8 or 17 lowercase hex digits.
    func isWellFormed(_ id: String) -> Bool {
        guard id.hasPrefix(prefix + "-") else { return false }
        let hex = id.dropFirst(prefix.count + 1)
        return (hex.count == 8 || hex.count == 17) && hex.allSatisfy { $0.isHexDigit && !$0.isUppercase }
    }
}
