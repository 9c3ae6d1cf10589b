import EC2Query
import Foundation

/// `--verify-signatures KEY_ID:SECRET`: the served lab accepts only requests SigV4-signed for service `ec2`
/// with that key, answering with EC2's authentication error codes otherwise.
public struct SignatureCheck: Sendable {
    public var credentials: AWSCredentials
    /// AWS rejects requests whose X-Amz-Date is more than 15 minutes from its clock.
    public var maxSkew: TimeInterval = 15 * 60
    public var now: @Sendable () -> Date

    public init(credentials: AWSCredentials, now: @escaping @Sendable () -> Date = { Date() }) {
        self.credentials = credentials
        self.now = now
    }

    /// `KEY_ID:SECRET` → a check; nil when the text has no colon or an empty part.
    public init?(argument: String, now: @escaping @Sendable () -> Date = { Date() }) {
        guard let colon = argument.firstIndex(of: ":") else { return nil }
        let key = String(argument[..<colon])
        let secret = String(argument[argument.index(after: colon)...])
        guard !key.isEmpty, !secret.isEmpty else { return nil }
        self.init(credentials: AWSCredentials(accessKeyID: key, secretAccessKey: secret), now: now)
    }

    /// The EC2 error for a request that fails the check, nil when it passes.
    public func check(_ request: HTTPRequest) -> LabError? {
        let wire = SigV4Request(request)
        guard let header = request.header("Authorization") else {
            return LabError(
                code: "MissingAuthenticationToken",
                message: "Request is missing Authentication Token; sign it with SigV4.", status: 401)
        }
        guard let authorization = SigV4Authorization(header: header) else {
            return LabError(
                code: "IncompleteSignature",
                message: "The Authorization header is not a SigV4 AWS4-HMAC-SHA256 header.", status: 400)
        }
        guard authorization.accessKeyID == credentials.accessKeyID else {
            return LabError(
                code: "AuthFailure",
                message: "AWS was not able to validate the provided access credentials (unknown access key ID).",
                status: 401)
        }
        if let dateText = request.header("X-Amz-Date"), let date = SigV4Signer.parseAmzDate(dateText),
            abs(date.timeIntervalSince(now())) > maxSkew
        {
            return LabError(
                code: "RequestExpired",
                message: "Request has expired: X-Amz-Date \(dateText) is more than 15 minutes from the lab's clock.")
        }
        do {
            try SigV4Signer.verify(wire, credentials: credentials, service: "ec2")
            return nil
        } catch .signatureMismatch {
            return LabError(
                code: "SignatureDoesNotMatch",
                message:
                    "The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method.",
                status: 403)
        } catch {
            return LabError(
                code: "AuthFailure", message: "AWS was not able to validate the provided access credentials: \(error).",
                status: 401)
        }
    }
}
