import EC2Query
import MirrorLab
import MirrorPlanModel
import PacketCapture

/// What verify learns from the lab through the EC2 client (the same calls it would make against AWS): instance
/// references as addresses, each instance's namespace, and per manifest session the live session's VNI and the
/// namespace of its target.
struct LabResolution {
    /// A manifest session as it is in the lab.
    struct LiveSession {
        var id: String
        var vni: UInt32?
        /// The target instance's name; nil when the target is not an instance's network interface.
        var targetInstance: String?
    }

    /// Instance reference as the manifest writes it (`Client`, `i-...`) → primary address.
    var addresses: [String: PacketCapture.IPAddress] = [:]
    /// Primary address → instance name (for `ip:` endpoints and the namespaces).
    var instanceAt: [PacketCapture.IPAddress: String] = [:]
    /// Manifest session name → the live session; absent when the lab has no such session.
    var sessions: [String: LiveSession] = [:]

    /// Why the lab could not answer what verify needs.
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    static func resolve(client: EC2Client, state: DesiredState, entries: [VerifyCheck]) async throws -> LabResolution {
        var resolution = LabResolution()
        let instances = try await client.describeInstances()
        var nameOfENI: [String: String] = [:]
        for instance in instances {
            guard let name = instance.name else { continue }
            if let primary = instance.primaryNetworkInterface { nameOfENI[primary.id] = name }
            if let text = instance.primaryNetworkInterface?.privateIPAddress ?? instance.privateIPAddress,
                let address = PacketCapture.IPAddress(text)
            {
                resolution.instanceAt[address] = name
            }
        }
        var names: Set<String> = []
        var ids: Set<String> = []
        func note(_ endpoint: VerifyEndpoint) {
            switch endpoint {
            case .instanceName(let name): names.insert(name)
            case .instanceID(let id): ids.insert(id)
            case .ip: break
            }
        }
        let sessionSpecs = Set(entries.map(\.session)).sorted().compactMap { state.session(named: $0) }
        for entry in entries {
            note(entry.from)
            note(entry.to)
        }
        for spec in sessionSpecs {
            switch spec.source {
            case .instanceName(let name): names.insert(name)
            case .instanceID(let id): ids.insert(id)
            case .eni: break
            }
        }
        let resolved: [String: ResolvedInstance]
        do {
            resolved = try await client.resolveInstances(names: names.sorted(), ids: ids.sorted())
        } catch let error as InstanceResolutionError {
            throw Failure(description: "\(error)")
        }
        for (reference, instance) in resolved {
            if let text = instance.privateIPAddress, let address = PacketCapture.IPAddress(text) {
                resolution.addresses[reference] = address
            }
        }
        for spec in sessionSpecs {
            let eni: String?
            switch spec.source {
            case .eni(let id): eni = id
            case .instanceName(let reference), .instanceID(let reference): eni = resolved[reference]?.networkInterfaceID
            }
            guard let eni else { continue }
            let live = try await client.describeTrafficMirrorSessions(
                filters: [EC2Filter(name: "network-interface-id", values: [eni])]
            ).first { $0.sessionNumber == spec.number }
            guard let live else { continue }
            var targetInstance: String?
            if let targetID = live.targetID,
                let target = try await client.describeTrafficMirrorTargets(ids: [targetID]).first,
                let targetENI = target.networkInterfaceID
            {
                targetInstance = nameOfENI[targetENI]
            }
            resolution.sessions[spec.name] = LiveSession(
                id: live.id, vni: live.virtualNetworkID.map { UInt32(clamping: $0) }, targetInstance: targetInstance)
        }
        return resolution
    }

    /// The live VNIs by manifest session name.
    var liveVNIs: [String: UInt32] { sessions.compactMapValues(\.vni) }
}
