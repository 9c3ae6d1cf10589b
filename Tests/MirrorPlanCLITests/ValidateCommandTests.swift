import Foundation
import MirrorPlanTestSupport
import Testing

/// `mirrorplan validate` end to end: the built binary, its exit codes and its three output formats.
@Suite struct ValidateCommandTests {
    static let examples = [
        "examples/lab/mirror.yaml", "examples/lab/mirror-http.yaml", "examples/production/web-tier.yaml",
    ]
    .map { ProcessRunner.packageRoot.appendingPathComponent($0).path }

    /// A scratch directory with the given files, removed after `body`.
    private func withFiles<T>(_ files: [String: Data], _ body: (URL) throws -> T) throws -> T {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "mp-validate-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        for (name, data) in files { try data.write(to: directory.appendingPathComponent(name)) }
        return try body(directory)
    }

    static let broken = Data(
        """
        apiVersion: mirrorplan/v1
        stack: lab
        targets:
          monitor: { networkInterface: { instance: Target } }
        filters:
          icmp:
            ingress:
              - { rule: 100, actoin: accept, protocol: icmp, source: 0.0.0.0/0, destination: 0.0.0.0/0 }
        sessions:
          server: { source: { instance: Server }, target: monitor, filter: icmp, number: 1, vni: 0 }

        """.utf8)

    static let warnsOnly = Data(
        """
        apiVersion: mirrorplan/v1
        stack: lab
        targets:
          spare: { networkInterface: eni-0123456789abcdef0 }

        """.utf8)

    @Test func validExamplesExitZeroAndKeepStdoutQuiet() throws {
        let result = try ProcessRunner.mirrorplan(["validate"] + Self.examples)
        #expect(result.exitCode == 0, "\(result.stderr)")
        #expect(result.stdout.isEmpty)
        #expect(result.stderr == "3 files valid\n")
    }

    @Test func textFormatIsCompilerStyleWithSourceLineAndCaretOnStderr() throws {
        try withFiles(["broken.yaml": Self.broken]) { directory in
            let path = directory.appendingPathComponent("broken.yaml").path
            let result = try ProcessRunner.mirrorplan(["validate", path])
            #expect(result.exitCode == 1)
            #expect(result.stdout.isEmpty)
            let lines = result.stderr.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            #expect(
                lines[0]
                    == "\(path):8:9: error: an ingress rule of filter 'icmp' is missing required key 'action' [manifest.missing-key]"
            )
            #expect(
                lines[1]
                    == "      - { rule: 100, actoin: accept, protocol: icmp, source: 0.0.0.0/0, destination: 0.0.0.0/0 }"
            )
            #expect(lines[2] == "        ^")
            #expect(
                lines[3].hasPrefix(
                    "\(path):8:22: error: unknown key 'actoin' in an ingress rule of filter 'icmp'; did you mean 'action'?"
                ))
            #expect(lines[3].hasSuffix("[manifest.unknown-key]"))
            #expect(lines[5] == String(repeating: " ", count: 21) + "^")
            #expect(
                lines[6]
                    == "\(path):10:90: error: vni 0 is out of range; allowed: 1..16777215 (a 24-bit VXLAN id; omit it to let AWS pick one) [manifest.vni-range]"
            )
            #expect(lines[9] == "3 errors in 1 file")
            #expect(!result.stderr.contains("\u{1B}["), "no colour when stderr is not a terminal")
        }
    }

    @Test func jsonFormatIsAnArrayOfDiagnosticsOnStdout() throws {
        try withFiles(["broken.yaml": Self.broken]) { directory in
            let path = directory.appendingPathComponent("broken.yaml").path
            let result = try ProcessRunner.mirrorplan(["validate", "--format", "json", path])
            #expect(result.exitCode == 1)
            #expect(result.stderr.isEmpty)
            let array = try #require(
                try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
            #expect(array.count == 3)
            #expect(
                array.map { $0["code"] as? String } == [
                    "manifest.missing-key", "manifest.unknown-key", "manifest.vni-range",
                ])
            let first = try #require(array.first)
            #expect(Set(first.keys) == ["file", "line", "column", "severity", "code", "message"])
            #expect(first["file"] as? String == path && first["line"] as? Int == 8 && first["column"] as? Int == 9)
            #expect(first["severity"] as? String == "error")
            #expect((array[1]["message"] as? String)?.contains("did you mean 'action'?") == true)
        }
    }

    @Test func jsonFormatOfValidFilesIsAnEmptyArray() throws {
        let result = try ProcessRunner.mirrorplan(["validate", "--format", "json"] + Self.examples)
        #expect(result.exitCode == 0 && result.stdout == "[]\n")
    }

    @Test func githubFormatEmitsWorkflowCommands() throws {
        try withFiles(["broken.yaml": Self.broken, "warns.yaml": Self.warnsOnly]) { directory in
            let broken = directory.appendingPathComponent("broken.yaml").path
            let warns = directory.appendingPathComponent("warns.yaml").path
            let result = try ProcessRunner.mirrorplan(["validate", "--format", "github", broken, warns])
            #expect(result.exitCode == 1)
            let lines = result.stdout.split(separator: "\n").map(String.init)
            #expect(lines.count == 4)
            #expect(
                lines[0]
                    == "::error file=\(broken),line=8,col=9,title=manifest.missing-key::an ingress rule of filter 'icmp' is missing required key 'action'"
            )
            #expect(
                lines[2].hasPrefix(
                    "::error file=\(broken),line=10,col=90,title=manifest.vni-range::vni 0 is out of range"))
            #expect(
                lines[3]
                    == "::warning file=\(warns),line=4,col=3,title=manifest.unused::target 'spare' is not used by any session"
            )
        }
    }

    @Test func warningsAloneExitZero() throws {
        try withFiles(["warns.yaml": Self.warnsOnly]) { directory in
            let path = directory.appendingPathComponent("warns.yaml").path
            let result = try ProcessRunner.mirrorplan(["validate", path])
            #expect(result.exitCode == 0)
            #expect(
                result.stderr.hasPrefix(
                    "\(path):4:3: warning: target 'spare' is not used by any session [manifest.unused]\n"))
            #expect(result.stderr.hasSuffix("1 warning in 1 file; the file is valid\n"))
        }
    }

    @Test func oneInvalidFileAmongValidOnesFailsTheRun() throws {
        try withFiles(["broken.yaml": Self.broken]) { directory in
            let result = try ProcessRunner.mirrorplan(
                ["validate"] + Self.examples + [directory.appendingPathComponent("broken.yaml").path])
            #expect(result.exitCode == 1)
            #expect(result.stderr.hasSuffix("3 errors in 1 file\n"))
        }
    }

    @Test func unreadableFilesAreErrors() throws {
        try withFiles([:]) { directory in
            let missing = directory.appendingPathComponent("missing.yaml").path
            let result = try ProcessRunner.mirrorplan(["validate", "--format", "json", missing, directory.path])
            #expect(result.exitCode == 1)
            let array = try #require(
                try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
            #expect(array.map { $0["code"] as? String } == ["manifest.unreadable", "manifest.unreadable"])
            #expect((array[0]["message"] as? String)?.contains("does not exist") == true)
            #expect((array[1]["message"] as? String)?.contains("is a directory") == true)
        }
    }

    @Test func hostileFilesGiveOneClearErrorEach() throws {
        let deep = Data((String(repeating: "[", count: 20_000) + String(repeating: "]", count: 20_000)).utf8)
        let huge = Data(repeating: UInt8(ascii: " "), count: 9 * 1024 * 1024)
        let binary = Data([0x61, 0x3A, 0x20, 0xC0, 0xAF, 0x0A])
        try withFiles(["deep.yaml": deep, "huge.yaml": huge, "binary.yaml": binary, "empty.yaml": Data()]) {
            directory in
            let names = ["deep.yaml", "huge.yaml", "binary.yaml", "empty.yaml"]
            let result = try ProcessRunner.mirrorplan(
                ["validate", "--format", "json"] + names.map { directory.appendingPathComponent($0).path }, timeout: 60)
            #expect(result.exitCode == 1)
            let array = try #require(
                try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
            #expect(
                array.map { $0["code"] as? String } == [
                    "manifest.too-deep", "manifest.too-large", "manifest.encoding", "manifest.empty",
                ])
            #expect(array[2]["column"] as? Int == 4)
        }
    }

    @Test func usageErrorsExit64() throws {
        #expect(try ProcessRunner.mirrorplan(["validate"]).exitCode == 64)
        #expect(try ProcessRunner.mirrorplan(["validate", "--format", "xml", Self.examples[0]]).exitCode == 64)
    }

    // `script` gives the child a pseudo-terminal, so colour can be observed and switched off.
    @Test(
        .enabled(if: ProcessRunner.which("script") != nil, "needs script(1) from util-linux for a pseudo-terminal"),
        arguments: [([], nil, true), ([], "1", false), (["--no-color"], nil, false)] as [([String], String?, Bool)])
    func colourOnlyOnATerminalAndNeverWhenAskedNotTo(flags: [String], noColor: String?, coloured: Bool) throws {
        let environment: [String: String?] = ["NO_COLOR": noColor]
        try withFiles(["broken.yaml": Self.broken]) { directory in
            let command =
                ([ProcessRunner.mirrorplanBinary.path, "validate"] + flags + [
                    directory.appendingPathComponent("broken.yaml").path
                ])
                .joined(separator: " ")
            let result = try ProcessRunner.run("script", ["-qec", command, "/dev/null"], environment: environment)
            #expect(result.exitCode == 1)
            #expect(result.stdout.contains("manifest.vni-range"))
            #expect(result.stdout.contains("\u{1B}[1;31merror:\u{1B}[0m") == coloured)
            #expect(result.stdout.contains("\u{1B}[") == coloured)
        }
    }
}
