import EC2Query
import MirrorPlanModel

/// The observe → plan → apply → re-observe pipeline for one stack, the one place the CLI, `import` and the
/// benchmark drive it from. Network I/O lives here and in `StackObserver`/`Applier`; decisions stay pure.
public struct StackReconciler: Sendable {
    /// A plan and everything it was made from.
    public struct Prepared: Hashable, Sendable {
        public var desired: [ResourceRecord]
        public var observed: ObservedState
        public var plan: Plan
    }

    public var client: EC2Client
    public var stack: String
    /// Eventual consistency (reference E.5): a Describe right after a Create may miss it, so the convergence
    /// check reads again this many times, `retryDelay` seconds apart, before it reports a difference.
    public var convergenceAttempts: Int
    public var retryDelay: Double
    public var sleeper: any Sleeper
    public var concurrency: Int

    public init(
        client: EC2Client, stack: String, sleeper: any Sleeper = TaskSleeper(), convergenceAttempts: Int = 5,
        retryDelay: Double = 1, concurrency: Int = 12
    ) {
        self.client = client
        self.stack = stack
        self.sleeper = sleeper
        self.convergenceAttempts = max(1, convergenceAttempts)
        self.retryDelay = retryDelay
        self.concurrency = concurrency
    }

    var observer: StackObserver { StackObserver(client: client, stack: stack) }

    /// Plans a manifest: resolves its instances and observes the stack in one concurrent round.
    public func plan(_ desired: DesiredState) async throws -> Prepared {
        let (records, observed) = try await observer.observe(desired: desired)
        return prepared(records, observed)
    }

    /// Plans already-normalised desired records (a saved plan's, or none for destroy).
    public func plan(records: [ResourceRecord]) async throws -> Prepared {
        let observed = try await observer.observe(interestingInterfaces: StackObserver.interfaces(of: records))
        return prepared(records, observed)
    }

    func prepared(_ records: [ResourceRecord], _ observed: ObservedState) -> Prepared {
        let plan = Planner.plan(
            PlanInput(
                stack: stack, region: client.region, desired: records, live: observed.live,
                foreignSessions: observed.foreignSessions))
        return Prepared(desired: records, observed: observed, plan: plan)
    }

    /// Applies a prepared plan, then checks convergence. Throws `ApplyError.incomplete` (with the report) or
    /// `.notConverged`; returns the report on success.
    public func apply(
        _ prepared: Prepared, identity: PlanIdentity,
        progress: @escaping @Sendable (ApplyReport.Entry) -> Void = { _ in }
    ) async throws -> ApplyReport {
        guard prepared.plan.problems.isEmpty else { throw ApplyError.planHasProblems(prepared.plan.problems) }
        let graph = OperationGraph.build(
            plan: prepared.plan, desired: prepared.desired, live: prepared.observed.live,
            foreign: prepared.observed.foreignSessions)
        let applier = Applier(
            client: client, stack: stack, identity: identity, concurrency: concurrency, sleeper: sleeper)
        let report = try await applier.run(graph, liveIDs: prepared.observed.ids, progress: progress)
        guard report.succeeded else {
            throw ApplyIncomplete(report: report)
        }
        try await checkConvergence(prepared.desired)
        return report
    }

    /// Re-observes until the plan is empty; a difference that outlasts the retries is an error naming it.
    public func checkConvergence(_ records: [ResourceRecord]) async throws {
        var remaining: Plan?
        for attempt in 0..<convergenceAttempts {
            if attempt > 0 { try await sleeper.sleep(seconds: retryDelay) }
            let again = try await plan(records: records)
            if again.plan.isEmpty { return }
            remaining = again.plan
        }
        throw ApplyError.notConverged(remaining?.changes.map { "\($0.action.rawValue) \($0.address)" } ?? [])
    }
}
