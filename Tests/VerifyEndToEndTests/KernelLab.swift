import Foundation
import MirrorPlanTestSupport

/// capture.md §8's kernel lab, built per test: client, server and target network namespaces; the server's
/// traffic on s0 mirrored by `tc ... action mirred` through the tr0/tr1 "mirror port" into a VXLAN device that
/// tunnels to the target. Only addresses inside the namespaces (198.18.0.0/15) are used; `tearDown` kills the
/// lab's own processes and deletes the namespaces.
///
///     [cli] c0 198.18.1.1 ── s0 198.18.1.2 [srv] s1 198.18.2.1 ── t0 198.18.2.2 [tgt]
final class KernelLab: @unchecked Sendable {
    // @unchecked: the names are immutable after init; every method only runs external programs.
    enum Mirror: String { case icmp, tcp, all }

    static let client = "198.18.1.1", server = "198.18.1.2", target = "198.18.2.2"
    let cli: String, srv: String, tgt: String

    static var available: Bool {
        ProcessRunner.isRoot
            && ["ip", "tc", "tcpdump", "dumpcap", "tshark", "ping", "python3"]
                .allSatisfy { ProcessRunner.which($0) != nil }
    }

    init(vni: UInt32, mirror: Mirror) throws {
        let id = "mpv\(UInt32.random(in: 0..<UInt32.max) % 1_000_000)"
        (cli, srv, tgt) = ("\(id)-cli", "\(id)-srv", "\(id)-tgt")
        do {
            try build(vni: vni, mirror: mirror)
        } catch {
            tearDown()
            throw error
        }
    }

    private func build(vni: UInt32, mirror: Mirror) throws {
        for ns in [cli, srv, tgt] {
            try ip(["netns", "add", ns])
            // No IPv6: vx0's own MLD reports would otherwise show up in the tunnel (capture.md §8.2).
            try exec(ns, ["sysctl", "-qw", "net.ipv6.conf.all.disable_ipv6=1", "net.ipv6.conf.default.disable_ipv6=1"])
            try ip(["-n", ns, "link", "set", "lo", "up"])
        }
        try ip(["-n", cli, "link", "add", "c0", "type", "veth", "peer", "name", "s0", "netns", srv])
        try ip([
            "-n", srv, "link", "add", "s1", "mtu", "9000", "type", "veth", "peer", "name", "t0", "mtu", "9000", "netns",
            tgt,
        ])
        try ip(["-n", srv, "link", "add", "tr0", "type", "veth", "peer", "name", "tr1"])
        try ip(["-n", cli, "addr", "add", "\(Self.client)/24", "dev", "c0"])
        try ip(["-n", srv, "addr", "add", "\(Self.server)/24", "dev", "s0"])
        try ip(["-n", srv, "addr", "add", "198.18.2.1/24", "dev", "s1"])
        try ip(["-n", tgt, "addr", "add", "\(Self.target)/24", "dev", "t0"])
        try ip([
            "-n", srv, "link", "add", "vx0", "type", "vxlan", "id", "\(vni)", "local", Self.server,
            "remote", Self.target, "dstport", "4789", "dev", "s1",
        ])
        for (ns, dev) in [(cli, "c0"), (srv, "s0"), (srv, "s1"), (srv, "tr0"), (srv, "tr1"), (srv, "vx0"), (tgt, "t0")]
        {
            try ip(["-n", ns, "link", "set", dev, "up"])
        }
        if ProcessRunner.which("ethtool") != nil {
            // Software segmentation and checksums on the mirror path (capture.md §8.2).
            for (ns, dev) in [(cli, "c0"), (srv, "s0"), (srv, "tr0")] {
                _ = try? exec(ns, ["ethtool", "-K", dev, "tso", "off", "gso", "off", "tx", "off"])
            }
        }
        let match: [String] =
            switch mirror {
            case .icmp: ["match", "ip", "protocol", "1", "0xff"]
            case .tcp: ["match", "ip", "protocol", "6", "0xff"]
            case .all: ["match", "u32", "0", "0"]
            }
        try exec(srv, ["tc", "qdisc", "add", "dev", "s0", "clsact"])
        for hook in ["ingress", "egress"] {
            try exec(
                srv,
                ["tc", "filter", "add", "dev", "s0", hook, "protocol", "ip", "prio", "1", "u32"] + match
                    + ["action", "mirred", "egress", "mirror", "dev", "tr0"])
        }
        try exec(srv, ["tc", "qdisc", "add", "dev", "tr1", "clsact"])
        try exec(
            srv,
            [
                "tc", "filter", "add", "dev", "tr1", "ingress", "protocol", "all", "prio", "1", "u32",
                "match", "u32", "0", "0", "action", "mirred", "egress", "redirect", "dev", "vx0",
            ])
    }

    func tearDown() {
        for ns in [cli, srv, tgt] {
            if let pids = try? ProcessRunner.run("ip", ["netns", "pids", ns]).stdout {
                for pid in pids.split(separator: "\n").compactMap({ Int32($0) }) { kill(pid, SIGKILL) }
            }
            _ = try? ProcessRunner.run("ip", ["netns", "del", ns])
        }
    }

    @discardableResult
    func ip(_ arguments: [String]) throws -> ProcessResult {
        try checked(ProcessRunner.run("ip", arguments), "ip", arguments)
    }

    @discardableResult
    func exec(_ ns: String, _ arguments: [String], timeout: Double = 60) throws -> ProcessResult {
        try checked(ProcessRunner.run("ip", ["netns", "exec", ns] + arguments, timeout: timeout), ns, arguments)
    }

    /// Runs a program in `ns` on its own thread (not the test's cooperative pool, which blocking waits would
    /// starve); `BackgroundRun.wait()` returns its result.
    func background(_ ns: String, _ arguments: [String], timeout: Double = 60) -> BackgroundRun {
        let run = BackgroundRun()
        Thread {
            // Threads of the test process block SIGINT/SIGTERM and children inherit the mask; unblock it so a
            // capture can be stopped cleanly with SIGINT (see `interrupt`).
            let unblock =
                "import os, signal, sys; signal.pthread_sigmask(signal.SIG_SETMASK, []); os.execvp(sys.argv[1], sys.argv[1:])"
            run.finish(
                Result {
                    try ProcessRunner.run(
                        "ip", ["netns", "exec", ns, "python3", "-c", unblock] + arguments, timeout: timeout)
                })
        }.start()
        return run
    }

    /// Waits until `ns` has at least `count` AF_PACKET sockets open (a capture is listening).
    func waitForPacketSockets(_ ns: String, count: Int) throws {
        let deadline = Date().addingTimeInterval(20)
        while Date() < deadline {
            let lines = try exec(ns, ["cat", "/proc/net/packet"]).stdout.split(separator: "\n").count - 1
            if lines >= count { return }
            Thread.sleep(forTimeInterval: 0.05)
        }
        throw LabError(message: "no capture started listening in \(ns) within 20 s")
    }

    /// Sends SIGINT to the lab's processes in `ns` whose command line contains `name` (captures flush and exit).
    func interrupt(_ ns: String, _ name: String) throws {
        for pid in try ip(["netns", "pids", ns]).stdout.split(separator: "\n").compactMap({ Int32($0) }) {
            // /proc files report size 0, so read to the end rather than by size.
            let data = FileHandle(forReadingAtPath: "/proc/\(pid)/cmdline")?.readDataToEndOfFile() ?? Data()
            let command = String(decoding: data, as: UTF8.self)
            if command.contains(name) { kill(pid, SIGINT) }
        }
    }

    private func checked(_ result: ProcessResult, _ context: String, _ arguments: [String]) throws -> ProcessResult {
        guard result.exitCode == 0 else {
            throw LabError(
                message: "\(context) \(arguments.joined(separator: " ")) exited \(result.exitCode): \(result.stderr)")
        }
        return result
    }
}

struct LabError: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}

/// A program running on its own thread; `wait()` blocks until it exits.
final class BackgroundRun: @unchecked Sendable {
    // @unchecked: `result` is written once before the semaphore is signalled and read only after waiting on it.
    private var result: Result<ProcessResult, any Error>?
    private let done = DispatchSemaphore(value: 0)

    func finish(_ value: Result<ProcessResult, any Error>) {
        result = value
        done.signal()
    }

    func wait() throws -> ProcessResult {
        done.wait()
        done.signal()
        guard let result else { throw LabError(message: "background program produced no result") }
        return try result.get()
    }
}
