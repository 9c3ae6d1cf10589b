/// The EC2 actions the lab answers, with the request keys each accepts and its throttling category.
public enum LabAction: String, Sendable, CaseIterable, Codable {
    case createTrafficMirrorTarget = "CreateTrafficMirrorTarget"
    case deleteTrafficMirrorTarget = "DeleteTrafficMirrorTarget"
    case describeTrafficMirrorTargets = "DescribeTrafficMirrorTargets"
    case createTrafficMirrorFilter = "CreateTrafficMirrorFilter"
    case deleteTrafficMirrorFilter = "DeleteTrafficMirrorFilter"
    case describeTrafficMirrorFilters = "DescribeTrafficMirrorFilters"
    case modifyTrafficMirrorFilterNetworkServices = "ModifyTrafficMirrorFilterNetworkServices"
    case createTrafficMirrorFilterRule = "CreateTrafficMirrorFilterRule"
    case modifyTrafficMirrorFilterRule = "ModifyTrafficMirrorFilterRule"
    case deleteTrafficMirrorFilterRule = "DeleteTrafficMirrorFilterRule"
    case describeTrafficMirrorFilterRules = "DescribeTrafficMirrorFilterRules"
    case createTrafficMirrorSession = "CreateTrafficMirrorSession"
    case modifyTrafficMirrorSession = "ModifyTrafficMirrorSession"
    case deleteTrafficMirrorSession = "DeleteTrafficMirrorSession"
    case describeTrafficMirrorSessions = "DescribeTrafficMirrorSessions"
    case describeInstances = "DescribeInstances"
    case describeNetworkInterfaces = "DescribeNetworkInterfaces"
    case describeInstanceTypes = "DescribeInstanceTypes"
    case createTags = "CreateTags"
    case deleteTags = "DeleteTags"
    case describeTags = "DescribeTags"

    /// How a request key is shaped on the wire: `Key`, `Key.N` or `Key.Member…`.
    enum KeyShape { case scalar, list, structure }

    var isMutating: Bool { !rawValue.hasPrefix("Describe") }

    /// The traffic-mirroring kind a Describe action lists (subject to the consistency lag).
    var describedKind: ResourceKind? {
        switch self {
        case .describeTrafficMirrorTargets: .target
        case .describeTrafficMirrorFilters: .filter
        case .describeTrafficMirrorFilterRules: .rule
        case .describeTrafficMirrorSessions: .session
        default: nil
        }
    }

    /// The keys this action accepts besides Action, Version and DryRun (reference §A.3). Anything else is
    /// AWS's `UnknownParameter`, which catches a client that misspells or mis-flattens a member.
    var keys: [String: KeyShape] {
        let describe: [String: KeyShape] = ["Filter": .list, "MaxResults": .scalar, "NextToken": .scalar]
        let tagged: [String: KeyShape] = ["TagSpecification": .list, "ClientToken": .scalar, "Description": .scalar]
        let ruleFields: [String: KeyShape] = [
            "TrafficDirection": .scalar, "RuleNumber": .scalar, "RuleAction": .scalar,
            "DestinationPortRange": .structure, "SourcePortRange": .structure, "Protocol": .scalar,
            "DestinationCidrBlock": .scalar, "SourceCidrBlock": .scalar, "Description": .scalar,
        ]
        let sessionFields: [String: KeyShape] = [
            "TrafficMirrorTargetId": .scalar, "TrafficMirrorFilterId": .scalar, "PacketLength": .scalar,
            "SessionNumber": .scalar, "VirtualNetworkId": .scalar, "Description": .scalar,
        ]
        switch self {
        case .createTrafficMirrorTarget:
            return tagged.merging([
                "NetworkInterfaceId": .scalar, "NetworkLoadBalancerArn": .scalar,
                "GatewayLoadBalancerEndpointId": .scalar,
            ]) { a, _ in a }
        case .deleteTrafficMirrorTarget: return ["TrafficMirrorTargetId": .scalar]
        case .describeTrafficMirrorTargets: return describe.merging(["TrafficMirrorTargetId": .list]) { a, _ in a }
        case .createTrafficMirrorFilter: return tagged
        case .deleteTrafficMirrorFilter: return ["TrafficMirrorFilterId": .scalar]
        case .describeTrafficMirrorFilters: return describe.merging(["TrafficMirrorFilterId": .list]) { a, _ in a }
        case .modifyTrafficMirrorFilterNetworkServices:
            return ["TrafficMirrorFilterId": .scalar, "AddNetworkService": .list, "RemoveNetworkService": .list]
        case .createTrafficMirrorFilterRule:
            return ruleFields.merging(tagged) { a, _ in a }.merging(["TrafficMirrorFilterId": .scalar]) { a, _ in a }
        case .modifyTrafficMirrorFilterRule:
            return ruleFields.merging(["TrafficMirrorFilterRuleId": .scalar, "RemoveField": .list]) { a, _ in a }
        case .deleteTrafficMirrorFilterRule: return ["TrafficMirrorFilterRuleId": .scalar]
        case .describeTrafficMirrorFilterRules:
            return describe.merging(["TrafficMirrorFilterRuleId": .list, "TrafficMirrorFilterId": .scalar]) { a, _ in a
            }
        case .createTrafficMirrorSession:
            return sessionFields.merging(tagged) { a, _ in a }.merging(["NetworkInterfaceId": .scalar]) { a, _ in a }
        case .modifyTrafficMirrorSession:
            return sessionFields.merging(["TrafficMirrorSessionId": .scalar, "RemoveField": .list]) { a, _ in a }
        case .deleteTrafficMirrorSession: return ["TrafficMirrorSessionId": .scalar]
        case .describeTrafficMirrorSessions: return describe.merging(["TrafficMirrorSessionId": .list]) { a, _ in a }
        case .describeInstances: return describe.merging(["InstanceId": .list]) { a, _ in a }
        case .describeNetworkInterfaces: return describe.merging(["NetworkInterfaceId": .list]) { a, _ in a }
        case .describeInstanceTypes: return describe.merging(["InstanceType": .list]) { a, _ in a }
        case .createTags, .deleteTags: return ["ResourceId": .list, "Tag": .list]
        case .describeTags: return describe
        }
    }

    /// The parameters every request may carry. `X-Amz-*` are SigV4 query-string auth parameters.
    static let commonKeys: Set<String> = ["Action", "Version", "DryRun"]

    /// Rejects keys the action does not accept and keys of the wrong shape.
    func checkKeys(_ parameters: QueryParameters) throws(LabError) {
        let accepted = keys
        for key in parameters.values.keys.sorted() {
            if Self.commonKeys.contains(key) || key.hasPrefix("X-Amz-") { continue }
            let head = String(key.prefix { $0 != "." })
            guard let shape = accepted[head] else {
                throw LabError(
                    code: "UnknownParameter",
                    message: "The parameter \(head) is not recognized by \(rawValue).")
            }
            let nested = key.contains(".")
            if (shape == .scalar && nested) || (shape != .scalar && !nested) {
                let form = shape == .scalar ? head : (shape == .list ? "\(head).1" : "\(head).Member")
                throw LabError(
                    code: "UnknownParameter",
                    message: "The parameter \(key) is not recognized by \(rawValue); send it as \(form).")
            }
        }
    }
}
