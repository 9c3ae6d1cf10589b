/// Per-client retry state shared by concurrent calls: the retry quota and, in adaptive mode, the send-rate limiter.
/// Decisions only; the client does the waiting with its injected sleeper.
public actor RetryController {
    public let configuration: RetryConfiguration
    private var quota = RetryQuota()
    private var limiter: AdaptiveRateLimiter?
    private let random: @Sendable () -> Double
    private let monotonicSeconds: @Sendable () -> Double

    public init(configuration: RetryConfiguration, environment: ClientEnvironment) {
        self.configuration = configuration
        self.random = environment.random
        self.monotonicSeconds = environment.monotonicSeconds
        self.limiter =
            configuration.mode == .adaptive ? AdaptiveRateLimiter(now: environment.monotonicSeconds()) : nil
    }

    /// Seconds to wait before sending (adaptive mode after throttling), else 0.
    public func delayBeforeSending() -> Double {
        limiter?.acquireToken(now: monotonicSeconds()) ?? 0
    }

    /// Records a success; refunds quota.
    public func recordSuccess(lastRetryCost: Int?) {
        quota.release(lastRetryCost: lastRetryCost)
        limiter?.record(throttled: false, now: monotonicSeconds())
    }

    /// After attempt `attempt` failed with `error`: the backoff delay and quota cost, or nil to give up.
    public func retryDecision(after error: any Error, attempt: Int) -> (delay: Double, cost: Int)? {
        let kind = RetryClassifier.classify(error)
        if limiter != nil, error is EC2ServiceError || error is EC2ClientError {
            limiter?.record(throttled: kind == .throttling, now: monotonicSeconds())
        }
        guard let kind, attempt < configuration.maxAttempts, let cost = quota.acquire(for: kind) else { return nil }
        return (ExponentialBackoff.delay(afterAttempt: attempt, random: random()), cost)
    }

    public var availableQuota: Int { quota.available }
    public var sendRate: Double? { limiter.map { $0.enabled ? $0.maxRate : .infinity } }
}
