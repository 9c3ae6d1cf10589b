/// The network the lab pretends exists: one VPC, its subnets, and instances each with a primary ENI.
public struct VpcRecord: Sendable, Hashable, Codable {
    public var id: String
    public var cidrBlock: String
}

public struct SubnetRecord: Sendable, Hashable, Codable {
    public var id: String
    public var name: String
    public var vpcId: String
    public var cidrBlock: String
    public var availabilityZone: String
}

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

public struct NetworkInterfaceRecord: Sendable, Hashable, Codable {
    public var id: String
    public var instanceId: String
    public var subnetId: String
    public var vpcId: String
    public var privateIpAddress: String
    public var availabilityZone: String
    public var deviceIndex: Int
    public var macAddress: String

    var attachmentId: String { "eni-attach-" + id.dropFirst("eni-".count) }
}

/// The instances, ENIs and subnets built from a `Topology`.
public struct NetworkRecords: Sendable, Hashable, Codable {
    public var vpc: VpcRecord
    public var subnets: [SubnetRecord]
    public var instances: [InstanceRecord]
    public var networkInterfaces: [NetworkInterfaceRecord]
}
