/// What observe found: the stack's own resources in normal form, the sessions it does not own that matter
/// to it, and the instance references it resolved on the way.
public struct ObservedState: Hashable, Sendable {
    public var live: [ResourceRecord]
    public var foreignSessions: [ForeignSession]
    /// Describe requests made (pages count one each): the benchmark reports it.
    public var requestCount: Int

    public init(live: [ResourceRecord], foreignSessions: [ForeignSession], requestCount: Int = 0) {
        self.live = live
        self.foreignSessions = foreignSessions
        self.requestCount = requestCount
    }

    /// The AWS id of every live resource, by address.
    public var ids: [ResourceAddress: String] {
        Dictionary(live.compactMap { record in record.id.map { (record.address, $0) } }, uniquingKeysWith: { first, _ in first })
    }
}
