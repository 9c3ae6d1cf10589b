/// Everything verification needs from one frame, as plain fields (no allocation per packet).
/// `hasOuterIP`/`hasInnerIP` say which summaries are filled in.
public struct DecodedPacket: Sendable {
    /// What sits on the outer UDP port.
    public enum Tunnel: UInt8, Sendable {
        /// Not UDP to the VXLAN port.
        case none
        /// UDP to the VXLAN port, but too short or without the I flag: not VXLAN.
        case notVXLAN
        case vxlan
        /// An ICMP error quoting a packet sent to the VXLAN port (the target's own port-unreachable replies).
        case quotedInICMPError
    }

    public var anomaly: DecodeAnomaly = .none
    public var outerVLANTags: Int = 0
    public var hasOuterIP = false
    public var outer = IPHeaderSummary()
    public var outerTransport = TransportSummary()

    public var tunnel: Tunnel = .none
    public var vxlanFlags: UInt8 = 0
    /// The 24-bit VXLAN network identifier.
    public var vni: UInt32 = 0

    /// Offset and captured length of the decapsulated inner Ethernet frame.
    public var innerFrameOffset: Int = 0
    public var innerFrameLength: Int = 0
    public var innerVLANTags: Int = 0
    public var hasInnerIP = false
    public var inner = IPHeaderSummary()
    public var innerTransport = TransportSummary()

    public init() {}
}
