import EC2Query
import Foundation
import Synchronization
import Testing

@testable import MirrorLab

/// mirrorplan's own AWS client (EC2Query) against the lab, through the `HTTPTransport` seam: SigV4 signing,
/// Query encoding, XML decoding and error mapping all run, embedded (`LabTransport`) and served (over HTTP
/// with `--verify-signatures` on, so the client's signatures are checked too).
@Suite struct EC2ClientOverLabTests {
    struct NoSleep: Sleeper { func sleep(seconds: Double) async throws {} }

    static let credentials = AWSCredentials(accessKeyID: "AKIDLAB", secretAccessKey: "labsecret")
    static let date = Date(timeIntervalSince1970: 1_764_000_000)

    static func client(transport: any HTTPTransport, endpoint: URL) -> EC2Client {
        let environment = ClientEnvironment(now: { date }, monotonicSeconds: { 0 }, random: { 0.5 }, sleeper: NoSleep())
        let retry = RetryController(
            configuration: RetryConfiguration(mode: .standard, maxAttempts: 1), environment: environment)
        return EC2Client(
            query: QueryClient(
                service: .ec2(endpoint: endpoint, region: "us-east-1"), transport: transport,
                credentials: StaticCredentialProvider(credentials), retry: retry, environment: environment))
    }

    /// Resolve instances, create every resource, repoint, read back, fail as AWS would, delete.
    static func exercise(_ ec2: EC2Client) async throws {
        let resolved = try await ec2.resolveInstances(names: ["Server", "Target"], ids: [])
        let source = try #require(resolved["Server"]?.networkInterfaceID)
        let targetENI = try #require(resolved["Target"]?.networkInterfaceID)
        let target = try await ec2.createTrafficMirrorTarget(
            .init(networkInterfaceID: targetENI, clientToken: "plan/t")
        ).resource
        let filter = try await ec2.createTrafficMirrorFilter(
            .init(description: "icmp", tags: [EC2Tag(key: "mirrorplan:stack", value: "lab")])
        ).resource
        let rule = try await ec2.createTrafficMirrorFilterRule(
            .init(
                filterID: filter.id,
                fields: .init(
                    trafficDirection: "ingress", ruleNumber: 100, ruleAction: "accept", protocolNumber: 1,
                    destinationCIDRBlock: "0.0.0.0/0", sourceCIDRBlock: "0.0.0.0/0"))
        ).resource
        let session = try await ec2.createTrafficMirrorSession(
            .init(
                networkInterfaceID: source, targetID: target.id, filterID: filter.id, sessionNumber: 1,
                virtualNetworkID: 4242)
        ).resource
        #expect(session.virtualNetworkID == 4242)

        let again = try await ec2.createTrafficMirrorTarget(.init(networkInterfaceID: targetENI, clientToken: "plan/t"))
            .resource
        #expect(again.id == target.id)
        let nlb = try await ec2.createTrafficMirrorTarget(
            .init(
                networkLoadBalancerARN:
                    "arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/net/m/0123456789abcdef")
        ).resource
        let moved = try await ec2.modifyTrafficMirrorSession(.init(sessionID: session.id, targetID: nlb.id))
        #expect(moved.targetID == nlb.id)

        let filters = try await ec2.describeTrafficMirrorFilters(ids: [filter.id])
        #expect(filters.first?.ingressRules.map(\.id) == [rule.id])
        #expect(filters.first?.tags == [EC2Tag(key: "mirrorplan:stack", value: "lab")])
        await #expect {
            try await ec2.deleteTrafficMirrorFilter(id: filter.id)
        } throws: { error in
            (error as? EC2ServiceError)?.code.rawValue == "TrafficMirrorFilterInUse"
        }

        _ = try await ec2.deleteTrafficMirrorSession(id: session.id)
        _ = try await ec2.deleteTrafficMirrorFilterRule(id: rule.id)
        _ = try await ec2.deleteTrafficMirrorFilter(id: filter.id)
        _ = try await ec2.deleteTrafficMirrorTarget(id: target.id)
        _ = try await ec2.deleteTrafficMirrorTarget(id: nlb.id)
        #expect(try await ec2.describeTrafficMirrorSessions().isEmpty)
        #expect(try await ec2.describeTrafficMirrorTargets().isEmpty)
    }

    @Test func embedded() async throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("mirrorlab-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        try await Self.exercise(
            Self.client(
                transport: LabTransport(directory: dir),
                endpoint: URL(string: "https://ec2.us-east-1.amazonaws.com")!))
    }

    @Test func servedWithSignatureChecks() async throws {
        let check = SignatureCheck(credentials: Self.credentials, now: { Self.date })
        let service = LabService(state: LabState(), options: .init(verifier: { check.check($0) }), clock: { 0 })
        let server = try LabServer(service: service, port: 0)
        server.start()
        defer { server.stop() }
        try await Self.exercise(Self.client(transport: URLSessionTransport(), endpoint: URL(string: server.url)!))
        #expect(service.stats.rejectedSignatures == 0)
    }
}
