/// CreateTrafficMirrorFilter, DeleteTrafficMirrorFilter, DescribeTrafficMirrorFilters,
/// ModifyTrafficMirrorFilterNetworkServices.
extension LabEmulator {
    static let networkServices: Set<String> = ["amazon-dns"]

    mutating func createFilter(_ p: QueryParameters) throws(LabError) -> [XMLNode] {
        let replayed = try replay(p)
        let tags = try tagSpecifications(p, resourceType: "traffic-mirror-filter")
        if let answer = replayAnswer(replayed, kind: .filter, element: "trafficMirrorFilter") { return answer }
        guard state.filters.count < 10_000 else {
            throw LabError(
                code: "TrafficMirrorFilterLimitExceeded",
                message: "An account can have at most 10,000 traffic mirror filters.")
        }
        let filter = FilterRecord(id: state.newId(.filter), description: p["Description"], networkServices: [])
        state.filters.append(filter)
        hideNewResource(filter.id)
        if !tags.isEmpty { state.tags[filter.id] = tags }
        return remember(replayed, resourceId: filter.id, element: XMLNode("trafficMirrorFilter", state.xml(filter)))
    }

    mutating func deleteFilter(_ p: QueryParameters) throws(LabError) -> [XMLNode] {
        let id = try p.required("TrafficMirrorFilterId")
        let index = try lookup(.filter, id)
        if state.sessions.contains(where: { $0.filterId == id }) {
            throw LabError(
                code: "TrafficMirrorFilterInUse",
                message:
                    "The Traffic Mirror filter \(id) cannot be deleted because a Traffic Mirror session is currently using it; delete or repoint those sessions first."
            )
        }
        // Whether AWS cascades to the filter's rules is [unverified] (reference §E.2.2). The strict reading:
        // refuse while rules remain, with EC2's generic DependencyViolation, so a client that relies on a
        // cascade fails here first; deleting rules before their filter works either way.
        let remaining = state.rules.filter { $0.filterId == id }.count
        if remaining > 0 {
            throw LabError(
                code: "DependencyViolation",
                message:
                    "The Traffic Mirror filter \(id) still has \(remaining) rule(s); delete its rules before the filter."
            )
        }
        state.filters.remove(at: index)
        state.tags[id] = nil
        return [XMLNode("trafficMirrorFilterId", text: id)]
    }

    func describeFilters(_ p: QueryParameters) throws(LabError) -> [XMLNode] {
        let ids = try p.list("TrafficMirrorFilterId")
        let filters = try DescribeFilters(
            p, allowed: ["description", "traffic-mirror-filter-id"],
            tagFilters: false, wildcards: false)
        let paging = try Pagination(p, action: "DescribeTrafficMirrorFilters", ids: !ids.isEmpty)
        for id in ids { _ = try lookup(.filter, id) }
        let hidden = hiddenThisRead
        try checkVisible(ids, .filter, hidden: hidden)
        let matching = state.filters.filter { f in
            !hidden.contains(f.id) && (ids.isEmpty || ids.contains(f.id))
                && filters.matches { $0 == "description" ? [f.description ?? ""] : [f.id] }
        }
        let page = paging.page(matching)
        return [XMLNode.set("trafficMirrorFilterSet", page.items.map { state.xml($0) })]
            + XMLNode.leaf("nextToken", page.nextToken)
    }

    mutating func modifyNetworkServices(_ p: QueryParameters) throws(LabError) -> [XMLNode] {
        let id = try p.required("TrafficMirrorFilterId")
        let index = try lookup(.filter, id)
        let add = try p.list("AddNetworkService")
        let remove = try p.list("RemoveNetworkService")
        for (key, values) in [("AddNetworkService", add), ("RemoveNetworkService", remove)] {
            for value in values where !Self.networkServices.contains(value) {
                throw LabError.invalidValue(key, value, "The only network service is amazon-dns.")
            }
        }
        var services = state.filters[index].networkServices
        for service in add where !services.contains(service) { services.append(service) }
        services.removeAll { remove.contains($0) }
        state.filters[index].networkServices = services
        return [XMLNode("trafficMirrorFilter", state.xml(state.filters[index]))]
    }
}
