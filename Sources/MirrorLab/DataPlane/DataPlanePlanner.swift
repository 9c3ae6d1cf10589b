/// The commands that bring the kernel from what is observed to what a `DataPlaneSpec` needs, and the commands
/// that remove a lab's data plane. Pure; idempotent by construction: only what is missing or stale is touched.
public enum DataPlanePlanner {
    static let disableIPv6 = ["-qw", "net.ipv6.conf.all.disable_ipv6=1", "net.ipv6.conf.default.disable_ipv6=1"]

    public static func sync(_ spec: DataPlaneSpec, observed: KernelObservation) -> [KernelCommand] {
        var commands: [KernelCommand] = []
        let bridgeNamespace = spec.names.bridgeNamespace
        let bridge = DataPlaneNames.bridge
        if !observed.namespaces.contains(bridgeNamespace) { commands += newNamespace(bridgeNamespace) }
        if observed.links[bridgeNamespace]?[bridge] == nil {
            commands += [
                .ip(in: bridgeNamespace, ["link", "add", bridge, "type", "bridge"]),
                .ip(in: bridgeNamespace, ["link", "set", bridge, "up"]),
            ]
        }
        let link = DataPlaneNames.instanceLink
        for instance in spec.instances {
            let namespace = instance.namespace
            if !observed.namespaces.contains(namespace) { commands += newNamespace(namespace) }
            let links = observed.links[namespace] ?? [:]
            let hasLink = links[link] != nil
            if !hasLink {
                var add = ["link", "add", link]
                if !instance.macAddress.isEmpty { add += ["address", instance.macAddress] }
                // 9001: EC2's jumbo MTU, so a mirrored full-size frame plus 50 bytes of VXLAN is not fragmented.
                add += [
                    "mtu", "9001", "type", "veth", "peer", "name", instance.bridgePort, "mtu", "9001", "netns",
                    bridgeNamespace,
                ]
                commands += [
                    .ip(in: bridgeNamespace, ["link", "del", instance.bridgePort], mayFail: true),
                    .ip(in: namespace, add),
                    .ip(in: bridgeNamespace, ["link", "set", instance.bridgePort, "master", bridge, "up"]),
                    .ip(in: namespace, ["addr", "add", "\(instance.address)/\(instance.prefixLength)", "dev", link]),
                    .exec(in: namespace, "ethtool", ["-K", link] + DataPlaneSpec.offloadsOff, mayFail: true),
                    .ip(in: namespace, ["link", "set", link, "up"]),
                    .ip(in: namespace, ["route", "replace", instance.vpcCidr, "dev", link]),
                ]
            }
            let applied = hasLink ? links[link] ?? "" : ""
            guard applied != instance.fingerprint else { continue }
            if hasLink {
                commands.append(.tc(in: namespace, ["qdisc", "del", "dev", link, "clsact"], mayFail: true))
                for name in links.keys.sorted() where DataPlaneNames.isMirroringLink(name) {
                    commands.append(.ip(in: namespace, ["link", "del", name], mayFail: true))
                }
            }
            commands += instance.mirroring
            commands.append(.ip(in: namespace, ["link", "set", "dev", link, "alias", instance.fingerprint]))
        }
        let wanted = Set(spec.instances.map(\.namespace) + [bridgeNamespace])
        for namespace in observed.namespaces.sorted()
        where spec.names.owns(namespace: namespace) && !wanted.contains(namespace) {
            commands.append(.ip("netns", "del", namespace))
        }
        return commands
    }

    /// Deletes every namespace of the lab (their links go with them); the bridge namespace last.
    public static func teardown(names: DataPlaneNames, observed: KernelObservation) -> [KernelCommand] {
        observed.namespaces.filter { names.owns(namespace: $0) }
            .sorted { ($0 == names.bridgeNamespace ? 1 : 0, $0) < ($1 == names.bridgeNamespace ? 1 : 0, $1) }
            .map { .ip("netns", "del", $0, mayFail: true) }
    }

    static func newNamespace(_ name: String) -> [KernelCommand] {
        [
            .ip("netns", "add", name),
            // No IPv6: the VXLAN devices' own MLD reports would otherwise be mirrored (capture.md §8.2).
            .exec(in: name, "sysctl", disableIPv6),
            .ip(in: name, ["link", "set", "lo", "up"]),
        ]
    }
}
