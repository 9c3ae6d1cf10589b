import PacketCapture

/// One `verify` check, independent of where it came from (a manifest entry or command-line flags).
public struct VerificationCheck: Hashable, Sendable {
    public var name: String
    /// The session whose VNI is watched; nil when the check was given by flags alone.
    public var session: String?
    /// The session's VXLAN network identifier; nil matches any VNI (AWS chose one) and reports what was seen.
    public var vni: UInt32?
    public var from: IPAddress
    public var to: IPAddress
    public var traffic: TrafficKind
    /// Packets sent; a `mirrored` check needs at least this many to arrive.
    public var count: Int
    public var expect: MirrorExpectation

    public init(
        name: String, session: String? = nil, vni: UInt32?, from: IPAddress, to: IPAddress, traffic: TrafficKind,
        count: Int, expect: MirrorExpectation
    ) {
        self.name = name
        self.session = session
        self.vni = vni
        self.from = from
        self.to = to
        self.traffic = traffic
        self.count = count
        self.expect = expect
    }
}
