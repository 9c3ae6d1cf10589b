import ArgumentParser
import Foundation
import MirrorVerify
import PacketCapture
import Synchronization

/// `mirrorplan verify`: proves that mirrored traffic arrives inside VXLAN with the session's VNI.
struct VerifyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Prove that mirrored traffic arrives at the target inside VXLAN with the session's VNI.",
        discussion: """
            Reads a capture (--pcap, pcap or pcapng, e.g. from `tcpdump -w` on the target) or captures live \
            (--interface, root or CAP_NET_RAW) and counts the inner packets of each check. Checks come from the \
            manifest's `verify` entries (VNI from the session; --vni when the session leaves it to AWS, else any \
            VNI is accepted and reported), or, without a manifest, from flags: --from, --to, --traffic, --count, \
            --expect and --vni. --ping sends ICMP echo requests while capturing, for a host that is both the \
            traffic source and the capture point. With neither --pcap nor --interface and --lab [DIR], verify \
            orchestrates each check on the lab's data plane (`mirrorplan lab up`, root): it reads the live session \
            through the lab's EC2 API, captures in the target instance's namespace and sends the traffic from the \
            `from` instance's namespace. Exit status 0 only when every check passes.
            """)

    @Argument(help: "A manifest whose `verify` checks to run.")
    var manifest: String?

    @Option(help: "Run only the named check.")
    var check: String?

    @Option(name: .customLong("pcap"), help: "Read this capture file (pcap or pcapng).")
    var pcap: String?

    @Option(help: "Capture live on this interface (run it on the target).")
    var interface: String?

    @Option(help: "How long to capture live (e.g. 20s, 500ms).")
    var duration: DurationArgument?

    @Option(help: "Send ICMP echo requests to this IPv4 address while capturing live.")
    var ping: String?

    @Option(help: "Packets sent; a mirrored check needs at least this many to arrive (and --ping sends this many).")
    var count: Int = 5

    @Option(help: "The session's VXLAN network identifier (0-16777215); omit to match any VNI.")
    var vni: UInt32?

    @Option(
        name: [.customLong("from"), .customLong("from-ip")],
        help: "The sender's address (the check's `from`; overrides a manifest's instance endpoint).")
    var from: String?

    @Option(
        name: [.customLong("to"), .customLong("to-ip")],
        help: "The receiver's address (the check's `to`); defaults to the --ping address.")
    var to: String?

    @Option(help: "icmp, tcp/PORT or udp/PORT.")
    var traffic: TrafficKind = .icmp

    @Option(help: "mirrored or not-mirrored.")
    var expect: MirrorExpectation = .mirrored

    @Option(help: "A name for the check given by flags.")
    var name: String = "flags"

    @Option(name: .customLong("write-inner"), help: "Write the decapsulated inner frames to this file as pcap.")
    var writeInner: String?

    @Option(help: "text or json.")
    var format: OutputFormat = .text

    @Flag(name: .customLong("no-color"), help: "Never colour the output.")
    var noColor = false

    @OptionGroup var labOptions: LabOptions

    enum OutputFormat: String, ExpressibleByArgument, Sendable { case text, json }

    func validate() throws {
        if pcap != nil, interface != nil { throw ValidationError("pass either --pcap or --interface, not both") }
        if pcap == nil, interface == nil {
            guard labOptions.labDirectory != nil else {
                throw ValidationError(
                    "pass --pcap FILE (a capture taken on the target, e.g. `tcpdump -w FILE udp port 4789`) or "
                        + "--interface IF (run verify on the target), or --lab [DIR] to orchestrate the checks on the "
                        + "lab's data plane; orchestration on AWS through Systems Manager is not available")
            }
            guard manifest != nil else {
                throw ValidationError("orchestrated verify (--lab) runs a manifest's checks: pass FILE")
            }
            for (flag, given) in [
                ("--ping", ping != nil), ("--duration", duration != nil), ("--from", from != nil),
                ("--to", to != nil), ("--write-inner", writeInner != nil),
            ] where given {
                throw ValidationError(
                    "\(flag) applies to --pcap or --interface; orchestrated verify takes the check from the manifest")
            }
        }
        if ping != nil, interface == nil {
            throw ValidationError("--ping needs --interface: it sends while capturing live")
        }
        if duration != nil, interface == nil { throw ValidationError("--duration applies to --interface only") }
        if let vni, vni > 0xff_ffff {
            throw ValidationError("--vni \(vni) is out of range: a VNI has 24 bits (0-16777215)")
        }
        if count < 0 { throw ValidationError("--count must be 0 or more") }
    }

    func run() async throws {
        let report: VerificationReport
        if pcap == nil, interface == nil, let directory = labOptions.labDirectory, let manifest {
            report = try await LabOrchestration(
                directory: directory, manifest: manifest, only: check, vni: vni
            ).run()
        } else if let pcap {
            let checks = try await resolveChecks()
            let progress = ProgressLine()
            do {
                report = try CaptureVerification.verify(
                    capturePath: pcap, checks: checks, innerPath: writeInner,
                    progress: { progress.update(seen: $0, matched: $1) })
            } catch {
                progress.finish()
                throw VerifyFailure(message: error.description)
            }
            progress.finish()
        } else if let interface {
            report = try runLive(interface: interface, checks: try await resolveChecks())
        } else {
            throw ValidationError("pass --pcap FILE or --interface IF")
        }
        let color = !noColor && ProcessInfo.processInfo.environment["NO_COLOR"] == nil && isatty(STDOUT_FILENO) == 1
        let output = format == .json ? report.renderJSON() : report.renderText(color: color)
        FileHandle.standardOutput.write(Data(output.utf8))
        if !report.allPassed { throw ExitCode.failure }
    }

    private func resolveChecks() async throws -> [VerificationCheck] {
        if let manifest {
            let from = try from.map { text throws in
                guard let address = IPAddress(text) else {
                    throw ValidationError("--from \(text) is not an IP address")
                }
                return address
            }
            let to = try to.map { text throws in
                guard let address = IPAddress(text) else { throw ValidationError("--to \(text) is not an IP address") }
                return address
            }
            var checks = ManifestChecks(path: manifest, only: check, vni: vni, from: from, to: to)
            if let directory = labOptions.labDirectory {
                // Instance endpoints and sessions without a VNI: resolved through the lab's EC2 API.
                let resolution = try await LabOrchestration(
                    directory: directory, manifest: manifest, only: check, vni: vni
                ).resolve(checks)
                checks.instances = resolution.addresses
                checks.liveVNIs = resolution.liveVNIs
            }
            do throws(ManifestChecks.Failure) {
                return try checks.load()
            } catch {
                throw VerifyFailure(message: error.description)
            }
        }
        if check != nil { throw ValidationError("--check selects a manifest check; give the check with flags instead") }
        guard let toText = to ?? ping else {
            throw ValidationError("--to IP is required (or --ping IP, which implies it)")
        }
        guard let destination = IPAddress(toText) else { throw ValidationError("--to \(toText) is not an IP address") }
        let source: IPAddress
        if let from {
            guard let parsed = IPAddress(from) else { throw ValidationError("--from \(from) is not an IP address") }
            source = parsed
        } else if let local = Self.localAddress(toward: destination) {
            source = local
        } else {
            throw ValidationError("--from IP is required")
        }
        return [
            VerificationCheck(
                name: name, vni: vni, from: source, to: destination, traffic: traffic,
                count: count, expect: expect)
        ]
    }

    /// This host's source address toward `destination` (a connected UDP socket sends nothing).
    private static func localAddress(toward destination: IPAddress) -> IPAddress? {
        guard !destination.isIPv6 else { return nil }
        let fd = socket(AF_INET, Int32(SOCK_DGRAM.rawValue), 0)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var remote = sockaddr_in()
        remote.sin_family = sa_family_t(AF_INET)
        remote.sin_port = UInt16(9).bigEndian
        remote.sin_addr.s_addr = UInt32(truncatingIfNeeded: destination.low).bigEndian
        let connected = withUnsafePointer(to: &remote) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard connected == 0 else { return nil }
        var local = sockaddr_in()
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let named = withUnsafeMutablePointer(to: &local) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        guard named == 0 else { return nil }
        return IPAddress(ipv4: UInt32(bigEndian: local.sin_addr.s_addr))
    }

    private func runLive(interface: String, checks: [VerificationCheck]) throws -> VerificationReport {
        let started = Date()
        let limit = Double(duration?.nanoseconds ?? 20_000_000_000) / 1e9
        let probeState = Mutex<(done: Date?, result: Result<EchoProbeResult, LiveCaptureError>?)>((nil, nil))
        var prober: EchoProber?
        if let ping {
            guard let target = IPAddress(ping), !target.isIPv6 else {
                throw ValidationError("--ping \(ping) is not an IPv4 address")
            }
            prober = EchoProber(destination: target, count: count)
        }
        let startProbing = {
            guard let prober else { return }
            // The prober blocks on its raw socket: give it its own thread while this one captures.
            Thread {
                let outcome: Result<EchoProbeResult, LiveCaptureError>
                do throws(LiveCaptureError) { outcome = .success(try prober.run()) } catch { outcome = .failure(error) }
                probeState.withLock { $0 = (Date(), outcome) }
            }.start()
        }
        let progress = ProgressLine()
        let report: VerificationReport
        do {
            report = try LiveVerification.verify(
                interface: interface, checks: checks, innerPath: writeInner, ready: startProbing,
                shouldStop: {
                    if Date().timeIntervalSince(started) >= limit { return true }
                    // After the prober's last reply, wait a little for the mirrored copies, then stop.
                    let done = probeState.withLock { $0.done }
                    return done.map { Date().timeIntervalSince($0) >= 1.5 } ?? false
                },
                progress: { progress.update(seen: $0, matched: $1) })
        } catch {
            progress.finish()
            throw VerifyFailure(message: "\(error)")
        }
        progress.finish()
        if ping != nil {
            // The capture may end at --duration before the prober does.
            while probeState.withLock({ $0.result == nil }) { Thread.sleep(forTimeInterval: 0.05) }
            switch probeState.withLock({ $0.result }) {
            case .success(let probe):
                FileHandle.standardError.write(
                    Data(
                        "ping \(probe.destination): \(probe.sent) echo requests sent, \(probe.received) replies\n".utf8)
                )
            case .failure(let error):
                throw VerifyFailure(message: error.description)
            case nil:
                break
            }
        }
        return report
    }
}

/// A verify run that could not produce a verdict (unreadable capture, no permission): exit 1 with the message.
struct VerifyFailure: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}
