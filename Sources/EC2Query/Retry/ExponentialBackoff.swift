/// Full-jitter exponential backoff: `random(0,1) × min(2^(attempt-1), 20)` seconds (botocore standard mode).
public enum ExponentialBackoff {
    public static let base = 2.0
    public static let maximum = 20.0

    /// `attempt` is the attempt that just failed (1 for the first); `random` is in [0, 1).
    public static func delay(afterAttempt attempt: Int, random: Double) -> Double {
        let exponent = Double(max(0, attempt - 1))
        return random * min(pow2(exponent), maximum)
    }

    private static func pow2(_ exponent: Double) -> Double {
        exponent >= 10 ? 1024 : Double(1 << Int(exponent))
    }
}
