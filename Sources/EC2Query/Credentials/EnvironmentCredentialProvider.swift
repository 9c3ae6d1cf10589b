import Foundation

/// `AWS_ACCESS_KEY_ID`, `AWS_SECRET_ACCESS_KEY`, optional `AWS_SESSION_TOKEN`.
public struct EnvironmentCredentialProvider: CredentialProvider {
    let environment: [String: String]

    public init(environment: [String: String]) { self.environment = environment }

    public func resolve() async throws -> ResolvedCredentials? {
        let key = environment["AWS_ACCESS_KEY_ID"] ?? ""
        let secret = environment["AWS_SECRET_ACCESS_KEY"] ?? ""
        if key.isEmpty && secret.isEmpty { return nil }
        guard !key.isEmpty, !secret.isEmpty else {
            throw CredentialError(
                "AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY must both be set (only \(key.isEmpty ? "the secret" : "the key id") is)"
            )
        }
        let token = environment["AWS_SESSION_TOKEN"].flatMap { $0.isEmpty ? nil : $0 }
        return ResolvedCredentials(
            credentials: AWSCredentials(accessKeyID: key, secretAccessKey: secret, sessionToken: token),
            source: "environment variables")
    }

    public var description: String { "environment variables" }
}
