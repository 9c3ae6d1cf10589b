/// An IP protocol by its IANA number, the form AWS stores; names (`icmp`, `tcp`, ...) are mapped on input and
/// used for display. "All protocols" is not a value of this type: rules hold `IPProtocol?`, nil meaning all.
public struct IPProtocol: Hashable, Sendable, Comparable, CustomStringConvertible {
    public let number: Int

    public init?(number: Int) {
        guard (0...255).contains(number) else { return nil }
        self.number = number
    }

    /// A keyword from the IANA protocol-numbers registry (lower case), or a few common aliases.
    public init?(name: String) {
        guard let number = Self.numbersByName[name] else { return nil }
        self.number = number
    }

    public static let icmp = IPProtocol(uncheckedNumber: 1)
    public static let tcp = IPProtocol(uncheckedNumber: 6)
    public static let udp = IPProtocol(uncheckedNumber: 17)
    public static let icmpv6 = IPProtocol(uncheckedNumber: 58)

    private init(uncheckedNumber: Int) { self.number = uncheckedNumber }

    /// Only TCP and UDP rules may carry port ranges.
    public var hasPorts: Bool { self == .tcp || self == .udp }

    /// The preferred name, if the protocol has one in the table.
    public var name: String? { Self.namesByNumber[number] }

    public var description: String { name ?? String(number) }

    public static func < (lhs: IPProtocol, rhs: IPProtocol) -> Bool { lhs.number < rhs.number }

    /// Preferred names first: the reverse table keeps the first name listed for each number.
    public static let names: [(name: String, number: Int)] = [
        ("hopopt", 0), ("icmp", 1), ("igmp", 2), ("ggp", 3), ("ipv4", 4), ("ipip", 4), ("st", 5), ("tcp", 6),
        ("egp", 8), ("igp", 9), ("udp", 17), ("rdp", 27), ("dccp", 33), ("ipv6", 41), ("ipv6-route", 43),
        ("ipv6-frag", 44), ("rsvp", 46), ("gre", 47), ("esp", 50), ("ah", 51), ("icmpv6", 58), ("ipv6-icmp", 58),
        ("ipv6-nonxt", 59), ("ipv6-opts", 60), ("eigrp", 88), ("ospf", 89), ("ospfigp", 89), ("etherip", 97),
        ("encap", 98), ("pim", 103), ("ipcomp", 108), ("vrrp", 112), ("l2tp", 115), ("sctp", 132),
        ("mobility-header", 135), ("udplite", 136), ("mpls-in-ip", 137),
    ]

    static let numbersByName: [String: Int] = Dictionary(names.map { ($0.name, $0.number) }) { first, _ in first }
    static let namesByNumber: [Int: String] = Dictionary(names.map { ($0.number, $0.name) }) { first, _ in first }
}
