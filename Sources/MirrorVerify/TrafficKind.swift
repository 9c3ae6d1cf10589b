import MirrorPlanModel

/// Which inner traffic a check counts: ICMP (echo requests and replies are reported apart), or TCP/UDP to a port.
public enum TrafficKind: Hashable, Sendable, CustomStringConvertible {
    case icmp
    case tcp(port: UInt16)
    case udp(port: UInt16)

    /// The manifest's `traffic` as the capture side counts it (ports are 1...65535 by validation).
    public init(_ traffic: VerifyCheck.Traffic) {
        switch traffic {
        case .icmp: self = .icmp
        case .tcp(let port): self = .tcp(port: UInt16(clamping: port))
        case .udp(let port): self = .udp(port: UInt16(clamping: port))
        }
    }

    /// Parses the manifest spelling (`icmp`, `tcp/PORT`, `udp/PORT`) with the manifest's own parser, so a flag
    /// and a manifest accept the same text.
    public init?(_ text: String) {
        guard let traffic = VerifyCheck.Traffic(text.lowercased()) else { return nil }
        self.init(traffic)
    }

    public var description: String {
        switch self {
        case .icmp: "icmp"
        case .tcp(let port): "tcp/\(port)"
        case .udp(let port): "udp/\(port)"
        }
    }
}
