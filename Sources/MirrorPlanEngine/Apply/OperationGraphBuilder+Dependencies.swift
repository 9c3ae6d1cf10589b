/// The ordering rules (reference E.2), each a set of "wait for" edges.
extension OperationGraphBuilder {
    static let sessionsPerSource = 3
    static let rulesPerFilter = 10

    func steps(_ predicate: (Operation) -> Bool) -> [Int] { operations.filter(predicate).map(\.id) }

    func create(_ address: ResourceAddress) -> Int? {
        operations.first { $0.address == address && { if case .create = $0.step { true } else { false } }($0) }?.id
    }

    func delete(_ address: ResourceAddress) -> Int? {
        operations.first { $0.address == address && { if case .delete = $0.step { true } else { false } }($0) }?.id
    }

    func isSessionNumberChange(_ operation: Operation) -> Bool {
        if case .modifySession(_, _, let fields) = operation.step { fields.contains("sessionNumber") } else { false }
    }

    func liveSessions(on eni: String) -> [ResourceRecord] {
        live.values.filter { $0.address.kind == .session && $0.attributes["networkInterfaceId"] == eni }
    }

    /// What a session waiting for a target or filter needs: its create, and for a filter its rules and services.
    func readiness(_ kind: ResourceKind, _ name: String?) -> [Int] {
        guard let name else { return [] }
        let address = ResourceAddress(kind, name)
        var ids = create(address).map { [$0] } ?? []
        if kind == .filter {
            ids += steps { operation in
                if operation.address == address, case .setNetworkServices = operation.step { return true }
                if operation.address.ruleFilterName == name, case .create = operation.step { return true }
                return false
            }
        }
        return ids
    }

    /// The steps after which no live session of the stack uses this target or filter any more.
    func sessionsLeaving(_ kind: ResourceKind) -> (String) -> [Int] {
        let field = kind == .target ? "target" : "filter"
        return { name in
            live.values.filter { $0.address.kind == .session && $0.attributes[field] == name }.flatMap { session in
                steps { operation in
                    guard operation.address == session.address else { return false }
                    switch operation.step {
                    case .delete: return true
                    case .modifySession(_, _, let fields): return fields.contains(field)
                    default: return false
                    }
                }
            }
        }
    }

    /// The steps that free `number` on `eni` for `address`: deleting or moving the session holding it.
    func vacating(number: String?, on eni: String?, for address: ResourceAddress) -> [Int] {
        guard let number, let eni else { return [] }
        return liveSessions(on: eni).filter { $0.address != address && $0.attributes["sessionNumber"] == number }
            .flatMap { holder in
                let parked = steps {
                    $0.address == holder.address && { if case .renumberSession = $0.step { true } else { false } }($0)
                }
                if !parked.isEmpty { return parked }
                return steps {
                    $0.address == holder.address
                        && ($0.step == .delete(id: holder.id ?? "") || isSessionNumberChange($0))
                }
            }
    }

    /// VNIs are unique in an account (the lab's strict reading, reference E.3): a session asking for a VNI
    /// another session of the stack holds waits until that one is deleted or given another VNI.
    func freeing(vni: String?, for address: ResourceAddress) -> [Int] {
        guard let vni else { return [] }
        return live.values.filter {
            $0.address.kind == .session && $0.address != address && $0.attributes["virtualNetworkId"] == vni
        }
        .flatMap { holder in
            steps { operation in
                guard operation.address == holder.address else { return false }
                switch operation.step {
                case .delete: return true
                case .modifySession(_, _, let fields): return fields.contains("virtualNetworkId")
                default: return false
                }
            }
        }
    }

    /// Session-number swaps on one source (A takes B's number while B moves): park every moving session on a
    /// free number first, so no step ever asks for a number still in use.
    mutating func addSessionSwaps() {
        let moves = operations.filter { $0.address.kind == .session && isSessionNumberChange($0) }
        let byInterface = Dictionary(grouping: moves) { live[$0.address]?.attributes["networkInterfaceId"] ?? "" }
        for (eni, moving) in byInterface.sorted(by: { $0.key < $1.key }) where !eni.isEmpty {
            let movingAddresses = Set(moving.map(\.address))
            let swaps = moving.contains { move in
                guard case .modifySession(_, let record, _) = move.step else { return false }
                return liveSessions(on: eni).contains {
                    $0.address != move.address && movingAddresses.contains($0.address)
                        && $0.attributes["sessionNumber"] == record.attributes["sessionNumber"]
                }
            }
            guard swaps else { continue }
            var used = Set(liveSessions(on: eni).compactMap { $0.attributes["sessionNumber"].flatMap(Int.init) })
            used.formUnion(foreign.filter { $0.sourceNetworkInterfaceId == eni }.map(\.sessionNumber))
            used.formUnion(
                desired.values.filter { $0.address.kind == .session && $0.attributes["networkInterfaceId"] == eni }
                    .compactMap { $0.attributes["sessionNumber"].flatMap(Int.init) })
            var candidate = 32766
            for move in moving.sorted(by: { $0.address < $1.address }) {
                guard let id = live[move.address]?.id else { continue }
                while used.contains(candidate) { candidate -= 1 }
                used.insert(candidate)
                add(move.address, .renumberSession(id: id, temporaryNumber: candidate))
            }
        }
    }

    mutating func addDependencies() {
        addSessionSwaps()
        let leavingTarget = sessionsLeaving(.target)
        let leavingFilter = sessionsLeaving(.filter)
        let goneFilters = Set(
            plan.changes.filter { $0.address.kind == .filter && $0.action != .update && $0.action != .create }
                .map(\.address.name))
        var edges: [Int: Set<Int>] = [:]
        for operation in operations {
            var waits: [Int] = []
            let address = operation.address
            switch (address.kind, operation.step) {
            case (.rule, .create):
                let filter = address.ruleFilterName ?? ""
                waits += create(.init(.filter, filter)).map { [$0] } ?? []
                // Only a kept filter can overflow: a new or replacing one starts empty.
                if live[.init(.filter, filter)] != nil, !goneFilters.contains(filter) {
                    let liveRules = live.keys.filter { $0.ruleFilterName == filter }.count
                    let creates = steps {
                        $0.address.ruleFilterName == filter && { if case .create = $0.step { true } else { false } }($0)
                    }
                    if liveRules + creates.count > Self.rulesPerFilter {
                        waits += steps {
                            $0.address.ruleFilterName == filter
                                && { if case .delete = $0.step { true } else { false } }($0)
                        }
                    }
                }
            case (.filter, .setNetworkServices):
                waits += create(address).map { [$0] } ?? []
            case (.target, .create(let record)):
                if let eni = record.attributes["networkInterfaceId"] {
                    waits += liveSessions(on: eni).compactMap { delete($0.address) }
                }
            case (.session, .create(let record)):
                waits +=
                    readiness(.target, record.attributes["target"]) + readiness(.filter, record.attributes["filter"])
                waits += delete(address).map { [$0] } ?? []
                let eni = record.attributes["networkInterfaceId"] ?? ""
                let creates = operations.filter {
                    if $0.address.kind == .session, case .create(let other) = $0.step {
                        other.attributes["networkInterfaceId"] == eni
                    } else {
                        false
                    }
                }
                let present = liveSessions(on: eni).count + foreign.filter { $0.sourceNetworkInterfaceId == eni }.count
                if present + creates.count > Self.sessionsPerSource {
                    waits += liveSessions(on: eni).compactMap { delete($0.address) }
                }
                waits += vacating(number: record.attributes["sessionNumber"], on: eni, for: address)
                waits += freeing(vni: record.attributes["virtualNetworkId"], for: address)
                waits += live.values.filter { $0.address.kind == .target && $0.attributes["networkInterfaceId"] == eni }
                    .compactMap { delete($0.address) }
            case (.session, .modifySession(_, let record, let fields)):
                if fields.contains("target") { waits += readiness(.target, record.attributes["target"]) }
                if fields.contains("filter") { waits += readiness(.filter, record.attributes["filter"]) }
                if fields.contains("virtualNetworkId") {
                    waits += freeing(vni: record.attributes["virtualNetworkId"], for: address)
                }
                if fields.contains("sessionNumber") {
                    waits += vacating(
                        number: record.attributes["sessionNumber"], on: live[address]?.attributes["networkInterfaceId"],
                        for: address)
                    waits += steps {
                        $0.address == address && { if case .renumberSession = $0.step { true } else { false } }($0)
                    }
                }
            case (.rule, .delete):
                if let filter = address.ruleFilterName, goneFilters.contains(filter) { waits += leavingFilter(filter) }
            case (.filter, .delete):
                waits += steps {
                    $0.address.ruleFilterName == address.name
                        && { if case .delete = $0.step { true } else { false } }($0)
                }
                waits += leavingFilter(address.name)
            case (.target, .delete):
                waits += leavingTarget(address.name)
            default:
                break
            }
            edges[operation.id] = Set(waits).subtracting([operation.id])
        }
        for index in operations.indices { operations[index].dependencies = edges[operations[index].id] ?? [] }
    }
}
