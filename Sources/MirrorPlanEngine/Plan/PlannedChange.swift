/// What apply will do to one resource, and why.
public struct PlannedChange: Hashable, Sendable {
    public enum Action: String, Hashable, Sendable, Codable {
        case create, update, replace, delete

        /// Terraform's symbols, which reviewers already read fluently.
        public var symbol: String {
            switch self {
            case .create: "+"
            case .update: "~"
            case .replace: "-/+"
            case .delete: "-"
            }
        }
    }

    /// For display only: apply decides from `action` and `changes`, never from the reason.
    public enum Reason: Hashable, Sendable {
        case absentInLive
        case absentInManifest
        case attributesDiffer
        case immutableAttributesChanged([String])
        case dependencyReplaced(ResourceAddress)
    }

    public var address: ResourceAddress
    public var action: Action
    public var id: String?
    public var changes: [AttributeChange]
    public var reason: Reason

    public init(address: ResourceAddress, action: Action, id: String?, changes: [AttributeChange], reason: Reason) {
        self.address = address
        self.action = action
        self.id = id
        self.changes = changes
        self.reason = reason
    }

    /// The sentence a reviewer reads next to a replace or a derived update.
    public var explanation: String? {
        switch reason {
        case .immutableAttributesChanged(let fields):
            "must be replaced: \(fields.joined(separator: ", ")) cannot be changed in place"
        case .dependencyReplaced(let dependency):
            action == .replace ? "replaced with \(dependency)" : "repointed because \(dependency) is replaced"
        case .absentInLive, .absentInManifest, .attributesDiffer:
            nil
        }
    }
}
