import Foundation
import Yams

/// The lab's network, from the topology file (cli.md "The lab"). Parsing never traps: every problem is a
/// `TopologyError` naming the line and column.
public struct Topology: Sendable, Hashable {
    public struct Instance: Sendable, Hashable {
        public var name: String
        public var subnet: String
        public var ip: String
        public var type: String
        public var id: String?
    }

    public var vpc: String
    public var subnets: [(name: String, cidr: String)] {
        get { subnetList.map { ($0.name, $0.cidr) } }
        set { subnetList = newValue.map { NamedCIDR(name: $0.name, cidr: $0.cidr) } }
    }
    public var instances: [Instance]
    private var subnetList: [NamedCIDR]

    private struct NamedCIDR: Sendable, Hashable {
        var name: String
        var cidr: String
    }

    public init(vpc: String, subnets: [(name: String, cidr: String)], instances: [Instance]) {
        self.vpc = vpc
        self.subnetList = subnets.map { NamedCIDR(name: $0.name, cidr: $0.cidr) }
        self.instances = instances
    }

    /// The three instances of the AWS traffic-mirroring lab.
    public static let standard = Topology(
        vpc: "10.0.0.0/16", subnets: [("lab", "10.0.1.0/24")],
        instances: [
            Instance(name: "Client", subnet: "lab", ip: "10.0.1.10", type: "m5.large"),
            Instance(name: "Server", subnet: "lab", ip: "10.0.1.20", type: "m5.large"),
            Instance(name: "Target", subnet: "lab", ip: "10.0.1.30", type: "m5.large"),
        ])

    public init(yaml: String, file: String = "topology.yaml") throws(TopologyError) {
        let root: Node
        do {
            guard let node = try Yams.compose(yaml: yaml) else {
                throw TopologyError(file: file, line: 1, column: 1, message: "the topology file is empty")
            }
            root = node
        } catch let error as TopologyError {
            throw error
        } catch let error as YamlError {
            throw TopologyError(file: file, yamlError: error)
        } catch {
            throw TopologyError(file: file, line: 1, column: 1, message: "cannot read YAML: \(error)")
        }
        self = try TopologyReader(file: file).read(root)
    }

    /// Instances, ENIs and subnets with IDs derived from names, so the same file gives the same IDs.
    public func records(region: String) -> NetworkRecords {
        let az = region + "a"
        let vpc = VpcRecord(id: "vpc-" + StableHash.hex17("vpc:" + self.vpc), cidrBlock: self.vpc)
        let subnets = subnetList.map {
            SubnetRecord(
                id: "subnet-" + StableHash.hex17("subnet:" + $0.name), name: $0.name, vpcId: vpc.id,
                cidrBlock: $0.cidr, availabilityZone: az)
        }
        var instances: [InstanceRecord] = []
        var enis: [NetworkInterfaceRecord] = []
        for spec in self.instances {
            let subnetId = subnets.first { $0.name == spec.subnet }?.id ?? ""
            let instanceId = spec.id ?? "i-" + StableHash.hex17("instance:" + spec.name)
            let eniId = "eni-" + StableHash.hex17("eni:" + instanceId)
            let mac =
                "02:"
                + stride(from: 0, to: 10, by: 2).map { i in
                    String(Array(StableHash.hex17("mac:" + eniId).dropFirst())[i..<i + 2])
                }.joined(separator: ":")
            instances.append(
                InstanceRecord(
                    id: instanceId, name: spec.name, instanceType: spec.type, subnetId: subnetId, vpcId: vpc.id,
                    privateIpAddress: spec.ip, networkInterfaceId: eniId, availabilityZone: az))
            enis.append(
                NetworkInterfaceRecord(
                    id: eniId, instanceId: instanceId, subnetId: subnetId, vpcId: vpc.id, privateIpAddress: spec.ip,
                    availabilityZone: az, deviceIndex: 0, macAddress: mac))
        }
        return NetworkRecords(vpc: vpc, subnets: subnets, instances: instances, networkInterfaces: enis)
    }
}
