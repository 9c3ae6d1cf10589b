import Foundation
import MirrorVerify
import PacketCapture
import Testing

@Suite struct VerificationTests {
    static func fixture(_ name: String) -> String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("PacketCaptureTests/Fixtures/\(name)").path
    }

    static func check(
        vni: UInt32? = 4242, from: String = "198.18.1.1", to: String = "198.18.1.2", traffic: TrafficKind = .icmp,
        count: Int = 5, expect: MirrorExpectation = .mirrored
    ) -> VerificationCheck {
        VerificationCheck(
            name: "c", session: "server-icmp", vni: vni, from: IPAddress(from) ?? IPAddress(ipv4: 0),
            to: IPAddress(to) ?? IPAddress(ipv4: 0), traffic: traffic, count: count, expect: expect)
    }

    static func run(_ name: String, _ check: VerificationCheck) throws -> CheckResult {
        let report = try CaptureVerification.verify(capturePath: fixture(name), checks: [check])
        return try #require(report.results.first)
    }

    struct Case: Sendable, CustomTestStringConvertible {
        var fixture: String
        var check: VerificationCheck
        var passes: Bool
        var packets: Int
        var finding: String?
        var testDescription: String {
            "\(fixture) \(check.traffic) \(check.expect.rawValue) vni \(check.vni.map(String.init) ?? "any")"
        }
    }

    @Test(
        "verdicts and findings per capture.md's troubleshooting list",
        arguments: [
            Case(
                fixture: "icmp-le-usec.pcap", check: check(), passes: true, packets: 10,
                finding: "ICMP errors quoting VXLAN were ignored"),
            Case(fixture: "icmp-be-nsec.pcap", check: check(), passes: true, packets: 10, finding: nil),
            Case(fixture: "icmp-sll2.pcap", check: check(vni: nil), passes: true, packets: 10, finding: nil),
            Case(fixture: "multi-section.pcapng", check: check(count: 5), passes: true, packets: 5, finding: nil),
            Case(
                fixture: "outer-fragments.pcap", check: check(count: 1), passes: true, packets: 1,
                finding: "nothing arrived for 198.18.1.2 → 198.18.1.1"),
            Case(
                fixture: "wrong-vni.pcap", check: check(), passes: false, packets: 0,
                finding: "arrived with VNI 77 (10 packets), expected VNI 4242"),
            Case(fixture: "wrong-vni.pcap", check: check(vni: nil), passes: true, packets: 10, finding: nil),
            Case(
                fixture: "http-only.pcap", check: check(), passes: false, packets: 0,
                finding: "8 VXLAN packets with VNI 4242 arrived but none carried icmp"),
            Case(fixture: "http-only.pcap", check: check(expect: .notMirrored), passes: true, packets: 0, finding: nil),
            Case(
                fixture: "http-only.pcap", check: check(traffic: .tcp(port: 80), count: 8), passes: true, packets: 8,
                finding: nil),
            Case(
                fixture: "http-only.pcap", check: check(traffic: .tcp(port: 443)), passes: false, packets: 0,
                finding: "none carried tcp/443"),
            Case(
                fixture: "icmp-le-usec.pcap", check: check(expect: .notMirrored), passes: false, packets: 10,
                finding: "the session's filter accepts this traffic"),
            Case(
                fixture: "packet-length-64.pcap", check: check(), passes: true, packets: 10,
                finding: "10 inner packets are truncated to 64 bytes"),
            Case(
                fixture: "not-vxlan.pcap", check: check(), passes: false, packets: 0,
                finding: "4 UDP 4789 datagrams are not VXLAN"),
            Case(
                fixture: "outside-vxlan.pcap", check: check(count: 3), passes: false, packets: 0,
                finding: "3 packets of icmp between 198.18.1.1 and 198.18.1.2 were seen outside VXLAN"),
            Case(
                fixture: "outside-vxlan.pcap", check: check(count: 3), passes: false, packets: 0,
                finding: "no UDP 4789 at all"),
            Case(
                fixture: "outer-fragments.pcap", check: check(count: 1), passes: true, packets: 1,
                finding: "2 outer IP fragments"),
            Case(
                fixture: "ipv6-inner.pcap", check: check(from: "fd00::1", to: "fd00::2", count: 6), passes: true,
                packets: 6, finding: nil),
            Case(fixture: "vlan-qinq.pcap", check: check(count: 10), passes: true, packets: 10, finding: nil),
        ])
    func verdicts(_ c: Case) throws {
        let result = try Self.run(c.fixture, c.check)
        #expect(result.passed == c.passes)
        #expect(result.observed.packets == c.packets)
        if let finding = c.finding {
            #expect(result.findings.contains { $0.contains(finding) }, "findings: \(result.findings)")
        }
    }

    @Test("ICMP counts split by direction and echo type; truncation reports the inner length")
    func observedFields() throws {
        let result = try Self.run("packet-length-64.pcap", Self.check())
        #expect(result.observed.forward == 5 && result.observed.reverse == 5)
        #expect(result.observed.echoRequests == 5 && result.observed.echoReplies == 5)
        #expect(result.observed.truncatedTo == 64)
    }

    @Test("JSON result has cli.md's shape and field order")
    func jsonShape() throws {
        let report = try CaptureVerification.verify(
            capturePath: Self.fixture("packet-length-64.pcap"), checks: [Self.check()])
        let text = report.renderJSON()
        #expect(
            text.hasPrefix(
                #"{"checks": [{"name": "c", "session": "server-icmp", "vni": 4242, "expect": "mirrored", "result": "pass", "observed": {"packets": 10, "echoRequests": 5, "echoReplies": 5, "truncatedTo": 64,"#
            ))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        let checks = try #require(object["checks"] as? [[String: Any]])
        #expect(checks.count == 1)
        let capture = try #require(object["capture"] as? [String: Any])
        #expect((capture["vnis"] as? [String: Int])?["4242"] == 10)
    }

    @Test("text result names the verdict, counts and findings; colour only when asked")
    func textRendering() throws {
        let report = try CaptureVerification.verify(capturePath: Self.fixture("wrong-vni.pcap"), checks: [Self.check()])
        let plain = report.renderText(color: false)
        #expect(plain.hasPrefix("FAIL c (session server-icmp, VNI 4242, expect mirrored)\n"))
        #expect(plain.contains("VNI 77 (10 packets)"))
        #expect(plain.hasSuffix("1 checks: 0 passed, 1 failed (10 frames read, 10 VXLAN)\n"))
        #expect(!plain.contains("\u{1B}["))
        #expect(report.renderText(color: true).contains("\u{1B}[31mFAIL\u{1B}[0m"))
    }

    @Test("--write-inner writes the decapsulated frames as a pcap that reads back as inner Ethernet")
    func writeInner() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("mp-inner-\(UUID().uuidString).pcap")
            .path
        defer { try? FileManager.default.removeItem(atPath: path) }
        _ = try CaptureVerification.verify(
            capturePath: Self.fixture("icmp-le-usec.pcap"), checks: [Self.check()], innerPath: path)
        var decoded: [DecodedPacket] = []
        try CaptureFile(path: path).forEachFrame { frame in
            decoded.append(PacketDecoder.decode(frame.bytes, linkType: frame.linkType))
            return true
        }
        // 10 echo frames and the MLD noise; the ICMP error quoting VXLAN is not a tunnel packet.
        #expect(decoded.count == 11)
        #expect(decoded.prefix(10).allSatisfy { $0.tunnel == .none && $0.outerTransport.kind == .icmp })
        #expect(decoded[0].outer.source == IPAddress("198.18.1.1"))
    }

    @Test(
        "traffic kinds parse from the manifest spelling",
        arguments: [
            ("icmp", TrafficKind?.some(.icmp)), ("tcp/80", .tcp(port: 80)), ("UDP/53", .udp(port: 53)),
            ("tcp", nil), ("tcp/0", nil), ("sctp/9", nil), ("tcp/70000", nil),
        ])
    func trafficKinds(text: String, expected: TrafficKind?) {
        #expect(TrafficKind(text) == expected)
    }
}
