import EC2Query
import Foundation

/// Runs an operation graph: every step whose dependencies are done starts, at most `concurrency` at a time;
/// a failed step's dependents (transitively) are skipped, everything independent still runs.
public struct Applier: Sendable {
    public var client: EC2Client
    public var stack: String
    public var identity: PlanIdentity
    public var concurrency: Int
    /// Monotonic seconds, injected for the durations in the report.
    public var clock: @Sendable () -> Double

    public init(
        client: EC2Client, stack: String, identity: PlanIdentity, concurrency: Int = 8,
        clock: @escaping @Sendable () -> Double = { Double(DispatchTime.now().uptimeNanoseconds) / 1e9 }
    ) {
        self.client = client
        self.stack = stack
        self.identity = identity
        self.concurrency = max(1, concurrency)
        self.clock = clock
    }

    /// `liveIDs`: the ids of live resources by address (replaced ones are overridden as their creates finish).
    /// `progress` receives each finished step (and each skipped one) as it happens.
    public func run(
        _ graph: OperationGraph, liveIDs: [ResourceAddress: String],
        progress: @escaping @Sendable (ApplyReport.Entry) -> Void = { _ in }
    ) async throws -> ApplyReport {
        guard graph.topologicalOrder() != nil else { throw ApplyError.cyclicGraph }
        let executor = OperationExecutor(client: client, stack: stack, identity: identity)
        let operations = graph.operations
        var waiting = Dictionary(uniqueKeysWithValues: operations.map { ($0.id, $0.dependencies) })
        var dependents: [Int: [Int]] = [:]
        for operation in operations {
            for dependency in operation.dependencies { dependents[dependency, default: []].append(operation.id) }
        }
        var ids = liveIDs
        var entries: [ApplyReport.Entry] = []
        var ready = operations.filter { $0.dependencies.isEmpty }.map(\.id).sorted(by: >)
        var finished: Set<Int> = []
        let clock = self.clock

        func skip(_ id: Int, because reason: String) {
            guard finished.insert(id).inserted else { return }
            let entry = ApplyReport.Entry(operation: operations[id], outcome: .skipped(because: reason), seconds: 0)
            entries.append(entry)
            progress(entry)
            for dependent in dependents[id] ?? [] { skip(dependent, because: "needs \(operations[id])") }
        }

        await withTaskGroup(of: ApplyReport.Entry.self) { group in
            var running = 0
            func launch() {
                while running < concurrency, let next = ready.popLast() {
                    running += 1
                    let operation = operations[next]
                    let known = ids
                    group.addTask {
                        let start = clock()
                        do {
                            let created = try await executor.run(operation, ids: known)
                            return .init(
                                operation: operation, outcome: .done(createdID: created), seconds: clock() - start)
                        } catch {
                            return .init(operation: operation, outcome: .failed("\(error)"), seconds: clock() - start)
                        }
                    }
                }
            }
            launch()
            while let entry = await group.next() {
                running -= 1
                let id = entry.operation.id
                finished.insert(id)
                entries.append(entry)
                progress(entry)
                switch entry.outcome {
                case .done(let created):
                    if let created { ids[entry.operation.address] = created }
                    for dependent in dependents[id] ?? [] {
                        waiting[dependent]?.remove(id)
                        if waiting[dependent]?.isEmpty == true, !finished.contains(dependent) {
                            ready.append(dependent)
                        }
                    }
                    ready.sort(by: >)
                case .failed, .skipped:
                    for dependent in dependents[id] ?? [] {
                        skip(dependent, because: "needs \(entry.operation), which failed")
                    }
                }
                launch()
            }
        }
        return ApplyReport(entries: entries)
    }
}
