/// The conformance table: what EC2 does, per reference §A/§D/§E/§F. Error codes are AWS's.
extension ConformanceCase {
    private static func ok(
        _ name: String, _ setup: [Step], _ request: [String: String], _ checks: [String: String?] = [:]
    ) -> Self {
        Self(name: name, setup: setup, request: request, expect: .success(checks))
    }

    private static func fails(
        _ name: String, _ setup: [Step], _ request: [String: String], _ code: String, _ status: Int = 400
    ) -> Self {
        Self(name: name, setup: setup, request: request, expect: .error(code: code, status: status))
    }

    private static func call(_ action: String, _ extra: [String: String] = [:]) -> [String: String] {
        Fixture.call(action, extra)
    }
    private static let target = Fixture.target, filter = Fixture.filter, nlb = Fixture.nlbTarget

    static let all: [ConformanceCase] = successes + protocolErrors + referenceErrors + validationErrors

    static let successes: [ConformanceCase] = [
        ok(
            "ENI target", [], call("CreateTrafficMirrorTarget", ["NetworkInterfaceId": "$TENI", "Description": "mon"]),
            [
                "type": "network-interface", "networkInterfaceId": "$TENI", "description": "mon",
                "ownerId": "123456789012",
            ]),
        ok(
            "NLB target", [], call("CreateTrafficMirrorTarget", ["NetworkLoadBalancerArn": Fixture.nlbArn]),
            ["type": "network-load-balancer"]),
        ok(
            "GWLB endpoint target", [],
            call("CreateTrafficMirrorTarget", ["GatewayLoadBalancerEndpointId": "vpce-0123456789abcdef0"]),
            ["type": "gateway-load-balancer-endpoint", "gatewayLoadBalancerEndpointId": "vpce-0123456789abcdef0"]),
        ok(
            "instance by ID", [],
            call("DescribeInstances", ["Filter.1.Name": "instance-id", "Filter.1.Value.1": "$CLIENT"]),
            ["instanceId": "$CLIENT", "instanceType": "m5.large", "name": "running"]),
        ok(
            "ENI by ID", [], call("DescribeNetworkInterfaces", ["NetworkInterfaceId.1": "$TENI"]),
            ["networkInterfaceId": "$TENI", "privateIpAddress": "10.0.1.30"]),
        ok(
            "tag on create", [],
            call(
                "CreateTrafficMirrorFilter",
                [
                    "TagSpecification.1.ResourceType": "traffic-mirror-filter",
                    "TagSpecification.1.Tag.1.Key": "Name", "TagSpecification.1.Tag.1.Value": "f1",
                ]),
            ["key": "Name", "value": "f1"]),
        ok(
            "session on NLB target defaults packet length to 8500", [nlb, filter],
            Fixture.session(target: "$NLB").parameters,
            ["packetLength": "8500"]),
        ok(
            "session on ENI target mirrors whole packets", [target, filter], Fixture.session().parameters,
            ["packetLength": nil]),
        ok(
            "explicit VNI kept", [target, filter], Fixture.session(extra: ["VirtualNetworkId": "4242"]).parameters,
            ["virtualNetworkId": "4242"]),
        ok(
            "same rule number in the other direction", [filter, Fixture.rule("ingress", 100)],
            Fixture.rule("egress", 100).parameters, ["trafficDirection": "egress", "ruleNumber": "100"]),
        ok(
            "rule RemoveField unsets protocol, ports and description", [filter, Fixture.rule()],
            call(
                "ModifyTrafficMirrorFilterRule",
                [
                    "TrafficMirrorFilterRuleId": "$R", "RemoveField.1": "protocol",
                    "RemoveField.2": "destination-port-range", "RemoveField.3": "description",
                ]),
            ["protocol": nil, "fromPort": nil, "description": nil, "ruleNumber": "100"]),
        ok(
            "modify rule number", [filter, Fixture.rule()],
            call("ModifyTrafficMirrorFilterRule", ["TrafficMirrorFilterRuleId": "$R", "RuleNumber": "200"]),
            ["ruleNumber": "200"]),
        ok(
            "session RemoveField packet-length and description",
            [target, filter, Fixture.session(extra: ["PacketLength": "128", "Description": "d"])],
            call(
                "ModifyTrafficMirrorSession",
                ["TrafficMirrorSessionId": "$S", "RemoveField.1": "packet-length", "RemoveField.2": "description"]),
            ["packetLength": nil, "description": nil, "trafficMirrorSessionId": "$S"]),
        ok(
            "repoint a session to a new target keeps its ID", [target, filter, Fixture.session(), nlb],
            call("ModifyTrafficMirrorSession", ["TrafficMirrorSessionId": "$S", "TrafficMirrorTargetId": "$NLB"]),
            ["trafficMirrorSessionId": "$S", "trafficMirrorTargetId": "$NLB"]),
        ok(
            "add amazon-dns network service", [filter],
            call(
                "ModifyTrafficMirrorFilterNetworkServices",
                ["TrafficMirrorFilterId": "$F", "AddNetworkService.1": "amazon-dns"]),
            ["item": "amazon-dns"]),
        ok(
            "ClientToken replay returns the same resource",
            [
                Step(
                    parameters: call("CreateTrafficMirrorFilter", ["ClientToken": "tok-1"]),
                    bind: ("$F", "trafficMirrorFilterId"))
            ],
            call("CreateTrafficMirrorFilter", ["ClientToken": "tok-1"]),
            ["trafficMirrorFilterId": "$F", "clientToken": "tok-1"]),
        ok(
            "ClientToken replay after delete returns the deleted resource",
            [
                Step(
                    parameters: call("CreateTrafficMirrorFilter", ["ClientToken": "tok-2"]),
                    bind: ("$F", "trafficMirrorFilterId")),
                Step(parameters: call("DeleteTrafficMirrorFilter", ["TrafficMirrorFilterId": "$F"])),
            ],
            call("CreateTrafficMirrorFilter", ["ClientToken": "tok-2"]), ["trafficMirrorFilterId": "$F"]),
        ok(
            "describe targets by ID", [target], call("DescribeTrafficMirrorTargets", ["TrafficMirrorTargetId.1": "$T"]),
            ["trafficMirrorTargetId": "$T"]),
        ok(
            "describe sessions by filter", [target, filter, Fixture.session(extra: ["VirtualNetworkId": "77"])],
            call("DescribeTrafficMirrorSessions", ["Filter.1.Name": "virtual-network-id", "Filter.1.Value.1": "77"]),
            ["trafficMirrorSessionId": "$S"]),
        ok(
            "describe rules by direction", [filter, Fixture.rule("egress", 5)],
            call(
                "DescribeTrafficMirrorFilterRules",
                ["TrafficMirrorFilterId": "$F", "Filter.1.Name": "traffic-direction", "Filter.1.Value.1": "egress"]),
            ["trafficMirrorFilterRuleId": "$R"]),
        ok(
            "pagination: 5 of 6 and a nextToken", Array(repeating: filter, count: 6),
            call("DescribeTrafficMirrorFilters", ["MaxResults": "5"]),
            ["nextToken": "RGVzY3JpYmVUcmFmZmljTWlycm9yRmlsdGVyc3w1"]),
        ok(
            "filter deletion answers its ID", [filter],
            call("DeleteTrafficMirrorFilter", ["TrafficMirrorFilterId": "$F"]),
            ["trafficMirrorFilterId": "$F"]),
        ok(
            "instance by Name tag", [],
            call(
                "DescribeInstances",
                [
                    "Filter.1.Name": "tag:Name", "Filter.1.Value.1": "Client",
                    "Filter.2.Name": "instance-state-name", "Filter.2.Value.1": "running",
                ]),
            ["instanceId": "$CLIENT", "privateIpAddress": "10.0.1.10", "deviceIndex": "0"]),
        ok(
            "primary ENI by instance", [],
            call(
                "DescribeNetworkInterfaces",
                [
                    "Filter.1.Name": "attachment.instance-id", "Filter.1.Value.1": "$CLIENT",
                    "Filter.2.Name": "attachment.device-index", "Filter.2.Value.1": "0",
                ]),
            ["networkInterfaceId": "$SRC2", "interfaceType": "interface"]),
        ok(
            "instance type hypervisor", [], call("DescribeInstanceTypes", ["InstanceType.1": "m5.large"]),
            ["hypervisor": "nitro"]),
        ok(
            "tags: create then describe",
            [
                filter,
                Step(parameters: call("CreateTags", ["ResourceId.1": "$F", "Tag.1.Key": "k", "Tag.1.Value": "v"])),
            ],
            call("DescribeTags", ["Filter.1.Name": "resource-id", "Filter.1.Value.1": "$F"]),
            ["resourceType": "traffic-mirror-filter", "key": "k", "value": "v"]),
        ok(
            "tags: delete without Tag removes all",
            [
                filter, Step(parameters: call("CreateTags", ["ResourceId.1": "$F", "Tag.1.Key": "k"])),
                Step(parameters: call("DeleteTags", ["ResourceId.1": "$F"])),
            ],
            call("DescribeTags", ["Filter.1.Name": "resource-id", "Filter.1.Value.1": "$F"]), ["key": nil]),
    ]

    static let protocolErrors: [ConformanceCase] = [
        fails("unknown action", [], call("RunInstances"), "InvalidAction"),
        fails("missing action", [], ["Version": "2016-11-15"], "MissingParameter"),
        fails("missing version", [], ["Action": "DescribeTrafficMirrorTargets"], "MissingParameter"),
        fails(
            "unknown version", [], ["Action": "DescribeTrafficMirrorTargets", "Version": "2014-01-01"], "NoSuchVersion"),
        fails(
            "unknown parameter", [], call("DescribeTrafficMirrorTargets", ["Filters.1.Name": "description"]),
            "UnknownParameter"),
        fails(
            "list sent as scalar", [],
            call("DescribeTrafficMirrorTargets", ["TrafficMirrorTargetId": "tmt-0123456789abcdef0"]), "UnknownParameter"
        ),
        fails("DryRun", [], call("CreateTrafficMirrorFilter", ["DryRun": "true"]), "DryRunOperation", 412),
        fails(
            "DryRun still validates", [],
            call("DeleteTrafficMirrorFilter", ["TrafficMirrorFilterId": "tmf-0123456789abcdef0", "DryRun": "true"]),
            "InvalidTrafficMirrorFilterId.NotFound"),
        fails(
            "MaxResults below 5", [], call("DescribeTrafficMirrorSessions", ["MaxResults": "4"]),
            "InvalidParameterValue"),
        fails(
            "MaxResults above 1000", [], call("DescribeTrafficMirrorFilterRules", ["MaxResults": "1001"]),
            "InvalidParameterValue"),
        fails(
            "forged NextToken", [], call("DescribeTrafficMirrorTargets", ["NextToken": "bm90IGEgdG9rZW4="]),
            "InvalidNextToken"),
        fails(
            "unknown filter name", [],
            call("DescribeTrafficMirrorSessions", ["Filter.1.Name": "tag:Name", "Filter.1.Value.1": "x"]),
            "InvalidParameterValue"),
        fails(
            "non-integer", [],
            call(
                "CreateTrafficMirrorSession",
                [
                    "NetworkInterfaceId": "$SRC", "TrafficMirrorTargetId": "x",
                    "TrafficMirrorFilterId": "y", "SessionNumber": "one",
                ]), "InvalidParameterValue"),
        fails(
            "non-boolean DryRun", [], call("DescribeTrafficMirrorTargets", ["DryRun": "yes"]), "InvalidParameterValue"),
    ]

    static let referenceErrors: [ConformanceCase] = [
        fails(
            "delete unknown target", [],
            call("DeleteTrafficMirrorTarget", ["TrafficMirrorTargetId": "tmt-0123456789abcdef0"]),
            "InvalidTrafficMirrorTargetId.NotFound"),
        fails(
            "delete unknown filter", [],
            call("DeleteTrafficMirrorFilter", ["TrafficMirrorFilterId": "tmf-0123456789abcdef0"]),
            "InvalidTrafficMirrorFilterId.NotFound"),
        fails(
            "delete unknown rule", [],
            call("DeleteTrafficMirrorFilterRule", ["TrafficMirrorFilterRuleId": "tmfr-0123456789abcdef0"]),
            "InvalidTrafficMirrorFilterRuleId.NotFound"),
        fails(
            "delete unknown session", [],
            call("DeleteTrafficMirrorSession", ["TrafficMirrorSessionId": "tms-0123456789abcdef0"]),
            "InvalidTrafficMirrorSessionId.NotFound"),
        fails(
            "describe unknown session ID", [],
            call("DescribeTrafficMirrorSessions", ["TrafficMirrorSessionId.1": "tms-0123456789abcdef0"]),
            "InvalidTrafficMirrorSessionId.NotFound"),
        fails(
            "malformed target ID", [], call("DeleteTrafficMirrorTarget", ["TrafficMirrorTargetId": "target-1"]),
            "InvalidTrafficMirrorTargetId.Malformed"),
        fails(
            "target on unknown ENI", [],
            call("CreateTrafficMirrorTarget", ["NetworkInterfaceId": "eni-0123456789abcdef0"]),
            "InvalidNetworkInterfaceID.NotFound"),
        fails(
            "session with unknown filter", [target],
            call(
                "CreateTrafficMirrorSession",
                [
                    "NetworkInterfaceId": "$SRC", "TrafficMirrorTargetId": "$T",
                    "TrafficMirrorFilterId": "tmf-0123456789abcdef0", "SessionNumber": "1",
                ]),
            "InvalidTrafficMirrorFilterId.NotFound"),
        fails(
            "modify session to unknown target", [target, filter, Fixture.session()],
            call(
                "ModifyTrafficMirrorSession",
                ["TrafficMirrorSessionId": "$S", "TrafficMirrorTargetId": "tmt-0123456789abcdef0"]),
            "InvalidTrafficMirrorTargetId.NotFound"),
        fails(
            "rule in unknown filter", [],
            Fixture.rule().parameters.merging(["TrafficMirrorFilterId": "tmf-0123456789abcdef0"]) { _, b in b },
            "InvalidTrafficMirrorFilterId.NotFound"),
        fails(
            "target in use", [target, filter, Fixture.session()],
            call("DeleteTrafficMirrorTarget", ["TrafficMirrorTargetId": "$T"]),
            "TrafficMirrorTargetInUseException"),
        fails(
            "filter in use", [target, filter, Fixture.session()],
            call("DeleteTrafficMirrorFilter", ["TrafficMirrorFilterId": "$F"]),
            "TrafficMirrorFilterInUse"),
        fails(
            "filter with rules (no cascade, the strict reading)", [filter, Fixture.rule()],
            call("DeleteTrafficMirrorFilter", ["TrafficMirrorFilterId": "$F"]), "DependencyViolation"),
        fails(
            "tag an unknown resource", [],
            call("CreateTags", ["ResourceId.1": "tms-0123456789abcdef0", "Tag.1.Key": "k"]),
            "InvalidTrafficMirrorSessionId.NotFound"),
    ]

    static let validationErrors: [ConformanceCase] = [
        fails(
            "rule number collision in one direction", [filter, Fixture.rule("ingress", 100)],
            Fixture.rule("ingress", 100, bind: "$R2").parameters,
            "TrafficMirrorFilterRuleAlreadyExists"),
        fails(
            "modify into a rule number collision",
            [filter, Fixture.rule("ingress", 100), Fixture.rule("ingress", 200, bind: "$R2")],
            call("ModifyTrafficMirrorFilterRule", ["TrafficMirrorFilterRuleId": "$R2", "RuleNumber": "100"]),
            "TrafficMirrorFilterRuleAlreadyExists"),
        fails(
            "11th rule in a filter", [filter] + (1...10).map { Fixture.rule($0 % 2 == 0 ? "ingress" : "egress", $0) },
            Fixture.rule("ingress", 11).parameters, "TrafficMirrorFilterRuleLimitExceeded"),
        fails(
            "4th session on one source ENI",
            [target, filter, Fixture.session(1), Fixture.session(2), Fixture.session(3)],
            Fixture.session(4).parameters, "TrafficMirrorSessionsPerInterfaceLimitExceeded"),
        fails(
            "source ENI that is a target", [target, filter], Fixture.session(source: "$TENI").parameters,
            "InvalidParameterValue"),
        fails(
            "target on a session source", [nlb, filter, Fixture.session(target: "$NLB")],
            call("CreateTrafficMirrorTarget", ["NetworkInterfaceId": "$SRC"]), "InvalidParameterValue"),
        fails(
            "two target kinds", [],
            call(
                "CreateTrafficMirrorTarget", ["NetworkInterfaceId": "$TENI", "NetworkLoadBalancerArn": Fixture.nlbArn]),
            "InvalidParameterCombination"),
        fails("no target kind", [], call("CreateTrafficMirrorTarget", ["Description": "x"]), "MissingParameter"),
        fails(
            "malformed NLB ARN", [],
            call("CreateTrafficMirrorTarget", ["NetworkLoadBalancerArn": "arn:aws:s3:::bucket"]),
            "InvalidNetworkLoadBalancerArn.Malformed"),
        fails(
            "packet length 8501", [target, filter], Fixture.session(extra: ["PacketLength": "8501"]).parameters,
            "InvalidParameterValue"),
        fails(
            "packet length 0", [target, filter], Fixture.session(extra: ["PacketLength": "0"]).parameters,
            "InvalidParameterValue"),
        fails("session number 0", [target, filter], Fixture.session(0).parameters, "InvalidParameterValue"),
        fails("session number 32767", [target, filter], Fixture.session(32767).parameters, "InvalidParameterValue"),
        fails(
            "modify session number out of range", [target, filter, Fixture.session()],
            call("ModifyTrafficMirrorSession", ["TrafficMirrorSessionId": "$S", "SessionNumber": "40000"]),
            "InvalidParameterValue"),
        fails(
            "ports with ICMP", [filter], Fixture.rule().parameters.merging(["Protocol": "1"]) { _, b in b },
            "InvalidParameterCombination"),
        fails(
            "ports without protocol", [filter], Fixture.rule().parameters.filter { $0.key != "Protocol" },
            "InvalidParameterCombination"),
        fails(
            "mixed CIDR families", [filter],
            Fixture.rule().parameters.merging(["SourceCidrBlock": "::/0"]) { _, b in b },
            "InvalidParameterCombination"),
        fails(
            "CIDR with host bits", [filter],
            Fixture.rule().parameters.merging(["SourceCidrBlock": "10.0.0.1/8"]) { _, b in b },
            "InvalidParameterValue"),
        fails(
            "missing required rule member", [filter], Fixture.rule().parameters.filter { $0.key != "SourceCidrBlock" },
            "MissingParameter"),
        fails(
            "bad direction", [filter], Fixture.rule().parameters.merging(["TrafficDirection": "inbound"]) { _, b in b },
            "InvalidParameterValue"),
        fails(
            "bad rule RemoveField", [filter, Fixture.rule()],
            call(
                "ModifyTrafficMirrorFilterRule",
                ["TrafficMirrorFilterRuleId": "$R", "RemoveField.1": "source-cidr-block"]), "InvalidParameterValue"),
        fails(
            "bad session RemoveField", [target, filter, Fixture.session()],
            call("ModifyTrafficMirrorSession", ["TrafficMirrorSessionId": "$S", "RemoveField.1": "session-number"]),
            "InvalidParameterValue"),
        fails(
            "ClientToken with other parameters",
            [Step(parameters: call("CreateTrafficMirrorFilter", ["ClientToken": "tok", "Description": "a"]))],
            call("CreateTrafficMirrorFilter", ["ClientToken": "tok", "Description": "b"]), "IdempotentParameterMismatch"
        ),
        fails(
            "unknown network service", [filter],
            call(
                "ModifyTrafficMirrorFilterNetworkServices",
                ["TrafficMirrorFilterId": "$F", "AddNetworkService.1": "ntp"]), "InvalidParameterValue"),
        fails(
            "reserved tag prefix", [filter],
            call("CreateTags", ["ResourceId.1": "$F", "Tag.1.Key": "aws:x", "Tag.1.Value": "v"]),
            "InvalidParameterValue"),
        fails(
            "tag spec for another resource type", [],
            call(
                "CreateTrafficMirrorFilter",
                [
                    "TagSpecification.1.ResourceType": "traffic-mirror-session", "TagSpecification.1.Tag.1.Key": "k",
                ]), "InvalidParameterValue"),
        fails(
            "MaxResults with IDs on DescribeInstances", [],
            call("DescribeInstances", ["InstanceId.1": "$CLIENT", "MaxResults": "5"]),
            "InvalidParameterCombination"),
    ]
}
