import ArgumentParser
import Foundation

/// An error a command reports in one message on stderr and exit code 1 (not ArgumentParser's usage code 64).
struct CommandFailure: Error, CustomStringConvertible {
    var message: String

    init(_ message: String) { self.message = message }

    var description: String { message }

    /// Prints `error: …` on stderr and returns the exit code to throw.
    static func report(_ error: any Error) -> ExitCode {
        FileHandle.standardError.write(Data("error: \(error)\n".utf8))
        return .failure
    }
}
