/// A desired record as saved in a plan file, so `apply PLANFILE` re-plans from exactly what was reviewed
/// (instance references already resolved) without the manifest.
public struct RecordDocument: Hashable, Sendable, Codable {
    public var kind: ResourceKind
    public var name: String
    public var attributes: [String: String]
    public var tags: [String: String]

    public init(_ record: ResourceRecord) {
        kind = record.address.kind
        name = record.address.name
        attributes = record.attributes
        tags = record.tags
    }

    public var record: ResourceRecord {
        ResourceRecord(address: .init(kind, name), attributes: attributes, tags: tags)
    }
}
