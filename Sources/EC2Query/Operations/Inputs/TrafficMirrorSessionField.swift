/// Optional session fields that ModifyTrafficMirrorSession can reset to their defaults (`RemoveField.N`).
public enum TrafficMirrorSessionField: String, Sendable, Hashable, CaseIterable {
    case packetLength = "packet-length"
    case description = "description"
    case virtualNetworkID = "virtual-network-id"
}
