/// Optional rule fields that ModifyTrafficMirrorFilterRule can unset (`RemoveField.N`).
public enum TrafficMirrorFilterRuleField: String, Sendable, Hashable, CaseIterable {
    case destinationPortRange = "destination-port-range"
    case sourcePortRange = "source-port-range"
    case `protocol` = "protocol"
    case description = "description"
}
