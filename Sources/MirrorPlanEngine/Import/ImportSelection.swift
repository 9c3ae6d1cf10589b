import EC2Query
import MirrorPlanModel

/// Which live resources a stack holds after an import, and under which logical names (pure). The stack keeps
/// what it already owns (with the names its tags give); the requested resources and, unless refused, what
/// they depend on join it. Rules come with their filter and are named `<filter>/<direction>/<number>`.
public struct ImportSelection: Sendable {
    public struct Member<Resource: Sendable>: Sendable {
        public var resource: Resource
        public var name: String
    }

    /// A resource that needs the ownership tags (it lacks them, or has other values).
    public struct Adoption: Hashable, Sendable {
        public var id: String
        public var address: ResourceAddress
    }

    public var targets: [Member<TrafficMirrorTarget>] = []
    public var filters: [Member<TrafficMirrorFilter>] = []
    public var sessions: [Member<TrafficMirrorSession>] = []
    /// In creation order (filters, rules, targets, then sessions), so an interrupted import leaves no session
    /// tagged whose target or filter is not.
    public var adoptions: [Adoption] = []
    /// Things worth knowing that do not stop the import (a foreign session still uses an adopted filter).
    public var notes: [String] = []

    public static func select(
        _ request: ImportRequest, targets: [TrafficMirrorTarget], filters: [TrafficMirrorFilter],
        sessions: [TrafficMirrorSession]
    ) throws(ImportError) -> ImportSelection {
        let targetsByID = Dictionary(targets.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let filtersByID = Dictionary(filters.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let sessionsByID = Dictionary(sessions.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let unknown =
            request.targetIDs.filter { targetsByID[$0] == nil } + request.filterIDs.filter { filtersByID[$0] == nil }
            + request.sessionIDs.filter { sessionsByID[$0] == nil }
        guard unknown.isEmpty else { throw .unknownIDs(unknown) }

        let stack = request.stack
        func owner(_ tags: [EC2Tag]) -> String? { tags.first { $0.key == OwnershipTags.stack }?.value ?? nil }
        func ours(_ tags: [EC2Tag]) -> Bool { owner(tags) == stack }

        var targetIDs = Set(targets.filter { ours($0.tags) }.map(\.id)).union(request.targetIDs)
        var filterIDs = Set(filters.filter { ours($0.tags) }.map(\.id)).union(request.filterIDs)
        let sessionIDs = Set(sessions.filter { ours($0.tags) }.map(\.id)).union(request.sessionIDs)

        var missing: [(user: String, dependency: String, kind: String)] = []
        for id in sessionIDs.sorted() {
            guard let session = sessionsByID[id] else { continue }
            if let target = session.targetID, !targetIDs.contains(target) {
                if request.includeDependencies {
                    targetIDs.insert(target)
                } else {
                    missing.append((id, target, "target"))
                }
            }
            if let filter = session.filterID, !filterIDs.contains(filter) {
                if request.includeDependencies {
                    filterIDs.insert(filter)
                } else {
                    missing.append((id, filter, "filter"))
                }
            }
        }
        guard missing.isEmpty else { throw .missingDependencies(missing) }
        if let target = targetIDs.first(where: { targetsByID[$0] == nil }) { throw .unknownIDs([target]) }
        if let filter = filterIDs.first(where: { filtersByID[$0] == nil }) { throw .unknownIDs([filter]) }

        let chosenTargets = targetIDs.sorted().compactMap { targetsByID[$0] }
        let chosenFilters = filterIDs.sorted().compactMap { filtersByID[$0] }
        let chosenSessions = sessionIDs.sorted().compactMap { sessionsByID[$0] }
        var foreignOwned: [(id: String, stack: String)] = []
        func checkOwner(_ id: String, _ tags: [EC2Tag]) {
            if let other = owner(tags), other != stack { foreignOwned.append((id, other)) }
        }
        for target in chosenTargets { checkOwner(target.id, target.tags) }
        for filter in chosenFilters {
            checkOwner(filter.id, filter.tags)
            for rule in filter.ingressRules + filter.egressRules { checkOwner(rule.id, rule.tags) }
        }
        for session in chosenSessions { checkOwner(session.id, session.tags) }
        guard foreignOwned.isEmpty else { throw .ownedByAnotherStack(foreignOwned) }

        var selection = ImportSelection()
        selection.targets = try names(.target, chosenTargets, id: \.id, tags: \.tags, stack: stack)
        selection.filters = try names(.filter, chosenFilters, id: \.id, tags: \.tags, stack: stack)
        selection.sessions = try names(.session, chosenSessions, id: \.id, tags: \.tags, stack: stack)
        selection.adoptions = adoptions(selection, stack: stack)
        let adopted = Set(selection.targets.map(\.resource.id) + selection.filters.map(\.resource.id))
        for session in sessions where !sessionIDs.contains(session.id) {
            let used = [session.targetID, session.filterID].compactMap { $0 }.filter { adopted.contains($0) }
            guard !used.isEmpty else { continue }
            selection.notes.append(
                "\(used.joined(separator: " and ")) stay\(used.count == 1 ? "s" : "") in use by session \(session.id), "
                    + "which is not part of stack \(stack): destroy cannot delete \(used.count == 1 ? "it" : "them") while it is"
            )
        }
        return selection
    }

    /// Names for one kind: owned resources keep their `mirrorplan:name`; the others take their Name tag made
    /// valid, else their id, with `-2`, `-3`… on a clash.
    static func names<Resource: Sendable>(
        _ kind: ResourceKind, _ resources: [Resource], id: KeyPath<Resource, String>, tags: KeyPath<Resource, [EC2Tag]>,
        stack: String
    ) throws(ImportError) -> [Member<Resource>] {
        var taken: Set<String> = []
        var named: [String: String] = [:]
        for resource in resources
        where resource[keyPath: tags].contains(where: { $0.key == OwnershipTags.stack && $0.value == stack }) {
            let name = resource[keyPath: tags].first { $0.key == OwnershipTags.name }?.value ?? ""
            guard DesiredState.isValidName(name), taken.insert(name).inserted else {
                throw .notExpressible(
                    id: resource[keyPath: id],
                    reason:
                        "stack \(stack) owns it under the name '\(name)', which is \(DesiredState.isValidName(name) ? "also used by another \(kind)" : "not a valid logical name"); "
                        + "fix its mirrorplan:name tag (or destroy it) first")
            }
            named[resource[keyPath: id]] = name
        }
        for resource in resources where named[resource[keyPath: id]] == nil {
            let base = suggestedName(
                nameTag: resource[keyPath: tags].first { $0.key == "Name" }?.value ?? nil, id: resource[keyPath: id])
            var candidate = base
            var counter = 1
            while !taken.insert(candidate).inserted {
                counter += 1
                let suffix = "-\(counter)"
                candidate = String(base.prefix(63 - suffix.count)) + suffix
            }
            named[resource[keyPath: id]] = candidate
        }
        return resources.map { Member(resource: $0, name: named[$0[keyPath: id]] ?? $0[keyPath: id]) }
            .sorted { $0.name < $1.name }
    }

    /// `Web Monitor #2` → `web-monitor-2`; nothing usable → the id (`tmt-0abc…` is a valid name as it is).
    public static func suggestedName(nameTag: String?, id: String) -> String {
        var slug = ""
        for character in (nameTag ?? "").lowercased() {
            if character.isASCII, character.isLetter || character.isNumber {
                slug.append(character)
            } else if !slug.isEmpty, slug.last != "-" {
                slug.append("-")
            }
        }
        while slug.last == "-" { slug.removeLast() }
        slug = String(slug.prefix(63))
        while slug.last == "-" { slug.removeLast() }
        return DesiredState.isValidName(slug) ? slug : id
    }

    static func adoptions(_ selection: ImportSelection, stack: String) -> [Adoption] {
        func needs(_ tags: [EC2Tag], _ name: String) -> Bool {
            !(tags.contains { $0.key == OwnershipTags.stack && $0.value == stack }
                && tags.contains { $0.key == OwnershipTags.name && $0.value == name })
        }
        var result: [Adoption] = []
        for member in selection.filters {
            if needs(member.resource.tags, member.name) {
                result.append(.init(id: member.resource.id, address: .init(.filter, member.name)))
            }
        }
        for member in selection.filters {
            for (direction, rules) in [
                ("ingress", member.resource.ingressRules), ("egress", member.resource.egressRules),
            ] {
                for rule in rules {
                    let name = "\(member.name)/\(rule.trafficDirection ?? direction)/\(rule.ruleNumber ?? 0)"
                    if needs(rule.tags, name) { result.append(.init(id: rule.id, address: .init(.rule, name))) }
                }
            }
        }
        for member in selection.targets where needs(member.resource.tags, member.name) {
            result.append(.init(id: member.resource.id, address: .init(.target, member.name)))
        }
        for member in selection.sessions where needs(member.resource.tags, member.name) {
            result.append(.init(id: member.resource.id, address: .init(.session, member.name)))
        }
        return result
    }

    /// Every ENI the manifest will name (ENI targets and session sources), for the instance lookup.
    public var networkInterfaces: [String] {
        Array(
            Set(targets.compactMap(\.resource.networkInterfaceID) + sessions.compactMap(\.resource.networkInterfaceID))
        ).sorted()
    }
}
