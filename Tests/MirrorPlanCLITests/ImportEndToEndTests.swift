import EC2Query
import Foundation
import MirrorLab
import MirrorPlanTestSupport
import Testing

/// `mirrorplan import` (the built binary) against `--lab DIR`: resources made untagged through the EC2 client
/// are adopted, the written manifest validates and plans to "No changes", and destroy then removes them.
@Suite struct ImportEndToEndTests {
    static let stack = "adopted"

    /// The untagged resources a user made by hand: a target on Target, a filter with ICMP, TCP/80, a port
    /// range, an IPv6 rule and an all-protocols rule, a session from Server with a VNI and a packet length.
    struct Handmade {
        var target: String, filter: String, session: String, rules: [String]
        var foreignTarget: String
    }

    /// A lab in a new temporary directory (the caller removes `directory`) holding the hand-made, untagged
    /// resources of `makeResources`.
    static func freshLab() async throws -> (directory: URL, lab: URL, client: EC2Client, made: Handmade) {
        let directory = try ReconcileEndToEndTests.temporaryDirectory()
        let lab = directory.appendingPathComponent("lab")
        let client = try ReconcileEndToEndTests.client(lab)
        return (directory, lab, client, try await makeResources(client))
    }

    static func makeResources(_ client: EC2Client) async throws -> Handmade {
        let enis = try await client.resolveInstances(names: ["Client", "Server", "Target"], ids: [])
        let target = try await client.createTrafficMirrorTarget(
            .init(
                networkInterfaceID: try #require(enis["Target"]).networkInterfaceID,
                description: "Monitoring appliance",
                tags: [EC2Tag(key: "Name", value: "Monitor Box"), EC2Tag(key: "owner", value: "secops")])
        ).resource.id
        let filter = try await client.createTrafficMirrorFilter(
            .init(
                description: "Web and \"ICMP\"",
                tags: [EC2Tag(key: "Name", value: "web"), EC2Tag(key: "owner", value: "secops")])
        ).resource.id
        _ = try await client.modifyTrafficMirrorFilterNetworkServices(filterID: filter, add: ["amazon-dns"])
        let rules: [TrafficMirrorFilterRuleFields] = [
            .init(
                trafficDirection: "ingress", ruleNumber: 100, ruleAction: "accept", protocolNumber: 1,
                destinationCIDRBlock: "0.0.0.0/0", sourceCIDRBlock: "0.0.0.0/0"),
            .init(
                trafficDirection: "ingress", ruleNumber: 200, ruleAction: "accept",
                destinationPortRange: .init(fromPort: 80, toPort: 80), protocolNumber: 6,
                destinationCIDRBlock: "0.0.0.0/0",
                sourceCIDRBlock: "10.0.0.0/16", description: "HTTP in"),
            .init(
                trafficDirection: "ingress", ruleNumber: 300, ruleAction: "reject",
                destinationPortRange: .init(fromPort: 8000, toPort: 8080),
                sourcePortRange: .init(fromPort: 1024, toPort: 65535),
                protocolNumber: 6, destinationCIDRBlock: "10.0.1.0/24", sourceCIDRBlock: "0.0.0.0/0"),
            .init(
                trafficDirection: "egress", ruleNumber: 100, ruleAction: "accept", protocolNumber: 58,
                destinationCIDRBlock: "2001:db8::/32", sourceCIDRBlock: "::/0", description: "ICMPv6 out"),
            .init(
                trafficDirection: "egress", ruleNumber: 200, ruleAction: "accept", destinationCIDRBlock: "10.0.0.0/8",
                sourceCIDRBlock: "0.0.0.0/0"),
        ]
        var ruleIDs: [String] = []
        for fields in rules {
            ruleIDs.append(
                try await client.createTrafficMirrorFilterRule(.init(filterID: filter, fields: fields)).resource.id)
        }
        let session = try await client.createTrafficMirrorSession(
            .init(
                networkInterfaceID: try #require(enis["Server"]).networkInterfaceID, targetID: target, filterID: filter,
                packetLength: 128,
                sessionNumber: 1, virtualNetworkID: 4242, description: "Server to monitor",
                tags: [EC2Tag(key: "Name", value: "server mirror"), EC2Tag(key: "owner", value: "secops")])
        ).resource.id
        // Another stack's target, on Client.
        let foreign = try await client.createTrafficMirrorTarget(
            .init(
                networkInterfaceID: try #require(enis["Client"]).networkInterfaceID,
                tags: [
                    EC2Tag(key: "mirrorplan:stack", value: "other"), EC2Tag(key: "mirrorplan:name", value: "theirs"),
                ])
        ).resource.id
        return Handmade(target: target, filter: filter, session: session, rules: ruleIDs, foreignTarget: foreign)
    }

    static func ownership(_ client: EC2Client) async throws -> [String: String] {
        var owners: [String: String] = [:]
        func note(_ id: String, _ tags: [EC2Tag]) {
            owners[id] = tags.first { $0.key == "mirrorplan:stack" }?.value ?? "-"
        }
        for target in try await client.describeTrafficMirrorTargets() { note(target.id, target.tags) }
        for filter in try await client.describeTrafficMirrorFilters() {
            note(filter.id, filter.tags)
            for rule in filter.ingressRules + filter.egressRules { note(rule.id, rule.tags) }
        }
        for session in try await client.describeTrafficMirrorSessions() { note(session.id, session.tags) }
        return owners
    }

    @Test(arguments: [false, true])
    func anImportedStackValidatesPlansToNoChangesAndDestroys(eniIDs: Bool) async throws {
        let (directory, lab, client, made) = try await Self.freshLab()
        defer { try? FileManager.default.removeItem(at: directory) }
        let manifest = directory.appendingPathComponent("adopted.yaml")

        let imported = try ReconcileEndToEndTests.run(
            ["import", "--stack", Self.stack, "--session-id", made.session, "--out", manifest.path]
                + (eniIDs ? ["--eni-ids"] : []), lab: lab)
        #expect(imported.exitCode == 0, "\(imported.stderr)")
        let text = try String(contentsOf: manifest, encoding: .utf8)
        #expect(text.contains("vni: 4242") && text.contains("packetLength: 128"), "\(text)")
        #expect(
            text.contains("destinationPorts: \"8000-8080\"") && text.contains("sourcePorts: \"1024-65535\""), "\(text)")
        #expect(text.contains("source: \"::/0\"") && text.contains("protocol: icmpv6"), "\(text)")
        #expect(text.contains("description: \"Web and \\\"ICMP\\\"\""), "\(text)")
        #expect(
            text.contains("  monitor-box:") && text.contains("  web:") && text.contains("  server-mirror:"), "\(text)")
        #expect(text.contains("source: { instance: \"Server\" }") == !eniIDs, "\(text)")
        #expect(text.contains("networkInterface: eni-") == eniIDs, "\(text)")

        let validate = try ProcessRunner.mirrorplan(
            ["validate", manifest.path], environment: ReconcileEndToEndTests.quiet)
        #expect(validate.exitCode == 0, "\(validate.stdout)\(validate.stderr)")

        let plan = try ReconcileEndToEndTests.run(["plan", manifest.path, "--detailed-exitcode"], lab: lab)
        #expect(plan.exitCode == 0, "\(plan.stdout)\(plan.stderr)")
        #expect(plan.stdout.hasPrefix("No changes."))

        // Every adopted resource, rules included, now carries the stack's tag; the other stack's does not.
        let owners = try await Self.ownership(client)
        for id in [made.target, made.filter, made.session] + made.rules { #expect(owners[id] == Self.stack, "\(id)") }
        #expect(owners[made.foreignTarget] == "other")

        // Importing again changes nothing and writes the same manifest.
        let again = try ReconcileEndToEndTests.run(
            ["import", "--stack", Self.stack, "--session-id", made.session] + (eniIDs ? ["--eni-ids"] : []), lab: lab)
        #expect(again.exitCode == 0, "\(again.stderr)")
        #expect(again.stdout == text)
        #expect(!again.stderr.contains("tagged "))

        let destroy = try ReconcileEndToEndTests.run(["destroy", manifest.path, "--auto-approve"], lab: lab)
        #expect(destroy.exitCode == 0, "\(destroy.stderr)")
        let left = try await Self.ownership(client)
        #expect(left.keys.sorted() == [made.foreignTarget])
    }

    @Test func aResourceOwnedByAnotherStackIsRefusedAndNothingIsTagged() async throws {
        let (directory, lab, client, made) = try await Self.freshLab()
        defer { try? FileManager.default.removeItem(at: directory) }

        let refused = try ReconcileEndToEndTests.run(
            ["import", "--stack", Self.stack, "--filter-id", made.filter, "--target-id", made.foreignTarget], lab: lab)
        #expect(refused.exitCode == 1)
        #expect(refused.stderr.contains("\(made.foreignTarget) belongs to stack 'other'"), "\(refused.stderr)")
        #expect(refused.stdout.isEmpty)
        let owners = try await Self.ownership(client)
        #expect(owners[made.filter] == "-" && owners[made.target] == "-")
    }

    @Test func noDependenciesRefusesASessionWithoutItsTargetAndFilter() async throws {
        let (directory, lab, _, made) = try await Self.freshLab()
        defer { try? FileManager.default.removeItem(at: directory) }

        let refused = try ReconcileEndToEndTests.run(
            [
                "import", "--stack", Self.stack, "--session-id", made.session, "--filter-id", made.filter,
                "--no-dependencies",
            ], lab: lab)
        #expect(refused.exitCode == 1)
        #expect(
            refused.stderr.contains("\(made.session) uses target \(made.target) (add --target-id \(made.target))"),
            "\(refused.stderr)")
        #expect(!refused.stderr.contains("uses filter"))

        let unknown = try ReconcileEndToEndTests.run(
            ["import", "--stack", Self.stack, "--target-id", "tmt-0123456789abcdef0"], lab: lab)
        #expect(unknown.exitCode == 1)
        #expect(
            unknown.stderr.contains("no such traffic-mirroring resource in this region: tmt-0123456789abcdef0"),
            "\(unknown.stderr)")

        let usage = try ReconcileEndToEndTests.run(
            ["import", "--stack", Self.stack, "--session-id", "sess-1"], lab: lab)
        #expect(usage.exitCode == 64)
        #expect(usage.stderr.contains("'sess-1' is not a tms-… id"), "\(usage.stderr)")
    }

    @Test func aDryRunPrintsTheManifestAndTagsNothing() async throws {
        let (directory, lab, client, made) = try await Self.freshLab()
        defer { try? FileManager.default.removeItem(at: directory) }

        let dry = try ReconcileEndToEndTests.run(
            ["import", "--stack", Self.stack, "--session-id", made.session, "--dry-run"], lab: lab)
        #expect(dry.exitCode == 0, "\(dry.stderr)")
        #expect(dry.stdout.contains("stack: adopted") && dry.stdout.contains("server-mirror:"))
        #expect(dry.stderr.contains("Dry run: would tag 8 resource(s)"), "\(dry.stderr)")
        let owners = try await Self.ownership(client)
        for id in [made.target, made.filter, made.session] + made.rules { #expect(owners[id] == "-", "\(id)") }
    }
}
