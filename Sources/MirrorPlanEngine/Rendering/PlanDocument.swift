import Foundation

/// The JSON plan of cli.md (`--format json`, and the PLANFILE that `--out` writes and `apply` reads).
/// Fields beyond the contract's (`reason`, `forcesReplacement`, `problems`) are additive.
public struct PlanDocument: Hashable, Sendable, Codable {
    public struct Action: Hashable, Sendable, Codable {
        public var action: PlannedChange.Action
        public var kind: ResourceKind
        public var name: String
        public var id: String?
        public var changes: [Change]
        public var reason: String?
    }

    public struct Change: Hashable, Sendable, Codable {
        public var field: String
        public var before: String?
        public var after: String?
        public var forcesReplacement: Bool?
    }

    public var formatVersion: Int
    public var stack: String
    public var region: String
    public var observedFingerprint: String
    public var summary: Plan.Summary
    public var actions: [Action]
    public var problems: [String]
    /// Additive: what `apply PLANFILE` needs to re-plan and to derive the same ClientTokens.
    public var planId: String?
    public var desired: [RecordDocument]?

    public init(_ plan: Plan, identity: PlanIdentity? = nil, desired: [ResourceRecord]? = nil) {
        planId = identity?.id
        self.desired = desired.map { $0.sorted { $0.address < $1.address }.map(RecordDocument.init) }
        formatVersion = Plan.formatVersion
        stack = plan.stack
        region = plan.region
        observedFingerprint = plan.observedFingerprint
        summary = plan.summary
        actions = plan.changes.map { change in
            Action(
                action: change.action, kind: change.address.kind, name: change.address.name, id: change.id,
                changes: change.changes.map {
                    Change(
                        field: $0.field, before: $0.before, after: $0.after,
                        forcesReplacement: $0.forcesReplacement ? true : nil)
                },
                reason: change.explanation)
        }
        problems = plan.problems
    }

    /// Stable bytes: sorted keys, so a saved plan diffs cleanly and `null`s are explicit as in cli.md.
    public func encoded() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(self)
    }

    public static func decode(_ data: Data) throws -> PlanDocument {
        try JSONDecoder().decode(PlanDocument.self, from: data)
    }

    // Optionals are written as explicit nulls (`"id": null`), matching the contract's example.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(formatVersion, forKey: .formatVersion)
        try container.encode(stack, forKey: .stack)
        try container.encode(region, forKey: .region)
        try container.encode(observedFingerprint, forKey: .observedFingerprint)
        try container.encode(summary, forKey: .summary)
        try container.encode(actions, forKey: .actions)
        try container.encode(problems, forKey: .problems)
        try container.encodeIfPresent(planId, forKey: .planId)
        try container.encodeIfPresent(desired, forKey: .desired)
    }
}

extension PlanDocument.Action {
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(action, forKey: .action)
        try container.encode(kind, forKey: .kind)
        try container.encode(name, forKey: .name)
        try container.encode(id, forKey: .id)
        try container.encode(changes, forKey: .changes)
        try container.encodeIfPresent(reason, forKey: .reason)
    }
}

extension PlanDocument.Change {
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(field, forKey: .field)
        try container.encode(before, forKey: .before)
        try container.encode(after, forKey: .after)
        try container.encodeIfPresent(forcesReplacement, forKey: .forcesReplacement)
    }
}
