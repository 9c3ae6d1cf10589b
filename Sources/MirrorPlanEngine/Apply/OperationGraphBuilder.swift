/// Builds an `OperationGraph`: first one or two steps per planned change, then the dependencies
/// (`OperationGraphBuilder+Dependencies.swift`).
struct OperationGraphBuilder {
    let plan: Plan
    let desired: [ResourceAddress: ResourceRecord]
    let live: [ResourceAddress: ResourceRecord]
    let foreign: [ForeignSession]
    var operations: [Operation] = []

    init(plan: Plan, desired: [ResourceRecord], live: [ResourceRecord], foreign: [ForeignSession]) {
        self.plan = plan
        self.desired = Dictionary(desired.map { ($0.address, $0) }, uniquingKeysWith: { first, _ in first })
        self.live = Dictionary(live.map { ($0.address, $0) }, uniquingKeysWith: { first, _ in first })
        self.foreign = foreign
    }

    mutating func add(_ address: ResourceAddress, _ step: Operation.Step) {
        operations.append(Operation(id: operations.count, address: address, step: step))
    }

    mutating func build() {
        for change in plan.changes { addSteps(for: change) }
        addDependencies()
    }

    mutating func addSteps(for change: PlannedChange) {
        let address = change.address
        switch change.action {
        case .create:
            guard let record = desired[address] else { return }
            addCreate(record)
        case .delete:
            if let id = change.id { add(address, .delete(id: id)) }
        case .replace:
            guard let record = desired[address] else { return }
            if let id = change.id, address.kind == .session {
                // A session is replaced only for a new source ENI: no gap to avoid on the old source, and its
                // VNI and number may only be free once the old session is gone.
                add(address, .delete(id: id))
                addCreate(record)
            } else {
                addCreate(record)
                if let id = change.id { add(address, .delete(id: id)) }
            }
        case .update:
            guard let id = change.id else { return }
            let fields = change.changes.map(\.field).filter { !$0.hasPrefix("tags.") }
            switch address.kind {
            case .filter:
                if let services = change.changes.first(where: { $0.field == "networkServices" }) {
                    let before = Set(Self.services(services.before))
                    let after = Set(Self.services(services.after))
                    add(
                        address,
                        .setNetworkServices(
                            add: after.subtracting(before).sorted(), remove: before.subtracting(after).sorted()))
                }
            case .rule:
                let changes = change.changes.filter { !$0.field.hasPrefix("tags.") }
                if !changes.isEmpty { add(address, .modifyRule(id: id, changes: changes)) }
            case .session:
                if !fields.isEmpty, let record = desired[address] {
                    add(address, .modifySession(id: id, desired: record, fields: fields))
                }
            case .target:
                break
            }
            addRetag(change, id: id)
        }
    }

    mutating func addCreate(_ record: ResourceRecord) {
        add(record.address, .create(record))
        if record.address.kind == .filter, let services = record.attributes["networkServices"] {
            add(record.address, .setNetworkServices(add: Self.services(services), remove: []))
        }
    }

    mutating func addRetag(_ change: PlannedChange, id: String) {
        var set: [String: String] = [:]
        var remove: [String] = []
        for attribute in change.changes where attribute.field.hasPrefix("tags.") {
            let key = String(attribute.field.dropFirst("tags.".count))
            if let value = attribute.after { set[key] = value } else { remove.append(key) }
        }
        if !set.isEmpty || !remove.isEmpty { add(change.address, .retag(id: id, set: set, remove: remove.sorted())) }
    }

    static func services(_ text: String?) -> [String] {
        text.map { $0.split(separator: ",").map(String.init) } ?? []
    }
}
