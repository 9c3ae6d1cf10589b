import Foundation
import MirrorPlanTestSupport
import Testing

/// apply on a terminal (a pseudo-terminal from util-linux `script`): the `yes` question, the step counter, colour.
@Suite(.enabled(if: ProcessRunner.which("script") != nil, "needs util-linux `script` for a pseudo-terminal"))
struct ApplyTerminalTests {
    static let mirror = ProcessRunner.packageRoot.appendingPathComponent("examples/lab/mirror.yaml").path

    static func onTerminal(_ arguments: [String], answer: String, environment: [String: String?] = [:]) throws
        -> ProcessResult
    {
        let command = ([ProcessRunner.mirrorplanBinary.path] + arguments).map { "'\($0)'" }.joined(separator: " ")
        return try ProcessRunner.run(
            "script", ["-qec", command, "/dev/null"], environment: environment, stdin: Data("\(answer)\n".utf8))
    }

    @Test(arguments: [false, true])
    func yesAppliesWithACounterAndColourUnlessNoColor(noColor: Bool) throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("mp-tty-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let lab = directory.appendingPathComponent("lab").path
        let result = try Self.onTerminal(
            ["apply", Self.mirror, "--lab", lab], answer: "yes",
            environment: ["NO_COLOR": noColor ? "1" : nil, "MIRRORPLAN_LAB": nil])
        #expect(result.exitCode == 0, "\(result.stdout)")
        #expect(result.stdout.contains("Only 'yes' will be accepted."))
        #expect(result.stdout.contains("[5/5] "))
        #expect(result.stdout.contains("\u{1B}[") == !noColor)
        #expect(try ProcessRunner.mirrorplan(["plan", Self.mirror, "--lab", lab, "--detailed-exitcode"]).exitCode == 0)
    }

    @Test func anyOtherAnswerCancelsAndChangesNothing() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("mp-tty-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let lab = directory.appendingPathComponent("lab").path
        let result = try Self.onTerminal(["apply", Self.mirror, "--lab", lab], answer: "y")
        #expect(result.exitCode == 1)
        #expect(result.stdout.contains("cancelled: nothing was changed"))
        #expect(try ProcessRunner.mirrorplan(["plan", Self.mirror, "--lab", lab, "--detailed-exitcode"]).exitCode == 2)
    }
}
