/// One token bucket per action ("request-rate buckets are per API action"), with the refill rates
/// multiplied by `scale` (`--throttle-scale`) for fast tests.
public struct ThrottlePolicy: Sendable {
    public var scale: Double
    private var buckets: [String: TokenBucket] = [:]

    public init(scale: Double = 1) { self.scale = scale }

    public mutating func admit(action: String, now: Double) -> Bool {
        let scale = scale
        return buckets[
            action,
            default: {
                let limits = ThrottleCategory(action: action).limits
                return TokenBucket(capacity: limits.capacity, refillPerSecond: limits.refill * scale, now: now)
            }()
        ].admit(now: now)
    }
}
