import EC2Query
import Foundation

/// Runs an operation graph: every step whose dependencies are done starts, at most `concurrency` at a time;
/// a failed step's dependents (transitively) are skipped, everything independent still runs.
///
/// EC2 throttles each API action in its own token bucket, so ready steps start in turns across resource kinds,
/// at most a quarter of `concurrency` per kind (rules, targets and sessions drain their buckets side by side
/// instead of one after another, none asking for much more than its bucket gives), and a step still throttled
/// after the client's own retries waits and runs again (EC2 did not execute a throttled request, and a create
/// repeats its ClientToken) instead of failing the apply.
public struct Applier: Sendable {
    public var client: EC2Client
    public var stack: String
    public var identity: PlanIdentity
    public var concurrency: Int
    /// Monotonic seconds, injected for the durations in the report.
    public var clock: @Sendable () -> Double
    /// How often a step still throttled after the client's own retries runs again, waiting through `sleeper`.
    public var throttledRetries: Int
    public var sleeper: any Sleeper

    public init(
        client: EC2Client, stack: String, identity: PlanIdentity, concurrency: Int = 8,
        clock: @escaping @Sendable () -> Double = { Double(DispatchTime.now().uptimeNanoseconds) / 1e9 },
        throttledRetries: Int = 8, sleeper: any Sleeper = TaskSleeper()
    ) {
        self.client = client
        self.stack = stack
        self.identity = identity
        self.concurrency = max(1, concurrency)
        self.clock = clock
        self.throttledRetries = max(0, throttledRetries)
        self.sleeper = sleeper
    }

    /// Seconds before a throttled step's `attempt`-th rerun: 0.5, 1, 2, 4, 4… halved to doubled by jitter, so
    /// the waiting steps do not all come back at once.
    static func throttleDelay(attempt: Int, random: Double) -> Double {
        min(0.5 * Double(1 << min(attempt - 1, 3)), 4) * (0.5 + random / 2)
    }

    /// Runs one step, rerunning it while EC2 throttles it (up to `throttledRetries` times).
    func execute(_ operation: Operation, ids: [ResourceAddress: String], executor: OperationExecutor) async
        -> ApplyReport.Entry
    {
        let start = clock()
        var attempt = 0
        while true {
            do {
                let created = try await executor.run(operation, ids: ids)
                return .init(operation: operation, outcome: .done(createdID: created), seconds: clock() - start)
            } catch  where RetryClassifier.classify(error) == .throttling && attempt < throttledRetries {
                attempt += 1
                do {
                    try await sleeper.sleep(seconds: Self.throttleDelay(attempt: attempt, random: .random(in: 0..<1)))
                } catch {
                    return .init(operation: operation, outcome: .failed("\(error)"), seconds: clock() - start)
                }
            } catch {
                return .init(operation: operation, outcome: .failed("\(error)"), seconds: clock() - start)
            }
        }
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
        var turn = 0
        var runningByKind: [ResourceKind: Int] = [:]
        let perKind = max(1, (concurrency + 3) / 4)
        func nextReady() -> Int? {
            let kinds = ResourceKind.allCases
            for offset in kinds.indices {
                let kind = kinds[(turn + offset) % kinds.count]
                guard runningByKind[kind, default: 0] < perKind else { continue }
                // `ready` is sorted by descending id: the last of a kind is its earliest step.
                if let index = ready.lastIndex(where: { operations[$0].address.kind == kind }) {
                    turn = (turn + offset + 1) % kinds.count
                    return ready.remove(at: index)
                }
            }
            return nil
        }

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
                while running < concurrency, let next = nextReady() {
                    running += 1
                    let operation = operations[next]
                    let known = ids
                    runningByKind[operation.address.kind, default: 0] += 1
                    group.addTask { await execute(operation, ids: known, executor: executor) }
                }
            }
            launch()
            while let entry = await group.next() {
                running -= 1
                runningByKind[entry.operation.address.kind, default: 1] -= 1
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
