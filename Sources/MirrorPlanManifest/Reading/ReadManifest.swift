import MirrorPlanModel

/// Everything one manifest read into.
struct ReadManifest {
    var stack: String?
    var region: String?
    var tags: [String: String] = [:]
    var targets: [ReadTarget] = []
    var filters: [ReadFilter] = []
    var sessions: [ReadSession] = []
    var verifyChecks: [ReadVerifyCheck] = []
}

/// What the reader keeps of each entry: the value (when it read cleanly) and the nodes cross-checks point at.
struct ReadTarget {
    var name: String
    var key: YAMLNode
    var spec: TargetSpec?
    var networkInterface: (reference: NetworkInterfaceReference, node: YAMLNode)?
}

struct ReadFilter {
    var name: String
    var key: YAMLNode
    var spec: FilterSpec?
    /// Each rule with the node of its `rule:` value, for shadowing warnings.
    var rules: [(rule: FilterRuleSpec, node: YAMLNode)] = []
}

struct ReadSession {
    var name: String
    var key: YAMLNode
    var source: (reference: NetworkInterfaceReference, node: YAMLNode)?
    var target: (name: String, node: YAMLNode)?
    var filter: (name: String, node: YAMLNode)?
    var number: (value: Int, node: YAMLNode)?
    var spec: SessionSpec?
}

struct ReadVerifyCheck {
    var session: (name: String, node: YAMLNode)?
    var spec: VerifyCheck?
}
