import Foundation

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
        let a = Array(expected.utf8)
        let b = Array(authorization.signature.utf8)
        guard a.count == b.count, zip(a, b).reduce(UInt8(0), { $0 | ($1.0 ^ $1.1) }) == 0 else {
            throw .signatureMismatch
        }
        return authorization
    }
}
