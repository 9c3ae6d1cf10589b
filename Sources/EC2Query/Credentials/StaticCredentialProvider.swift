import Foundation

/// Fixed credentials (tests, `lab`).
public struct StaticCredentialProvider: CredentialProvider {
    let resolved: ResolvedCredentials

    public init(_ credentials: AWSCredentials, source: String = "static credentials") {
        resolved = ResolvedCredentials(credentials: credentials, source: source)
    }

    public func resolve() async throws -> ResolvedCredentials? { resolved }
    public var description: String { resolved.source }
}
