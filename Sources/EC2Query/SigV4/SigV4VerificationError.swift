import Foundation

/// Why a received request's signature was not accepted (server side).
public enum SigV4VerificationError: Error, Sendable, Hashable, CustomStringConvertible {
    case missingAuthorization
    case malformedAuthorization
    case missingDate
    case scopeMismatch(String)
    case signatureMismatch

    public var description: String {
        switch self {
        case .missingAuthorization: "the request has no Authorization header"
        case .malformedAuthorization:
            "the Authorization header is not AWS4-HMAC-SHA256 Credential=…, SignedHeaders=…, Signature=…"
        case .missingDate: "the request has no valid X-Amz-Date header"
        case .scopeMismatch(let detail): "the credential scope does not match: \(detail)"
        case .signatureMismatch:
            "the request signature we calculated does not match the signature you provided; check your secret access key"
        }
    }
}
