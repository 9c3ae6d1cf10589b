import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// The lab's kernel data plane (cli.md "The lab", `--dataplane netns`): one network namespace per instance on a
/// shared bridge, sessions as kernel VXLAN with tc mirroring that follows the filter rules. Decisions are in
/// `DataPlaneSpec` and `DataPlanePlanner`; this type observes the kernel and runs their commands.
public struct DataPlane: Sendable {
    public var names: DataPlaneNames
    public var runner: CommandRunner

    public init(names: DataPlaneNames, runner: CommandRunner = CommandRunner()) {
        self.names = names
        self.runner = runner
    }

    /// Root, `ip` and `tc`: what the data plane needs on this host; nil when all is there.
    public static func unavailableReason() -> DataPlaneError? {
        if geteuid() != 0 { return .notRoot }
        for program in ["ip", "tc"] where CommandRunner.locate(program) == nil { return .missingProgram(program) }
        return nil
    }

    /// This lab's namespaces and their links as the kernel has them now.
    public func observe() throws(DataPlaneError) -> KernelObservation {
        let list = try runner.require(.ip("netns", "list")).stdout
        var observation = KernelObservation()
        for namespace in KernelObservation.namespaces(fromList: list) where names.owns(namespace: namespace) {
            observation.namespaces.insert(namespace)
            let links = try runner.require(.ip(in: namespace, ["-o", "link", "show"])).stdout
            observation.links[namespace] = KernelObservation.links(fromOneLineOutput: links)
        }
        return observation
    }

    /// Makes the kernel match `state`: creates what is missing, rebuilds stale mirroring, removes what is gone.
    /// Returns the commands it ran (none when everything was already current).
    @discardableResult
    public func sync(state: LabState) throws(DataPlaneError) -> [KernelCommand] {
        if let reason = Self.unavailableReason() { throw reason }
        let commands = DataPlanePlanner.sync(DataPlaneSpec(state: state, names: names), observed: try observe())
        for command in commands { try runner.require(command) }
        return commands
    }

    /// Removes everything the data plane made: processes still running inside its namespaces, then the
    /// namespaces (their veths, bridge, VXLAN devices and tc filters go with them).
    public func down() throws(DataPlaneError) {
        if let reason = Self.unavailableReason() { throw reason }
        let observed = try observe()
        for namespace in observed.namespaces {
            let pids = (try? runner.run(.ip("netns", "pids", namespace)).stdout) ?? ""
            for pid in pids.split(whereSeparator: \.isNewline).compactMap({ Int32($0) }) { kill(pid, SIGKILL) }
        }
        for command in DataPlanePlanner.teardown(names: names, observed: observed) { try runner.require(command) }
        let left = try observe().namespaces
        if !left.isEmpty {
            throw .commandFailed(
                "ip netns del", status: 1, stderr: "namespaces still present: \(left.sorted().joined(separator: ", "))")
        }
    }

    /// The namespace, address and presence of each instance, the realised tunnels and what is not realised.
    public func status(state: LabState) throws(DataPlaneError) -> DataPlaneStatus {
        let spec = DataPlaneSpec(state: state, names: names)
        let observed = try observe()
        return DataPlaneStatus(
            instances: spec.instances.map { instance in
                let eth0 = observed.links[instance.namespace]?[DataPlaneNames.instanceLink]
                return DataPlaneStatus.InstanceStatus(
                    name: instance.name, namespace: instance.namespace, address: instance.address,
                    present: eth0 != nil, mirroringCurrent: eth0 == instance.fingerprint)
            },
            tunnels: spec.tunnels, notRealised: spec.notRealised)
    }
}
