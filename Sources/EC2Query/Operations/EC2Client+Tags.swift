extension EC2Client {
    public static func createTagsRequest(resourceIDs: [String], tags: [EC2Tag], dryRun: Bool? = nil) -> QueryRequest {
        var p = QueryParameters()
        p.add("DryRun", dryRun)
        p.add("ResourceId", list: resourceIDs)
        p.add(tags: tags)
        return QueryRequest(action: "CreateTags", parameters: p)
    }

    /// Adds or overwrites the given tags.
    public func createTags(resourceIDs: [String], tags: [EC2Tag], dryRun: Bool? = nil) async throws {
        _ = try await call(Self.createTagsRequest(resourceIDs: resourceIDs, tags: tags, dryRun: dryRun))
    }

    /// A tag with a nil value deletes the key whatever its value. Refuses an empty tag list: EC2 would then
    /// delete every user tag, which is never what a caller of this method means.
    public static func deleteTagsRequest(resourceIDs: [String], tags: [EC2Tag], dryRun: Bool? = nil) -> QueryRequest {
        var p = QueryParameters()
        p.add("DryRun", dryRun)
        p.add("ResourceId", list: resourceIDs)
        p.add(tags: tags)
        return QueryRequest(action: "DeleteTags", parameters: p)
    }

    public func deleteTags(resourceIDs: [String], tags: [EC2Tag], dryRun: Bool? = nil) async throws {
        guard !tags.isEmpty else { return }
        _ = try await call(Self.deleteTagsRequest(resourceIDs: resourceIDs, tags: tags, dryRun: dryRun))
    }
}
