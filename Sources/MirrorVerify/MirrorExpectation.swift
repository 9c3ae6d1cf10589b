/// What a check expects: the traffic arrives at the target inside VXLAN, or none of it does.
public enum MirrorExpectation: String, Hashable, Sendable {
    case mirrored
    case notMirrored = "not-mirrored"
}
