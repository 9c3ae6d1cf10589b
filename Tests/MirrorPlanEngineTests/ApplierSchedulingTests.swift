import EC2Query
import Foundation
import MirrorLab
import MirrorPlanEngine
import MirrorPlanModel
import Testing

/// The applier under EC2-style throttling (the lab's per-action token buckets, on a clock that only the
/// injected sleeper moves), and its turn-taking across resource kinds.
@Suite struct ApplierSchedulingTests {
    /// Lab time: advances only when someone "sleeps", so token buckets refill exactly as much as was waited.
    final class FakeTime: Sleeper, @unchecked Sendable {
        private let lock = NSLock()
        private var seconds = 0.0
        private var sleeps = 0
        var now: Double { lock.withLock { seconds } }
        var sleepCount: Int { lock.withLock { sleeps } }
        func sleep(seconds: Double) async throws {
            lock.withLock {
                self.seconds += seconds
                sleeps += 1
            }
        }
    }

    static let filters = (0..<60).map { FilterSpec(name: String(format: "f-%02d", $0)) }

    /// 60 CreateTrafficMirrorFilter calls against a bucket of 50: ten are throttled. The client is told not
    /// to retry (AWS_MAX_ATTEMPTS=1), so only the applier's own waiting can carry them through.
    func applyThrottled(throttledRetries: Int) async throws -> (report: ApplyReport, time: FakeTime, stats: LabStats) {
        let time = FakeTime()
        let service = LabService(state: LabState(), options: .init(throttle: true), clock: { time.now })
        let server = try LabServer(service: service, port: 0)
        server.start()
        defer { server.stop() }
        let environment = ClientEnvironment(
            now: { Date() }, monotonicSeconds: { time.now }, random: { 0.5 }, sleeper: time)
        let client = try EC2Client.configured(
            overrides: .init(region: "us-east-1", endpointURL: server.url),
            environment: ["AWS_ACCESS_KEY_ID": "AKIDTEST", "AWS_SECRET_ACCESS_KEY": "secret", "AWS_MAX_ATTEMPTS": "1"],
            clientEnvironment: environment
        ).client
        let reconciler = StackReconciler(client: client, stack: "throttled", sleeper: time)
        let prepared = try await reconciler.plan(DesiredState(stack: "throttled", filters: Self.filters))
        let graph = OperationGraph.build(plan: prepared.plan, desired: prepared.desired, live: [], foreign: [])
        let applier = Applier(
            client: client, stack: "throttled", identity: PlanIdentity(id: "test"), concurrency: 16,
            throttledRetries: throttledRetries, sleeper: time)
        let report = try await applier.run(graph, liveIDs: [:])
        return (report, time, service.stats)
    }

    @Test func aStepStillThrottledAfterTheClientsRetriesWaitsAndRunsAgain() async throws {
        let (report, time, stats) = try await applyThrottled(throttledRetries: 8)
        #expect(report.succeeded, "\(report.failed.map(\.line))")
        #expect(report.done.count == 60)
        #expect(stats.throttled >= 1)
        // Every throttled answer cost one wait of the applier (the client itself does not retry here).
        #expect(time.sleepCount == stats.throttled)
        // Exactly one filter per step: a throttled create was never executed, so its retry makes no duplicate.
        #expect(stats.requests["CreateTrafficMirrorFilter"] == 60 + stats.throttled)
    }

    @Test func withoutTheApplierRetriesTheThrottledStepsFail() async throws {
        let (report, _, stats) = try await applyThrottled(throttledRetries: 0)
        #expect(report.failed.count == stats.throttled)
        #expect(report.failed.count >= 10)
        #expect(report.failed.allSatisfy { $0.line.contains("RequestLimitExceeded") })
    }

    /// With one step at a time, ready steps of different kinds take turns (EC2 throttles per action, so a
    /// long run of one kind would leave the other buckets idle).
    @Test func readyStepsOfDifferentKindsTakeTurns() async throws {
        let directory = try LabReconcileTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let client = try LabReconcileTests.client(directory)
        let desired = DesiredState(
            stack: "turns",
            targets: ["Client", "Server", "Target"].map {
                TargetSpec(name: $0.lowercased(), kind: .networkInterface(.instanceName($0)))
            },
            filters: Array(Self.filters.prefix(3)))
        let reconciler = StackReconciler(
            client: client, stack: "turns", sleeper: LabReconcileTests.NoSleep(), concurrency: 1)
        let prepared = try await reconciler.plan(desired)
        let kinds = try await reconciler.apply(prepared, identity: PlanIdentity(id: "turns")).entries.map(
            \.operation.address.kind)
        #expect(kinds == [.target, .filter, .target, .filter, .target, .filter])
    }
}
