/// A traffic mirror session (reference §A.4).
public struct SessionRecord: Sendable, Hashable, Codable {
    public var id: String
    public var targetId: String
    public var filterId: String
    public var networkInterfaceId: String
    public var ownerId: String
    public var packetLength: Int?
    public var sessionNumber: Int
    public var virtualNetworkId: Int
    public var description: String?
}
