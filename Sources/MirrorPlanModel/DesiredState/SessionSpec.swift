/// A traffic-mirror session: which ENI is mirrored, through which filter, to which target.
public struct SessionSpec: Hashable, Sendable {
    public static let numberRange = 1...32766
    public static let vniRange = 1...16_777_215
    public static let packetLengthRange = 1...8500
    /// AWS quota, not adjustable.
    public static let maximumSessionsPerSource = 3

    public var name: String
    /// Immutable in AWS: a changed source is a replace.
    public var source: NetworkInterfaceReference
    /// Logical target name of the same manifest.
    public var target: String
    /// Logical filter name of the same manifest.
    public var filter: String
    public var number: Int
    /// nil: AWS picks one and the planner never diffs it.
    public var vni: Int?
    /// nil: the whole packet.
    public var packetLength: Int?
    public var description: String?
    public var tags: [String: String]

    public init(
        name: String, source: NetworkInterfaceReference, target: String, filter: String, number: Int,
        vni: Int? = nil, packetLength: Int? = nil, description: String? = nil, tags: [String: String] = [:]
    ) {
        self.name = name
        self.source = source
        self.target = target
        self.filter = filter
        self.number = number
        self.vni = vni
        self.packetLength = packetLength
        self.description = description
        self.tags = tags
    }
}
