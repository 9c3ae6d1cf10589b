/// Why an import was refused. Nothing is tagged when one of these is thrown.
public enum ImportError: Error, Sendable, CustomStringConvertible {
    case unknownIDs([String])
    /// (resource id, the stack that owns it)
    case ownedByAnotherStack([(id: String, stack: String)])
    /// (what needs it, the missing dependency's id, its kind)
    case missingDependencies([(user: String, dependency: String, kind: String)])
    /// A resource of the stack (or about to be) that manifest v1 cannot describe exactly.
    case notExpressible(id: String, reason: String)

    public var description: String {
        switch self {
        case .unknownIDs(let ids):
            "no such traffic-mirroring resource in this region: \(ids.joined(separator: ", ")); check the ids and --region"
        case .ownedByAnotherStack(let owned):
            "refusing to import resources another stack owns: "
                + owned.map { "\($0.id) belongs to stack '\($0.stack)' (tag mirrorplan:stack=\($0.stack))" }.joined(
                    separator: "; ")
                + ". Manage them from that stack's manifest, or remove that stack's tags first if it no longer exists."
        case .missingDependencies(let missing):
            "with --no-dependencies every resource the imported ones use must be named too: "
                + missing.map { "\($0.user) uses \($0.kind) \($0.dependency) (add --\($0.kind)-id \($0.dependency))" }
                .joined(separator: "; ")
        case .notExpressible(let id, let reason):
            "cannot import \(id): \(reason)"
        }
    }
}
