import EC2Query
import MirrorPlanModel

/// The I/O of `mirrorplan import`: one concurrent round of Describe calls, the instance lookups that name
/// ENIs, then (unless a dry run) CreateTags for each adopted resource. The decisions are the pure
/// `ImportSelection`, `InterfaceNaming` and `ImportedManifest`.
public struct StackImporter: Sendable {
    /// What an import will do: the manifest it writes and the resources it tags.
    public struct Prepared: Sendable {
        public var desired: DesiredState
        public var selection: ImportSelection
        public var adoptions: [ImportSelection.Adoption] { selection.adoptions }
    }

    public var client: EC2Client
    public var request: ImportRequest

    public init(client: EC2Client, request: ImportRequest) {
        self.client = client
        self.request = request
    }

    public func prepare() async throws -> Prepared {
        async let targets = client.describeTrafficMirrorTargets()
        async let filters = client.describeTrafficMirrorFilters()
        async let sessions = client.describeTrafficMirrorSessions()
        let selection = try ImportSelection.select(
            request, targets: try await targets, filters: try await filters, sessions: try await sessions)
        var interfaces: [String: NetworkInterfaceReference] = [:]
        let enis = selection.networkInterfaces
        if request.preferInstanceNames, !enis.isEmpty {
            let attached = try await client.describeInstances(
                filterName: "network-interface.network-interface-id", anyOf: enis)
            let names = InterfaceNaming.candidateNames(for: enis, attached: attached)
            let named =
                names.isEmpty
                ? [] : try await client.describeInstances(filterName: "tag:Name", anyOf: names)
            interfaces = InterfaceNaming.references(for: enis, attached: attached, named: named)
        }
        let desired = try ImportedManifest.desiredState(
            stack: request.stack, region: client.region, selection: selection, interfaces: interfaces)
        return Prepared(desired: desired, selection: selection)
    }

    /// Tags each adopted resource, in order (dependencies first). Returns the ids tagged; on a failure the
    /// error says which were already tagged (a re-run of the same import picks up from there).
    public func adopt(_ prepared: Prepared, progress: @Sendable (ImportSelection.Adoption) -> Void = { _ in })
        async throws -> [String]
    {
        var done: [String] = []
        for adoption in prepared.adoptions {
            do {
                try await client.createTags(
                    resourceIDs: [adoption.id],
                    tags: [
                        EC2Tag(key: OwnershipTags.stack, value: request.stack),
                        EC2Tag(key: OwnershipTags.name, value: adoption.address.name),
                    ])
            } catch {
                throw ImportTaggingFailed(failed: adoption, tagged: done, underlying: "\(error)")
            }
            done.append(adoption.id)
            progress(adoption)
        }
        return done
    }
}

/// CreateTags failed half-way through an import.
public struct ImportTaggingFailed: Error, Hashable, Sendable, CustomStringConvertible {
    public var failed: ImportSelection.Adoption
    public var tagged: [String]
    public var underlying: String

    public var description: String {
        "tagging \(failed.address) (\(failed.id)) failed: \(underlying). "
            + (tagged.isEmpty ? "Nothing was tagged. " : "Already tagged: \(tagged.joined(separator: ", ")). ")
            + "Run the same import again: resources already tagged for this stack are kept, the rest are tagged."
    }
}
