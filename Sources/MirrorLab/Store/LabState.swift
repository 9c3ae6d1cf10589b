/// Everything the lab remembers: the network from the topology, the traffic-mirroring resources in creation
/// order (which is also the pagination order), tags by resource ID, ClientTokens and the seeded generator.
/// A value: the emulator mutates a copy and persistence writes it as JSON.
public struct LabState: Sendable, Hashable, Codable {
    public static let currentFormat = 1

    public var formatVersion: Int
    public var accountId: String
    public var region: String
    public var network: NetworkRecords
    public var targets: [TargetRecord] = []
    public var filters: [FilterRecord] = []
    public var rules: [RuleRecord] = []
    public var sessions: [SessionRecord] = []
    public var tags: [String: [Tag]] = [:]
    public var clientTokens: [String: ClientTokenRecord] = [:]
    public var random: SplitMix64
    /// Eventual consistency (reference §E.5): each new traffic-mirroring resource stays invisible to the
    /// next `consistencyLag` Describe calls of its kind. 0 (the default) shows it at once.
    public var consistencyLag: Int
    /// Resource ID → how many more Describe calls of its kind will not see it.
    public var hiddenReads: [String: Int] = [:]

    public init(
        topology: Topology = .standard, seed: UInt64 = 0x6D69_7272_6F72, accountId: String = "123456789012",
        region: String = "us-east-1", consistencyLag: Int = 0
    ) {
        formatVersion = Self.currentFormat
        self.accountId = accountId
        self.region = region
        network = topology.records(region: region)
        random = SplitMix64(seed: seed)
        self.consistencyLag = max(0, consistencyLag)
        for instance in network.instances { tags[instance.id] = [Tag(key: "Name", value: instance.name)] }
    }

    func index(of kind: ResourceKind, _ id: String) -> Int? {
        switch kind {
        case .target: targets.firstIndex { $0.id == id }
        case .filter: filters.firstIndex { $0.id == id }
        case .rule: rules.firstIndex { $0.id == id }
        case .session: sessions.firstIndex { $0.id == id }
        case .instance: network.instances.firstIndex { $0.id == id }
        case .networkInterface: network.networkInterfaces.firstIndex { $0.id == id }
        case .vpc: network.vpc.id == id ? 0 : nil
        case .subnet: network.subnets.firstIndex { $0.id == id }
        }
    }

    func exists(_ id: String) -> Bool {
        guard let kind = ResourceKind.of(id: id) else { return false }
        return index(of: kind, id) != nil
    }

    func tags(of id: String) -> [Tag] { tags[id] ?? [] }

    /// A fresh ID with the kind's prefix and 17 hex digits, unused so far.
    mutating func newId(_ kind: ResourceKind) -> String {
        while true {
            let id = kind.prefix + "-0" + random.hex(16)
            if !exists(id) { return id }
        }
    }
}
