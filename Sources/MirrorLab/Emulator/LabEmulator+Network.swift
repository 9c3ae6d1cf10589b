/// DescribeInstances, DescribeNetworkInterfaces, DescribeInstanceTypes over the topology.
extension LabEmulator {
    func describeInstances(_ p: QueryParameters) throws(LabError) -> [XMLNode] {
        let ids = try p.list("InstanceId")
        let filters = try DescribeFilters(
            p,
            allowed: [
                "instance-id", "tag-key", "tag-value", "instance-state-name", "instance-state-code", "vpc-id",
                "subnet-id", "instance-type", "private-ip-address", "availability-zone",
                "network-interface.network-interface-id", "network-interface.attachment.device-index",
                "network-interface.attachment.network-card-index",
            ],
            tagFilters: true, wildcards: true)
        let paging = try Pagination(p, action: "DescribeInstances", ids: !ids.isEmpty)
        for id in ids { _ = try lookup(.instance, id) }
        let matching = state.network.instances.filter { i in
            (ids.isEmpty || ids.contains(i.id))
                && filters.matches { name in
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
            [
                XMLNode("reservationId", text: "r-" + i.id.dropFirst(2)), XMLNode("ownerId", text: state.accountId),
                XMLNode.set("groupSet", []), XMLNode.set("instancesSet", [state.xml(i)]),
            ]
        }
        return [XMLNode.set("reservationSet", reservations)] + XMLNode.leaf("nextToken", page.nextToken)
    }

    func describeNetworkInterfaces(_ p: QueryParameters) throws(LabError) -> [XMLNode] {
        let ids = try p.list("NetworkInterfaceId")
        let filters = try DescribeFilters(
            p,
            allowed: [
                "network-interface-id", "attachment.instance-id", "attachment.device-index", "attachment.status",
                "attachment.instance-owner-id", "interface-type", "requester-managed", "status", "vpc-id",
                "subnet-id", "private-ip-address", "availability-zone", "owner-id", "mac-address", "tag-key",
                "tag-value",
            ],
            tagFilters: true, wildcards: true)
        let paging = try Pagination(p, action: "DescribeNetworkInterfaces", ids: !ids.isEmpty)
        for id in ids { _ = try lookup(.networkInterface, id) }
        let matching = state.network.networkInterfaces.filter { e in
            (ids.isEmpty || ids.contains(e.id))
                && filters.matches { name in
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
        return [XMLNode.set("networkInterfaceSet", page.items.map { state.xml($0) })]
            + XMLNode.leaf("nextToken", page.nextToken)
    }

    func describeInstanceTypes(_ p: QueryParameters) throws(LabError) -> [XMLNode] {
        let names = try p.list("InstanceType")
        let filters = try DescribeFilters(
            p, allowed: ["instance-type", "hypervisor", "bare-metal", "current-generation"],
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
            [
                XMLNode("instanceType", text: t.name), XMLNode("currentGeneration", text: "true"),
                XMLNode("bareMetal", text: t.bareMetal ? "true" : "false"),
            ] + XMLNode.leaf("hypervisor", t.hypervisor)
        }
        return [XMLNode.set("instanceTypeSet", items)] + XMLNode.leaf("nextToken", page.nextToken)
    }
}
