import EC2Query
import Foundation
import MirrorPlanTestSupport

/// `mirrorplan lab serve --port 0 …` in the background for one test; `stop()` ends exactly this process.
final class ServedLab: @unchecked Sendable {
    let process = Process()
    let directory: URL
    let url: String

    init(_ arguments: [String]) throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("mp-served-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let out = directory.appendingPathComponent("out")
        let err = directory.appendingPathComponent("err")
        FileManager.default.createFile(atPath: out.path, contents: nil)
        FileManager.default.createFile(atPath: err.path, contents: nil)
        process.executableURL = ProcessRunner.mirrorplanBinary
        process.arguments =
            ["lab", "serve", "--port", "0", "--state", directory.appendingPathComponent("state.json").path] + arguments
        process.standardOutput = try FileHandle(forWritingTo: out)
        process.standardError = try FileHandle(forWritingTo: err)
        try process.run()
        let deadline = Date().addingTimeInterval(20)
        var found: String?
        while found == nil, Date() < deadline, process.isRunning {
            let text = (try? String(contentsOf: out, encoding: .utf8)) ?? ""
            found = text.split(separator: "\n").first { $0.hasPrefix("listening on ") }.map {
                String($0.dropFirst("listening on ".count))
            }
            if found == nil { Thread.sleep(forTimeInterval: 0.02) }
        }
        guard let found else {
            process.terminate()
            throw ProcessRunnerError.timedOut("mirrorplan lab serve", seconds: 20)
        }
        url = found
    }

    /// The environment a mirrorplan run needs to talk to this lab as if it were AWS.
    var environment: [String: String?] {
        [
            "AWS_ACCESS_KEY_ID": "AKIDSERVED", "AWS_SECRET_ACCESS_KEY": "secret", "AWS_REGION": "us-east-1",
            "AWS_ENDPOINT_URL": url, "AWS_PROFILE": nil, "MIRRORPLAN_LAB": nil, "NO_COLOR": "1",
            "AWS_CONFIG_FILE": directory.appendingPathComponent("no-config").path,
            "AWS_SHARED_CREDENTIALS_FILE": directory.appendingPathComponent("no-credentials").path,
            "AWS_MAX_ATTEMPTS": "10",
        ]
    }

    /// A client that retries hard, for what the test itself creates and counts.
    func client() throws -> EC2Client {
        try EC2Client.configured(
            overrides: .init(region: "us-east-1", endpointURL: url),
            environment: [
                "AWS_ACCESS_KEY_ID": "AKIDTEST", "AWS_SECRET_ACCESS_KEY": "secret", "AWS_MAX_ATTEMPTS": "20",
            ],
            // Only a sanity bound: a dropped connection is seen at once, not after the timeout.
            transport: URLSessionTransport(timeout: 20)
        ).client
    }

    func stop() {
        if process.isRunning {
            process.terminate()
            process.waitUntilExit()
        }
        try? FileManager.default.removeItem(at: directory)
    }
}
