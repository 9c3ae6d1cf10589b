/// A traffic mirror filter; its rules are stored separately and embedded when described.
public struct FilterRecord: Sendable, Hashable, Codable {
    public var id: String
    public var description: String?
    public var networkServices: [String]
}
