import Foundation

/// Credentials plus where they came from (`environment`, `shared credentials file (profile dev)`, …).
public struct ResolvedCredentials: Sendable, Hashable, CustomStringConvertible {
    public var credentials: AWSCredentials
    public var source: String

    public init(credentials: AWSCredentials, source: String) {
        self.credentials = credentials
        self.source = source
    }

    public var identity: CredentialIdentity { CredentialIdentity(source: source, accessKeyID: credentials.accessKeyID) }
    public var description: String { "\(credentials) from \(source)" }
}
