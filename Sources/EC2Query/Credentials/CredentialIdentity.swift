/// Where a set of credentials came from, safe to print: never includes the secret.
public struct CredentialIdentity: Sendable, Hashable, CustomStringConvertible {
    public var source: String
    public var accessKeyID: String

    public init(source: String, accessKeyID: String) {
        self.source = source
        self.accessKeyID = accessKeyID
    }

    public var description: String { "\(accessKeyID) (\(source))" }
}
