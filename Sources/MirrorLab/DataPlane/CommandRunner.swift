import Foundation

/// Runs `KernelCommand`s: the thin shell under the data plane. Programs are looked up on PATH and in the sbin
/// directories, where iproute2 and ethtool live.
public struct CommandRunner: Sendable {
    public struct Output: Sendable {
        public var status: Int32
        public var stdout: String
        public var stderr: String
    }

    public init() {}

    public func run(_ command: KernelCommand) throws(DataPlaneError) -> Output {
        guard let executable = Self.locate(command.program) else { throw .missingProgram(command.program) }
        let process = Process()
        process.executableURL = executable
        process.arguments = command.arguments
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        do { try process.run() } catch { throw .commandFailed(command.description, status: -1, stderr: "\(error)") }
        // Read both pipes before waiting, so a chatty command cannot fill one and block.
        let errorDrain = PipeDrain(err.fileHandleForReading)
        let outputData = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let stderr = String(decoding: errorDrain.wait(), as: UTF8.self)
        return Output(
            status: process.terminationStatus, stdout: String(decoding: outputData, as: UTF8.self), stderr: stderr)
    }

    /// Runs the command and fails unless it exited 0 (or may fail).
    @discardableResult
    public func require(_ command: KernelCommand) throws(DataPlaneError) -> Output {
        let output = try run(command)
        if output.status != 0, !command.mayFail {
            throw .commandFailed(command.description, status: output.status, stderr: output.stderr)
        }
        return output
    }

    static func locate(_ program: String) -> URL? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
        for directory in path.split(separator: ":").map(String.init) + ["/usr/sbin", "/sbin", "/usr/bin", "/bin"] {
            let candidate = URL(fileURLWithPath: directory).appendingPathComponent(program)
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        return nil
    }

    /// Reads a pipe to its end on its own thread.
    private final class PipeDrain: @unchecked Sendable {
        // @unchecked: `data` is written once before `done` is signalled and read only after waiting on it.
        private var data = Data()
        private let done = DispatchSemaphore(value: 0)

        init(_ handle: FileHandle) {
            Thread { [self] in
                data = handle.readDataToEndOfFile()
                done.signal()
            }.start()
        }

        func wait() -> Data {
            done.wait()
            return data
        }
    }
}
