/// What one manifest asks for, after validation: the planner diffs this against live state.
/// Collections are in manifest order; logical names are unique per kind.
public struct DesiredState: Hashable, Sendable {
    public static let apiVersion = "mirrorplan/v1"

    public var apiVersion: String
    /// The ownership scope: every created resource carries `mirrorplan:stack = stack`.
    public var stack: String
    /// nil: from the environment (AWS_REGION / AWS_DEFAULT_REGION / profile).
    public var region: String?
    /// The stack-wide tags; each resource's `tags` already has them merged under its own.
    public var tags: [String: String]
    public var targets: [TargetSpec]
    public var filters: [FilterSpec]
    public var sessions: [SessionSpec]
    public var verifyChecks: [VerifyCheck]

    public init(
        apiVersion: String = DesiredState.apiVersion, stack: String, region: String? = nil,
        tags: [String: String] = [:], targets: [TargetSpec] = [], filters: [FilterSpec] = [],
        sessions: [SessionSpec] = [], verifyChecks: [VerifyCheck] = []
    ) {
        self.apiVersion = apiVersion
        self.stack = stack
        self.region = region
        self.tags = tags
        self.targets = targets
        self.filters = filters
        self.sessions = sessions
        self.verifyChecks = verifyChecks
    }

    public func target(named name: String) -> TargetSpec? { targets.first { $0.name == name } }
    public func filter(named name: String) -> FilterSpec? { filters.first { $0.name == name } }
    public func session(named name: String) -> SessionSpec? { sessions.first { $0.name == name } }

    /// Logical names, stack names and verify names: `[a-z0-9][a-z0-9-]{0,62}`.
    public static func isValidName(_ name: String) -> Bool {
        let bytes = Array(name.utf8)
        guard (1...63).contains(bytes.count) else { return false }
        func allowed(_ byte: UInt8, dash: Bool) -> Bool {
            (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte)
                || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
                || (dash && byte == UInt8(ascii: "-"))
        }
        return allowed(bytes[0], dash: false) && bytes.dropFirst().allSatisfy { allowed($0, dash: true) }
    }

    public static let namePattern = "^[a-z0-9][a-z0-9-]{0,62}$"
}
