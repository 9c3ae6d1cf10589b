/// EC2's throttling unit: a bucket of `capacity` tokens refilled at `refillPerSecond`, one token per
/// request (reliability.md (b)). Pure: the caller passes the time, so tests drive it with a fake clock.
public struct TokenBucket: Sendable, Hashable {
    public var capacity: Double
    public var refillPerSecond: Double
    public private(set) var tokens: Double
    public private(set) var updatedAt: Double

    public init(capacity: Double, refillPerSecond: Double, now: Double) {
        self.capacity = capacity
        self.refillPerSecond = refillPerSecond
        tokens = capacity
        updatedAt = now
    }

    /// Takes a token if one is available at time `now` (seconds on any monotonic scale).
    public mutating func admit(now: Double) -> Bool {
        if now > updatedAt {
            tokens = min(capacity, tokens + (now - updatedAt) * refillPerSecond)
            updatedAt = now
        }
        guard tokens >= 1 else { return false }
        tokens -= 1
        return true
    }
}
