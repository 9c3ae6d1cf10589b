/// The plan as a dependency graph of API steps (pure). Creation order: filters → rules and network services →
/// targets → sessions; a replaced target or filter is created, its sessions repointed, then the old one
/// deleted; deletes run in reverse (sessions → rules → filters and targets). Quotas hold at every step:
/// rule deletes come before rule creates when a filter would pass 10 rules, session deletes before session
/// creates when a source would pass 3 sessions, and session-number swaps go through a free number.
public struct OperationGraph: Hashable, Sendable {
    public private(set) var operations: [Operation] = []

    public init(operations: [Operation]) { self.operations = operations }

    public static func build(
        plan: Plan, desired: [ResourceRecord], live: [ResourceRecord],
        foreign: [ForeignSession] = []
    ) -> OperationGraph {
        var builder = OperationGraphBuilder(plan: plan, desired: desired, live: live, foreign: foreign)
        builder.build()
        return OperationGraph(operations: builder.operations)
    }

    public var isEmpty: Bool { operations.isEmpty }

    public func operations(for address: ResourceAddress) -> [Operation] { operations.filter { $0.address == address } }

    /// True when `before` must finish before `after` may start (directly or through other steps).
    public func precedes(_ before: Int, _ after: Int) -> Bool {
        var stack = Array(operations[after].dependencies)
        var seen: Set<Int> = []
        while let next = stack.popLast() {
            if next == before { return true }
            if seen.insert(next).inserted { stack += operations[next].dependencies }
        }
        return false
    }

    /// The steps in an order that respects every dependency (ties by id); nil if the graph has a cycle.
    public func topologicalOrder() -> [Operation]? {
        var remaining = Dictionary(uniqueKeysWithValues: operations.map { ($0.id, $0.dependencies.count) })
        var dependents: [Int: [Int]] = [:]
        for operation in operations {
            for dependency in operation.dependencies { dependents[dependency, default: []].append(operation.id) }
        }
        var ready = operations.filter { $0.dependencies.isEmpty }.map(\.id).sorted(by: >)
        var order: [Operation] = []
        while let next = ready.popLast() {
            order.append(operations[next])
            for dependent in dependents[next] ?? [] {
                remaining[dependent, default: 0] -= 1
                if remaining[dependent] == 0 {
                    ready.append(dependent)
                    ready.sort(by: >)
                }
            }
        }
        return order.count == operations.count ? order : nil
    }
}
