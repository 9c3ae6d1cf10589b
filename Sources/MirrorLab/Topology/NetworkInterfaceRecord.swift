/// An instance's primary ENI (device index 0, type interface).
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
