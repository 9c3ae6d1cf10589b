import Foundation

/// One source of credentials. `resolve()` returns nil when the source is not configured (the chain moves on)
/// and throws when it is configured but broken (the chain stops: a broken profile must not silently fall
/// through to other keys).
public protocol CredentialProvider: Sendable, CustomStringConvertible {
    func resolve() async throws -> ResolvedCredentials?
}

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

/// Why credentials could not be obtained. Never contains a secret.
public struct CredentialError: Error, Sendable, Hashable, CustomStringConvertible {
    public var description: String

    public init(_ description: String) { self.description = description }

    static func none(tried: [String]) -> CredentialError {
        CredentialError(
            "no AWS credentials found (looked in: \(tried.joined(separator: ", "))); set AWS_ACCESS_KEY_ID and "
                + "AWS_SECRET_ACCESS_KEY, choose a profile with --profile / AWS_PROFILE, or run on EC2 with an instance role")
    }
}

/// Fixed credentials (tests, `lab`).
public struct StaticCredentialProvider: CredentialProvider {
    let resolved: ResolvedCredentials

    public init(_ credentials: AWSCredentials, source: String = "static credentials") {
        resolved = ResolvedCredentials(credentials: credentials, source: source)
    }

    public func resolve() async throws -> ResolvedCredentials? { resolved }
    public var description: String { resolved.source }
}

/// `AWS_ACCESS_KEY_ID`, `AWS_SECRET_ACCESS_KEY`, optional `AWS_SESSION_TOKEN`.
public struct EnvironmentCredentialProvider: CredentialProvider {
    let environment: [String: String]

    public init(environment: [String: String]) { self.environment = environment }

    public func resolve() async throws -> ResolvedCredentials? {
        let key = environment["AWS_ACCESS_KEY_ID"] ?? "", secret = environment["AWS_SECRET_ACCESS_KEY"] ?? ""
        if key.isEmpty && secret.isEmpty { return nil }
        guard !key.isEmpty, !secret.isEmpty else {
            throw CredentialError(
                "AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY must both be set (only \(key.isEmpty ? "the secret" : "the key id") is)")
        }
        let token = environment["AWS_SESSION_TOKEN"].flatMap { $0.isEmpty ? nil : $0 }
        return ResolvedCredentials(
            credentials: AWSCredentials(accessKeyID: key, secretAccessKey: secret, sessionToken: token),
            source: "environment variables")
    }

    public var description: String { "environment variables" }
}
