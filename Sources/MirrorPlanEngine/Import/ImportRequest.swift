/// What `mirrorplan import` was asked to adopt into a stack.
public struct ImportRequest: Hashable, Sendable {
    public var stack: String
    public var targetIDs: [String]
    public var filterIDs: [String]
    public var sessionIDs: [String]
    /// Pull in what the named resources need (a session's target and filter); false: refuse instead.
    /// A filter's rules always come with it: a manifest cannot describe a filter without them.
    public var includeDependencies: Bool
    /// Write `{ instance: NAME }` for an ENI that is an instance's primary ENI and whose Name is unique.
    public var preferInstanceNames: Bool

    public init(
        stack: String, targetIDs: [String] = [], filterIDs: [String] = [], sessionIDs: [String] = [],
        includeDependencies: Bool = true, preferInstanceNames: Bool = true
    ) {
        self.stack = stack
        self.targetIDs = targetIDs
        self.filterIDs = filterIDs
        self.sessionIDs = sessionIDs
        self.includeDependencies = includeDependencies
        self.preferInstanceNames = preferInstanceNames
    }

    public var isEmpty: Bool { targetIDs.isEmpty && filterIDs.isEmpty && sessionIDs.isEmpty }
}
