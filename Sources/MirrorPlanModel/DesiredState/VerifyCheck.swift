/// One `verify` entry: send `count` packets of `traffic` from `from` to `to`, and expect the session's target
/// to see them VXLAN-encapsulated with the session's VNI (or, for `notMirrored`, not to see them).
public struct VerifyCheck: Hashable, Sendable {
    public enum Traffic: Hashable, Sendable, CustomStringConvertible {
        case icmp
        case tcp(port: Int)
        case udp(port: Int)

        /// Parses `icmp`, `tcp/PORT` or `udp/PORT` (PORT 1..65535).
        public init?(_ text: String) {
            if text == "icmp" {
                self = .icmp
                return
            }
            let parts = text.split(separator: "/", maxSplits: 1, omittingEmptySubsequences: false)
            guard parts.count == 2, (1...5).contains(parts[1].count),
                parts[1].allSatisfy({ $0.isASCII && $0.isNumber }),
                let port = Int(parts[1]), (1...65535).contains(port)
            else { return nil }
            switch parts[0] {
            case "tcp": self = .tcp(port: port)
            case "udp": self = .udp(port: port)
            default: return nil
            }
        }

        public var description: String {
            switch self {
            case .icmp: "icmp"
            case .tcp(let port): "tcp/\(port)"
            case .udp(let port): "udp/\(port)"
            }
        }
    }

    public enum Expectation: String, Hashable, Sendable, CaseIterable {
        case mirrored
        case notMirrored = "not-mirrored"
    }

    public static let defaultTimeout: Duration = .seconds(30)
    public static let countRange = 1...10_000

    public var name: String
    public var session: String
    public var from: VerifyEndpoint
    public var to: VerifyEndpoint
    public var traffic: Traffic
    public var count: Int
    public var expect: Expectation
    public var timeout: Duration

    public init(
        name: String, session: String, from: VerifyEndpoint, to: VerifyEndpoint, traffic: Traffic, count: Int,
        expect: Expectation, timeout: Duration = VerifyCheck.defaultTimeout
    ) {
        self.name = name
        self.session = session
        self.from = from
        self.to = to
        self.traffic = traffic
        self.count = count
        self.expect = expect
        self.timeout = timeout
    }

    /// Parses `30s`, `2m`, `1h`, `500ms` (a positive whole number and one unit).
    public static func parseTimeout(_ text: String) -> Duration? {
        let digits = text.prefix { $0.isASCII && $0.isNumber }
        let unit = text.dropFirst(digits.count)
        guard (1...6).contains(digits.count), let value = Int(digits), value > 0 else { return nil }
        switch unit {
        case "ms": return .milliseconds(value)
        case "s": return .seconds(value)
        case "m": return .seconds(value * 60)
        case "h": return .seconds(value * 3600)
        default: return nil
        }
    }

    public static let timeoutPattern = "^[1-9][0-9]{0,5}(ms|s|m|h)$"
}
