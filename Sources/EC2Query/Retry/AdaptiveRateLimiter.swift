import Foundation

/// botocore's adaptive-mode client rate limiter (`retries/adaptive.py`, `bucket.py`, `throttling.py`) as a pure
/// state machine: times are seconds on a monotonic clock passed in by the caller.
public struct AdaptiveRateLimiter: Sendable {
    static let minimumFillRate = 0.5
    static let maximumRateAdjustScale = 2.0
    static let smoothing = 0.8
    static let bucketsPerSecond = 2.0  // 0.5 s measurement buckets
    static let scaleConstant = 0.4
    static let beta = 0.7

    /// Off until the first throttling response; until then requests go out unthrottled.
    public private(set) var enabled = false
    public private(set) var measuredRate = 0.0
    public private(set) var maxRate: Double
    private var fillRate: Double
    private var maxCapacity: Double
    private var capacity = 0.0
    private var lastRefill: Double?
    private var requestCount = 0.0
    private var lastBucket: Double
    // CUBIC
    private var windowMax = 0.0
    private var zeroPoint = 0.0
    private var lastFailure: Double

    public init(now: Double) {
        maxRate = 1
        fillRate = 1
        maxCapacity = 1
        lastBucket = now.rounded(.down)
        lastFailure = now
    }

    /// Takes a send token; returns how long to wait first (0 when enabled is false or a token is there).
    /// The token is spent immediately, so a caller that waits the returned time then sends.
    public mutating func acquireToken(now: Double) -> Double {
        guard enabled else { return 0 }
        refill(now: now)
        if capacity >= 1 {
            capacity -= 1
            return 0
        }
        let wait = (1 - capacity) / fillRate
        capacity -= 1  // borrowed: paid back by the refill during the wait
        return wait
    }

    /// Records a response (any outcome) and adapts the rate.
    public mutating func record(throttled: Bool, now: Double) {
        let measured = updateMeasuredRate(now: now)
        let newRate: Double
        if throttled {
            let rateToUse = enabled ? min(measured, maxRate) : measured
            windowMax = rateToUse
            zeroPoint = Self.cubeRoot(windowMax * (1 - Self.beta) / Self.scaleConstant)
            lastFailure = now
            newRate = rateToUse * Self.beta
            enabled = true
        } else {
            let elapsed = now - lastFailure
            newRate = Self.scaleConstant * Self.cube(elapsed - zeroPoint) + windowMax
        }
        setMaxRate(min(newRate, Self.maximumRateAdjustScale * measured), now: now)
    }

    private mutating func setMaxRate(_ value: Double, now: Double) {
        refill(now: now)
        maxRate = value
        fillRate = max(value, Self.minimumFillRate)
        maxCapacity = max(value, 1)
        capacity = min(capacity, maxCapacity)
    }

    private mutating func refill(now: Double) {
        guard let last = lastRefill else {
            lastRefill = now
            return
        }
        capacity = min(maxCapacity, capacity + max(0, now - last) * fillRate)
        lastRefill = now
    }

    private mutating func updateMeasuredRate(now: Double) -> Double {
        let bucket = (now * Self.bucketsPerSecond).rounded(.down) / Self.bucketsPerSecond
        requestCount += 1
        if bucket > lastBucket {
            let rate = requestCount / (bucket - lastBucket)
            measuredRate = rate * Self.smoothing + measuredRate * (1 - Self.smoothing)
            requestCount = 0
            lastBucket = bucket
        }
        return measuredRate
    }

    static func cube(_ x: Double) -> Double { x * x * x }
    static func cubeRoot(_ x: Double) -> Double { x < 0 ? -cbrt(-x) : cbrt(x) }
}
