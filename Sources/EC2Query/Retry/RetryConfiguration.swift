/// `AWS_RETRY_MODE` / `AWS_MAX_ATTEMPTS`, as the AWS CLI reads them.
public struct RetryConfiguration: Sendable, Hashable {
    public enum Mode: String, Sendable, Hashable, CaseIterable {
        case standard
        /// Standard plus a client-side send-rate limiter that slows down under throttling.
        case adaptive
    }

    public var mode: Mode
    /// Attempts including the first one.
    public var maxAttempts: Int

    public init(mode: Mode = .standard, maxAttempts: Int = 3) {
        self.mode = mode
        self.maxAttempts = max(1, maxAttempts)
    }

    /// Reads the environment; `legacy` is treated as `standard` (this client implements the SDKs' standard rules).
    public static func from(environment: [String: String]) throws(AWSConfigurationError) -> RetryConfiguration {
        var configuration = RetryConfiguration()
        if let text = environment["AWS_MAX_ATTEMPTS"] {
            guard let value = Int(text), value >= 1 else {
                throw .invalidSetting(name: "AWS_MAX_ATTEMPTS", value: text, expected: "an integer of 1 or more")
            }
            configuration.maxAttempts = value
        }
        if let text = environment["AWS_RETRY_MODE"] {
            switch text.lowercased() {
            case "standard", "legacy": configuration.mode = .standard
            case "adaptive": configuration.mode = .adaptive
            default: throw .invalidSetting(name: "AWS_RETRY_MODE", value: text, expected: "standard or adaptive")
            }
        }
        return configuration
    }
}
