/// A traffic mirror filter rule (reference §A.4).
public struct RuleRecord: Sendable, Hashable, Codable {
    public var id: String
    public var filterId: String
    public var direction: String
    public var number: Int
    public var action: String
    public var `protocol`: Int?
    public var destinationPortRange: PortRange?
    public var sourcePortRange: PortRange?
    public var destinationCidrBlock: String
    public var sourceCidrBlock: String
    public var description: String?
}
