/// The lab's VPC (one per topology).
public struct VpcRecord: Sendable, Hashable, Codable {
    public var id: String
    public var cidrBlock: String
}
