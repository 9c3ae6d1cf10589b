import EC2Query
import Foundation
import MirrorPlanTestSupport
import Testing

@testable import MirrorLab

/// The lab's data plane in the real kernel, driven through the built binary and the EC2 client: `lab up`, the
/// lab's resources created over the client's wire path (each change synced into the namespaces), orchestrated
/// `verify` proving the kernel follows the filter rules and the VNI, then `lab down` leaving nothing behind.
/// Traffic flows only inside the namespaces the test's lab created.
@Suite(
    .serialized,
    .enabled(if: DataPlaneTestLab.available, "needs root and iproute2 (ip, tc): it creates network namespaces"))
struct LabDataPlaneKernelTests {
    static let manifest = ProcessRunner.packageRoot.appendingPathComponent("examples/lab/mirror.yaml").path
    static let httpManifest = ProcessRunner.packageRoot.appendingPathComponent("examples/lab/mirror-http.yaml").path

    /// The client over the lab directory's transport, as `--lab DIR` builds it (with the data plane synced).
    static func client(_ lab: DataPlaneTestLab) throws -> EC2Client {
        EC2ClientOverLabTests.client(
            transport: try LabTransport.forLabDirectory(lab.directory.path),
            endpoint: try #require(URL(string: "https://ec2.us-east-1.amazonaws.com")))
    }

    /// verify's JSON: check name → (result, observed).
    static func checks(_ result: ProcessResult) throws -> [String: (
        result: String, observed: [String: Any], findings: [String]
    )] {
        let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
        let checks = try #require(
            object?["checks"] as? [[String: Any]], "stdout: \(result.stdout) stderr: \(result.stderr)")
        var byName: [String: (String, [String: Any], [String])] = [:]
        for check in checks {
            let name = try #require(check["name"] as? String)
            byName[name] = (
                check["result"] as? String ?? "", check["observed"] as? [String: Any] ?? [:],
                check["findings"] as? [String] ?? []
            )
        }
        return byName
    }

    @Test(
        "without root, lab up and lab serve --dataplane netns refuse with a message saying so",
        .enabled(if: ProcessRunner.which("setpriv") != nil, "needs setpriv to drop root"))
    func needsRoot() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("mpl-nobody-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let drop = ["--reuid=65534", "--regid=65534", "--clear-groups", ProcessRunner.mirrorplanBinary.path]
        for arguments in [
            ["lab", "up", "--lab", directory.path], ["lab", "serve", "--port", "0", "--dataplane", "netns"],
        ] {
            let result = try ProcessRunner.run("setpriv", drop + arguments, timeout: 30)
            #expect(result.exitCode == 1, "\(arguments): \(result.stderr)")
            #expect(result.stderr.contains("creates network namespaces, which needs root"), "\(result.stderr)")
        }
    }

    @Test("the user's path: lab up, apply, verify; apply the HTTP rule and the HTTP check fails; destroy; lab down")
    func applyThenVerify() throws {
        let lab = try DataPlaneTestLab()
        defer { lab.close() }
        let apply = try lab.mirrorplan(["apply", Self.manifest, "--auto-approve"])
        #expect(apply.exitCode == 0, "\(apply.stdout) \(apply.stderr)")
        let status = try lab.mirrorplan(["lab", "status"])
        #expect(status.stdout.contains("VNI 4242\t\(lab.prefix)-server -> \(lab.prefix)-target"), "\(status.stdout)")

        let first = try lab.mirrorplan(["verify", Self.manifest])
        #expect(first.exitCode == 0, "\(first.stdout) \(first.stderr)")
        #expect(first.stdout.contains("2 checks: 2 passed, 0 failed"))

        let http = try lab.mirrorplan(["apply", Self.httpManifest, "--auto-approve"])
        #expect(http.exitCode == 0, "\(http.stdout) \(http.stderr)")
        let second = try lab.mirrorplan(["verify", Self.manifest, "--format", "json"])
        #expect(second.exitCode == 1, "\(second.stdout) \(second.stderr)")
        let checks = try Self.checks(second)
        #expect(checks["icmp-arrives"]?.result == "pass")
        #expect(checks["http-not-mirrored"]?.result == "fail")
        // The HTTP manifest adds only the inbound TCP/80 rule: requests are mirrored, responses are not.
        #expect((checks["http-not-mirrored"]?.observed["forward"] as? Int ?? 0) >= 5)
        #expect(checks["http-not-mirrored"]?.observed["reverse"] as? Int == 0)

        let destroy = try lab.mirrorplan(["destroy", Self.httpManifest, "--auto-approve"])
        #expect(destroy.exitCode == 0, "\(destroy.stdout) \(destroy.stderr)")
        let empty = try lab.mirrorplan(["lab", "status"])
        #expect(empty.exitCode == 0)
        #expect(!empty.stdout.contains("session "))
        let gone = try lab.mirrorplan(["verify", Self.manifest])
        #expect(gone.exitCode == 1)
        #expect(gone.stderr.contains("session `server-icmp` is not in the lab"), "\(gone.stderr)")

        #expect(try lab.mirrorplan(["lab", "down"]).exitCode == 0)
        #expect(lab.namespaces.isEmpty)
    }

    @Test("verify on the data plane: ICMP mirrored, HTTP not; an added TCP 80 rule and a changed VNI show up")
    func orchestratedVerifyFollowsTheRules() async throws {
        let hostLinks = try ProcessRunner.run("ip", ["-o", "link", "show"]).stdout
        let lab = try DataPlaneTestLab()
        defer { lab.close() }
        #expect(lab.namespaces == ["br", "client", "server", "target"].map { "\(lab.prefix)-\($0)" })

        let ec2 = try Self.client(lab)
        let resolved = try await ec2.resolveInstances(names: ["Server", "Target"], ids: [])
        let source = try #require(resolved["Server"]?.networkInterfaceID)
        let targetENI = try #require(resolved["Target"]?.networkInterfaceID)
        let target = try await ec2.createTrafficMirrorTarget(.init(networkInterfaceID: targetENI)).resource
        let filter = try await ec2.createTrafficMirrorFilter(.init(description: "icmp")).resource
        for direction in ["ingress", "egress"] {
            _ = try await ec2.createTrafficMirrorFilterRule(
                .init(
                    filterID: filter.id,
                    fields: .init(
                        trafficDirection: direction, ruleNumber: 100, ruleAction: "accept", protocolNumber: 1,
                        destinationCIDRBlock: "0.0.0.0/0", sourceCIDRBlock: "0.0.0.0/0")))
        }
        let session = try await ec2.createTrafficMirrorSession(
            .init(
                networkInterfaceID: source, targetID: target.id, filterID: filter.id, sessionNumber: 1,
                virtualNetworkID: 4242)
        ).resource

        let status = try lab.mirrorplan(["lab", "status"])
        #expect(status.exitCode == 0, "\(status.stdout) \(status.stderr)")
        #expect(status.stdout.contains("VNI 4242\t\(lab.prefix)-server -> \(lab.prefix)-target"))

        let first = try lab.mirrorplan(["verify", Self.manifest, "--format", "json"])
        #expect(first.exitCode == 0, "\(first.stdout) \(first.stderr)")
        let passing = try Self.checks(first)
        #expect(passing["icmp-arrives"]?.result == "pass")
        #expect(passing["icmp-arrives"]?.observed["echoRequests"] as? Int == 5)
        #expect(passing["icmp-arrives"]?.observed["echoReplies"] as? Int == 5)
        #expect(passing["http-not-mirrored"]?.result == "pass")
        #expect(passing["http-not-mirrored"]?.observed["packets"] as? Int == 0)

        // The filter now mirrors HTTP too: the kernel follows, so "HTTP is not mirrored" fails.
        _ = try await ec2.createTrafficMirrorFilterRule(
            .init(
                filterID: filter.id,
                fields: .init(
                    trafficDirection: "ingress", ruleNumber: 200, ruleAction: "accept",
                    destinationPortRange: TrafficMirrorPortRange(fromPort: 80, toPort: 80), protocolNumber: 6,
                    destinationCIDRBlock: "0.0.0.0/0", sourceCIDRBlock: "0.0.0.0/0")))
        _ = try await ec2.createTrafficMirrorFilterRule(
            .init(
                filterID: filter.id,
                fields: .init(
                    trafficDirection: "egress", ruleNumber: 200, ruleAction: "accept",
                    sourcePortRange: TrafficMirrorPortRange(fromPort: 80, toPort: 80), protocolNumber: 6,
                    destinationCIDRBlock: "0.0.0.0/0", sourceCIDRBlock: "0.0.0.0/0")))
        let second = try lab.mirrorplan(["verify", Self.manifest, "--format", "json"])
        #expect(second.exitCode == 1, "\(second.stdout) \(second.stderr)")
        let http = try Self.checks(second)
        #expect(http["icmp-arrives"]?.result == "pass")
        #expect(http["http-not-mirrored"]?.result == "fail")
        #expect((http["http-not-mirrored"]?.observed["packets"] as? Int ?? 0) >= 5)
        let both = try lab.mirrorplan(["verify", Self.httpManifest, "--format", "json"])
        #expect(both.exitCode == 0, "\(both.stdout) \(both.stderr)")
        // Two TCP checks on one port in one run (the first listener is gone before the second binds), and UDP.
        let stack = try String(contentsOfFile: Self.httpManifest, encoding: .utf8).components(separatedBy: "verify:")[0]
        let manifest = lab.directory.appendingPathComponent("more-checks.yaml")
        try
            (stack + """
                verify:
                  - { name: http-1, session: server-icmp, from: { instance: Client }, to: { instance: Server }, traffic: tcp/80, count: 3, expect: mirrored }
                  - { name: http-2, session: server-icmp, from: { instance: Client }, to: { ip: 10.0.1.20 }, traffic: tcp/80, count: 3, expect: mirrored }
                  - { name: dns, session: server-icmp, from: { instance: Client }, to: { instance: Server }, traffic: udp/53, count: 3, expect: not-mirrored, timeout: 5s }

                """).write(to: manifest, atomically: true, encoding: .utf8)
        let more = try lab.mirrorplan(["verify", manifest.path, "--format", "json"])
        #expect(more.exitCode == 0, "\(more.stdout) \(more.stderr)")
        #expect(
            more.stderr.contains("http-2: 3 TCP connections 10.0.1.10 -> 10.0.1.20:80, 3 completed"), "\(more.stderr)")
        #expect(more.stderr.contains("dns: 3 UDP datagrams 10.0.1.10 -> 10.0.1.20:53"), "\(more.stderr)")

        // The live session's VNI changes; the manifest still says 4242: the packets arrive under the other VNI.
        _ = try await ec2.modifyTrafficMirrorSession(.init(sessionID: session.id, virtualNetworkID: 4243))
        let wrong = try lab.mirrorplan(["verify", Self.manifest, "--check", "icmp-arrives", "--format", "json"])
        #expect(wrong.exitCode == 1, "\(wrong.stdout) \(wrong.stderr)")
        let wrongVNI = try Self.checks(wrong)["icmp-arrives"]
        #expect(wrongVNI?.result == "fail")
        #expect(wrongVNI?.observed["packets"] as? Int == 0)
        #expect((wrongVNI?.observed["otherVNIs"] as? [String: Any])?["4243"] as? Int == 10)

        // A namespace removed behind the lab's back: verify says which, `lab up` recreates only what is missing.
        _ = try ProcessRunner.run("ip", ["netns", "del", "\(lab.prefix)-client"])
        let broken = try lab.mirrorplan(["verify", manifest.path, "--check", "http-1"])
        #expect(broken.exitCode == 1)
        #expect(broken.stderr.contains("no network namespace \(lab.prefix)-client"), "\(broken.stderr)")
        #expect(try lab.mirrorplan(["lab", "status"]).exitCode == 1)
        #expect(try lab.mirrorplan(["lab", "up"]).exitCode == 0)
        #expect(lab.namespaces.count == 4)
        let repaired = try lab.mirrorplan(["verify", manifest.path, "--check", "http-1"])
        // Traffic flows again from the recreated Client (still under the changed VNI, so the check fails on that).
        #expect(repaired.stdout.contains("arrived with VNI 4243"), "\(repaired.stdout) \(repaired.stderr)")

        let down = try lab.mirrorplan(["lab", "down"])
        #expect(down.exitCode == 0, "\(down.stderr)")
        #expect(lab.namespaces.isEmpty)
        #expect(
            try ProcessRunner.run("ip", ["-o", "link", "show"]).stdout.split(separator: "\n").count
                == hostLinks.split(separator: "\n").count)
        let after = try lab.mirrorplan(["lab", "status"])
        #expect(after.exitCode == 1)
    }
}

/// A lab directory with its data plane; `close()` runs `lab down` and, should that fail, deletes the namespaces.
final class DataPlaneTestLab: @unchecked Sendable {
    static var available: Bool { ProcessRunner.isRoot && ["ip", "tc"].allSatisfy { ProcessRunner.which($0) != nil } }

    // @unchecked: immutable after init; methods only run external programs.
    let directory: URL
    let prefix: String

    init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("mpl-dataplane-\(UUID().uuidString)")
        let up = try ProcessRunner.mirrorplan(["lab", "up", "--lab", directory.path])
        guard up.exitCode == 0, let record = DataPlaneRecord.load(from: directory) else {
            throw TestFailure("lab up exited \(up.exitCode): \(up.stderr)")
        }
        prefix = record.prefix
    }

    var namespaces: [String] {
        let list = (try? ProcessRunner.run("ip", ["netns", "list"]).stdout) ?? ""
        return KernelObservation.namespaces(fromList: list).filter { $0.hasPrefix(prefix + "-") }.sorted()
    }

    func mirrorplan(_ arguments: [String]) throws -> ProcessResult {
        try ProcessRunner.mirrorplan(arguments + ["--lab", directory.path])
    }

    func close() {
        _ = try? ProcessRunner.mirrorplan(["lab", "down", "--lab", directory.path])
        for namespace in namespaces { _ = try? ProcessRunner.run("ip", ["netns", "del", namespace]) }
        try? FileManager.default.removeItem(at: directory)
    }
}

struct TestFailure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
