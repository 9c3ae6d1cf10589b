@testable import MirrorLab

/// One API behaviour: setup requests that must succeed (each may bind `$name` to the first `<element>` of its
/// answer), then a request and what EC2 answers to it. The same table runs in-process and over HTTP.
struct ConformanceCase: Sendable, CustomStringConvertible {
    struct Step: Sendable {
        var parameters: [String: String]
        var bind: (name: String, element: String)?
    }

    enum Expect: Sendable {
        /// HTTP 200 and, for each pair, the element's first value equals the expected text (nil: absent).
        case success([String: String?])
        case error(code: String, status: Int)
    }

    var name: String
    var setup: [Step]
    var request: [String: String]
    var expect: Expect

    var description: String { name }

    /// The topology's ENIs: `$SRC` (Server), `$SRC2` (Client), `$TENI` (Target).
    static let variables: [String: String] = {
        let network = LabState().network
        func eni(_ name: String) -> String {
            let instance = network.instances.first { $0.name == name }!
            return instance.networkInterfaceId
        }
        return [
            "$SRC": eni("Server"), "$SRC2": eni("Client"), "$TENI": eni("Target"),
            "$CLIENT": network.instances.first { $0.name == "Client" }!.id,
        ]
    }()
}

/// Setup steps shared by many cases.
enum Fixture {
    static func call(_ action: String, _ extra: [String: String] = [:]) -> [String: String] {
        ["Action": action, "Version": "2016-11-15"].merging(extra) { a, _ in a }
    }

    static let target = ConformanceCase.Step(
        parameters: call("CreateTrafficMirrorTarget", ["NetworkInterfaceId": "$TENI"]),
        bind: ("$T", "trafficMirrorTargetId"))
    static let nlbTarget = ConformanceCase.Step(
        parameters: call("CreateTrafficMirrorTarget", ["NetworkLoadBalancerArn": nlbArn]),
        bind: ("$NLB", "trafficMirrorTargetId"))
    static let filter = ConformanceCase.Step(
        parameters: call("CreateTrafficMirrorFilter", ["Description": "f"]), bind: ("$F", "trafficMirrorFilterId"))
    static let nlbArn = "arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/net/mon/0123456789abcdef"

    static func rule(_ direction: String = "ingress", _ number: Int = 100, bind: String = "$R") -> ConformanceCase.Step
    {
        ConformanceCase.Step(
            parameters: call(
                "CreateTrafficMirrorFilterRule",
                [
                    "TrafficMirrorFilterId": "$F", "TrafficDirection": direction, "RuleNumber": String(number),
                    "RuleAction": "accept", "Protocol": "6", "DestinationPortRange.FromPort": "80",
                    "DestinationPortRange.ToPort": "80",
                    "DestinationCidrBlock": "0.0.0.0/0", "SourceCidrBlock": "10.0.0.0/8", "Description": "http",
                ]), bind: (bind, "trafficMirrorFilterRuleId"))
    }

    static func session(
        _ number: Int = 1, source: String = "$SRC", target: String = "$T", bind: String = "$S",
        extra: [String: String] = [:]
    ) -> ConformanceCase.Step {
        ConformanceCase.Step(
            parameters: call(
                "CreateTrafficMirrorSession",
                [
                    "NetworkInterfaceId": source, "TrafficMirrorTargetId": target, "TrafficMirrorFilterId": "$F",
                    "SessionNumber": String(number),
                ].merging(extra) { a, _ in a }), bind: (bind, "trafficMirrorSessionId"))
    }
}
