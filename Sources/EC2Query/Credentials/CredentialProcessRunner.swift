import Foundation

/// Runs a profile's `credential_process` and reads its JSON (`Version: 1`, `AccessKeyId`, `SecretAccessKey`,
/// optional `SessionToken`, `Expiration`). Its output is never echoed in errors: it holds the secret.
public struct CredentialProcessRunner: Sendable {
    public var timeout: TimeInterval

    public init(timeout: TimeInterval = 60) { self.timeout = timeout }

    struct Output: Decodable {
        var Version: Int
        var AccessKeyId: String
        var SecretAccessKey: String
        var SessionToken: String?
        var Expiration: String?
    }

    public func run(command: String, profile: String) async throws -> ResolvedCredentials {
        let (status, stdout, stderr) = try await Task.detached { [timeout] in
            try Self.execute(command, timeout: timeout)
        }.value
        let source = "credential_process of profile \(profile)"
        guard status == 0 else {
            let firstLine = stderr.split(separator: "\n").first.map { String($0.prefix(200)) } ?? ""
            throw CredentialError("\(source) exited with status \(status)\(firstLine.isEmpty ? "" : ": \(firstLine)")")
        }
        guard let output = try? JSONDecoder().decode(Output.self, from: stdout) else {
            throw CredentialError(
                "\(source) did not print the expected JSON ({\"Version\": 1, \"AccessKeyId\": …, \"SecretAccessKey\": …})"
            )
        }
        guard output.Version == 1 else {
            throw CredentialError("\(source) printed Version \(output.Version); only Version 1 is supported")
        }
        var expiration: Date?
        if let text = output.Expiration {
            guard let date = ISO8601.parse(text) else {
                throw CredentialError("\(source) printed an Expiration that is not an ISO 8601 time")
            }
            expiration = date
        }
        return ResolvedCredentials(
            credentials: AWSCredentials(
                accessKeyID: output.AccessKeyId, secretAccessKey: output.SecretAccessKey,
                sessionToken: output.SessionToken, expiration: expiration),
            source: source)
    }

    static func execute(_ command: String, timeout: TimeInterval) throws -> (Int32, Data, String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", command]
        let out = Pipe()
        let errURL = FileManager.default.temporaryDirectory.appendingPathComponent("mp-credproc-\(UUID().uuidString)")
        _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: errURL) }
        let errHandle = try FileHandle(forWritingTo: errURL)
        defer { try? errHandle.close() }
        process.standardOutput = out
        process.standardError = errHandle
        process.standardInput = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            throw CredentialError("credential_process could not be started: \(error.localizedDescription)")
        }
        let timer = DispatchWorkItem { if process.isRunning { process.terminate() } }
        DispatchQueue.global().asyncAfter(deadline: .now() + timeout, execute: timer)
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        timer.cancel()
        let stderr = (try? String(contentsOf: errURL, encoding: .utf8)) ?? ""
        return (process.terminationStatus, data, stderr)
    }
}
