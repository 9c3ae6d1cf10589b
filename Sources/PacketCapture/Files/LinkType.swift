/// The link-layer header type of a capture or interface (tcpdump.org "LINKTYPE_" values).
public struct LinkType: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    public var rawValue: UInt32
    public init(rawValue: UInt32) { self.rawValue = rawValue }

    public static let ethernet = LinkType(rawValue: 1)
    /// DLT_RAW as written by some tools (12 on most systems; 14 on OpenBSD).
    public static let rawLegacy = LinkType(rawValue: 12)
    public static let raw = LinkType(rawValue: 101)
    /// Linux cooked capture v1 (`tcpdump -i any` before libpcap 1.10).
    public static let linuxSLL = LinkType(rawValue: 113)
    /// Linux cooked capture v2 (`tcpdump -i any` with libpcap 1.10 and later).
    public static let linuxSLL2 = LinkType(rawValue: 276)
    public static let ipv4 = LinkType(rawValue: 228)
    public static let ipv6 = LinkType(rawValue: 229)

    public var description: String {
        switch self {
        case .ethernet: "Ethernet"
        case .raw, .rawLegacy: "raw IP"
        case .linuxSLL: "Linux cooked v1"
        case .linuxSLL2: "Linux cooked v2"
        case .ipv4: "raw IPv4"
        case .ipv6: "raw IPv6"
        default: "link type \(rawValue)"
        }
    }
}
