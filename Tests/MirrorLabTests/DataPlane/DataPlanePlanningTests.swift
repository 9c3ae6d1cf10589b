import Testing

@testable import MirrorLab

/// Which namespaces, links and tc filters a lab state needs, decided without root: the pure half of the data
/// plane (`DataPlaneSpec`, `DataPlanePlanner`, `RuleMatches`, `KernelObservation`).
@Suite struct DataPlanePlanningTests {
    static let names = DataPlaneNames(prefix: "mpl-abc123")

    /// The standard lab with a Target target, one filter with `rules`, and a session on the Server.
    static func state(rules: [RuleRecord], vni: Int = 4242, packetLength: Int? = nil, nlb: Bool = false) -> LabState {
        var state = LabState()
        let server = state.network.instances[1]
        let target = state.network.instances[2]
        state.targets = [
            TargetRecord(
                id: "tmt-1", networkInterfaceId: nlb ? nil : target.networkInterfaceId,
                networkLoadBalancerArn: nlb ? "arn:aws:elasticloadbalancing:us-east-1:1:loadbalancer/net/x/1" : nil,
                ownerId: "1")
        ]
        state.filters = [FilterRecord(id: "tmf-1", networkServices: [])]
        state.rules = rules
        state.sessions = [
            SessionRecord(
                id: "tms-1", targetId: "tmt-1", filterId: "tmf-1", networkInterfaceId: server.networkInterfaceId,
                ownerId: "1", packetLength: packetLength, sessionNumber: 1, virtualNetworkId: vni)
        ]
        return state
    }

    static func rule(
        _ direction: String, _ number: Int, _ action: String = "accept", protocol number2: Int? = nil,
        source: String = "0.0.0.0/0", destination: String = "0.0.0.0/0", sourcePorts: PortRange? = nil,
        destinationPorts: PortRange? = nil
    ) -> RuleRecord {
        RuleRecord(
            id: "tmfr-\(direction)-\(number)", filterId: "tmf-1", direction: direction, number: number, action: action,
            protocol: number2, destinationPortRange: destinationPorts, sourcePortRange: sourcePorts,
            destinationCidrBlock: destination, sourceCidrBlock: source)
    }

    static let icmpRules = [rule("ingress", 100, protocol: 1), rule("egress", 100, protocol: 1)]

    static func lines(_ commands: [KernelCommand]) -> [String] { commands.map(\.description) }

    /// What the kernel would hold after running `spec`'s commands from nothing.
    static func observation(after spec: DataPlaneSpec) -> KernelObservation {
        var observed = KernelObservation(namespaces: Set(spec.instances.map(\.namespace) + [names.bridgeNamespace]))
        observed.links[names.bridgeNamespace] = ["lo": "", "br0": ""]
        for instance in spec.instances {
            observed.links[instance.namespace] = ["lo": "", "eth0": instance.fingerprint]
        }
        return observed
    }

    @Test func aFreshLabGetsABridgeAndANamespacePerInstanceAtItsTopologyAddress() {
        let spec = DataPlaneSpec(state: LabState(), names: Self.names)
        #expect(spec.instances.map(\.namespace) == ["mpl-abc123-client", "mpl-abc123-server", "mpl-abc123-target"])
        #expect(spec.instances.allSatisfy { $0.mirroring.isEmpty })
        let commands = Self.lines(DataPlanePlanner.sync(spec, observed: KernelObservation()))
        #expect(commands.first == "ip netns add mpl-abc123-br")
        #expect(commands.contains("ip -n mpl-abc123-br link add br0 type bridge"))
        for (name, address) in [("client", "10.0.1.10"), ("server", "10.0.1.20"), ("target", "10.0.1.30")] {
            #expect(commands.contains("ip netns add mpl-abc123-\(name)"))
            #expect(commands.contains("ip -n mpl-abc123-\(name) addr add \(address)/24 dev eth0"))
            #expect(commands.contains("ip -n mpl-abc123-\(name) route replace 10.0.0.0/16 dev eth0"))
            #expect(
                commands.contains(
                    "ip netns exec mpl-abc123-\(name) sysctl -qw net.ipv6.conf.all.disable_ipv6=1 net.ipv6.conf.default.disable_ipv6=1"
                ))
        }
        let eniMAC = LabState().network.networkInterfaces[0].macAddress
        #expect(
            commands.contains(
                "ip -n mpl-abc123-client link add eth0 address \(eniMAC) mtu 9001 type veth peer name v0 mtu 9001 netns mpl-abc123-br"
            ))
        // Nothing in the host namespace: every ip/tc command names a namespace.
        #expect(
            commands.allSatisfy {
                $0.hasPrefix("ip netns ") || $0.hasPrefix("ip -n mpl-abc123-") || $0.hasPrefix("tc -n mpl-abc123-")
            })
    }

    @Test func aSessionBecomesAVXLANTunnelFromTheSourceWithTcFiltersFromItsRules() {
        let spec = DataPlaneSpec(state: Self.state(rules: Self.icmpRules), names: Self.names)
        let server = Self.lines(spec.instances[1].mirroring)
        #expect(server.contains("ip -n mpl-abc123-server link add mp0a type veth peer name mp0b"))
        #expect(server.contains("ip netns exec mpl-abc123-server ethtool -K mp0a tso off gso off tx off"))
        #expect(
            server.contains(
                "ip -n mpl-abc123-server link add vx0 type vxlan id 4242 local 10.0.1.20 remote 10.0.1.30 dstport 4789 dev eth0"
            ))
        #expect(
            server.contains(
                "tc -n mpl-abc123-server filter add dev mp0b ingress protocol all prio 1 u32 match u32 0 0 action mirred egress redirect dev vx0"
            ))
        for hook in ["ingress", "egress"] {
            #expect(
                server.contains(
                    "tc -n mpl-abc123-server filter add dev eth0 \(hook) protocol ip prio 1 u32 match ip protocol 17 0xff match ip dport 4789 0xffff classid 1:1"
                ))
            #expect(
                server.contains(
                    "tc -n mpl-abc123-server filter add dev eth0 \(hook) protocol ip prio 2 u32 match ip protocol 1 0xff action mirred egress mirror dev mp0a"
                ))
        }
        #expect(spec.instances[0].mirroring.isEmpty)
        #expect(
            Self.lines(spec.instances[2].mirroring) == [
                "ip -n mpl-abc123-target link add vxsink type vxlan external dstport 4789",
                "ip -n mpl-abc123-target link set vxsink up",
            ])
        #expect(
            spec.tunnels == [
                .init(
                    sessionId: "tms-1", vni: 4242, sourceNamespace: "mpl-abc123-server",
                    targetNamespace: "mpl-abc123-target", device: "vx0")
            ])
        #expect(spec.notRealised.isEmpty)
    }

    @Test func rulesApplyInRuleNumberOrderAndRejectPassesWithoutMirroring() {
        let rules = [
            Self.rule("ingress", 300, protocol: 6, destinationPorts: PortRange(from: 80, to: 80)),
            Self.rule("ingress", 100, "reject", protocol: 6, source: "10.0.1.10/32"),
            Self.rule(
                "egress", 50, protocol: 17, sourcePorts: PortRange(from: 53, to: 53),
                destinationPorts: PortRange(from: 1000, to: 1003)),
        ]
        let server = Self.lines(
            DataPlaneSpec(state: Self.state(rules: rules), names: Self.names).instances[1].mirroring)
        let ingress = server.filter { $0.contains(" eth0 ingress ") && !$0.contains("prio 1 ") }
        #expect(
            ingress == [
                "tc -n mpl-abc123-server filter add dev eth0 ingress protocol ip prio 2 u32 match ip protocol 6 0xff match ip src 10.0.1.10/32 classid 1:1",
                "tc -n mpl-abc123-server filter add dev eth0 ingress protocol ip prio 3 u32 match ip protocol 6 0xff match ip dport 80 0xffff action mirred egress mirror dev mp0a",
            ])
        let egress = server.filter { $0.contains(" eth0 egress ") && !$0.contains("prio 1 ") }
        #expect(
            egress == [
                "tc -n mpl-abc123-server filter add dev eth0 egress protocol ip prio 2 u32 match ip protocol 17 0xff match ip sport 53 0xffff match ip dport 1000 0xfffc action mirred egress mirror dev mp0a"
            ])
    }

    @Test(
        "port ranges as u32 value/mask blocks",
        arguments: [
            (PortRange(from: 80, to: 80), [(80, 0xffff)]),
            (PortRange(from: 79, to: 81), [(79, 0xffff), (80, 0xfffe)]),
            (PortRange(from: 1024, to: 2047), [(1024, 0xfc00)]),
            (PortRange(from: 0, to: 65535), [(0, 0)]),
            (PortRange(from: 1, to: 6), [(1, 0xffff), (2, 0xfffe), (4, 0xfffe), (6, 0xffff)]),
        ])
    func portBlocks(range: PortRange, expected: [(Int, Int)]) {
        let blocks = RuleMatches.portBlocks(from: range.from, to: range.to)
        #expect(blocks.map(\.value) == expected.map(\.0))
        #expect(blocks.map(\.mask) == expected.map(\.1))
        // The blocks cover exactly the range.
        let covered = blocks.flatMap { block in (0...65535).lazy.filter { $0 & block.mask == block.value } }
        #expect(covered.count == range.to - range.from + 1)
        #expect(covered.min() == range.from && covered.max() == range.to)
    }

    @Test func aRuleWithTwoPortRangesNeedsOneFilterPerPairOfBlocks() {
        let rule = Self.rule(
            "ingress", 1, protocol: 6, sourcePorts: PortRange(from: 79, to: 81),
            destinationPorts: PortRange(from: 1, to: 2))
        #expect(RuleMatches.filters(for: rule)?.count == 2 * 2)
        #expect(RuleMatches.filters(for: Self.rule("ingress", 1)) == [["match", "u32", "0", "0"]])
        #expect(RuleMatches.filters(for: Self.rule("ingress", 1, protocol: 0)) == [["match", "u32", "0", "0"]])
        #expect(RuleMatches.filters(for: Self.rule("ingress", 1, source: "::/0", destination: "::/0")) == nil)
    }

    @Test func syncIsIdempotentAndRebuildsOnlyStaleMirroring() {
        let spec = DataPlaneSpec(state: Self.state(rules: Self.icmpRules), names: Self.names)
        var observed = Self.observation(after: spec)
        #expect(DataPlanePlanner.sync(spec, observed: observed).isEmpty)

        // The VNI changed: only the server (the source) is rebuilt; its old links go first.
        let changed = DataPlaneSpec(state: Self.state(rules: Self.icmpRules, vni: 4243), names: Self.names)
        observed.links["mpl-abc123-server"]?["mp0a"] = ""
        observed.links["mpl-abc123-server"]?["mp0b"] = ""
        observed.links["mpl-abc123-server"]?["vx0"] = ""
        let commands = Self.lines(DataPlanePlanner.sync(changed, observed: observed))
        #expect(commands.allSatisfy { $0.contains("mpl-abc123-server") })
        #expect(
            Array(commands.prefix(4)) == [
                "tc -n mpl-abc123-server qdisc del dev eth0 clsact",
                "ip -n mpl-abc123-server link del mp0a", "ip -n mpl-abc123-server link del mp0b",
                "ip -n mpl-abc123-server link del vx0",
            ])
        #expect(commands.contains { $0.contains("type vxlan id 4243 ") })
        #expect(commands.last == "ip -n mpl-abc123-server link set dev eth0 alias \(changed.instances[1].fingerprint)")
    }

    @Test func deletingTheSessionRemovesTheMirroringAndClearsTheMark() {
        let spec = DataPlaneSpec(state: Self.state(rules: Self.icmpRules), names: Self.names)
        var observed = Self.observation(after: spec)
        observed.links["mpl-abc123-server"]?["vx0"] = ""
        observed.links["mpl-abc123-target"]?["vxsink"] = ""
        let commands = Self.lines(
            DataPlanePlanner.sync(DataPlaneSpec(state: LabState(), names: Self.names), observed: observed))
        #expect(commands.contains("ip -n mpl-abc123-server link del vx0"))
        #expect(commands.contains("ip -n mpl-abc123-target link del vxsink"))
        #expect(commands.contains("ip -n mpl-abc123-server link set dev eth0 alias "))
        #expect(!commands.contains { $0.contains("link add") || $0.contains("netns add") })
    }

    @Test func namespacesOfOtherLabsAreLeftAloneAndStrayOnesOfThisLabRemoved() {
        let spec = DataPlaneSpec(state: LabState(), names: Self.names)
        var observed = Self.observation(after: spec)
        observed.namespaces.insert("mpl-abc123-retired")
        observed.namespaces.insert("mpl-ffffff-client")
        #expect(Self.lines(DataPlanePlanner.sync(spec, observed: observed)) == ["ip netns del mpl-abc123-retired"])
        let down = Self.lines(DataPlanePlanner.teardown(names: Self.names, observed: observed))
        #expect(
            down == [
                "ip netns del mpl-abc123-client", "ip netns del mpl-abc123-retired", "ip netns del mpl-abc123-server",
                "ip netns del mpl-abc123-target", "ip netns del mpl-abc123-br",
            ])
    }

    @Test func whatTheKernelCannotDoIsReportedNotFaked() {
        let truncated = DataPlaneSpec(state: Self.state(rules: Self.icmpRules, packetLength: 128), names: Self.names)
        #expect(truncated.notRealised.count == 1)
        #expect(truncated.notRealised[0].contains("packet length 128 is not applied"))
        let nlb = DataPlaneSpec(state: Self.state(rules: Self.icmpRules, nlb: true), names: Self.names)
        #expect(nlb.tunnels.isEmpty)
        #expect(nlb.instances.allSatisfy { $0.mirroring.isEmpty })
        #expect(nlb.notRealised.first?.contains("not mirrored") == true)
        let ipv6 = DataPlaneSpec(
            state: Self.state(rules: [Self.rule("ingress", 1, source: "::/0", destination: "::/0")]), names: Self.names)
        #expect(ipv6.notRealised.first?.contains("IPv6") == true)
    }

    @Test func twoSessionsOnOneSourceMirrorInSessionNumberOrderEachToItsTunnel() {
        var state = Self.state(rules: [
            Self.rule("ingress", 100, "reject", protocol: 6), Self.rule("ingress", 200, protocol: 1),
        ])
        state.filters.append(FilterRecord(id: "tmf-2", networkServices: []))
        state.rules.append(
            RuleRecord(
                id: "tmfr-2", filterId: "tmf-2", direction: "ingress", number: 1, action: "accept", protocol: nil,
                destinationPortRange: nil, sourcePortRange: nil, destinationCidrBlock: "0.0.0.0/0",
                sourceCidrBlock: "0.0.0.0/0"))
        var second = state.sessions[0]
        second.id = "tms-2"
        second.filterId = "tmf-2"
        second.sessionNumber = 2
        second.virtualNetworkId = 9
        state.sessions.insert(second, at: 0)
        let spec = DataPlaneSpec(state: state, names: Self.names)
        #expect(spec.tunnels.map(\.sessionId) == ["tms-1", "tms-2"])
        let ingress = Self.lines(spec.instances[1].mirroring).filter {
            $0.contains(" eth0 ingress ") && !$0.contains("prio 1 ")
        }
        #expect(
            ingress.map { $0.split(separator: " ").drop { $0 != "prio" }.dropFirst().first.map(String.init) ?? "" } == [
                "2", "3", "4",
            ])
        #expect(ingress[0].hasSuffix("match ip protocol 6 0xff classid 1:1"))
        #expect(ingress[1].hasSuffix("match ip protocol 1 0xff action mirred egress mirror dev mp0a"))
        #expect(ingress[2].hasSuffix("match u32 0 0 action mirred egress mirror dev mp1a"))
        #expect(spec.notRealised.count == 1)
        #expect(spec.notRealised[0].contains("later sessions"))
    }

    @Test func namesArePerLabAndSafeForTheKernel() {
        let a = DataPlaneNames(identity: "/tmp/lab-a")
        let b = DataPlaneNames(identity: "/tmp/lab-b")
        #expect(a.prefix != b.prefix)
        #expect(a.prefix.count == "mpl-".count + 6)
        #expect(a == DataPlaneNames(identity: "/tmp/lab-a"))
        #expect(Self.names.namespace(forInstance: "Web Server/1") == "mpl-abc123-web-server-1")
        #expect(Self.names.owns(namespace: "mpl-abc123-br"))
        #expect(!Self.names.owns(namespace: "mpl-abc1234-br"))
    }

    @Test func kernelOutputIsParsed() {
        let list = "mpl-abc123-server (id: 2)\nmpl-abc123-br (id: 0)\nother\n"
        #expect(KernelObservation.namespaces(fromList: list) == ["mpl-abc123-server", "mpl-abc123-br", "other"])
        let links = """
            1: lo: <LOOPBACK,UP,LOWER_UP> mtu 65536 qdisc noqueue state UNKNOWN mode DEFAULT group default qlen 1000\\    link/loopback 00:00:00:00:00:00 brd 00:00:00:00:00:00
            2: mp0b@mp0a: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc clsact state UP mode DEFAULT group default qlen 1000\\    link/ether 12:69:48:90:31:ac brd ff:ff:ff:ff:ff:ff
            4: eth0@if5: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 9001 qdisc clsact state UP mode DEFAULT group default qlen 1000\\    link/ether 02:aa:bb:cc:dd:ee brd ff:ff:ff:ff:ff:ff link-netns mpl-abc123-br\\    alias mpl:0123abc
            """
        #expect(KernelObservation.links(fromOneLineOutput: links) == ["lo": "", "mp0b": "", "eth0": "mpl:0123abc"])
        #expect(KernelObservation.links(fromOneLineOutput: "garbage\n:\n") == [:])
    }
}
