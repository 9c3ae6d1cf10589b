/// How a failed attempt may be retried (botocore's standard-mode checkers).
public enum RetryKind: Sendable, Hashable {
    /// Throttling codes: back off and, in adaptive mode, slow the send rate.
    case throttling
    /// 500/502/503/504, transient codes and connection failures.
    case transient
    /// A connect/read timeout: transient, but costs more retry quota.
    case timeout
}

/// Error → retry kind, separate from the backoff policy. Nil means "do not retry" (e.g. a 4xx that needs fixing).
public enum RetryClassifier {
    public static let throttlingCodes: Set<String> = [
        "Throttling", "ThrottlingException", "ThrottledException", "RequestThrottledException",
        "TooManyRequestsException", "ProvisionedThroughputExceededException", "TransactionInProgressException",
        "RequestLimitExceeded", "BandwidthLimitExceeded", "LimitExceededException", "RequestThrottled", "SlowDown",
        "PriorRequestNotComplete", "EC2ThrottledException",
    ]
    public static let transientCodes: Set<String> = [
        "RequestTimeout", "RequestTimeoutException", "PriorRequestNotComplete",
    ]
    public static let transientStatuses: Set<Int> = [500, 502, 503, 504]

    public static func classify(_ error: any Error) -> RetryKind? {
        if let service = error as? EC2ServiceError {
            // A throttling code wins over the status: EC2 throttles with 503 + RequestLimitExceeded.
            if throttlingCodes.contains(service.code.rawValue) { return .throttling }
            if transientCodes.contains(service.code.rawValue) || transientStatuses.contains(service.httpStatus) {
                return .transient
            }
            return nil
        }
        if let client = error as? EC2ClientError {
            if client.isTimeout { return .timeout }
            if client.isConnectionError { return .transient }
            if let status = client.httpStatus, transientStatuses.contains(status) { return .transient }
            return nil
        }
        return nil
    }
}
