/// The kernel names of one lab's data plane. Every namespace starts with `mpl-<6 hex>-`, derived from the lab's
/// identity (its directory or state file), so two labs on one host never share a namespace and `down` can find
/// exactly its own. Link names live inside the namespaces, so they are short and fixed.
public struct DataPlaneNames: Sendable, Hashable {
    /// `mpl-<6 hex>`
    public var prefix: String

    public init(prefix: String) { self.prefix = prefix }

    /// For a lab identified by `identity` (an absolute directory or state-file path).
    public init(identity: String) {
        prefix = "mpl-" + String(StableHash.hex17("dataplane:" + identity).suffix(6))
    }

    /// The namespace holding the shared bridge every instance is plugged into.
    public var bridgeNamespace: String { prefix + "-br" }

    /// The instance's namespace: the name lower-cased, reduced to letters, digits and dashes.
    public func namespace(forInstance name: String) -> String {
        let cleaned = String(name.lowercased().map { $0.isASCII && ($0.isLetter || $0.isNumber) ? $0 : "-" }.prefix(40))
        return prefix + "-" + (cleaned.isEmpty ? "instance" : cleaned)
    }

    /// Whether a namespace belongs to this lab.
    public func owns(namespace: String) -> Bool { namespace.hasPrefix(prefix + "-") }

    static let bridge = "br0"
    static let instanceLink = "eth0"
    static let sink = "vxsink"
    static func bridgePort(_ index: Int) -> String { "v\(index)" }
    static func mirrorPortIn(_ index: Int) -> String { "mp\(index)a" }
    static func mirrorPortOut(_ index: Int) -> String { "mp\(index)b" }
    static func tunnel(_ index: Int) -> String { "vx\(index)" }
    /// Links a mirroring setup creates inside an instance namespace (removed before it is rebuilt).
    static func isMirroringLink(_ name: String) -> Bool {
        name == sink || name.hasPrefix("vx") || (name.hasPrefix("mp") && name.count > 2)
    }
    /// eth0's alias carries the fingerprint of the mirroring setup applied to the instance.
    static let aliasPrefix = "mpl:"
}
