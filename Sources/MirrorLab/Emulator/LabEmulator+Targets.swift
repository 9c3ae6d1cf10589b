/// CreateTrafficMirrorTarget, DeleteTrafficMirrorTarget, DescribeTrafficMirrorTargets.
extension LabEmulator {
    mutating func createTarget(_ p: QueryParameters) throws(LabError) -> [XMLNode] {
        let replayed = try replay(p)
        let eni = p["NetworkInterfaceId"]
        let nlb = p["NetworkLoadBalancerArn"]
        let gwlbe = p["GatewayLoadBalancerEndpointId"]
        let given = [eni, nlb, gwlbe].compactMap { $0 }
        // AWS's code for 0 or 2+ kinds is [unverified]; the lab rejects both (what TF and moto enforce).
        guard !given.isEmpty else {
            throw LabError.missing("NetworkInterfaceId, NetworkLoadBalancerArn or GatewayLoadBalancerEndpointId")
        }
        guard given.count == 1 else {
            throw LabError.combination(
                "Specify exactly one of NetworkInterfaceId, NetworkLoadBalancerArn and GatewayLoadBalancerEndpointId.")
        }
        let tags = try tagSpecifications(p, resourceType: "traffic-mirror-target")
        if let answer = replayAnswer(replayed, kind: .target, element: "trafficMirrorTarget") { return answer }
        if let eni {
            _ = try lookup(.networkInterface, eni)
            if state.sessions.contains(where: { $0.networkInterfaceId == eni }) {
                throw LabError.invalidValue(
                    "NetworkInterfaceId", eni,
                    "The network interface is the source of a traffic mirror session; a source cannot also be a target."
                )
            }
        }
        if let nlb, !Self.isNetworkLoadBalancerArn(nlb) {
            throw LabError(
                code: "InvalidNetworkLoadBalancerArn.Malformed",
                message:
                    "'\(nlb.prefix(200))' is not a network load balancer ARN (arn:aws:elasticloadbalancing:REGION:ACCOUNT:loadbalancer/net/NAME/ID)."
            )
        }
        if let gwlbe, !(gwlbe.hasPrefix("vpce-") && gwlbe.count > 5 && gwlbe.dropFirst(5).allSatisfy(\.isHexDigit)) {
            throw LabError(
                code: "InvalidVpcEndpointId.Malformed",
                message: "'\(gwlbe.prefix(100))' is not a VPC endpoint ID (vpce-…).")
        }
        guard state.targets.count < 10_000 else {
            throw LabError(
                code: "TrafficMirrorTargetLimitExceeded",
                message: "An account can have at most 10,000 traffic mirror targets.")
        }
        let target = TargetRecord(
            id: state.newId(.target), networkInterfaceId: eni, networkLoadBalancerArn: nlb,
            gatewayLoadBalancerEndpointId: gwlbe, description: p["Description"],
            ownerId: state.accountId)
        state.targets.append(target)
        hideNewResource(target.id)
        if !tags.isEmpty { state.tags[target.id] = tags }
        return remember(replayed, resourceId: target.id, element: XMLNode("trafficMirrorTarget", state.xml(target)))
    }

    /// NLB ARNs cannot be checked for existence (the lab has no ELB API), only for form.
    static func isNetworkLoadBalancerArn(_ arn: String) -> Bool {
        let parts = arn.split(separator: ":", maxSplits: 5, omittingEmptySubsequences: false)
        return parts.count == 6 && parts[0] == "arn" && parts[1].hasPrefix("aws") && parts[2] == "elasticloadbalancing"
            && parts[5].hasPrefix("loadbalancer/net/") && parts[5].split(separator: "/").count == 4
    }

    mutating func deleteTarget(_ p: QueryParameters) throws(LabError) -> [XMLNode] {
        let id = try p.required("TrafficMirrorTargetId")
        let index = try lookup(.target, id)
        if state.sessions.contains(where: { $0.targetId == id }) {
            throw LabError(
                code: "TrafficMirrorTargetInUseException",
                message:
                    "The Traffic Mirror target \(id) cannot be deleted because a Traffic Mirror session is currently using it; delete or repoint those sessions first."
            )
        }
        state.targets.remove(at: index)
        state.tags[id] = nil
        return [XMLNode("trafficMirrorTargetId", text: id)]
    }

    func describeTargets(_ p: QueryParameters) throws(LabError) -> [XMLNode] {
        let ids = try p.list("TrafficMirrorTargetId")
        let filters = try DescribeFilters(
            p,
            allowed: [
                "description", "network-interface-id", "network-load-balancer-arn",
                "owner-id", "traffic-mirror-target-id",
            ],
            tagFilters: false, wildcards: false)
        let paging = try Pagination(p, action: "DescribeTrafficMirrorTargets", ids: !ids.isEmpty)
        for id in ids { _ = try lookup(.target, id) }
        let hidden = hiddenThisRead
        try checkVisible(ids, .target, hidden: hidden)
        let matching = state.targets.filter { t in
            !hidden.contains(t.id) && (ids.isEmpty || ids.contains(t.id))
                && filters.matches { name in
                    switch name {
                    case "description": [t.description ?? ""]
                    case "network-interface-id": t.networkInterfaceId.map { [$0] } ?? []
                    case "network-load-balancer-arn": t.networkLoadBalancerArn.map { [$0] } ?? []
                    case "owner-id": [t.ownerId]
                    default: [t.id]
                    }
                }
        }
        let page = paging.page(matching)
        return [XMLNode.set("trafficMirrorTargetSet", page.items.map { state.xml($0) })]
            + XMLNode.leaf("nextToken", page.nextToken)
    }
}
