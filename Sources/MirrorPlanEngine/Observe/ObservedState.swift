/// What observe found: the stack's own resources in normal form, the sessions it does not own that matter
/// to it, and the instance references it resolved on the way.
public struct ObservedState: Hashable, Sendable {
    public var live: [ResourceRecord]
    public var foreignSessions: [ForeignSession]
    public init(live: [ResourceRecord], foreignSessions: [ForeignSession]) {
        self.live = live
        self.foreignSessions = foreignSessions
    }

    /// The AWS id of every live resource, by address.
    public var ids: [ResourceAddress: String] {
        Dictionary(
            live.compactMap { record in record.id.map { (record.address, $0) } },
            uniquingKeysWith: { first, _ in first })
    }
}
