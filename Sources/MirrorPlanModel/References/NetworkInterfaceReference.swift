/// Where a source or ENI target lives, as the manifest says it. Instance references stay symbolic here;
/// the AWS client resolves them to the instance's primary ENI (device index 0).
public enum NetworkInterfaceReference: Hashable, Sendable, CustomStringConvertible {
    /// `eni-0123...`
    case eni(String)
    /// `{ instance: Server }`: an instance's `Name` tag.
    case instanceName(String)
    /// `{ instance: i-0123... }`
    case instanceID(String)

    /// Classifies the value of `{ instance: X }`: an `i-` id with 8 or 17 hex digits is an id, anything else a name.
    public static func instance(_ value: String) -> NetworkInterfaceReference {
        AWSIdentifier.isInstanceID(value) ? .instanceID(value) : .instanceName(value)
    }

    public var description: String {
        switch self {
        case .eni(let id): id
        case .instanceName(let name): "instance \(name)"
        case .instanceID(let id): "instance \(id)"
        }
    }
}

/// A `verify` endpoint: an instance (by name or id) or a literal IP address.
public enum VerifyEndpoint: Hashable, Sendable, CustomStringConvertible {
    case instanceName(String)
    case instanceID(String)
    case ip(IPAddress)

    public static func instance(_ value: String) -> VerifyEndpoint {
        AWSIdentifier.isInstanceID(value) ? .instanceID(value) : .instanceName(value)
    }

    public var description: String {
        switch self {
        case .instanceName(let name): "instance \(name)"
        case .instanceID(let id): "instance \(id)"
        case .ip(let address): address.description
        }
    }
}
