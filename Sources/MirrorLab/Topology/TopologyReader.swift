import Yams

/// Walks the composed YAML tree (nodes keep their marks) into a `Topology`, checking that every IP lies
/// in its subnet, every subnet in the VPC, and that names and addresses are unique.
struct TopologyReader {
    var file: String

    func read(_ root: Node) throws(TopologyError) -> Topology {
        guard let map = root.mapping else {
            throw fail(root, "the topology must be a mapping with vpc, subnets and instances")
        }
        try allowOnly(["vpc", "subnets", "instances"], in: map)
        let vpcNode = map["vpc"]
        let vpc = try cidr(vpcNode, what: "vpc") ?? "10.0.0.0/16"
        var subnets: [(name: String, cidr: String)] = []
        if let subnetsNode = map["subnets"] {
            guard let subnetMap = subnetsNode.mapping else {
                throw fail(subnetsNode, "subnets must map names to CIDR blocks")
            }
            for (key, value) in subnetMap {
                guard let name = key.string, !name.isEmpty else { throw fail(key, "a subnet name must be a string") }
                guard let block = try cidr(value, what: "subnet \(name)") else {
                    throw fail(value, "subnet \(name) needs a CIDR block")
                }
                guard let outer = CIDRBlock(vpc), let inner = CIDRBlock(block), outer.contains(inner) else {
                    throw fail(value, "subnet \(name) (\(block)) is not inside the vpc \(vpc)")
                }
                subnets.append((name, block))
            }
        } else {
            subnets = [("lab", "10.0.1.0/24")]
        }
        guard let instancesNode = map["instances"], let items = instancesNode.sequence else {
            throw fail(map["instances"] ?? root, "instances must be a list of { name, subnet, ip }")
        }
        var instances: [Topology.Instance] = []
        for item in items {
            let instance = try readInstance(item, subnets: subnets)
            if instances.contains(where: { $0.name == instance.name }) {
                throw fail(item, "instance name \(instance.name) is used twice")
            }
            if instances.contains(where: { $0.ip == instance.ip }) {
                throw fail(item, "ip \(instance.ip) is used twice")
            }
            instances.append(instance)
        }
        return Topology(vpc: vpc, subnets: subnets, instances: instances)
    }

    private func readInstance(_ node: Node, subnets: [(name: String, cidr: String)]) throws(TopologyError)
        -> Topology.Instance
    {
        guard let map = node.mapping else { throw fail(node, "an instance is a mapping { name, subnet, ip }") }
        try allowOnly(["name", "subnet", "ip", "type", "id"], in: map)
        let name = try text(map, "name", in: node)
        let subnet = try text(map, "subnet", in: node)
        let ip = try text(map, "ip", in: node)
        guard let block = subnets.first(where: { $0.name == subnet }) else {
            throw fail(map["subnet"], "unknown subnet \(subnet); declare it under subnets")
        }
        guard let address = IPv4Address(ip) else { throw fail(map["ip"], "\(ip) is not an IPv4 address") }
        guard let range = CIDRBlock(block.cidr), range.contains(address) else {
            throw fail(map["ip"], "ip \(ip) is not inside subnet \(subnet) (\(block.cidr))")
        }
        let type = map["type"]?.string ?? "m5.large"
        var id: String?
        if let idNode = map["id"] {
            guard let value = idNode.string, ResourceKind.instance.isWellFormed(value) else {
                throw fail(idNode, "an instance id is i- followed by 8 or 17 lowercase hex digits")
            }
            id = value
        }
        return Topology.Instance(name: name, subnet: subnet, ip: ip, type: type, id: id)
    }

    private func text(_ map: Node.Mapping, _ key: String, in node: Node) throws(TopologyError) -> String {
        guard let value = map[key] else { throw fail(node, "missing key '\(key)'") }
        guard let string = value.string, !string.isEmpty else { throw fail(value, "'\(key)' must be a string") }
        return string
    }

    private func cidr(_ node: Node?, what: String) throws(TopologyError) -> String? {
        guard let node else { return nil }
        guard let text = node.string, let block = CIDRBlock(text), block.isIPv4, block.isNetworkAddress else {
            throw fail(node, "\(what) must be an IPv4 network in CIDR form such as 10.0.0.0/16")
        }
        return text
    }

    private func allowOnly(_ keys: Set<String>, in map: Node.Mapping) throws(TopologyError) {
        for key in map.keys {
            guard let name = key.string, keys.contains(name) else {
                throw fail(key, "unknown key '\(key.string ?? "?")'; allowed: \(keys.sorted().joined(separator: ", "))")
            }
        }
    }

    private func fail(_ node: Node?, _ message: String) -> TopologyError {
        TopologyError(file: file, node: node, message: message)
    }
}
