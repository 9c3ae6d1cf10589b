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
        let result = try ProcessRunner.mirrorplan(["verify", "--pcap", Self.fixture("icmp-be-nsec.pcap"), "--vni", "4242"] + Self.pair)
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
        let result = try ProcessRunner.mirrorplan(["verify", "--pcap", Self.fixture("truncated-record.pcap")] + Self.pair)
        #expect(result.exitCode == 1)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains("record 9 at byte 1500 is truncated"))
    }

    @Test("usage errors exit 64 and say what to pass instead", arguments: [
        (["verify"] + pair, "pass --pcap FILE"),
        (["verify", "--pcap", "a", "--interface", "b"] + pair, "not both"),
        (["verify", "--pcap", "a", "--vni", "16777216"] + pair, "24 bits"),
        (["verify", "--pcap", "a", "--from", "198.18.1.1"], "--to IP is required"),
        (["verify", "--pcap", "a", "--traffic", "sctp/1"] + pair, "traffic"),
        (["verify", "manifest.yaml", "--pcap", "a"], "--from IP --to IP"),
        (["verify", "--pcap", "a", "--ping", "198.18.1.2"] + pair, "--ping needs --interface"),
    ])
    func usage(arguments: [String], message: String) throws {
        let result = try ProcessRunner.mirrorplan(arguments)
        #expect(result.exitCode == 64, "\(result.stderr)")
        #expect(result.stderr.contains(message), "\(result.stderr)")
    }
}
