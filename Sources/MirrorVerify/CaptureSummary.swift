import PacketCapture

/// Capture-wide counts that explain a failure no matter which check it was.
public struct CaptureSummary: Hashable, Sendable {
    public var frames = 0
    /// UDP datagrams to the VXLAN port (VXLAN or not).
    public var vxlanPortDatagrams = 0
    /// UDP to the VXLAN port that is not VXLAN (no I flag, or shorter than the VXLAN header).
    public var notVXLAN = 0
    /// Valid VXLAN packets by VNI.
    public var vniCounts: [UInt32: Int] = [:]
    /// Outer IPv4/IPv6 fragments of UDP datagrams.
    public var outerFragments = 0
    /// ICMP errors quoting VXLAN (ignored: the target's own port-unreachable replies).
    public var icmpErrorsQuotingVXLAN = 0
    /// Frames that could not be decoded to the end, by reason.
    public var anomalies: [DecodeAnomaly: Int] = [:]

    public init() {}

    public var vxlanPackets: Int { vniCounts.values.reduce(0, +) }
}
