/// An instance from the topology; always running, with one primary ENI.
public struct InstanceRecord: Sendable, Hashable, Codable {
    public var id: String
    public var name: String
    public var instanceType: String
    public var subnetId: String
    public var vpcId: String
    public var privateIpAddress: String
    public var networkInterfaceId: String
    public var availabilityZone: String
}
