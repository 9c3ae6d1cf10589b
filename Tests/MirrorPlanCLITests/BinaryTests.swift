import Foundation
import MirrorPlanTestSupport
import Testing

@Suite struct BinaryTests {
    @Test func helpListsTheToolAndExitsZero() throws {
        let result = try ProcessRunner.mirrorplan(["--help"])
        #expect(result.exitCode == 0)
        #expect(result.stdout.contains("USAGE: mirrorplan"))
    }

    @Test func unknownSubcommandIsAUsageError() throws {
        let result = try ProcessRunner.mirrorplan(["no-such-command"])
        #expect(result.exitCode == 64)
        #expect(result.stderr.contains("no-such-command"))
    }
}
