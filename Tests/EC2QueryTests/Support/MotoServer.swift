import EC2Query
import Foundation
import MirrorPlanTestSupport

#if canImport(Glibc)
    import Glibc
#endif

/// `moto_server` on 127.0.0.1 and a free port, with IAM authentication switched on after
/// `noAuthActions` requests. Started by the test, terminated by `stop()`.
final class MotoServer: @unchecked Sendable {  // Process is only touched from start/stop.
    let port: UInt16
    let process: Process
    var endpoint: URL { URL(string: "http://127.0.0.1:\(port)")! }

    static var executable: URL? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        for dir in path.split(separator: ":").map(String.init) + ["/root/.pyenv/shims"] {
            let candidate = URL(fileURLWithPath: String(dir)).appendingPathComponent("moto_server")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        return nil
    }

    static var isAvailable: Bool { executable != nil }

    init(noAuthActions: Int) async throws {
        guard let executable = Self.executable else { throw POSIXError(.ENOENT) }
        port = try LoopbackListener.freePort()
        process = Process()
        process.executableURL = executable
        process.arguments = ["-H", "127.0.0.1", "-p", String(port)]
        var environment = ProcessInfo.processInfo.environment
        environment["INITIAL_NO_AUTH_ACTION_COUNT"] = String(noAuthActions)
        process.environment = environment
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        // Wait until moto itself answers (process start-up, not a retry delay): a socket that merely accepts
        // may belong to another test's server that took the port between freePort() and moto's bind.
        let deadline = Date().addingTimeInterval(30)
        while !(await Self.isMoto(port)) {
            guard Date() < deadline, process.isRunning else {
                stop()
                throw POSIXError(.ETIMEDOUT)
            }
            try await Task.sleep(nanoseconds: 100_000_000)
        }
    }

    /// moto_server ignores SIGTERM, so it gets SIGKILL after a short grace period.
    func stop() {
        guard process.isRunning else { return }
        process.terminate()
        let deadline = Date().addingTimeInterval(2)
        while process.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        while process.isRunning { Thread.sleep(forTimeInterval: 0.05) }
    }

    /// True when GET /moto-api/data.json on `port` answers 200 (moto's own API; other servers do not have it).
    static func isMoto(_ port: UInt16) async -> Bool {
        guard accepts(port) else { return false }
        let url = URL(string: "http://127.0.0.1:\(port)/moto-api/data.json")!
        let response = try? await URLSessionTransport(timeout: 5).send(HTTPRequest(method: "GET", url: url))
        return response?.status == 200
    }

    static func accepts(_ port: UInt16) -> Bool {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        return withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0
            }
        }
    }
}
