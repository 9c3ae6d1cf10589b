/// A closed range of TCP/UDP ports (`80` is `80-80`), the form AWS stores as FromPort/ToPort.
public struct PortRange: Hashable, Sendable, CustomStringConvertible {
    public let lowerBound: Int
    public let upperBound: Int

    public static let all = PortRange(uncheckedLower: 0, upper: 65535)

    public init?(lower: Int, upper: Int) {
        guard (0...65535).contains(lower), (0...65535).contains(upper), lower <= upper else { return nil }
        self.lowerBound = lower
        self.upperBound = upper
    }

    private init(uncheckedLower lower: Int, upper: Int) {
        self.lowerBound = lower
        self.upperBound = upper
    }

    /// Parses `N` or `N-M` (0..65535, N <= M).
    public init?(_ text: some StringProtocol) {
        let parts = String(text).split(separator: "-", maxSplits: 1, omittingEmptySubsequences: false)
        func number(_ part: Substring) -> Int? {
            let trimmed = part.trimmingWhitespace()
            guard (1...5).contains(trimmed.count), trimmed.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
            return Int(trimmed)
        }
        guard let lower = number(parts[0]) else { return nil }
        let upper = parts.count == 2 ? number(parts[1]) : lower
        guard let upper else { return nil }
        self.init(lower: lower, upper: upper)
    }

    public var description: String { lowerBound == upperBound ? "\(lowerBound)" : "\(lowerBound)-\(upperBound)" }

    public func contains(_ other: PortRange) -> Bool {
        lowerBound <= other.lowerBound && other.upperBound <= upperBound
    }
}

extension Substring {
    func trimmingWhitespace() -> Substring {
        var result = self
        while result.first?.isWhitespace == true { result = result.dropFirst() }
        while result.last?.isWhitespace == true { result = result.dropLast() }
        return result
    }
}
