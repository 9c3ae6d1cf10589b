/// The mutability matrix (reference E.1) as one table: which attributes each kind has, in display
/// order, and how a change to each is made. Nothing else in the planner knows what forces a replace.
public struct FieldPolicy: Hashable, Sendable {
    public enum Mutability: Hashable, Sendable {
        /// No Modify call can change it: create a new resource, repoint, delete the old one.
        case replace
        /// A Modify call (or CreateTags/DeleteTags) changes it; unset goes through `RemoveField`.
        case inPlace
        /// As `inPlace`, but when the manifest leaves it unset AWS picks a value and it is not compared
        /// (a session's VNI: "omitted = AWS picks one, and the planner then never diffs it").
        case inPlaceComputedWhenUnset
    }

    public var field: String
    public var mutability: Mutability

    init(_ field: String, _ mutability: Mutability) {
        self.field = field
        self.mutability = mutability
    }

    public static func fields(of kind: ResourceKind) -> [FieldPolicy] {
        switch kind {
        case .target:
            // Targets have no Modify API at all.
            [
                .init("networkInterfaceId", .replace), .init("networkLoadBalancerArn", .replace),
                .init("gatewayLoadBalancerEndpointId", .replace), .init("description", .replace),
            ]
        case .filter:
            [.init("description", .replace), .init("networkServices", .inPlace)]
        case .rule:
            // Direction and number are part of the rule's address; its filter too (a rule cannot move).
            [
                .init("ruleAction", .inPlace), .init("protocol", .inPlace), .init("sourceCidrBlock", .inPlace),
                .init("destinationCidrBlock", .inPlace), .init("sourcePortRange", .inPlace),
                .init("destinationPortRange", .inPlace), .init("description", .inPlace),
            ]
        case .session:
            [
                .init("networkInterfaceId", .replace), .init("target", .inPlace), .init("filter", .inPlace),
                .init("sessionNumber", .inPlace), .init("virtualNetworkId", .inPlaceComputedWhenUnset),
                .init("packetLength", .inPlace), .init("description", .inPlace),
            ]
        }
    }

    /// The pseudo-field under which tag differences are listed (`tags.owner`).
    static func tagField(_ key: String) -> String { "tags.\(key)" }
}
