/// The instances, ENIs and subnets built from a `Topology`.
public struct NetworkRecords: Sendable, Hashable, Codable {
    public var vpc: VpcRecord
    public var subnets: [SubnetRecord]
    public var instances: [InstanceRecord]
    public var networkInterfaces: [NetworkInterfaceRecord]
}
