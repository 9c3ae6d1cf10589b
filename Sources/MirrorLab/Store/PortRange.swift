/// A rule's port range, inclusive (FromPort ≤ ToPort, both 0–65535).
public struct PortRange: Sendable, Hashable, Codable {
    public var from: Int
    public var to: Int
}
