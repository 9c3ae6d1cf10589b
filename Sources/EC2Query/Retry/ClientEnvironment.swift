import Dispatch
import Foundation

/// The time sources a client needs: wall time (signing, credential expiry), a monotonic clock (rate limiting)
/// and randomness (jitter). Tests pass fixed or scripted ones.
public struct ClientEnvironment: Sendable {
    public var now: @Sendable () -> Date
    public var monotonicSeconds: @Sendable () -> Double
    public var random: @Sendable () -> Double
    public var sleeper: any Sleeper

    public init(
        now: @escaping @Sendable () -> Date, monotonicSeconds: @escaping @Sendable () -> Double,
        random: @escaping @Sendable () -> Double, sleeper: any Sleeper
    ) {
        self.now = now
        self.monotonicSeconds = monotonicSeconds
        self.random = random
        self.sleeper = sleeper
    }

    public static var live: ClientEnvironment {
        ClientEnvironment(
            now: { Date() },
            monotonicSeconds: { Double(DispatchTime.now().uptimeNanoseconds) / 1_000_000_000 },
            random: { Double.random(in: 0..<1) },
            sleeper: TaskSleeper())
    }
}
