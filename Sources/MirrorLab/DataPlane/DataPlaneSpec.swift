/// What the kernel should hold for one lab state: a namespace per instance on a shared bridge, and per instance
/// the commands of its mirroring setup (kernel VXLAN per session, tc u32 + mirred through a mirror-port veth,
/// capture.md §8). Pure: tested without root; `DataPlanePlanner` turns it into commands against what exists.
public struct DataPlaneSpec: Sendable, Hashable {
    public struct Instance: Sendable, Hashable {
        public var name: String
        public var instanceId: String
        public var networkInterfaceId: String
        public var namespace: String
        public var address: String
        public var prefixLength: Int
        public var macAddress: String
        public var bridgePort: String
        /// The VPC's CIDR: every instance reaches every other on the bridge, whatever its subnet.
        public var vpcCidr: String
        /// The mirroring setup of this instance (sessions it is the source of, the VXLAN sink if it is a target).
        public var mirroring: [KernelCommand]

        /// Stored in eth0's alias once applied, so a later sync sees whether the setup is current.
        public var fingerprint: String {
            mirroring.isEmpty
                ? ""
                : DataPlaneNames.aliasPrefix + StableHash.hex17(mirroring.map(\.description).joined(separator: "\n"))
        }
    }

    /// A session realised as a tunnel: which instance mirrors to which, with which VNI.
    public struct Tunnel: Sendable, Hashable {
        public var sessionId: String
        public var vni: Int
        public var sourceNamespace: String
        public var targetNamespace: String
        public var device: String
    }

    public var names: DataPlaneNames
    public var instances: [Instance]
    public var tunnels: [Tunnel]
    /// What the lab state asks for but the data plane does not do, one sentence each (shown by `lab status`).
    public var notRealised: [String]

    static let offloadsOff = ["tso", "off", "gso", "off", "tx", "off"]

    public init(state: LabState, names: DataPlaneNames) {
        self.names = names
        let network = state.network
        var instances: [Instance] = []
        var tunnels: [Tunnel] = []
        var notes: [String] = []
        let namespaceOfENI = Dictionary(
            network.instances.map { ($0.networkInterfaceId, names.namespace(forInstance: $0.name)) },
            uniquingKeysWith: { first, _ in first })
        let addressOfENI = Dictionary(
            network.instances.map { ($0.networkInterfaceId, $0.privateIpAddress) },
            uniquingKeysWith: { first, _ in first })
        for (index, record) in network.instances.enumerated() {
            let subnet = network.subnets.first { $0.id == record.subnetId }
            let prefix = subnet.flatMap { Int($0.cidrBlock.split(separator: "/").last ?? "") } ?? 24
            let eni = network.networkInterfaces.first { $0.id == record.networkInterfaceId }
            let namespace = names.namespace(forInstance: record.name)
            var mirroring: [KernelCommand] = []
            var devices: [(Int, SessionRecord)] = []
            let sessions = state.sessions.filter { $0.networkInterfaceId == record.networkInterfaceId }
                .sorted { $0.sessionNumber < $1.sessionNumber }
            for session in sessions {
                guard let target = state.targets.first(where: { $0.id == session.targetId }),
                    let targetENI = target.networkInterfaceId, let remote = addressOfENI[targetENI],
                    let targetNamespace = namespaceOfENI[targetENI]
                else {
                    notes.append(
                        "session \(session.id): its target is not an instance's network interface (an NLB or a "
                            + "Gateway Load Balancer endpoint), which the lab data plane has no namespace for; not mirrored"
                    )
                    continue
                }
                let n = devices.count
                devices.append((n, session))
                let a = DataPlaneNames.mirrorPortIn(n)
                let b = DataPlaneNames.mirrorPortOut(n)
                let vx = DataPlaneNames.tunnel(n)
                mirroring += [
                    .ip(in: namespace, ["link", "add", a, "type", "veth", "peer", "name", b]),
                    // Software segmentation and checksums on the mirror path (capture.md §8.2).
                    .exec(in: namespace, "ethtool", ["-K", a] + Self.offloadsOff, mayFail: true),
                    .ip(
                        in: namespace,
                        [
                            "link", "add", vx, "type", "vxlan", "id", "\(session.virtualNetworkId)", "local",
                            record.privateIpAddress, "remote", remote, "dstport", "4789", "dev",
                            DataPlaneNames.instanceLink,
                        ]),
                    .ip(in: namespace, ["link", "set", a, "up"]),
                    .ip(in: namespace, ["link", "set", b, "up"]),
                    .ip(in: namespace, ["link", "set", vx, "up"]),
                    .tc(in: namespace, ["qdisc", "add", "dev", b, "clsact"]),
                    .tc(
                        in: namespace,
                        [
                            "filter", "add", "dev", b, "ingress", "protocol", "all", "prio", "1", "u32", "match", "u32",
                            "0",
                            "0", "action", "mirred", "egress", "redirect", "dev", vx,
                        ]),
                ]
                tunnels.append(
                    Tunnel(
                        sessionId: session.id, vni: session.virtualNetworkId, sourceNamespace: namespace,
                        targetNamespace: targetNamespace, device: vx))
                if let length = session.packetLength {
                    notes.append(
                        "session \(session.id): packet length \(length) is not applied; packets are mirrored whole "
                            + "(truncation needs a compiled cls_bpf program, capture.md §8.3)")
                }
            }
            if !devices.isEmpty {
                mirroring += Self.filterCommands(namespace: namespace, devices: devices, state: state, notes: &notes)
            }
            let isTarget = state.sessions.contains { session in
                state.targets.first { $0.id == session.targetId }?.networkInterfaceId == record.networkInterfaceId
            }
            if isTarget {
                // A metadata-mode VXLAN device owns UDP 4789, so the target does not answer every mirrored packet
                // with "port unreachable" (capture.md §8.3); capture still sees the outer packets on eth0.
                mirroring += [
                    .ip(
                        in: namespace,
                        ["link", "add", DataPlaneNames.sink, "type", "vxlan", "external", "dstport", "4789"],
                        mayFail: true),
                    .ip(in: namespace, ["link", "set", DataPlaneNames.sink, "up"], mayFail: true),
                ]
            }
            instances.append(
                Instance(
                    name: record.name, instanceId: record.id, networkInterfaceId: record.networkInterfaceId,
                    namespace: namespace, address: record.privateIpAddress, prefixLength: prefix,
                    macAddress: eni?.macAddress ?? "", bridgePort: DataPlaneNames.bridgePort(index),
                    vpcCidr: network.vpc.cidrBlock, mirroring: mirroring))
        }
        self.instances = instances
        self.tunnels = tunnels
        notRealised = notes
    }

    /// The tc filters on eth0's ingress and egress hooks: first, the tunnels' own packets pass unmirrored; then
    /// each session in session-number order, each rule in rule-number order. A match ends classification: accept
    /// mirrors through the session's mirror port, reject lets the packet pass unmirrored.
    static func filterCommands(
        namespace: String, devices: [(Int, SessionRecord)], state: LabState, notes: inout [String]
    ) -> [KernelCommand] {
        let link = DataPlaneNames.instanceLink
        var commands: [KernelCommand] = [.tc(in: namespace, ["qdisc", "add", "dev", link, "clsact"])]
        for hook in ["ingress", "egress"] {
            commands.append(
                .tc(
                    in: namespace,
                    [
                        "filter", "add", "dev", link, hook, "protocol", "ip", "prio", "1", "u32", "match", "ip",
                        "protocol",
                        "17", "0xff", "match", "ip", "dport", "4789", "0xffff", "classid", "1:1",
                    ]))
            var priority = 2
            for (index, session) in devices {
                let rules = state.rules.filter { $0.filterId == session.filterId && $0.direction == hook }
                    .sorted { $0.number < $1.number }
                for rule in rules {
                    if rule.action != "accept", index + 1 < devices.count {
                        // AWS would still offer the packet to the next session; tc cannot skip to it.
                        notes.append(
                            "rule \(rule.id) (\(hook) \(rule.number)) rejects: in the lab this also keeps the "
                                + "packet from the source's later sessions, which AWS would still evaluate")
                    }
                    guard let filters = RuleMatches.filters(for: rule) else {
                        notes.append(
                            "rule \(rule.id) (\(hook) \(rule.number)): IPv6 CIDRs are not realised; the lab's "
                                + "namespaces run IPv4 only")
                        continue
                    }
                    let action =
                        rule.action == "accept"
                        ? ["action", "mirred", "egress", "mirror", "dev", DataPlaneNames.mirrorPortIn(index)]
                        : ["classid", "1:1"]  // no action: the filter matches, classification ends, the packet passes
                    for matches in filters {
                        commands.append(
                            .tc(
                                in: namespace,
                                ["filter", "add", "dev", link, hook, "protocol", "ip", "prio", "\(priority)", "u32"]
                                    + matches + action))
                    }
                    priority += 1
                }
            }
        }
        return commands
    }
}
