import Foundation

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
