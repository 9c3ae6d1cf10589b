import Foundation
import MirrorPlanTestSupport
import Testing

/// The built `mirrorplan verify` binary on committed fixtures: exit codes, stdout/stderr, usage errors.
@Suite struct VerifyCommandTests {
    static func fixture(_ name: String) -> String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("PacketCaptureTests/Fixtures/\(name)").path
    }

    static let pair = ["--from", "198.18.1.1", "--to", "198.18.1.2"]

    @Test("a passing capture exits 0 with the verdict on stdout, no colour when not a terminal")
    func passes() throws {
        let result = try ProcessRunner.mirrorplan(
            ["verify", "--pcap", Self.fixture("icmp-be-nsec.pcap"), "--vni", "4242"] + Self.pair)
        #expect(result.exitCode == 0)
        #expect(result.stdout.hasPrefix("PASS flags (VNI 4242, expect mirrored)\n"))
        #expect(!result.stdout.contains("\u{1B}["))
    }

    @Test("a failing check exits 1 and names the VNI that was seen")
    func wrongVNI() throws {
        let result = try ProcessRunner.mirrorplan(
            ["verify", "--pcap", Self.fixture("wrong-vni.pcap"), "--vni", "4242", "--format", "json"] + Self.pair)
        #expect(result.exitCode == 1)
        #expect(result.stdout.contains(#""result": "fail""#))
        #expect(result.stdout.contains("VNI 77 (10 packets)"))
    }

    @Test("an unreadable capture exits 1 with the record index and byte offset on stderr")
    func truncated() throws {
        let result = try ProcessRunner.mirrorplan(
            ["verify", "--pcap", Self.fixture("truncated-record.pcap")] + Self.pair)
        #expect(result.exitCode == 1)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains("record 9 at byte 1500 is truncated"))
    }

    @Test(
        "usage errors exit 64 and say what to pass instead",
        arguments: [
            (["verify"] + pair, "pass --pcap FILE"),
            (["verify", "m.yaml"], "orchestration on AWS through Systems Manager is not available"),
            (["verify", "--lab", "/nonexistent"] + pair, "orchestrated verify (--lab) runs a manifest's checks"),
            (
                ["verify", "m.yaml", "--lab", "/nonexistent", "--ping", "10.0.1.20"],
                "--ping applies to --pcap or --interface"
            ),
            (["verify", "--pcap", "a", "--interface", "b"] + pair, "not both"),
            (["verify", "--pcap", "a", "--vni", "16777216"] + pair, "24 bits"),
            (["verify", "--pcap", "a", "--from", "198.18.1.1"], "--to IP is required"),
            (["verify", "--pcap", "a", "--traffic", "sctp/1"] + pair, "traffic"),
            (["verify", "--pcap", "a", "--ping", "198.18.1.2"] + pair, "--ping needs --interface"),
        ])
    func usage(arguments: [String], message: String) throws {
        let result = try ProcessRunner.mirrorplan(arguments)
        #expect(result.exitCode == 64, "\(result.stderr)")
        #expect(result.stderr.contains(message), "\(result.stderr)")
    }
}

/// `mirrorplan verify FILE`: checks from a manifest's `verify` entries.
@Suite struct VerifyManifestTests {
    static let manifest = """
        apiVersion: mirrorplan/v1
        stack: lab-mirror
        targets:
          monitor:
            networkInterface: { instance: Target }
        filters:
          icmp:
            ingress:
              - { rule: 100, action: accept, protocol: icmp, source: 0.0.0.0/0, destination: 0.0.0.0/0 }
        sessions:
          server-icmp:
            source: { instance: Server }
            target: monitor
            filter: icmp
            number: 1
            vni: 4242
          picked-by-aws:
            source: { instance: Client }
            target: monitor
            filter: icmp
            number: 1
        verify:
          - { name: icmp-arrives, session: server-icmp, from: { ip: 198.18.1.1 }, to: { ip: 198.18.1.2 }, traffic: icmp, count: 5, expect: mirrored }
          - { name: http-not-mirrored, session: server-icmp, from: { ip: 198.18.1.1 }, to: { ip: 198.18.1.2 }, traffic: tcp/80, count: 5, expect: not-mirrored }
          - { name: any-vni, session: picked-by-aws, from: { ip: 198.18.1.1 }, to: { ip: 198.18.1.2 }, traffic: icmp, count: 5, expect: mirrored }
          - { name: by-instance, session: server-icmp, from: { instance: Client }, to: { ip: 198.18.1.2 }, traffic: icmp, count: 5, expect: mirrored }
        """

    static func withManifest(_ body: (String) throws -> Void) throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("mp-verify-\(UUID().uuidString).yaml")
            .path
        try manifest.write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        try body(path)
    }

    @Test("each selected check takes its session's VNI and IP endpoints; exit 0 when all pass")
    func checksFromManifest() throws {
        try Self.withManifest { path in
            for name in ["icmp-arrives", "http-not-mirrored"] {
                let result = try ProcessRunner.mirrorplan(
                    ["verify", path, "--check", name, "--pcap", VerifyCommandTests.fixture("icmp-le-usec.pcap")])
                #expect(result.exitCode == 0, "\(result.stdout) \(result.stderr)")
                #expect(result.stdout.hasPrefix("PASS \(name) (session server-icmp, VNI 4242"))
            }
            let wrong = try ProcessRunner.mirrorplan(
                ["verify", path, "--check", "icmp-arrives", "--pcap", VerifyCommandTests.fixture("wrong-vni.pcap")])
            #expect(wrong.exitCode == 1)
            #expect(wrong.stdout.contains("arrived with VNI 77 (10 packets), expected VNI 4242"))
        }
    }

    @Test("a session without a VNI matches any VNI and names the ones seen, unless --vni is given")
    func vniLeftToAWS() throws {
        try Self.withManifest { path in
            let fixture = VerifyCommandTests.fixture("wrong-vni.pcap")
            let any = try ProcessRunner.mirrorplan(["verify", path, "--check", "any-vni", "--pcap", fixture])
            #expect(any.exitCode == 0)
            #expect(any.stdout.contains("VNIs seen: 77 (10 packets)"))
            let pinned = try ProcessRunner.mirrorplan([
                "verify", path, "--check", "any-vni", "--vni", "4242", "--pcap", fixture,
            ])
            #expect(pinned.exitCode == 1)
        }
    }

    @Test("instance endpoints need --from-ip/--to-ip; unknown checks list the known ones")
    func instanceEndpoints() throws {
        try Self.withManifest { path in
            let fixture = VerifyCommandTests.fixture("icmp-le-usec.pcap")
            let instance = try ProcessRunner.mirrorplan(["verify", path, "--check", "by-instance", "--pcap", fixture])
            #expect(instance.exitCode == 1)
            #expect(instance.stderr.contains("`from: { instance: Client }` names an instance"))
            #expect(instance.stderr.contains("--from-ip ADDRESS"))
            let overridden = try ProcessRunner.mirrorplan(
                ["verify", path, "--check", "by-instance", "--from-ip", "198.18.1.1", "--pcap", fixture])
            #expect(overridden.exitCode == 0, "\(overridden.stderr)")
            let unknown = try ProcessRunner.mirrorplan(["verify", path, "--check", "nope", "--pcap", fixture])
            #expect(unknown.exitCode == 1)
            #expect(unknown.stderr.contains("its checks are: icmp-arrives, http-not-mirrored, any-vni, by-instance"))
        }
    }

    @Test("with --lab, instance endpoints resolve through the lab's EC2 API (its topology file's addresses)")
    func instanceEndpointsThroughTheLab() throws {
        let lab = FileManager.default.temporaryDirectory.appendingPathComponent("mp-verify-lab-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: lab, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: lab) }
        let topology = """
            vpc: 198.18.0.0/15
            subnets:
              lab: 198.18.1.0/24
            instances:
              - { name: Client, subnet: lab, ip: 198.18.1.1 }
              - { name: Server, subnet: lab, ip: 198.18.1.2 }
              - { name: Target, subnet: lab, ip: 198.18.1.3 }
            """
        try topology.write(to: lab.appendingPathComponent("topology.yaml"), atomically: true, encoding: .utf8)
        try Self.withManifest { path in
            let fixture = VerifyCommandTests.fixture("icmp-le-usec.pcap")
            let result = try ProcessRunner.mirrorplan(
                ["verify", path, "--check", "by-instance", "--pcap", fixture, "--lab", lab.path, "--format", "json"])
            #expect(result.exitCode == 0, "\(result.stdout) \(result.stderr)")
            #expect(result.stdout.contains(#""from": "198.18.1.1""#))
            let missing = try ProcessRunner.mirrorplan(
                ["verify", path, "--check", "by-instance", "--pcap", fixture, "--lab", lab.path + "-default"])
            defer { try? FileManager.default.removeItem(atPath: lab.path + "-default") }
            // The default lab's Client is 10.0.1.10: resolved, so the check runs and finds no such traffic.
            #expect(missing.exitCode == 1)
            #expect(missing.stdout.contains("10.0.1.10"), "\(missing.stdout) \(missing.stderr)")
        }
    }

    @Test("orchestrated verify says what is missing: the data plane, then the session")
    func orchestrationPrerequisites() throws {
        let lab = FileManager.default.temporaryDirectory.appendingPathComponent("mp-verify-lab-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: lab) }
        let manifest = ProcessRunner.packageRoot.appendingPathComponent("examples/lab/mirror.yaml").path
        let noPlane = try ProcessRunner.mirrorplan(["verify", manifest, "--lab", lab.path])
        #expect(noPlane.exitCode == 1)
        #expect(noPlane.stderr.contains("has no data plane; start it with `mirrorplan lab up --lab \(lab.path)`"))
        try FileManager.default.createDirectory(at: lab, withIntermediateDirectories: true)
        try Data(#"{"prefix":"mpl-000000"}"#.utf8).write(to: lab.appendingPathComponent("dataplane.json"))
        let noSession = try ProcessRunner.mirrorplan(["verify", manifest, "--lab", lab.path])
        #expect(noSession.exitCode == 1)
        #expect(
            noSession.stderr.contains(
                "session `server-icmp` is not in the lab in \(lab.path); create it with `mirrorplan apply"),
            "\(noSession.stderr)")
    }
}
