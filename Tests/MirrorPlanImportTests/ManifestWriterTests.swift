import Foundation
import MirrorPlanEngine
import MirrorPlanManifest
import MirrorPlanModel
import Testing

/// The writer's text, read back by the manifest loader `plan` uses, must give the very same `DesiredState`:
/// that is what makes an imported manifest plan to "No changes".
@Suite struct ManifestWriterTests {
    static func cidr(_ text: String) -> CIDRBlock {
        guard case .success(let block) = CIDRBlock.parse(text) else { fatalError("bad fixture CIDR \(text)") }
        return block
    }

    static let rules: [FilterRuleSpec] = [
        FilterRuleSpec(
            direction: .ingress, number: 100, action: .accept, protocol: .icmp, source: cidr("0.0.0.0/0"),
            destination: cidr("0.0.0.0/0")),
        FilterRuleSpec(
            direction: .ingress, number: 200, action: .accept, protocol: .tcp, source: cidr("10.0.0.0/16"),
            destination: cidr("0.0.0.0/0"), destinationPorts: PortRange(lower: 80, upper: 80), description: "HTTP in"),
        FilterRuleSpec(
            direction: .ingress, number: 300, action: .reject, protocol: .udp, source: cidr("0.0.0.0/0"),
            destination: cidr("10.0.1.0/24"), sourcePorts: PortRange(lower: 1024, upper: 65535),
            destinationPorts: PortRange(lower: 0, upper: 0)),
        FilterRuleSpec(
            direction: .egress, number: 1, action: .accept, protocol: .icmpv6, source: cidr("::/0"),
            destination: cidr("2001:db8::/32")),
        FilterRuleSpec(
            direction: .egress, number: 32766, action: .accept, protocol: IPProtocol(number: 253),
            source: cidr("0.0.0.0/0"),
            destination: cidr("10.0.0.0/8"), description: "experimental protocol 253"),
        FilterRuleSpec(
            direction: .egress, number: 2, action: .reject, source: cidr("fe80::/10"), destination: cidr("::1/128")),
    ]

    static let states: [DesiredState] = [
        DesiredState(stack: "minimal"),
        DesiredState(
            stack: "adopted", region: "eu-central-2", tags: ["owner": "secops", "cost-center": "42"],
            targets: [
                TargetSpec(
                    name: "monitor", kind: .networkInterface(.instanceName("Target: \"east\" #1")),
                    description: "Monitoring appliance",
                    tags: ["owner": "netops", "cost-center": "42", "Name": "Monitor Box"]),
                TargetSpec(
                    name: "nlb",
                    kind: .networkLoadBalancer(
                        arn:
                            "arn:aws:elasticloadbalancing:eu-central-2:123456789012:loadbalancer/net/mirror/0123456789abcdef"
                    ),
                    tags: ["owner": "secops", "cost-center": "42"]),
                TargetSpec(
                    name: "123", kind: .gatewayLoadBalancerEndpoint(id: "vpce-0123456789abcdef0"),
                    tags: ["owner": "secops", "cost-center": "42"]),
                TargetSpec(
                    name: "no", kind: .networkInterface(.eni("eni-0123456789abcdef0")),
                    description: "line one\nline two\ttabbed \u{1} \u{2028} é ✓",
                    tags: ["owner": "secops", "cost-center": "42", "weird key: x": "yes", "empty": ""]),
            ],
            filters: [
                FilterSpec(
                    name: "web", description: "Web and \"ICMP\" \\ backslash", networkServices: ["amazon-dns"],
                    ingress: Array(rules.prefix(3)), egress: Array(rules.suffix(3)),
                    tags: ["owner": "secops", "cost-center": "42"]),
                FilterSpec(name: "1e3", tags: ["owner": "secops", "cost-center": "42"]),
            ],
            sessions: [
                SessionSpec(
                    name: "server", source: .instanceID("i-0123456789abcdef0"), target: "monitor", filter: "web",
                    number: 1, vni: 4242,
                    packetLength: 128, description: "Server to monitor", tags: ["owner": "secops", "cost-center": "42"]),
                SessionSpec(
                    name: "true", source: .eni("eni-0fedcba9876543210"), target: "nlb", filter: "1e3", number: 32766,
                    vni: 16_777_215,
                    tags: ["owner": "secops", "cost-center": "7"]),
            ]),
    ]

    @Test(arguments: states)
    func theWrittenManifestReadsBackAsTheSameState(state: DesiredState) {
        let text = ManifestWriter.text(state, header: ["Written by a test."])
        let loaded = ManifestLoader.load(text: text, file: "written.yaml")
        #expect(!loaded.hasErrors, "\(loaded.diagnostics)\n\(text)")
        // The writer orders entries by name; the loader keeps file order.
        var expected = state
        expected.targets.sort { $0.name < $1.name }
        expected.filters.sort { $0.name < $1.name }
        expected.sessions.sort { $0.name < $1.name }
        for index in expected.filters.indices {
            expected.filters[index].ingress.sort { $0.number < $1.number }
            expected.filters[index].egress.sort { $0.number < $1.number }
        }
        #expect(loaded.state == expected, "\(text)")
        // Deterministic: the same state always gives the same bytes.
        #expect(ManifestWriter.text(state, header: ["Written by a test."]) == text)
    }

    @Test func resourceTagsAreWrittenOnlyWhereTheyDifferFromTheStack() {
        let text = ManifestWriter.text(Self.states[1])
        #expect(text.contains("tags:\n  \"cost-center\": \"42\"\n  \"owner\": \"secops\"\n"))
        #expect(text.contains("    tags:\n      \"Name\": \"Monitor Box\"\n      \"owner\": \"netops\"\n"), "\(text)")
        #expect(
            text.contains(
                "  nlb:\n    networkLoadBalancer: \"arn:aws:elasticloadbalancing:eu-central-2:123456789012:loadbalancer/net/mirror/0123456789abcdef\"\n  \"no\":\n"
            ), "\(text)")
        #expect(text.contains("  \"1e3\": {}\n"), "\(text)")
    }

    @Test(arguments: [
        ("plain", "\"plain\""), ("say \"hi\"", "\"say \\\"hi\\\"\""), ("a\\b", "\"a\\\\b\""), ("1\n2", "\"1\\n2\""),
        ("\u{7}", "\"\\u0007\""), ("\u{2028}", "\"\\u2028\""), ("é ✓", "\"é ✓\""), ("", "\"\""),
    ])
    func quotingEscapesWhatYAMLWouldNotKeep(text: String, expected: String) {
        #expect(ManifestWriter.quoted(text) == expected)
    }

    @Test(arguments: [
        ("Monitor Box", "monitor-box"), ("web", "web"), ("MyApp_Prod (eu)", "myapp-prod-eu"),
        ("--", "tmt-0123456789abcdef0"),
        ("ünïcode", "n-code"), (String(repeating: "a", count: 80), String(repeating: "a", count: 63)),
        (String(repeating: "a", count: 62) + " b", String(repeating: "a", count: 62)), ("", "tmt-0123456789abcdef0"),
    ])
    func logicalNamesComeFromTheNameTagMadeValidElseTheID(nameTag: String, expected: String) {
        #expect(ImportSelection.suggestedName(nameTag: nameTag, id: "tmt-0123456789abcdef0") == expected)
        #expect(DesiredState.isValidName(expected))
    }
}
