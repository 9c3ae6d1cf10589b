import Foundation

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
