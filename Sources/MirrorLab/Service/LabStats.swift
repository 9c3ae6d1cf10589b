/// What `GET /_lab/stats` reports: requests by action, and how many were throttled or failed on purpose.
public struct LabStats: Sendable, Hashable, Codable {
    public var requests: [String: Int] = [:]
    public var errors: [String: Int] = [:]
    public var throttled = 0
    public var injectedFailures = 0
    public var droppedConnections = 0
    public var rejectedSignatures = 0

    public init() {}
}
