/// DescribeInstances, DescribeNetworkInterfaces, DescribeInstanceTypes over the topology.
extension LabEmulator {
    func describeInstances(_ p: QueryParameters) throws(LabError) -> [XMLNode] {
        let ids = try p.list("InstanceId")
        let filters = try DescribeFilters(
            p, allowed: ["instance-id", "tag-key", "tag-value", "instance-state-name", "instance-state-code", "vpc-id",
                         "subnet-id", "instance-type", "private-ip-address", "availability-zone",
                         "network-interface.network-interface-id", "network-interface.attachment.device-index",
                         "network-interface.attachment.network-card-index"],
            tagFilters: true, wildcards: true)
        let paging = try Pagination(p, action: "DescribeInstances", ids: !ids.isEmpty)
        for id in ids { _ = try lookup(.instance, id) }
        let matching = state.network.instances.filter { i in
            (ids.isEmpty || ids.contains(i.id)) && filters.matches { name in
                if let tags = DescribeFilters.tagValues(name, state.tags(of: i.id)) { return tags }
                return switch name {
                case "instance-id": [i.id]
                case "instance-state-name": ["running"]
                case "instance-state-code": ["16"]
                case "vpc-id": [i.vpcId]
                case "subnet-id": [i.subnetId]
                case "instance-type": [i.instanceType]
                case "private-ip-address": [i.privateIpAddress]
                case "availability-zone": [i.availabilityZone]
                case "network-interface.network-interface-id": [i.networkInterfaceId]
                default: ["0"]  // device index and network card index of the primary ENI
                }
            }
        }
        let page = paging.page(matching)
        // One reservation per instance, with an ID derived from the instance's.
        let reservations = page.items.map { i in
            [XMLNode("reservationId", text: "r-" + i.id.dropFirst(2)), XMLNode("ownerId", text: state.accountId),
             XMLNode.set("groupSet", []), XMLNode.set("instancesSet", [state.xml(i)])]
        }
        return [XMLNode.set("reservationSet", reservations)] + XMLNode.leaf("nextToken", page.nextToken)
    }

    func describeNetworkInterfaces(_ p: QueryParameters) throws(LabError) -> [XMLNode] {
        let ids = try p.list("NetworkInterfaceId")
        let filters = try DescribeFilters(
            p, allowed: ["network-interface-id", "attachment.instance-id", "attachment.device-index", "attachment.status",
                         "attachment.instance-owner-id", "interface-type", "requester-managed", "status", "vpc-id",
                         "subnet-id", "private-ip-address", "availability-zone", "owner-id", "mac-address", "tag-key", "tag-value"],
            tagFilters: true, wildcards: true)
        let paging = try Pagination(p, action: "DescribeNetworkInterfaces", ids: !ids.isEmpty)
        for id in ids { _ = try lookup(.networkInterface, id) }
        let matching = state.network.networkInterfaces.filter { e in
            (ids.isEmpty || ids.contains(e.id)) && filters.matches { name in
                if let tags = DescribeFilters.tagValues(name, state.tags(of: e.id)) { return tags }
                return switch name {
                case "network-interface-id": [e.id]
                case "attachment.instance-id": [e.instanceId]
                case "attachment.device-index": [String(e.deviceIndex)]
                case "attachment.status": ["attached"]
                case "attachment.instance-owner-id", "owner-id": [state.accountId]
                case "interface-type": ["interface"]
                case "requester-managed": ["false"]
                case "status": ["in-use"]
                case "vpc-id": [e.vpcId]
                case "subnet-id": [e.subnetId]
                case "private-ip-address": [e.privateIpAddress]
                case "availability-zone": [e.availabilityZone]
                default: [e.macAddress]
                }
            }
        }
        let page = paging.page(matching)
        return [XMLNode.set("networkInterfaceSet", page.items.map { state.xml($0) })] + XMLNode.leaf("nextToken", page.nextToken)
    }

    func describeInstanceTypes(_ p: QueryParameters) throws(LabError) -> [XMLNode] {
        let names = try p.list("InstanceType")
        let filters = try DescribeFilters(p, allowed: ["instance-type", "hypervisor", "bare-metal", "current-generation"],
                                          tagFilters: false, wildcards: true)
        let paging = try Pagination(p, action: "DescribeInstanceTypes", ids: false, range: 5...100)
        for name in names where InstanceTypeFacts(name) == nil {
            throw LabError.invalidValue("InstanceType", name, "The instance type '\(name)' does not exist.")
        }
        let known = names.isEmpty ? InstanceTypeFacts.catalogue : names.compactMap(InstanceTypeFacts.init)
        let matching = known.filter { t in
            filters.matches { name in
                switch name {
                case "instance-type": [t.name]
                case "hypervisor": t.hypervisor.map { [$0] } ?? []
                case "bare-metal": [t.bareMetal ? "true" : "false"]
                default: ["true"]
                }
            }
        }
        let page = paging.page(matching)
        let items = page.items.map { t in
            [XMLNode("instanceType", text: t.name), XMLNode("currentGeneration", text: "true"),
             XMLNode("bareMetal", text: t.bareMetal ? "true" : "false")] + XMLNode.leaf("hypervisor", t.hypervisor)
        }
        return [XMLNode.set("instanceTypeSet", items)] + XMLNode.leaf("nextToken", page.nextToken)
    }
}

/// Hypervisor facts for instance types: the non-Nitro families traffic mirroring supports are Xen
/// (reference §D.3); `.metal` sizes report no hypervisor; every other known family is Nitro.
struct InstanceTypeFacts: Sendable, Hashable {
    var name: String
    var hypervisor: String?
    var bareMetal: Bool

    static let xenFamilies: Set<String> = ["c4", "d2", "g3", "g3s", "h1", "i3", "m4", "p2", "p3", "r4", "x1", "x1e", "t2"]
    static let nitroFamilies: Set<String> = [
        "m5", "m5d", "m5n", "m5dn", "m5zn", "m6a", "m6i", "m6g", "m7g", "m7i", "c5", "c5n", "c6g", "c6i", "c7g",
        "r5", "r5n", "r6g", "r6i", "t3", "t3a", "t4g", "a1", "i3en", "g4dn",
    ]
    static let sizes = ["nano", "micro", "small", "medium", "large", "xlarge", "2xlarge", "4xlarge", "8xlarge",
                        "12xlarge", "16xlarge", "24xlarge", "metal"]

    init?(_ name: String) {
        let parts = name.split(separator: ".")
        guard parts.count == 2, Self.sizes.contains(String(parts[1])) else { return nil }
        let family = String(parts[0])
        self.name = name
        bareMetal = parts[1] == "metal"
        if Self.xenFamilies.contains(family) { hypervisor = bareMetal ? nil : "xen" }
        else if Self.nitroFamilies.contains(family) { hypervisor = bareMetal ? nil : "nitro" }
        else { return nil }
    }

    /// What DescribeInstanceTypes lists without names: a few sizes of each family.
    static let catalogue: [InstanceTypeFacts] = (xenFamilies.union(nitroFamilies)).sorted().flatMap { family in
        ["large", "xlarge"].compactMap { InstanceTypeFacts("\(family).\($0)") }
    }
}
