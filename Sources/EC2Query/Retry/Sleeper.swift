import Dispatch
import Foundation

/// Waiting, injected so tests never sleep for real.
public protocol Sleeper: Sendable {
    func sleep(seconds: Double) async throws
}

/// Real sleeping with `Task.sleep`.
public struct TaskSleeper: Sleeper {
    public init() {}
    public func sleep(seconds: Double) async throws {
        guard seconds > 0 else { return }
        try await Task.sleep(nanoseconds: UInt64(seconds * 1_000_000_000))
    }
}
