/// An EC2 error code. A struct over the wire string, so unknown codes pass through unchanged.
public struct EC2ErrorCode: Sendable, Hashable, RawRepresentable, ExpressibleByStringLiteral, CustomStringConvertible {
    public var rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public init(_ rawValue: String) { self.rawValue = rawValue }
    public init(stringLiteral value: String) { self.rawValue = value }
    public var description: String { rawValue }

    public static let authFailure: EC2ErrorCode = "AuthFailure"
    public static let signatureDoesNotMatch: EC2ErrorCode = "SignatureDoesNotMatch"
    public static let unauthorizedOperation: EC2ErrorCode = "UnauthorizedOperation"
    public static let invalidClientTokenID: EC2ErrorCode = "InvalidClientTokenId"
    public static let requestExpired: EC2ErrorCode = "RequestExpired"
    public static let dryRunOperation: EC2ErrorCode = "DryRunOperation"
    public static let requestLimitExceeded: EC2ErrorCode = "RequestLimitExceeded"
    public static let idempotentParameterMismatch: EC2ErrorCode = "IdempotentParameterMismatch"

    /// Codes that mean "these credentials were not accepted": the error then names which credentials were used.
    public var isCredentialProblem: Bool {
        [
            .authFailure, .signatureDoesNotMatch, .unauthorizedOperation, .invalidClientTokenID, .requestExpired,
            "ExpiredToken", "InvalidAccessKeyId", "AccessDenied", "MissingAuthenticationToken", "InvalidToken",
        ]
        .contains(self)
    }
}
