import EC2Query
import MirrorPlanModel

/// How the written manifest names each ENI (pure): `{ instance: NAME }` when the ENI is the primary ENI (device
/// index 0) of an instance whose Name tag exactly one running instance carries — the rule `plan` resolves
/// names by, so the name resolves back to the same ENI — else the `eni-…` id.
public enum InterfaceNaming {
    /// `attached`: instances that have one of the ENIs attached; `named`: every instance carrying one of their
    /// Name tags (to prove the name unique).
    public static func references(
        for interfaces: [String], attached: [EC2Instance], named: [EC2Instance]
    ) -> [String: NetworkInterfaceReference] {
        var result: [String: NetworkInterfaceReference] = [:]
        for eni in interfaces {
            result[eni] = .eni(eni)
            guard
                let owner = attached.first(where: { $0.primaryNetworkInterface?.id == eni && $0.state != "terminated" }
                ),
                let name = owner.name, !name.isEmpty, name.count <= 255,
                // A Name that looks like an instance id would be read back as an id.
                !AWSIdentifier.isInstanceID(name)
            else { continue }
            let running = named.filter { $0.name == name && $0.state == "running" }
            if running.count == 1, running[0].id == owner.id { result[eni] = .instanceName(name) }
        }
        return result
    }

    /// The Name tags worth checking for uniqueness.
    public static func candidateNames(for interfaces: [String], attached: [EC2Instance]) -> [String] {
        let wanted = Set(interfaces)
        return Array(
            Set(
                attached.filter { $0.primaryNetworkInterface.map { wanted.contains($0.id) } == true }
                    .compactMap(\.name).filter { !$0.isEmpty })
        ).sorted()
    }
}
