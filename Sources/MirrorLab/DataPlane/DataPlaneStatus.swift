/// `lab status`: whether each instance's namespace is up and its mirroring matches the lab state.
public struct DataPlaneStatus: Sendable, Hashable {
    public struct InstanceStatus: Sendable, Hashable {
        public var name: String
        public var namespace: String
        public var address: String
        public var present: Bool
        /// The mirroring applied in the kernel is the one the state needs.
        public var mirroringCurrent: Bool
    }

    public var instances: [InstanceStatus]
    public var tunnels: [DataPlaneSpec.Tunnel]
    public var notRealised: [String]

    public var isUp: Bool { instances.allSatisfy { $0.present && $0.mirroringCurrent } }

    public func renderText() -> String {
        var lines: [String] = []
        for instance in instances {
            let state = !instance.present ? "missing" : instance.mirroringCurrent ? "up" : "up, mirroring out of date"
            lines.append("\(instance.name)\t\(instance.address)\tnetns \(instance.namespace)\t\(state)")
        }
        for tunnel in tunnels {
            lines.append(
                "session \(tunnel.sessionId)\tVNI \(tunnel.vni)\t\(tunnel.sourceNamespace) -> \(tunnel.targetNamespace)"
            )
        }
        for note in notRealised { lines.append("not realised: \(note)") }
        return lines.joined(separator: "\n") + "\n"
    }
}
