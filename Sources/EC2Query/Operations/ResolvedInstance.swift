/// An instance reference resolved to what a mirror session needs: the primary ENI (device index 0) and its IP.
public struct ResolvedInstance: Sendable, Hashable {
    public var reference: String
    public var instanceID: String
    public var name: String?
    public var networkInterfaceID: String
    public var privateIPAddress: String?
    public var instanceType: String?
}
