/// What the capture showed for one check.
public struct CheckObservation: Hashable, Sendable {
    /// Inner packets of the check's kind between its two addresses, inside VXLAN with its VNI.
    public var packets = 0
    /// `from` → `to` (ICMP: any ICMP; TCP/UDP: to the port) and the way back.
    public var forward = 0
    public var reverse = 0
    public var echoRequests = 0
    public var echoReplies = 0
    /// Matched inner packets whose IP header declares more bytes than arrived.
    public var truncatedPackets = 0
    /// The largest inner frame length among truncated packets: the session's PacketLength, or the MTU cut.
    public var truncatedTo: Int?
    /// Inner packets of the pair (right VNI) cut before the ICMP type or the ports, so not classifiable.
    public var unclassifiable = 0
    /// Traffic of the pair and kind inside VXLAN with another VNI, by VNI.
    public var pairUnderOtherVNIs: [UInt32: Int] = [:]
    /// Traffic of the pair and kind seen directly on the wire, not tunnelled.
    public var outsideVXLAN = 0
    // Counted here per packet, copied into `pairUnderOtherVNIs` for the report.
    var otherVNICounter = VNICounter()

    mutating func countOtherVNI(_ vni: UInt32) { otherVNICounter.add(vni) }

    mutating func flushOtherVNIRun() { pairUnderOtherVNIs = otherVNICounter.dictionary }

    public init() {}
}
