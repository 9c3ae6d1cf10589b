/// What a Create with a ClientToken did, so a retry returns the same resource (reference §A.8).
public struct ClientTokenRecord: Sendable, Hashable, Codable {
    public var fingerprint: String
    public var resourceId: String
    /// The resource element as first returned: EC2 hands it back even after the resource is deleted.
    public var snapshot: String
}
