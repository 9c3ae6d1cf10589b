/// Which inner traffic a check counts: ICMP (echo requests and replies are reported apart), or TCP/UDP to a port.
public enum TrafficKind: Hashable, Sendable, CustomStringConvertible {
    case icmp
    case tcp(port: UInt16)
    case udp(port: UInt16)

    /// Parses the manifest spelling: `icmp`, `tcp/PORT`, `udp/PORT`.
    public init?(_ text: String) {
        let lower = text.lowercased()
        if lower == "icmp" {
            self = .icmp
            return
        }
        let parts = lower.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let port = UInt16(parts[1]), port > 0 else { return nil }
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
