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
