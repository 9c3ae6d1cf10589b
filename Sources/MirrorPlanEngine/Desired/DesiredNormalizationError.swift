import MirrorPlanModel

/// A reference the resolver did not answer for: a programming error in the caller, named precisely.
public enum DesiredNormalizationError: Error, Hashable, Sendable, CustomStringConvertible {
    case unresolved(NetworkInterfaceReference, ResourceAddress)

    public var description: String {
        switch self {
        case .unresolved(let reference, let address):
            "\(address) refers to \(reference), which was not resolved to a network interface; check the instance name and region"
        }
    }
}
