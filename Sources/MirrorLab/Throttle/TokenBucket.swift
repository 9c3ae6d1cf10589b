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

/// EC2's request-rate categories for the actions the lab serves.
public enum ThrottleCategory: String, Sendable, Hashable {
    case mutating, describe, unfilteredDescribe, tags

    public init(action: String) {
        switch action {
        case "DescribeInstances", "DescribeNetworkInterfaces": self = .unfilteredDescribe
        case "CreateTags", "DeleteTags": self = .tags
        case _ where action.hasPrefix("Describe"): self = .describe
        default: self = .mutating
        }
    }

    /// (bucket size, refill per second) as the EC2 throttling page gives them.
    public var limits: (capacity: Double, refill: Double) {
        switch self {
        case .mutating: (50, 5)
        case .describe: (100, 20)
        case .unfilteredDescribe: (50, 10)
        case .tags: (100, 10)
        }
    }
}

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
