import EC2Query
import Foundation
import MirrorPlanTestSupport
import Testing

/// apply and destroy against a served lab that fails, throttles, or loses the process half-way: re-runs
/// converge, nothing is ever duplicated, nothing foreign is ever deleted.
@Suite(.serialized) struct ReconcileFaultTests {
    static let mirror = ProcessRunner.packageRoot.appendingPathComponent("examples/lab/mirror.yaml").path

    struct Foreign {
        var target: String, filter: String, session: String
    }

    /// A session of someone else's on the stack's source, with its own target and filter.
    static func createForeign(_ client: EC2Client) async throws -> Foreign {
        let enis = try await client.resolveInstances(names: ["Client", "Server"], ids: [])
        let clientENI = try #require(enis["Client"]).networkInterfaceID
        let serverENI = try #require(enis["Server"]).networkInterfaceID
        let target = try await client.createTrafficMirrorTarget(
            .init(networkInterfaceID: clientENI, clientToken: "ft")
        ).resource.id
        let filter = try await client.createTrafficMirrorFilter(.init(clientToken: "ff")).resource.id
        let session = try await client.createTrafficMirrorSession(
            .init(
                networkInterfaceID: serverENI, targetID: target, filterID: filter,
                sessionNumber: 7, clientToken: "fs")
        ).resource.id
        return Foreign(target: target, filter: filter, session: session)
    }

    /// Resources tagged with the lab stack, by kind.
    static func count(_ client: EC2Client) async throws -> [String: Int] {
        func owned(_ tags: [EC2Tag]) -> Bool {
            tags.contains { $0.key == "mirrorplan:stack" && $0.value == "lab-mirror" }
        }
        let filters = try await client.describeTrafficMirrorFilters()
        return [
            "target": try await client.describeTrafficMirrorTargets().filter { owned($0.tags) }.count,
            "filter": filters.filter { owned($0.tags) }.count,
            "rule": filters.filter { owned($0.tags) }.map { $0.ingressRules.count + $0.egressRules.count }.reduce(0, +),
            "session": try await client.describeTrafficMirrorSessions().filter { owned($0.tags) }.count,
        ]
    }

    static func expectForeignIntact(_ client: EC2Client, _ foreign: Foreign) async throws {
        #expect(
            try await client.describeTrafficMirrorSessions().contains {
                $0.id == foreign.session && $0.targetID == foreign.target
            })
        #expect(try await client.describeTrafficMirrorTargets().contains { $0.id == foreign.target })
        #expect(try await client.describeTrafficMirrorFilters().contains { $0.id == foreign.filter })
    }

    /// Runs `arguments` until it exits 0, at most `limit` times; returns how many runs it took.
    static func untilSuccess(_ arguments: [String], _ lab: ServedLab, limit: Int = 6) throws -> Int {
        for run in 1...limit {
            // No --read-timeout: a dropped connection is seen at once and retried (it used to cost a whole timeout).
            let result = try ProcessRunner.mirrorplan(arguments, environment: lab.environment, timeout: 120)
            if result.exitCode == 0 { return run }
        }
        return limit + 1
    }

    @Test(arguments: [
        ["--fail-rate", "0.2", "--seed", "7"], ["--throttle", "aws", "--throttle-scale", "20"],
        ["--fail-rate", "0.2", "--throttle", "aws", "--throttle-scale", "20", "--seed", "11"],
    ])
    func applyAndDestroyConvergeUnderFaults(faults: [String]) async throws {
        let lab = try ServedLab(faults)
        defer { lab.stop() }
        let client = try lab.client()
        let foreign = try await Self.createForeign(client)

        let applies = try Self.untilSuccess(["apply", Self.mirror, "--auto-approve"], lab)
        #expect(applies <= 6)
        #expect(try await Self.count(client) == ["target": 1, "filter": 1, "rule": 2, "session": 1])
        let replan = try ProcessRunner.mirrorplan(
            ["plan", Self.mirror, "--detailed-exitcode"], environment: lab.environment)
        #expect(
            replan.exitCode == 0 || replan.exitCode == 1, "a plan may fail on an injected fault, never show changes")
        try await Self.expectForeignIntact(client, foreign)

        let destroys = try Self.untilSuccess(["destroy", Self.mirror, "--auto-approve"], lab)
        #expect(destroys <= 6)
        #expect(try await Self.count(client) == ["target": 0, "filter": 0, "rule": 0, "session": 0])
        try await Self.expectForeignIntact(client, foreign)
    }

    @Test func aKilledApplyResumesWithoutDuplicates() async throws {
        let lab = try ServedLab(["--latency", "150ms"])
        defer { lab.stop() }
        let client = try lab.client()
        let foreign = try await Self.createForeign(client)

        // Start an apply and SIGKILL it once its first steps are done.
        let log = lab.directory.appendingPathComponent("apply.err")
        FileManager.default.createFile(atPath: log.path, contents: nil)
        let process = Process()
        process.executableURL = ProcessRunner.mirrorplanBinary
        process.arguments = ["apply", Self.mirror, "--auto-approve"]
        var environment = ProcessInfo.processInfo.environment
        for (key, value) in lab.environment { environment[key] = value }
        process.environment = environment
        process.standardOutput = FileHandle.nullDevice
        process.standardError = try FileHandle(forWritingTo: log)
        try process.run()
        let deadline = Date().addingTimeInterval(60)
        while process.isRunning, Date() < deadline {
            let text = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
            if text.components(separatedBy: ": done in ").count - 1 >= 2 { break }
            try await Task.sleep(for: .milliseconds(10))
        }
        #expect(process.isRunning, "the apply finished before it could be killed; raise the latency")
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        let partial = try await Self.count(client)
        #expect(partial.values.reduce(0, +) < 5, "killed mid-apply: \(partial)")

        #expect(try Self.untilSuccess(["apply", Self.mirror, "--auto-approve"], lab) <= 3)
        #expect(try await Self.count(client) == ["target": 1, "filter": 1, "rule": 2, "session": 1])
        try await Self.expectForeignIntact(client, foreign)
    }

    /// A dropped connection (RST after the lab read the request) is seen at once and retried: plan succeeds
    /// with the default 60 s read timeout, and the lab's stats show the drops it survived.
    @Test func droppedConnectionsAreRetriedAtOnce() async throws {
        let lab = try ServedLab(["--fail-rate", "0.5", "--seed", "4"])
        defer { lab.stop() }
        let started = Date()
        var environment = lab.environment
        environment["AWS_MAX_ATTEMPTS"] = "20"
        let plan = try ProcessRunner.mirrorplan(["plan", Self.mirror], environment: environment, timeout: 120)
        #expect(plan.exitCode == 0, "\(plan.stderr)")
        let stats = try await URLSessionTransport(timeout: 10).send(
            HTTPRequest(method: "GET", url: URL(string: lab.url + "/_lab/stats")!))
        let json = try #require(try JSONSerialization.jsonObject(with: stats.body) as? [String: Any])
        #expect((json["droppedConnections"] as? Int ?? 0) >= 1)
        #expect(Date().timeIntervalSince(started) < 20)  // sanity only: one hang used to cost the whole 60 s
    }
}
