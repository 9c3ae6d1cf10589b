/// An error that AWS (or an emulator) returned in the EC2 error envelope.
public struct EC2ServiceError: Error, Sendable, Hashable, CustomStringConvertible {
    public var action: String
    public var code: EC2ErrorCode
    public var message: String
    public var requestID: String?
    public var httpStatus: Int
    /// Which credentials signed the request (source and access key id only), set for credential problems.
    public var credentials: CredentialIdentity?

    public init(
        action: String, code: EC2ErrorCode, message: String, requestID: String?, httpStatus: Int,
        credentials: CredentialIdentity? = nil
    ) {
        self.action = action
        self.code = code
        self.message = message
        self.requestID = requestID
        self.httpStatus = httpStatus
        self.credentials = credentials
    }

    public var description: String {
        var text = "\(action) failed: \(code) (HTTP \(httpStatus)): \(message.isEmpty ? "no message" : message)"
        if let requestID { text += " [request id \(requestID)]" }
        if code.isCredentialProblem, let credentials {
            text += "; the request was signed with access key \(credentials.accessKeyID) from \(credentials.source)"
            text += " — check that this key is active, its secret is right and it may call ec2:\(action)"
        }
        return text
    }
}
