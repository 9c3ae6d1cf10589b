import EC2Query
import Foundation
import MirrorLab
import MirrorPlanTestSupport
import Testing

/// The built binary against `--lab DIR`: the whole plan/apply/destroy cycle of the lab example.
@Suite struct ReconcileEndToEndTests {
    static let mirror = ProcessRunner.packageRoot.appendingPathComponent("examples/lab/mirror.yaml").path
    static let mirrorHTTP = ProcessRunner.packageRoot.appendingPathComponent("examples/lab/mirror-http.yaml").path
    static let quiet: [String: String?] = ["MIRRORPLAN_LAB": nil, "NO_COLOR": "1"]

    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("mp-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    static func run(_ arguments: [String], lab: URL) throws -> ProcessResult {
        try ProcessRunner.mirrorplan(arguments + ["--lab", lab.path], environment: quiet)
    }

    /// A client on the same lab directory, for what the test itself creates or counts.
    static func client(_ lab: URL) throws -> EC2Client {
        try EC2Client.configured(
            overrides: .init(region: "us-east-1", endpointURL: "http://127.0.0.1:4566"),
            environment: ["AWS_ACCESS_KEY_ID": "AKIDTEST", "AWS_SECRET_ACCESS_KEY": "secret"],
            transport: try LabTransport.forLabDirectory(lab.path)
        ).client
    }

    @Test func planApplyReplanModifyReplaceAndDestroy() async throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let lab = directory.appendingPathComponent("lab")

        // A foreign session on the Server (the stack's source), with its own target and filter.
        let client = try Self.client(lab)
        let enis = try await client.resolveInstances(names: ["Client", "Server"], ids: [])
        let clientENI = try #require(enis["Client"]).networkInterfaceID
        let serverENI = try #require(enis["Server"]).networkInterfaceID
        let foreignTarget = try await client.createTrafficMirrorTarget(
            .init(networkInterfaceID: clientENI, clientToken: "ft")
        ).resource.id
        let foreignFilter = try await client.createTrafficMirrorFilter(.init(clientToken: "ff")).resource.id
        let foreignSession = try await client.createTrafficMirrorSession(
            .init(
                networkInterfaceID: serverENI, targetID: foreignTarget,
                filterID: foreignFilter, sessionNumber: 7,
                clientToken: "fs")
        ).resource.id

        let plan = try Self.run(["plan", Self.mirror, "--detailed-exitcode"], lab: lab)
        #expect(plan.exitCode == 2, "\(plan.stderr)")
        #expect(plan.stdout.contains("Plan: 5 to add, 0 to change, 0 to replace, 0 to destroy."))

        let apply = try Self.run(["apply", Self.mirror, "--auto-approve"], lab: lab)
        #expect(apply.exitCode == 0, "\(apply.stderr)")
        #expect(apply.stderr.split(separator: "\n").filter { $0.contains(": done in ") }.count == 5)

        let replan = try Self.run(["plan", Self.mirror, "--detailed-exitcode"], lab: lab)
        #expect(replan.exitCode == 0)
        #expect(replan.stdout.hasPrefix("No changes."))

        // The HTTP variant adds one rule per direction and changes the session's description.
        let http = try Self.run(["plan", Self.mirrorHTTP, "--detailed-exitcode", "--format", "json"], lab: lab)
        #expect(http.exitCode == 2)
        let document = try JSONSerialization.jsonObject(with: Data(http.stdout.utf8)) as? [String: Any]
        #expect(document?["summary"] as? [String: Int] == ["create": 1, "update": 0, "replace": 0, "delete": 0])
        let actions = document?["actions"] as? [[String: Any]]
        #expect(actions?.first?["name"] as? String == "icmp/ingress/200")

        // Moving the target to another instance replaces the target; the session is repointed and keeps its id.
        let sessionID = try #require(
            try await client.describeTrafficMirrorSessions().first { $0.id != foreignSession }?.id)
        let moved = directory.appendingPathComponent("moved.yaml")
        try String(contentsOfFile: Self.mirror, encoding: .utf8)
            .replacingOccurrences(
                of: "networkInterface: { instance: Target }", with: "networkInterface: { instance: Client }"
            )
            .write(to: moved, atomically: true, encoding: .utf8)
        let replace = try Self.run(["apply", moved.path, "--auto-approve"], lab: lab)
        #expect(replace.exitCode == 0, "\(replace.stderr)")
        #expect(replace.stdout.contains("Plan: 0 to add, 1 to change, 1 to replace, 0 to destroy."))
        let sessions = try await client.describeTrafficMirrorSessions()
        #expect(Set(sessions.map(\.id)) == [sessionID, foreignSession])
        let stackTarget = try #require(try await client.describeTrafficMirrorTargets().first { $0.id != foreignTarget })
        #expect(stackTarget.networkInterfaceID == clientENI)
        #expect(sessions.first { $0.id == sessionID }?.targetID == stackTarget.id)

        let destroy = try Self.run(["destroy", moved.path, "--auto-approve"], lab: lab)
        #expect(destroy.exitCode == 0, "\(destroy.stderr)")
        #expect(destroy.stdout.hasSuffix("Destroy complete! Resources: 5 destroyed.\n"), "\(destroy.stdout)")
        #expect(try await client.describeTrafficMirrorSessions().map(\.id) == [foreignSession])
        #expect(try await client.describeTrafficMirrorTargets().map(\.id) == [foreignTarget])
        #expect(try await client.describeTrafficMirrorFilters().map(\.id) == [foreignFilter])
        #expect(try await client.describeTrafficMirrorFilterRules().isEmpty)
        let again = try Self.run(["destroy", moved.path, "--auto-approve"], lab: lab)
        #expect(again.exitCode == 0)
        #expect(again.stdout.hasPrefix("Nothing to destroy: stack lab-mirror owns no resources"))
    }

    @Test func aStalePlanIsRefusedAndChangesNothing() throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let lab = directory.appendingPathComponent("lab")
        let planFile = directory.appendingPathComponent("plan.json")
        #expect(try Self.run(["plan", Self.mirror, "--out", planFile.path], lab: lab).exitCode == 0)
        // The world moves on: someone applies the HTTP variant first.
        #expect(try Self.run(["apply", Self.mirrorHTTP, "--auto-approve"], lab: lab).exitCode == 0)
        let stale = try Self.run(["apply", planFile.path], lab: lab)
        #expect(stale.exitCode == 1)
        #expect(stale.stderr.contains("stale plan"))
        let after = try Self.run(["plan", Self.mirrorHTTP, "--detailed-exitcode"], lab: lab)
        #expect(after.exitCode == 0, "the stale plan must not have changed anything: \(after.stdout)")
    }

    @Test func aFreshPlanFileAppliesWithoutAskingAndOnlyOnce() throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let lab = directory.appendingPathComponent("lab")
        let planFile = directory.appendingPathComponent("plan.json")
        #expect(try Self.run(["plan", Self.mirror, "--out", planFile.path], lab: lab).exitCode == 0)
        let applied = try Self.run(["apply", planFile.path], lab: lab)
        #expect(applied.exitCode == 0, "\(applied.stderr)")
        #expect(try Self.run(["apply", planFile.path], lab: lab).stderr.contains("stale plan"))
    }

    @Test func withoutATerminalApplyNeedsAutoApprove() throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let lab = directory.appendingPathComponent("lab")
        let result = try Self.run(["apply", Self.mirror], lab: lab)
        #expect(result.exitCode == 1)
        #expect(result.stderr.contains("--auto-approve"))
        #expect(try Self.run(["plan", Self.mirror, "--detailed-exitcode"], lab: lab).exitCode == 2)
    }

    @Test func anInvalidManifestPrintsItsDiagnosticsAndExitsOne() throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let manifest = directory.appendingPathComponent("bad.yaml")
        try "apiVersion: mirrorplan/v1\nstack: Bad_Name\n".write(to: manifest, atomically: true, encoding: .utf8)
        let result = try Self.run(["plan", manifest.path], lab: directory.appendingPathComponent("lab"))
        #expect(result.exitCode == 1)
        #expect(result.stderr.contains("bad.yaml:2:"))
        #expect(result.stdout.isEmpty)
    }

    @Test func theLabEnvironmentVariableSelectsTheLab() throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let result = try ProcessRunner.mirrorplan(
            ["plan", Self.mirror],
            environment: ["MIRRORPLAN_LAB": directory.appendingPathComponent("lab").path, "NO_COLOR": "1"])
        #expect(result.exitCode == 0, "\(result.stderr)")
        #expect(result.stdout.contains("5 to add"))
        #expect(FileManager.default.fileExists(atPath: directory.appendingPathComponent("lab/state.json").path))
    }
}
