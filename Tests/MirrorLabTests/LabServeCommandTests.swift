import Foundation
import MirrorPlanTestSupport
import Testing

/// `mirrorplan lab serve` argument and input errors, run as the built binary (the serving path itself is
/// driven by tests/python, which start the binary and talk to it with the AWS CLI and boto3).
@Suite struct LabServeCommandTests {
    @Test(arguments: [
        (["--fail-rate", "2"], "--fail-rate must be between 0 and 1"),
        (["--latency", "soon"], "--latency must be a duration"),
        (["--throttle", "sometimes"], "sometimes"),
        (["--throttle-scale", "0"], "--throttle-scale must be a positive number"),
        (["--verify-signatures", "nocolon"], "KEY_ID:SECRET"),
        (["--consistency-lag", "101"], "--consistency-lag must be 0 to 100"),
    ])
    func usageErrorsExit64(_ input: ([String], String)) throws {
        let result = try ProcessRunner.mirrorplan(["lab", "serve", "--port", "0"] + input.0, timeout: 30)
        #expect(result.exitCode == 64)
        #expect(result.stderr.contains(input.1), "\(result.stderr)")
        #expect(result.stdout.isEmpty)
    }

    @Test func badTopologyNamesTheLine() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("topology-\(UUID().uuidString).yaml")
        try Data("instances:\n  - { name: A, subnet: lab, ip: 10.9.9.9 }\n".utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let result = try ProcessRunner.mirrorplan(
            ["lab", "serve", "--port", "0", "--topology", file.path], timeout: 30)
        #expect(result.exitCode == 1)
        #expect(result.stderr.contains("\(file.path):2:"), "\(result.stderr)")
        #expect(result.stderr.contains("not inside subnet lab"))
    }

    @Test func helpListsTheFlags() throws {
        let result = try ProcessRunner.mirrorplan(["lab", "serve", "--help"], timeout: 30)
        #expect(result.exitCode == 0)
        for flag in [
            "--port", "--state", "--topology", "--latency", "--throttle", "--throttle-scale", "--fail-rate",
            "--verify-signatures", "--consistency-lag", "--seed",
        ] {
            #expect(result.stdout.contains(flag), "\(flag)")
        }
    }
}
