/// One API step of an apply and the steps it must wait for. References between resources (a rule's filter,
/// a session's target and filter) stay logical names until the step runs, because a replaced resource's
/// new id is only known once its create has finished.
public struct Operation: Hashable, Sendable, Identifiable, CustomStringConvertible {
    public enum Step: Hashable, Sendable {
        /// Create the desired record (its tags plus the ownership tags go in TagSpecifications).
        case create(ResourceRecord)
        /// A filter's network services, after the filter exists.
        case setNetworkServices(add: [String], remove: [String])
        /// ModifyTrafficMirrorFilterRule with these changed fields (`after == nil` → RemoveField).
        case modifyRule(id: String, changes: [AttributeChange])
        /// ModifyTrafficMirrorSession with these fields of the desired session (nil → RemoveField).
        case modifySession(id: String, desired: ResourceRecord, fields: [String])
        /// Park a session on a free number so another can take its number (swaps).
        case renumberSession(id: String, temporaryNumber: Int)
        /// CreateTags / DeleteTags for user tags.
        case retag(id: String, set: [String: String], remove: [String])
        case delete(id: String)
    }

    public var id: Int
    public var address: ResourceAddress
    public var step: Step
    public var dependencies: Set<Int>

    public init(id: Int, address: ResourceAddress, step: Step, dependencies: Set<Int> = []) {
        self.id = id
        self.address = address
        self.step = step
        self.dependencies = dependencies
    }

    public var verb: String {
        switch step {
        case .create: "create"
        case .setNetworkServices: "set network services of"
        case .modifyRule, .modifySession: "modify"
        case .renumberSession(_, let number): "move to temporary number \(number):"
        case .retag: "retag"
        case .delete: "delete"
        }
    }

    public var description: String {
        switch step {
        case .delete(let id), .modifyRule(let id, _), .modifySession(let id, _, _), .retag(let id, _, _),
            .renumberSession(let id, _):
            "\(verb) \(address) (\(id))"
        case .create, .setNetworkServices:
            "\(verb) \(address)"
        }
    }
}
