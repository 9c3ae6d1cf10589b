/// One token bucket per action ("request-rate buckets are per API action"), with the refill rates
/// multiplied by `scale` (`--throttle-scale`) for fast tests.
public struct ThrottlePolicy: Sendable {
    public var scale: Double
    private var buckets: [String: TokenBucket] = [:]

    public init(scale: Double = 1) { self.scale = scale }

    public mutating func admit(action: String, now: Double) -> Bool {
        if buckets[action] == nil {
            let limits = ThrottleCategory(action: action).limits
            buckets[action] = TokenBucket(capacity: limits.capacity, refillPerSecond: limits.refill * scale, now: now)
        }
        return buckets[action]!.admit(now: now)
    }
}
