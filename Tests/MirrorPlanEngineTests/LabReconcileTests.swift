import EC2Query
import Foundation
import MirrorLab
import MirrorPlanEngine
import MirrorPlanModel
import Testing

/// The reconciler through the real wire (SigV4 → Query → XML) into the embedded lab in a temporary directory.
@Suite struct LabReconcileTests {
    struct NoSleep: Sleeper {
        func sleep(seconds: Double) async throws {}
    }

    /// Records the requested sleeps instead of sleeping.
    final class RecordingSleeper: Sleeper, @unchecked Sendable {
        private let lock = NSLock()
        private var recorded: [Double] = []
        var sleeps: [Double] { lock.withLock { recorded } }
        func sleep(seconds: Double) async throws { lock.withLock { recorded.append(seconds) } }
    }

    static func client(_ directory: URL) throws -> EC2Client {
        try EC2Client.configured(
            overrides: .init(region: "us-east-1", endpointURL: "http://127.0.0.1:4566"),
            environment: ["AWS_ACCESS_KEY_ID": "AKIDTEST", "AWS_SECRET_ACCESS_KEY": "secret"],
            transport: LabTransport(directory: directory)
        ).client
    }

    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("mp-recon-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    static let any = cidr("0.0.0.0/0")
    static let desired = DesiredState(
        stack: "lab-mirror", tags: ["owner": "secops"],
        targets: [
            TargetSpec(
                name: "monitor", kind: .networkInterface(.instanceName("Target")), description: "Monitoring",
                tags: ["owner": "secops"])
        ],
        filters: [
            FilterSpec(
                name: "icmp", description: "ICMP", networkServices: ["amazon-dns"],
                ingress: [
                    FilterRuleSpec(
                        direction: .ingress, number: 100, action: .accept, protocol: .icmp, source: any,
                        destination: any),
                    FilterRuleSpec(
                        direction: .ingress, number: 200, action: .accept, protocol: .tcp, source: any,
                        destination: any,
                        destinationPorts: PortRange(lower: 80, upper: 80)),
                ], tags: ["owner": "secops"])
        ],
        sessions: [
            SessionSpec(
                name: "server-icmp", source: .instanceName("Server"), target: "monitor", filter: "icmp", number: 1,
                tags: ["owner": "secops"])
        ])

    @Test func applyConvergesAndDestroyLeavesForeignResourcesAlone() async throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let client = try Self.client(directory)
        let reconciler = StackReconciler(client: client, stack: "lab-mirror", sleeper: NoSleep())

        // A foreign session on the Client instance, with its own target and filter: never the stack's.
        let eni = try await client.resolveInstances(names: ["Client", "Server"], ids: [])
        let foreignTarget = try await client.createTrafficMirrorTarget(
            .init(networkInterfaceID: eni["Client"]!.networkInterfaceID, clientToken: "t1")
        ).resource.id
        let foreignFilter = try await client.createTrafficMirrorFilter(.init(clientToken: "f1")).resource.id
        let foreignSession = try await client.createTrafficMirrorSession(
            .init(
                networkInterfaceID: eni["Server"]!.networkInterfaceID, targetID: foreignTarget, filterID: foreignFilter,
                sessionNumber: 2, clientToken: "s1")
        ).resource.id

        let first = try await reconciler.plan(Self.desired)
        #expect(first.plan.summary == Plan.Summary(create: 5))
        #expect(first.observed.foreignSessions.map(\.id) == [foreignSession])
        let report = try await reconciler.apply(
            first, identity: PlanIdentity(plan: first.plan, desired: first.desired, nonce: "n1"))
        #expect(report.done.count == 6)  // five creates and the filter's network services
        #expect(try await reconciler.plan(Self.desired).plan.isEmpty)

        let destroy = try await reconciler.plan(records: [])
        #expect(destroy.plan.summary == Plan.Summary(delete: 5))
        _ = try await reconciler.apply(destroy, identity: PlanIdentity(plan: destroy.plan, desired: [], nonce: "n2"))
        #expect(try await client.describeTrafficMirrorSessions().map(\.id) == [foreignSession])
        #expect(try await client.describeTrafficMirrorTargets().map(\.id) == [foreignTarget])
        #expect(try await client.describeTrafficMirrorFilters().map(\.id) == [foreignFilter])

        // Applying again after the destroy creates fresh resources (no token hands back a deleted one).
        let again = try await reconciler.plan(Self.desired)
        _ = try await reconciler.apply(
            again, identity: PlanIdentity(plan: again.plan, desired: again.desired, nonce: "n3"))
        #expect(try await reconciler.plan(Self.desired).plan.isEmpty)
    }

    /// Resources created outside mirrorplan with other spellings of the same values (an empty description,
    /// protocol 0 for "all", an IPv6 CIDR in upper case, no packet length) plan to no changes once tagged.
    @Test func serverSpellingsOfTheSameValuesPlanToNoChanges() async throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let client = try Self.client(directory)
        func tags(_ name: String) -> [EC2Tag] {
            [EC2Tag(key: "mirrorplan:stack", value: "s"), EC2Tag(key: "mirrorplan:name", value: name)]
        }
        let filter = try await client.createTrafficMirrorFilter(
            .init(description: "", tags: tags("f"), clientToken: "a")
        ).resource.id
        _ = try await client.createTrafficMirrorFilterRule(
            .init(
                filterID: filter,
                fields: .init(
                    trafficDirection: "ingress", ruleNumber: 1, ruleAction: "accept", protocolNumber: 0,
                    destinationCIDRBlock: "2001:DB8:0:0::/64", sourceCIDRBlock: "::/0"),
                clientToken: "b", tags: tags("f/ingress/1")))
        let v6 = try CIDRBlock.parse("2001:db8::/64").get()
        let anyV6 = try CIDRBlock.parse("::/0").get()
        let desired = DesiredState(
            stack: "s",
            filters: [
                FilterSpec(
                    name: "f",
                    ingress: [
                        FilterRuleSpec(direction: .ingress, number: 1, action: .accept, source: anyV6, destination: v6)
                    ])
            ])
        let prepared = try await StackReconciler(client: client, stack: "s").plan(desired)
        #expect(prepared.plan.isEmpty, "\(prepared.plan.changes)")
    }

    /// EC2's eventual consistency: new resources stay invisible to the next two Describe calls of their kind.
    /// The convergence check reads again (through the injected sleeper) instead of reporting a difference.
    @Test func theConvergenceCheckRereadsWhileNewResourcesAreInvisible() async throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let transport = LabTransport(stateFile: StateFile(directory: directory) { LabState(consistencyLag: 2) })
        let client = try EC2Client.configured(
            overrides: .init(region: "us-east-1", endpointURL: "http://127.0.0.1:4566"),
            environment: ["AWS_ACCESS_KEY_ID": "AKIDTEST", "AWS_SECRET_ACCESS_KEY": "secret"], transport: transport
        ).client
        let sleeper = RecordingSleeper()
        let reconciler = StackReconciler(client: client, stack: "lab-mirror", sleeper: sleeper, retryDelay: 0.5)
        let prepared = try await reconciler.plan(Self.desired)
        _ = try await reconciler.apply(
            prepared, identity: PlanIdentity(plan: prepared.plan, desired: prepared.desired, nonce: "n"))
        #expect(sleeper.sleeps == [0.5, 0.5])

        let impatient = StackReconciler(client: client, stack: "other", sleeper: sleeper, convergenceAttempts: 1)
        let other = DesiredState(stack: "other", filters: [FilterSpec(name: "f")])
        let plan = try await impatient.plan(other)
        await #expect(throws: ApplyError.notConverged(["create filter.f"])) {
            try await impatient.apply(plan, identity: PlanIdentity(plan: plan.plan, desired: plan.desired, nonce: "m"))
        }
    }

    /// A step that fails stops only what needs it: the report names what was done, what failed (with EC2's
    /// error) and what was skipped; after the cause is fixed, a re-run converges without duplicates.
    @Test func aPartialFailureReportsAndAReRunConverges() async throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let client = try Self.client(directory)
        let reconciler = StackReconciler(client: client, stack: "lab-mirror", sleeper: NoSleep())
        var broken = Self.desired
        broken.targets[0].kind = .networkInterface(.eni("eni-0123456789abcdef0"))
        let first = try await reconciler.plan(broken)
        let error = try await #require(throws: ApplyIncomplete.self) {
            try await reconciler.apply(
                first, identity: PlanIdentity(plan: first.plan, desired: first.desired, nonce: "a"))
        }
        #expect(error.report.failed.map(\.operation.description) == ["create target.monitor"])
        #expect(error.report.failed.first.map { "\($0.outcome)".contains("NotFound") } == true)
        #expect(error.report.skipped.map(\.operation.description) == ["create session.server-icmp"])
        #expect(error.report.done.count == 4)  // the filter, its services and both rules

        let second = try await reconciler.plan(Self.desired)
        #expect(second.plan.summary == Plan.Summary(create: 2))
        _ = try await reconciler.apply(
            second, identity: PlanIdentity(plan: second.plan, desired: second.desired, nonce: "b"))
        #expect(try await client.describeTrafficMirrorFilters().count == 1)
        #expect(try await client.describeTrafficMirrorFilterRules().count == 2)
    }
}
