import Foundation

/// Runs an external program (the built `mirrorplan`, `ip`, `tcpdump`, `tshark`, `aws`, `python3`, ...)
/// and collects its output. Tests use it to exercise real binaries end to end.
public struct ProcessResult: Sendable {
    public var exitCode: Int32
    public var stdout: String
    public var stderr: String
}

public enum ProcessRunnerError: Error, CustomStringConvertible {
    case notFound(String)
    case timedOut(String, seconds: Double)

    public var description: String {
        switch self {
        case .notFound(let name): "program not found on PATH: \(name)"
        case .timedOut(let command, let seconds): "\(command) did not finish within \(seconds)s"
        }
    }
}

public enum ProcessRunner {
    /// The package root, found from this file's location (Sources/MirrorPlanTestSupport/ProcessRunner.swift).
    public static let packageRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The `mirrorplan` binary that `swift build` produced for this test run.
    public static var mirrorplanBinary: URL {
        if let path = ProcessInfo.processInfo.environment["MIRRORPLAN_BIN"] { return URL(fileURLWithPath: path) }
        // `swift test` puts the test bundle next to the built products.
        let products = Bundle.main.bundleURL.deletingLastPathComponent()
        let candidate = products.appendingPathComponent("mirrorplan")
        if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        return packageRoot.appendingPathComponent(".build/debug/mirrorplan")
    }

    /// Looks a program up on PATH.
    public static func which(_ name: String) -> URL? {
        if name.contains("/") {
            return FileManager.default.isExecutableFile(atPath: name) ? URL(fileURLWithPath: name) : nil
        }
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin:/usr/sbin:/sbin"
        for dir in path.split(separator: ":") {
            let candidate = URL(fileURLWithPath: String(dir)).appendingPathComponent(name)
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        return nil
    }

    /// Runs `executable` with `arguments`, feeding `stdin`, and waits at most `timeout` seconds.
    /// `environment` entries are added to (or, with a nil value, removed from) the inherited environment.
    @discardableResult
    public static func run(
        _ executable: URL,
        _ arguments: [String],
        environment: [String: String?] = [:],
        stdin: Data? = nil,
        currentDirectory: URL? = nil,
        timeout: Double = 120
    ) throws -> ProcessResult {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        var env = ProcessInfo.processInfo.environment
        for (key, value) in environment { env[key] = value }
        process.environment = env
        if let currentDirectory { process.currentDirectoryURL = currentDirectory }

        // Files, not pipes: a chatty child can never block on a full pipe while we wait for it.
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("mp-run-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let outURL = dir.appendingPathComponent("out")
        let errURL = dir.appendingPathComponent("err")
        _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
        let out = try FileHandle(forWritingTo: outURL)
        let err = try FileHandle(forWritingTo: errURL)
        defer {
            try? out.close()
            try? err.close()
        }
        process.standardOutput = out
        process.standardError = err
        if let stdin {
            let inURL = dir.appendingPathComponent("in")
            try stdin.write(to: inURL)
            process.standardInput = try FileHandle(forReadingFrom: inURL)
        } else {
            process.standardInput = FileHandle.nullDevice
        }

        try process.run()
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning {
            if Date() > deadline {
                // A child can inherit a blocked SIGTERM from the test thread, so SIGTERM alone may never end it.
                process.terminate()
                let grace = Date().addingTimeInterval(2)
                while process.isRunning && Date() < grace { Thread.sleep(forTimeInterval: 0.02) }
                if process.isRunning { kill(process.processIdentifier, SIGKILL) }
                process.waitUntilExit()
                throw ProcessRunnerError.timedOut(
                    ([executable.path] + arguments).joined(separator: " "), seconds: timeout)
            }
            Thread.sleep(forTimeInterval: 0.01)
        }
        return ProcessResult(
            exitCode: process.terminationStatus,
            stdout: (try? String(contentsOf: outURL, encoding: .utf8)) ?? "",
            stderr: (try? String(contentsOf: errURL, encoding: .utf8)) ?? "")
    }

    /// Runs a program found on PATH.
    @discardableResult
    public static func run(
        _ name: String, _ arguments: [String], environment: [String: String?] = [:], stdin: Data? = nil,
        currentDirectory: URL? = nil, timeout: Double = 120
    ) throws -> ProcessResult {
        guard let url = which(name) else { throw ProcessRunnerError.notFound(name) }
        return try run(
            url, arguments, environment: environment, stdin: stdin, currentDirectory: currentDirectory, timeout: timeout
        )
    }

    /// Runs the built `mirrorplan` binary.
    @discardableResult
    public static func mirrorplan(
        _ arguments: [String], environment: [String: String?] = [:], stdin: Data? = nil,
        currentDirectory: URL? = nil, timeout: Double = 120
    ) throws -> ProcessResult {
        try run(
            mirrorplanBinary, arguments, environment: environment, stdin: stdin,
            currentDirectory: currentDirectory, timeout: timeout)
    }

    /// True when running as root (kernel capture and network-namespace tests need it).
    public static var isRoot: Bool { getuid() == 0 }
}
