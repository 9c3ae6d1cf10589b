import Foundation

/// A parsed `Authorization: AWS4-HMAC-SHA256 Credential=AKID/20150830/us-east-1/service/aws4_request,
/// SignedHeaders=host;x-amz-date, Signature=…` header, for servers that verify signatures.
public struct SigV4Authorization: Sendable, Hashable {
    public var accessKeyID: String
    /// `20150830`
    public var dateStamp: String
    public var region: String
    public var service: String
    public var signedHeaders: [String]
    public var signature: String

    /// Nil when the header is not a well-formed SigV4 authorization.
    public init?(header: String) {
        let prefix = "AWS4-HMAC-SHA256 "
        guard header.hasPrefix(prefix) else { return nil }
        var fields: [String: String] = [:]
        for part in header.dropFirst(prefix.count).split(separator: ",") {
            let pair = part.trimmingCharacters(in: .whitespaces).split(separator: "=", maxSplits: 1)
            guard pair.count == 2 else { return nil }
            fields[String(pair[0])] = String(pair[1])
        }
        guard let credential = fields["Credential"], let signed = fields["SignedHeaders"],
            let signature = fields["Signature"]
        else { return nil }
        let scope = credential.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        guard scope.count == 5, scope[4] == "aws4_request", !scope[0].isEmpty else { return nil }
        accessKeyID = scope[0]
        dateStamp = scope[1]
        region = scope[2]
        service = scope[3]
        signedHeaders = signed.split(separator: ";").map(String.init)
        self.signature = signature
    }
}

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
        case .malformedAuthorization: "the Authorization header is not AWS4-HMAC-SHA256 Credential=…, SignedHeaders=…, Signature=…"
        case .missingDate: "the request has no valid X-Amz-Date header"
        case .scopeMismatch(let detail): "the credential scope does not match: \(detail)"
        case .signatureMismatch:
            "the request signature we calculated does not match the signature you provided; check your secret access key"
        }
    }
}

extension SigV4Signer {
    /// Verifies a received request against the secret of the access key id it names.
    /// `credentials` is looked up by the caller from `SigV4Authorization.accessKeyID`.
    /// Returns the parsed authorization on success.
    @discardableResult
    public static func verify(
        _ request: SigV4Request, credentials: AWSCredentials, service: String
    ) throws(SigV4VerificationError) -> SigV4Authorization {
        guard let header = request.values(of: "authorization").first else { throw .missingAuthorization }
        guard let authorization = SigV4Authorization(header: header) else { throw .malformedAuthorization }
        guard let dateText = request.values(of: "x-amz-date").first, let date = parseAmzDate(dateText) else {
            throw .missingDate
        }
        guard dateStamp(date) == authorization.dateStamp else {
            throw .scopeMismatch("date \(authorization.dateStamp) is not the X-Amz-Date day")
        }
        guard authorization.service == service else {
            throw .scopeMismatch("service '\(authorization.service)', expected '\(service)'")
        }
        var unsigned = request
        unsigned.headers.removeAll { $0.name.lowercased() == "authorization" }
        let signer = SigV4Signer(region: authorization.region, service: authorization.service)
        let expected = signer.signature(
            for: unsigned, signedHeaders: authorization.signedHeaders, credentials: credentials, date: date)
        // Constant-time comparison: the signature is a MAC.
        let a = Array(expected.utf8), b = Array(authorization.signature.utf8)
        guard a.count == b.count, zip(a, b).reduce(UInt8(0), { $0 | ($1.0 ^ $1.1) }) == 0 else {
            throw .signatureMismatch
        }
        return authorization
    }
}
