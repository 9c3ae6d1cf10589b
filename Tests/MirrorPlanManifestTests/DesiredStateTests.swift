import Foundation
import MirrorPlanManifest
import MirrorPlanModel
import Testing

/// What the examples load into: the values the planner will diff, in normal form.
@Suite struct DesiredStateTests {
    private func load(_ path: String) throws -> DesiredState {
        let url = Fixture.packageRoot.appendingPathComponent(path)
        let result = ManifestLoader.load(data: try Data(contentsOf: url), file: path)
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        return try #require(result.state)
    }

    @Test func theLabManifestLoadsIntoTheLabsResources() throws {
        let state = try load("examples/lab/mirror.yaml")
        #expect(state.apiVersion == "mirrorplan/v1" && state.stack == "lab-mirror" && state.region == nil)
        #expect(
            state.targets == [
                TargetSpec(
                    name: "monitor", kind: .networkInterface(.instanceName("Target")),
                    description: "Monitoring appliance", tags: ["owner": "secops"])
            ])
        let filter = try #require(state.filter(named: "icmp"))
        let any = try CIDRBlock.parse("0.0.0.0/0").get()
        #expect(
            filter.ingress == [
                FilterRuleSpec(
                    direction: .ingress, number: 100, action: .accept, protocol: .icmp,
                    source: any, destination: any, description: "ICMP in")
            ])
        #expect(filter.egress.map(\.direction) == [.egress] && filter.egress.first?.protocol?.number == 1)
        #expect(filter.ingress.first?.logicalName(filter: "icmp") == "icmp/ingress/100")
        let session = try #require(state.session(named: "server-icmp"))
        #expect(session.source == .instanceName("Server") && session.target == "monitor" && session.filter == "icmp")
        #expect(
            session.number == 1 && session.vni == 4242 && session.packetLength == nil
                && session.tags == ["owner": "secops"])
        #expect(state.verifyChecks.map(\.name) == ["icmp-arrives", "http-not-mirrored"])
        #expect(state.verifyChecks.map(\.traffic) == [.icmp, .tcp(port: 80)])
        #expect(state.verifyChecks.map(\.expect) == [.mirrored, .notMirrored])
        #expect(state.verifyChecks.map(\.timeout) == [.seconds(30), .seconds(10)])
        #expect(state.verifyChecks.first?.from == .instanceName("Client"))
    }

    @Test func theHTTPLabManifestAddsPortRules() throws {
        let state = try load("examples/lab/mirror-http.yaml")
        let filter = try #require(state.filter(named: "icmp"))
        #expect(filter.ingress.map(\.number) == [100, 200] && filter.egress.map(\.number) == [100])
        #expect(
            filter.ingress[1].protocol == .tcp && filter.ingress[1].destinationPorts == PortRange(lower: 80, upper: 80))
        #expect(filter.ingress[1].sourcePorts == nil)
    }

    @Test func theProductionExampleUsesAnNLBIPv6AndSeveralSources() throws {
        let state = try load("examples/production/web-tier.yaml")
        #expect(state.region == "eu-central-1")
        guard case .networkLoadBalancer(let arn) = try #require(state.targets.first).kind else {
            Issue.record("expected an NLB target")
            return
        }
        #expect(arn.hasSuffix("loadbalancer/net/ids-pool/0123456789abcdef"))
        #expect(state.targets.first?.tags == ["owner": "secops", "cost-center": "4711", "tier": "capture"])
        let filter = try #require(state.filter(named: "web"))
        #expect(filter.networkServices == ["amazon-dns"])
        #expect(
            filter.ingress.map(\.destination.description) == [
                "10.20.0.0/16", "10.20.0.0/16", "2001:db8:20::/48", "2001:db8:20::/48",
            ])
        #expect(filter.ingress.map(\.protocol) == [.tcp, .tcp, .tcp, .icmpv6])
        #expect(filter.egress.last?.sourcePorts == PortRange(lower: 1024, upper: 65535))
        #expect(
            state.sessions.map(\.source) == [
                .eni("eni-0a1b2c3d4e5f60718"), .instanceName("web-2"), .instanceID("i-0fedcba9876543210"),
            ])
        #expect(state.sessions.allSatisfy { $0.packetLength == 192 && $0.vni == nil })
        #expect(state.sessions.last?.tags == ["owner": "secops", "cost-center": "4711", "canary": "true"])
        #expect(state.verifyChecks.first?.from == .ip(try #require(IPAddress("10.20.1.5"))))
        #expect(state.verifyChecks.first?.timeout == .seconds(60))
    }

    @Test func resourceTagsWinOverStackTags() throws {
        let text = """
            apiVersion: mirrorplan/v1
            stack: lab
            tags: { owner: secops, env: prod }
            targets:
              t: { gatewayLoadBalancerEndpoint: vpce-0123456789abcdef0, tags: { env: staging } }
            filters:
              f: { ingress: [{ rule: 1, action: accept, protocol: all, source: "::/0", destination: "::/0" }] }
            sessions:
              s: { source: eni-01234567, target: t, filter: f, number: 1 }
            """
        let result = ManifestLoader.load(text: text, file: "t.yaml")
        let state = try #require(result.state, "\(result.diagnostics)")
        #expect(state.targets.first?.tags == ["owner": "secops", "env": "staging"])
        #expect(state.tags == ["owner": "secops", "env": "prod"])
        #expect(state.filters.first?.ingress.first?.protocol == nil)
        #expect(state.filters.first?.tags == ["owner": "secops", "env": "prod"])
    }
}
