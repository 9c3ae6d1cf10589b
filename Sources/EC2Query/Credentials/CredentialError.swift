import Foundation

/// Why credentials could not be obtained. Never contains a secret.
public struct CredentialError: Error, Sendable, Hashable, CustomStringConvertible {
    public var description: String

    public init(_ description: String) { self.description = description }

    static func none(tried: [String]) -> CredentialError {
        CredentialError(
            "no AWS credentials found (looked in: \(tried.joined(separator: ", "))); set AWS_ACCESS_KEY_ID and "
                + "AWS_SECRET_ACCESS_KEY, choose a profile with --profile / AWS_PROFILE, or run on EC2 with an instance role"
        )
    }
}
