/// A small seeded generator (SplitMix64) whose whole state is one integer, so it persists in state.json
/// and a `--seed` makes IDs, VNIs and request IDs reproducible.
public struct SplitMix64: RandomNumberGenerator, Sendable, Hashable, Codable {
    public var state: UInt64

    public init(seed: UInt64) { state = seed }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// `count` lowercase hex digits.
    mutating func hex(_ count: Int) -> String {
        var out = ""
        while out.count < count {
            out += String(next(), radix: 16).leftPadded(to: 16)
        }
        return String(out.prefix(count))
    }

    /// A request ID in AWS's UUID-like form.
    mutating func requestId() -> String {
        let h = hex(32)
        let c = Array(h)
        return [String(c[0..<8]), String(c[8..<12]), String(c[12..<16]), String(c[16..<20]), String(c[20..<32])]
            .joined(separator: "-")
    }
}
