import Foundation

/// The fields of an EC2 instance that mirrorplan uses.
public struct EC2Instance: Sendable, Hashable {
    public var id: String
    public var instanceType: String?
    public var state: String?
    public var privateIPAddress: String?
    public var subnetID: String?
    public var vpcID: String?
    public var tags: [EC2Tag]
    public var networkInterfaces: [InstanceNetworkInterface]

    public var name: String? { tags.first { $0.key == "Name" }?.value ?? nil }

    /// The attachment at device index 0.
    public var primaryNetworkInterface: InstanceNetworkInterface? {
        networkInterfaces.first { $0.deviceIndex == 0 }
    }

    init(xml node: XMLNode) {
        id = node.string("instanceId") ?? ""
        instanceType = node.string("instanceType")
        state = node["instanceState"]?.string("name")
        privateIPAddress = node.string("privateIpAddress")
        subnetID = node.string("subnetId")
        vpcID = node.string("vpcId")
        tags = node.tags()
        networkInterfaces = node.items("networkInterfaceSet").map(InstanceNetworkInterface.init(xml:))
    }
}

/// An ENI as DescribeInstances embeds it.
public struct InstanceNetworkInterface: Sendable, Hashable {
    public var id: String
    public var deviceIndex: Int?
    public var privateIPAddress: String?

    init(xml node: XMLNode) {
        id = node.string("networkInterfaceId") ?? ""
        deviceIndex = node["attachment"]?.int("deviceIndex")
        privateIPAddress = node.string("privateIpAddress")
    }
}

/// An ENI as DescribeNetworkInterfaces returns it.
public struct EC2NetworkInterface: Sendable, Hashable {
    public var id: String
    public var interfaceType: String?
    public var status: String?
    public var privateIPAddress: String?
    public var subnetID: String?
    public var vpcID: String?
    public var instanceID: String?
    public var deviceIndex: Int?
    public var tags: [EC2Tag]

    init(xml node: XMLNode) {
        id = node.string("networkInterfaceId") ?? ""
        interfaceType = node.string("interfaceType")
        status = node.string("status")
        privateIPAddress = node.string("privateIpAddress")
        subnetID = node.string("subnetId")
        vpcID = node.string("vpcId")
        instanceID = node["attachment"]?.string("instanceId")
        deviceIndex = node["attachment"]?.int("deviceIndex")
        tags = node.tags()
    }
}

/// The fields of an instance type that decide whether it can be a mirror source.
public struct EC2InstanceTypeInfo: Sendable, Hashable {
    public var instanceType: String
    public var hypervisor: String?
    public var bareMetal: Bool?

    init(xml node: XMLNode) {
        instanceType = node.string("instanceType") ?? ""
        hypervisor = node.string("hypervisor")
        bareMetal = node.bool("bareMetal")
    }
}
