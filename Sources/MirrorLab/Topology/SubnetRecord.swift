/// A subnet of the lab's VPC, named in the topology file.
public struct SubnetRecord: Sendable, Hashable, Codable {
    public var id: String
    public var name: String
    public var vpcId: String
    public var cidrBlock: String
    public var availabilityZone: String
}
