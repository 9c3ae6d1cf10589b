import Foundation

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
