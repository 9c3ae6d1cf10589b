/// The standard-mode retry token bucket: retries spend tokens, successes refund them, an empty bucket stops retries.
public struct RetryQuota: Sendable, Hashable {
    public static let initialCapacity = 500
    public static let retryCost = 5
    public static let timeoutRetryCost = 10
    public static let noRetryIncrement = 1

    public private(set) var available: Int = RetryQuota.initialCapacity

    public init() {}

    /// Takes the cost of one retry; nil when the bucket cannot pay for it (then the error is returned as is).
    public mutating func acquire(for kind: RetryKind) -> Int? {
        let cost = kind == .timeout ? Self.timeoutRetryCost : Self.retryCost
        guard available >= cost else { return nil }
        available -= cost
        return cost
    }

    /// After a success: refunds the last retry's cost, or 1 for a first-try success.
    public mutating func release(lastRetryCost: Int?) {
        available = min(Self.initialCapacity, available + (lastRetryCost ?? Self.noRetryIncrement))
    }
}
