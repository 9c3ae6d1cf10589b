import Foundation

/// One source of credentials. `resolve()` returns nil when the source is not configured (the chain moves on)
/// and throws when it is configured but broken (the chain stops: a broken profile must not silently fall
/// through to other keys).
public protocol CredentialProvider: Sendable, CustomStringConvertible {
    func resolve() async throws -> ResolvedCredentials?
}
