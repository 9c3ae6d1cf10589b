/// CreateTags, DeleteTags, DescribeTags for every resource the lab stores.
extension LabEmulator {
    mutating func createTags(_ p: QueryParameters) throws(LabError) -> [XMLNode] {
        let ids = try resourceIds(p)
        let tags = try Self.tagList(p, prefix: "")
        guard !tags.isEmpty else { throw LabError.missing("Tag.1.Key") }
        for id in ids { state.tags[id] = try Self.merge(state.tags(of: id), tags) }
        return [XMLNode("return", text: "true")]
    }

    mutating func deleteTags(_ p: QueryParameters) throws(LabError) -> [XMLNode] {
        let ids = try resourceIds(p)
        var wanted: [(key: String, value: String?)] = []
        for index in try p.indices(under: "Tag") {
            let item = p.nested("Tag.\(index)")
            guard let key = item["Key"], !key.isEmpty else { throw LabError.missing("Tag.\(index).Key") }
            wanted.append((key, item["Value"]))
        }
        for id in ids {
            // No Tag.N deletes every user tag; a key with a value deletes only on an exact value match.
            let kept =
                wanted.isEmpty
                ? []
                : state.tags(of: id).filter { tag in
                    !wanted.contains { $0.key == tag.key && ($0.value == nil || $0.value == tag.value) }
                }
            state.tags[id] = kept.isEmpty ? nil : kept
        }
        return [XMLNode("return", text: "true")]
    }

    func describeTags(_ p: QueryParameters) throws(LabError) -> [XMLNode] {
        let filters = try DescribeFilters(
            p, allowed: ["key", "resource-id", "resource-type", "value"],
            tagFilters: true, wildcards: true)
        let paging = try Pagination(p, action: "DescribeTags", ids: false)
        let ordered = allResourceIds().flatMap { id in state.tags(of: id).map { (id, $0) } }
        let matching = ordered.filter { id, tag in
            let type = ResourceKind.of(id: id)?.tagResourceType ?? ""
            return filters.matches { name in
                if name.hasPrefix("tag:") { return name.dropFirst(4) == tag.key ? [tag.value] : [] }
                return switch name {
                case "key": [tag.key]
                case "value": [tag.value]
                case "resource-id": [id]
                default: [type]
                }
            }
        }
        let page = paging.page(matching)
        let items = page.items.map { id, tag in
            [
                XMLNode("resourceId", text: id),
                XMLNode("resourceType", text: ResourceKind.of(id: id)?.tagResourceType ?? ""),
                XMLNode("key", text: tag.key), XMLNode("value", text: tag.value),
            ]
        }
        return [XMLNode.set("tagSet", items)] + XMLNode.leaf("nextToken", page.nextToken)
    }

    /// `ResourceId.N`, each of which must exist (AWS's per-kind NotFound code otherwise).
    private func resourceIds(_ p: QueryParameters) throws(LabError) -> [String] {
        let ids = try p.list("ResourceId")
        guard !ids.isEmpty else { throw LabError.missing("ResourceId.1") }
        guard ids.count <= 1000 else {
            throw LabError.invalidValue("ResourceId", String(ids.count), "At most 1000 resource IDs per call.")
        }
        for id in ids {
            guard let kind = ResourceKind.of(id: id) else {
                throw LabError(code: "InvalidID", message: "The ID '\(id.prefix(100))' is not valid.")
            }
            _ = try lookup(kind, id)
        }
        return ids
    }

    /// Every stored resource ID in a stable order (network first, then mirror resources by creation).
    private func allResourceIds() -> [String] {
        state.network.instances.map(\.id) + state.network.networkInterfaces.map(\.id)
            + state.targets.map(\.id) + state.filters.map(\.id) + state.rules.map(\.id) + state.sessions.map(\.id)
    }
}
