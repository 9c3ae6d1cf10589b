/// The outcome of planning: every change, in address order, plus the problems that make the plan
/// unappliable. Both renderers (text and JSON) read this one value and never recompute it.
public struct Plan: Hashable, Sendable {
    public static let formatVersion = 1

    public struct Summary: Hashable, Sendable, Codable {
        public var create = 0, update = 0, replace = 0, delete = 0

        public init(create: Int = 0, update: Int = 0, replace: Int = 0, delete: Int = 0) {
            self.create = create
            self.update = update
            self.replace = replace
            self.delete = delete
        }
    }

    public var stack: String
    public var region: String
    /// A digest of the live state the plan was made from; a saved plan is refused once it differs.
    public var observedFingerprint: String
    public var changes: [PlannedChange]
    /// Why the plan cannot be applied as is (quota or number conflicts with resources it does not own).
    public var problems: [String]

    public init(
        stack: String, region: String, observedFingerprint: String, changes: [PlannedChange], problems: [String] = []
    ) {
        self.stack = stack
        self.region = region
        self.observedFingerprint = observedFingerprint
        self.changes = changes.sorted { $0.address < $1.address }
        self.problems = problems
    }

    public var isEmpty: Bool { changes.isEmpty }

    public var summary: Summary {
        var summary = Summary()
        for change in changes {
            switch change.action {
            case .create: summary.create += 1
            case .update: summary.update += 1
            case .replace: summary.replace += 1
            case .delete: summary.delete += 1
            }
        }
        return summary
    }

    public func change(for address: ResourceAddress) -> PlannedChange? {
        changes.first { $0.address == address }
    }
}
