/// What `--fail-rate` does to one request: nothing, a 5xx answer, or a dropped connection.
public enum Fault: Sendable, Hashable {
    case none
    case internalError
    case serviceUnavailable
    case dropConnection
}

/// Decides faults from a seeded generator: with probability `rate` a request fails, split evenly between
/// InternalError (500), ServiceUnavailable (503) and a connection closed without an answer.
public struct FaultPlan: Sendable {
    public var rate: Double
    private var random: SplitMix64

    public init(rate: Double, seed: UInt64) {
        self.rate = rate
        random = SplitMix64(seed: seed ^ 0xFA17)
    }

    public mutating func next() -> Fault {
        guard rate > 0 else { return .none }
        let roll = Double(random.next() >> 11) / Double(1 << 53)
        guard roll < rate else { return .none }
        switch random.next() % 3 {
        case 0: return .internalError
        case 1: return .serviceUnavailable
        default: return .dropConnection
        }
    }
}
