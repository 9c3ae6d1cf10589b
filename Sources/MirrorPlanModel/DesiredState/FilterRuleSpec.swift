/// One filter rule in normal form: canonical CIDRs, protocol as an IANA number (nil = all protocols),
/// ports as closed ranges (nil = not set, only possible for tcp/udp).
public struct FilterRuleSpec: Hashable, Sendable {
    public enum Direction: String, Hashable, Sendable, CaseIterable {
        case ingress, egress
    }

    public enum Action: String, Hashable, Sendable, CaseIterable {
        case accept, reject
    }

    public static let numberRange = 1...32766

    public var direction: Direction
    public var number: Int
    public var action: Action
    public var `protocol`: IPProtocol?
    public var source: CIDRBlock
    public var destination: CIDRBlock
    public var sourcePorts: PortRange?
    public var destinationPorts: PortRange?
    public var description: String?

    public init(
        direction: Direction, number: Int, action: Action, protocol: IPProtocol? = nil, source: CIDRBlock,
        destination: CIDRBlock, sourcePorts: PortRange? = nil, destinationPorts: PortRange? = nil,
        description: String? = nil
    ) {
        self.direction = direction
        self.number = number
        self.action = action
        self.protocol = `protocol`
        self.source = source
        self.destination = destination
        self.sourcePorts = sourcePorts
        self.destinationPorts = destinationPorts
        self.description = description
    }

    /// The `mirrorplan:name` tag value of a rule: `<filter>/<direction>/<rule>`.
    public func logicalName(filter: String) -> String { "\(filter)/\(direction.rawValue)/\(number)" }

    /// True when every packet this rule matches is also matched by `other` (so `other`, evaluated first, decides).
    public func isCovered(by other: FilterRuleSpec) -> Bool {
        guard direction == other.direction else { return false }
        if let protocolOfOther = other.protocol, protocolOfOther != self.protocol { return false }
        guard other.source.contains(source), other.destination.contains(destination) else { return false }
        func portsCovered(_ mine: PortRange?, _ theirs: PortRange?) -> Bool {
            guard let theirs else { return true }
            return theirs.contains(mine ?? .all)
        }
        return portsCovered(sourcePorts, other.sourcePorts) && portsCovered(destinationPorts, other.destinationPorts)
    }
}
