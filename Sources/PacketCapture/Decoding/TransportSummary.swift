/// The upper-layer header: UDP/TCP ports (RFC 768, RFC 9293) or ICMP/ICMPv6 type, code and echo
/// identifier/sequence (RFC 792, RFC 4443).
public struct TransportSummary: Sendable {
    public enum Kind: UInt8, Sendable { case none, udp, tcp, icmp, icmpv6, other }

    public var kind: Kind = .none
    /// Ports are valid when `portsPresent`.
    public var sourcePort: UInt16 = 0
    public var destinationPort: UInt16 = 0
    public var portsPresent = false
    /// ICMP type and code are valid when `typePresent`; identifier and sequence when `echoFieldsPresent`.
    public var icmpType: UInt8 = 0
    public var icmpCode: UInt8 = 0
    public var typePresent = false
    public var identifier: UInt16 = 0
    public var sequence: UInt16 = 0
    public var echoFieldsPresent = false
    /// Offset of the header in the frame.
    public var headerOffset: Int = 0

    public init() {}

    public var isEchoRequest: Bool {
        typePresent && ((kind == .icmp && icmpType == 8) || (kind == .icmpv6 && icmpType == 128))
    }
    public var isEchoReply: Bool {
        typePresent && ((kind == .icmp && icmpType == 0) || (kind == .icmpv6 && icmpType == 129))
    }
    /// ICMP errors that quote the packet that caused them (destination unreachable, time exceeded, ...).
    public var isICMPError: Bool {
        guard typePresent else { return false }
        switch kind {
        case .icmp: return icmpType == 3 || icmpType == 4 || icmpType == 5 || icmpType == 11 || icmpType == 12
        case .icmpv6: return icmpType >= 1 && icmpType <= 4
        default: return false
        }
    }
}
