/// Gives each live resource a unique address. Two resources claiming one name (a duplicate left by some
/// other tool, or a half-finished adoption) must both stay visible, so that the plan deletes the extra one
/// instead of ignoring it: the first by id keeps the name, the others get `name#id`.
struct NameAllocator {
    private var taken: Set<ResourceAddress> = []

    mutating func claim(_ kind: ResourceKind, _ name: String, id: String) -> String {
        if taken.insert(ResourceAddress(kind, name)).inserted { return name }
        let unique = "\(name)#\(id)"
        taken.insert(ResourceAddress(kind, unique))
        return unique
    }
}
