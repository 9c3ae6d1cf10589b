/// The fields of an IPv4 or IPv6 header that verification needs (RFC 791, RFC 8200 names).
public struct IPHeaderSummary: Sendable {
    public var version: UInt8 = 0
    public var source = IPAddress(ipv4: 0)
    public var destination = IPAddress(ipv4: 0)
    /// IPv4 protocol, or the IPv6 upper-layer next header after the extension headers.
    public var protocolNumber: UInt8 = 0
    /// Fragment offset in bytes.
    public var fragmentOffset: Int = 0
    public var moreFragments = false
    /// Offset of the IP header in the frame.
    public var headerOffset: Int = 0
    /// Offset of the upper-layer payload in the frame.
    public var payloadOffset: Int = 0
    /// Length of the datagram as its header declares it (IPv4 total length; IPv6 40 + payload length).
    public var declaredLength: Int = 0
    /// Bytes of the datagram present in the capture, from the IP header on.
    public var capturedLength: Int = 0

    public init() {}

    public var isFragment: Bool { fragmentOffset != 0 || moreFragments }
    /// The capture (snaplen, PacketLength, MTU) holds fewer bytes than the header declares.
    public var isTruncated: Bool { capturedLength < declaredLength }
}
