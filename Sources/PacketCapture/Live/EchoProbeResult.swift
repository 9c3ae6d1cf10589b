/// What the ICMP echo prober sent and got back.
public struct EchoProbeResult: Hashable, Sendable {
    public var destination: IPAddress
    public var identifier: UInt16
    public var sent: Int
    public var received: Int
    /// Round-trip times of the replies, in nanoseconds.
    public var roundTrips: [Int64]

    public init(destination: IPAddress, identifier: UInt16, sent: Int, received: Int, roundTrips: [Int64]) {
        self.destination = destination
        self.identifier = identifier
        self.sent = sent
        self.received = received
        self.roundTrips = roundTrips
    }
}
