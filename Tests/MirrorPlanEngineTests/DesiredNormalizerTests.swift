import MirrorPlanEngine
import MirrorPlanModel
import Testing

@Suite struct DesiredNormalizerTests {
    static let any = cidr("0.0.0.0/0")

    static func filter(_ rule: FilterRuleSpec) -> DesiredState {
        DesiredState(
            stack: "s", tags: ["owner": "secops", "mirrorplan:name": "spoofed"],
            filters: [FilterSpec(name: "f", networkServices: ["amazon-dns"], ingress: [rule])])
    }

    /// Server-filled defaults and spellings AWS answers differently: each normalises to one text.
    @Test(arguments: [
        (
            FilterRuleSpec(
                direction: .ingress, number: 1, action: .accept, protocol: .tcp, source: any, destination: any,
                destinationPorts: PortRange(lower: 80, upper: 80)), ["protocol": "6", "destinationPortRange": "80-80"]
        ),
        (
            FilterRuleSpec(direction: .ingress, number: 1, action: .reject, source: any, destination: any),
            ["ruleAction": "reject"]
        ),
        (
            FilterRuleSpec(
                direction: .ingress, number: 1, action: .accept, protocol: IPProtocol(number: 0), source: any,
                destination: any,
                description: ""), [:]
        ),
    ])
    func ruleAttributes(rule: FilterRuleSpec, expected: [String: String]) throws {
        let records = try DesiredNormalizer.records(Self.filter(rule), interfaces: [:])
        let record = try #require(records.first { $0.address.kind == .rule })
        #expect(record.address.name == "f/ingress/1")
        var want = ["ruleAction": "accept", "sourceCidrBlock": "0.0.0.0/0", "destinationCidrBlock": "0.0.0.0/0"]
        want.merge(expected) { _, new in new }
        #expect(record.attributes == want)
        #expect(record.tags == ["owner": "secops"])
        #expect(records.first { $0.address.kind == .filter }?.attributes["networkServices"] == "amazon-dns")
    }

    @Test func nlbTargetsMakeThePacketLengthDefaultExplicitAndInstancesResolve() throws {
        let desired = DesiredState(
            stack: "s",
            targets: [
                TargetSpec(
                    name: "nlb",
                    kind: .networkLoadBalancer(
                        arn: "arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/net/a/b")),
                TargetSpec(name: "eni", kind: .networkInterface(.instanceName("Target"))),
            ],
            sessions: [
                SessionSpec(name: "a", source: .instanceName("Server"), target: "nlb", filter: "f", number: 1),
                SessionSpec(
                    name: "b", source: .eni("eni-0123456789abcdef0"), target: "eni", filter: "f", number: 1,
                    packetLength: 64),
            ])
        let records = try DesiredNormalizer.records(
            desired, interfaces: [.instanceName("Server"): "eni-0s", .instanceName("Target"): "eni-0t"])
        let byName = Dictionary(uniqueKeysWithValues: records.map { ($0.address.description, $0) })
        #expect(byName["session.a"]?.attributes["packetLength"] == "8500")
        #expect(byName["session.a"]?.attributes["networkInterfaceId"] == "eni-0s")
        #expect(byName["session.a"]?.attributes["target"] == "nlb")
        #expect(byName["session.b"]?.attributes["packetLength"] == "64")
        #expect(byName["target.eni"]?.attributes == ["networkInterfaceId": "eni-0t"])
        #expect(
            DesiredNormalizer.references(in: desired) == [
                .instanceName("Target"), .instanceName("Server"), .eni("eni-0123456789abcdef0"),
            ])
    }

    @Test func anUnresolvedReferenceIsATypedError() {
        let desired = DesiredState(
            stack: "s",
            sessions: [SessionSpec(name: "a", source: .instanceName("Gone"), target: "t", filter: "f", number: 1)])
        #expect(throws: DesiredNormalizationError.unresolved(.instanceName("Gone"), .init(.session, "a"))) {
            try DesiredNormalizer.records(desired, interfaces: [:])
        }
    }
}
