import Foundation
import MirrorPlanTestSupport
import Testing

/// `verify` on captures made by the kernel (tcpdump pcap, dumpcap pcapng, our own AF_PACKET capture) of real
/// mirrored traffic, cross-checked against tshark's decoding of the same files.
@Suite(.serialized, .enabled(if: KernelLab.available, "needs root, ip, tc, tcpdump, dumpcap, tshark, ping and python3"))
struct KernelCaptureTests {
    static let pair = ["--from", KernelLab.client, "--to", KernelLab.server]

    static func temporary(_ suffix: String) -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("mp-kernel-\(UUID().uuidString).\(suffix)").path
    }

    static func json(_ result: ProcessResult) throws -> [String: Any] {
        let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
        let checks = try #require(
            object?["checks"] as? [[String: Any]], "stdout: \(result.stdout) stderr: \(result.stderr)")
        return try #require(checks.first)
    }

    /// tshark's count of inner ICMP of one type in VXLAN with `vni`, outer UDP only (capture.md §3's traps).
    static func tsharkCount(_ file: String, vni: Int, icmpType: Int) throws -> Int {
        let filter =
            "vxlan.vni==\(vni) && ip.proto#1==17 && icmp.type==\(icmpType) && ip.src#2==\(icmpType == 8 ? KernelLab.client : KernelLab.server)"
        let result = try ProcessRunner.run(
            "tshark", ["-n", "-r", file, "-Y", filter, "-T", "fields", "-e", "frame.number"])
        return result.stdout.split(separator: "\n").count
    }

    @Test(
        "tcpdump pcap and dumpcap pcapng of mirrored pings pass, agree with tshark, and a wrong VNI names the one seen")
    func pingsInFiles() throws {
        let lab = try KernelLab(vni: 4242, mirror: .icmp)
        defer { lab.tearDown() }
        let pcap = Self.temporary("pcap")
        let pcapng = Self.temporary("pcapng")
        defer { for f in [pcap, pcapng] { try? FileManager.default.removeItem(atPath: f) } }
        let filter = "udp port 4789 or (ip[6:2] & 0x1fff != 0)"
        let tcpdump = lab.background(lab.tgt, ["tcpdump", "-i", "t0", "-n", "-U", "-c", "10", "-w", pcap, filter])
        let dumpcap = lab.background(lab.tgt, ["dumpcap", "-q", "-i", "t0", "-c", "10", "-f", filter, "-w", pcapng])
        try lab.waitForPacketSockets(lab.tgt, count: 2)
        try lab.exec(lab.cli, ["ping", "-n", "-c", "5", "-i", "0.2", KernelLab.server])
        let captures = try [tcpdump.wait(), dumpcap.wait()]
        #expect(captures.allSatisfy { $0.exitCode == 0 }, "\(captures.map(\.stderr))")

        for file in [pcap, pcapng] {
            let result = try ProcessRunner.mirrorplan(
                ["verify", "--pcap", file, "--vni", "4242", "--count", "5", "--format", "json"] + Self.pair)
            #expect(result.exitCode == 0, "\(result.stdout) \(result.stderr)")
            let check = try Self.json(result)
            let observed = try #require(check["observed"] as? [String: Any])
            #expect(check["result"] as? String == "pass")
            #expect(observed["packets"] as? Int == 10)
            #expect(observed["echoRequests"] as? Int == 5)
            #expect(observed["echoReplies"] as? Int == 5)
            #expect(observed["echoRequests"] as? Int == (try Self.tsharkCount(file, vni: 4242, icmpType: 8)))
            #expect(observed["echoReplies"] as? Int == (try Self.tsharkCount(file, vni: 4242, icmpType: 0)))

            let wrong = try ProcessRunner.mirrorplan(["verify", "--pcap", file, "--vni", "4243"] + Self.pair)
            #expect(wrong.exitCode == 1)
            #expect(wrong.stdout.contains("FAIL"))
            #expect(wrong.stdout.contains("arrived with VNI 4242 (10 packets), expected VNI 4243"), "\(wrong.stdout)")
        }
    }

    @Test("a capture of only HTTP fails an ICMP check and passes a not-mirrored one")
    func httpOnly() throws {
        let lab = try KernelLab(vni: 4242, mirror: .tcp)
        defer { lab.tearDown() }
        let pcap = Self.temporary("pcap")
        defer { try? FileManager.default.removeItem(atPath: pcap) }
        let server = lab.background(lab.srv, ["python3", "-m", "http.server", "80", "--bind", KernelLab.server])
        // Immediate mode: without it, packets still in the kernel ring block are lost when SIGINT stops tcpdump.
        let capture = lab.background(
            lab.tgt, ["tcpdump", "-i", "t0", "-n", "-U", "--immediate-mode", "-w", pcap, "udp port 4789"])
        try lab.waitForPacketSockets(lab.tgt, count: 1)
        let fetch = """
            import time, urllib.request
            for attempt in range(100):
                try: urllib.request.urlopen('http://\(KernelLab.server)/', timeout=2).read(); break
                except OSError: time.sleep(0.05)
            for _ in range(3): urllib.request.urlopen('http://\(KernelLab.server)/', timeout=5).read()
            """
        try lab.exec(lab.cli, ["python3", "-c", fetch])
        try lab.exec(lab.cli, ["ping", "-n", "-c", "3", "-i", "0.2", KernelLab.server])
        try lab.interrupt(lab.tgt, "tcpdump")
        let captured = try capture.wait()
        #expect(!captured.stderr.contains("\n0 packets captured"), "tcpdump: \(captured.stderr)")
        lab.tearDown()
        _ = try? server.wait()

        let icmp = try ProcessRunner.mirrorplan(
            ["verify", "--pcap", pcap, "--vni", "4242", "--count", "3"] + Self.pair)
        #expect(icmp.exitCode == 1, "\(icmp.stdout)")
        #expect(icmp.stdout.contains("none carried icmp between 198.18.1.1 and 198.18.1.2"), "\(icmp.stdout)")
        let negative = try ProcessRunner.mirrorplan(
            ["verify", "--pcap", pcap, "--vni", "4242", "--expect", "not-mirrored"] + Self.pair)
        #expect(negative.exitCode == 0, "\(negative.stdout)")
        let http = try ProcessRunner.mirrorplan(
            ["verify", "--pcap", pcap, "--vni", "4242", "--traffic", "tcp/80", "--count", "6", "--format", "json"]
                + Self.pair)
        #expect(http.exitCode == 0, "\(http.stdout)")
        let tshark = try ProcessRunner.run(
            "tshark", ["-n", "-r", pcap, "-Y", "vxlan.vni==4242 && tcp.port==80", "-T", "fields", "-e", "frame.number"])
        let observed = try #require(try Self.json(http)["observed"] as? [String: Any])
        #expect(observed["packets"] as? Int == tshark.stdout.split(separator: "\n").count)
    }

    @Test("our own live capture sees the mirrored pings and writes the inner frames for Wireshark")
    func liveCapture() throws {
        let lab = try KernelLab(vni: 4242, mirror: .icmp)
        defer { lab.tearDown() }
        let inner = Self.temporary("pcap")
        defer { try? FileManager.default.removeItem(atPath: inner) }
        let verify = lab.background(
            lab.tgt,
            [
                ProcessRunner.mirrorplanBinary.path, "verify", "--interface", "t0",
                "--duration", "4s", "--vni", "4242", "--count", "5", "--format", "json", "--write-inner", inner,
            ] + Self.pair)
        try lab.waitForPacketSockets(lab.tgt, count: 1)
        try lab.exec(lab.cli, ["ping", "-n", "-c", "5", "-i", "0.2", KernelLab.server])
        let result = try verify.wait()
        #expect(result.exitCode == 0, "\(result.stdout) \(result.stderr)")
        let observed = try #require(try Self.json(result)["observed"] as? [String: Any])
        #expect(observed["echoRequests"] as? Int == 5)
        #expect(observed["echoReplies"] as? Int == 5)
        let tshark = try ProcessRunner.run(
            "tshark", ["-n", "-r", inner, "-Y", "icmp && !vxlan", "-T", "fields", "-e", "icmp.type"])
        #expect(tshark.stdout.split(separator: "\n").sorted() == ["0", "0", "0", "0", "0", "8", "8", "8", "8", "8"])
    }

    @Test("the built-in prober pings while capturing; on the traffic's own path verify says so")
    func proberOnOwnPath() throws {
        let lab = try KernelLab(vni: 4242, mirror: .icmp)
        defer { lab.tearDown() }
        let result = try ProcessRunner.run(
            "ip",
            [
                "netns", "exec", lab.cli, ProcessRunner.mirrorplanBinary.path, "verify",
                "--interface", "c0", "--ping", KernelLab.server, "--count", "3", "--vni", "4242", "--duration", "15s",
            ], timeout: 30)
        #expect(result.exitCode == 1)
        #expect(result.stderr.contains("ping \(KernelLab.server): 3 echo requests sent, 3 replies"), "\(result.stderr)")
        #expect(
            result.stdout.contains("6 packets of icmp between 198.18.1.1 and 198.18.1.2 were seen outside VXLAN"),
            "\(result.stdout)")
    }

}
