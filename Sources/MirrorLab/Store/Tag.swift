/// A tag as EC2 stores it (key ≤ 127 characters, value ≤ 256).
public struct Tag: Sendable, Hashable, Codable {
    public var key: String
    public var value: String
}
