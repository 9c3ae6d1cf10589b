/// Desired + live → plan: a pure, deterministic function (no I/O, no clock).
public enum Planner {
    public static func plan(_ input: PlanInput) -> Plan {
        let desired = Dictionary(input.desired.map { ($0.address, $0) }, uniquingKeysWith: { first, _ in first })
        let live = Dictionary(input.live.map { ($0.address, $0) }, uniquingKeysWith: { first, _ in first })

        var changes: [ResourceAddress: PlannedChange] = [:]
        for address in Set(desired.keys).union(live.keys) {
            if let change = directChange(desired: desired[address], live: live[address]) {
                changes[address] = change
            }
        }
        propagateReplacements(into: &changes, desired: desired, live: live)

        let planned = Array(changes.values)
        return Plan(
            stack: input.stack, region: input.region,
            observedFingerprint: ObservedFingerprint.of(live: input.live, foreign: input.foreignSessions),
            changes: planned,
            problems: QuotaCheck.problems(
                desired: input.desired, foreign: input.foreignSessions, changes: planned,
                liveTargetIDs: Dictionary(
                    input.live.filter { $0.address.kind == .target }.compactMap { record in
                        record.id.map { (record.address, $0) }
                    },
                    uniquingKeysWith: { first, _ in first })))
    }

    /// The change one resource needs on its own, before dependencies are considered.
    static func directChange(desired: ResourceRecord?, live: ResourceRecord?) -> PlannedChange? {
        switch (desired, live) {
        case (nil, nil):
            return nil
        case (let desired?, nil):
            let changes =
                FieldPolicy.fields(of: desired.address.kind).compactMap { policy in
                    desired.attributes[policy.field].map {
                        AttributeChange(field: policy.field, before: nil, after: $0)
                    }
                }
                + desired.tags.sorted { $0.key < $1.key }.map {
                    AttributeChange(field: FieldPolicy.tagField($0.key), before: nil, after: $0.value)
                }
            return PlannedChange(
                address: desired.address, action: .create, id: nil, changes: changes, reason: .absentInLive)
        case (nil, let live?):
            return PlannedChange(
                address: live.address, action: .delete, id: live.id, changes: [], reason: .absentInManifest)
        case (let desired?, let live?):
            let changes = attributeChanges(desired: desired, live: live)
            guard !changes.isEmpty else { return nil }
            let forcing = changes.filter(\.forcesReplacement).map(\.field)
            return PlannedChange(
                address: desired.address, action: forcing.isEmpty ? .update : .replace, id: live.id, changes: changes,
                reason: forcing.isEmpty ? .attributesDiffer : .immutableAttributesChanged(forcing))
        }
    }

    static func attributeChanges(desired: ResourceRecord, live: ResourceRecord) -> [AttributeChange] {
        var changes: [AttributeChange] = []
        for policy in FieldPolicy.fields(of: desired.address.kind) {
            let want = desired.attributes[policy.field]
            let have = live.attributes[policy.field]
            if policy.mutability == .inPlaceComputedWhenUnset && want == nil { continue }
            guard want != have else { continue }
            changes.append(
                AttributeChange(
                    field: policy.field, before: have, after: want,
                    forcesReplacement: policy.mutability == .replace))
        }
        let desiredTags = desired.tags.filter { ResourceRecord.isUserTag($0.key) }
        let liveTags = live.tags.filter { ResourceRecord.isUserTag($0.key) }
        for key in Set(desiredTags.keys).union(liveTags.keys).sorted() where desiredTags[key] != liveTags[key] {
            changes.append(
                AttributeChange(field: FieldPolicy.tagField(key), before: liveTags[key], after: desiredTags[key]))
        }
        return changes
    }

    /// A replaced filter takes its rules with it (rules cannot move between filters), and sessions that use a
    /// replaced target or filter are repointed to the new one before the old one is deleted.
    static func propagateReplacements(
        into changes: inout [ResourceAddress: PlannedChange],
        desired: [ResourceAddress: ResourceRecord], live: [ResourceAddress: ResourceRecord]
    ) {
        let replaced = changes.values.filter {
            $0.action == .replace && ($0.address.kind == .target || $0.address.kind == .filter)
        }
        for parent in replaced.sorted(by: { $0.address < $1.address }) {
            if parent.address.kind == .filter {
                for (address, rule) in live
                where address.ruleFilterName == parent.address.name && desired[address] != nil {
                    let existing = changes[address]
                    guard existing?.action != .delete else { continue }
                    changes[address] = PlannedChange(
                        address: address, action: .replace, id: rule.id, changes: existing?.changes ?? [],
                        reason: .dependencyReplaced(parent.address))
                }
            }
            let field = parent.address.kind == .target ? "target" : "filter"
            for (address, session) in live where address.kind == .session {
                guard let wanted = desired[address], wanted.attributes[field] == parent.address.name else { continue }
                var change =
                    changes[address]
                    ?? PlannedChange(
                        address: address, action: .update, id: session.id, changes: [],
                        reason: .dependencyReplaced(parent.address))
                // A session that is itself replaced or created is pointed at the new resource anyway.
                guard change.action == .update else { continue }
                change.changes.removeAll { $0.field == field }
                change.changes.append(
                    AttributeChange(
                        field: field, before: parent.id ?? parent.address.name, after: AttributeChange.knownAfterApply))
                changes[address] = change
            }
        }
    }
}
