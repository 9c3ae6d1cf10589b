import EC2Query
import MirrorPlanModel

/// Reads a stack's live state: the three Describe calls run concurrently (each drained page by page), and
/// the manifest's instance references are resolved in the same round, in one DescribeInstances per kind.
public struct StackObserver: Sendable {
    public var client: EC2Client
    public var stack: String

    public init(client: EC2Client, stack: String) {
        self.client = client
        self.stack = stack
    }

    /// Resolves instance references to primary ENIs (`.eni` references map to themselves).
    public func resolve(_ references: [NetworkInterfaceReference]) async throws -> [NetworkInterfaceReference: String] {
        var names: [String] = []
        var ids: [String] = []
        for reference in references {
            switch reference {
            case .instanceName(let name): names.append(name)
            case .instanceID(let id): ids.append(id)
            case .eni: break
            }
        }
        var result: [NetworkInterfaceReference: String] = [:]
        if !names.isEmpty || !ids.isEmpty {
            let resolved = try await client.resolveInstances(names: names, ids: ids)
            for reference in references {
                switch reference {
                case .instanceName(let key), .instanceID(let key): result[reference] = resolved[key]?.networkInterfaceID
                case .eni(let id): result[reference] = id
                }
            }
        }
        for case .eni(let id) in references { result[.eni(id)] = id }
        return result
    }

    /// The live state; `interestingInterfaces` are the ENIs the desired state uses (foreign sessions on them count).
    public func observe(interestingInterfaces: Set<String> = []) async throws -> ObservedState {
        async let targets = client.describeTrafficMirrorTargets()
        async let filters = client.describeTrafficMirrorFilters()
        async let sessions = client.describeTrafficMirrorSessions()
        let mapper = LiveRecordMapper(stack: stack, interestingInterfaces: interestingInterfaces)
        return try await mapper.map(targets: targets, filters: filters, sessions: sessions)
    }

    /// Desired state and live state in one concurrent round: resolution runs alongside the Describe calls;
    /// the ENIs it finds then select the foreign sessions (a pure step, no further request).
    public func observe(desired: DesiredState) async throws -> (records: [ResourceRecord], observed: ObservedState) {
        async let interfaces = resolve(DesiredNormalizer.references(in: desired))
        async let targets = client.describeTrafficMirrorTargets()
        async let filters = client.describeTrafficMirrorFilters()
        async let sessions = client.describeTrafficMirrorSessions()
        let records = try DesiredNormalizer.records(desired, interfaces: try await interfaces)
        let mapper = LiveRecordMapper(stack: stack, interestingInterfaces: Self.interfaces(of: records))
        return (records, try await mapper.map(targets: targets, filters: filters, sessions: sessions))
    }

    /// The ENIs desired records use as sources or targets.
    public static func interfaces(of records: [ResourceRecord]) -> Set<String> {
        Set(
            records.filter { $0.address.kind == .session || $0.address.kind == .target }.compactMap {
                $0.attributes["networkInterfaceId"]
            })
    }
}
