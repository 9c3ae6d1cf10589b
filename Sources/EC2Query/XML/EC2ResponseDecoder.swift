import Foundation

/// Turns an HTTP response into the success element tree or a typed error; never traps on hostile bytes.
public enum EC2ResponseDecoder {
    /// The root element of a 2xx response, or throws `EC2ServiceError` (error envelope) / `EC2ClientError` (garbage).
    public static func decode(action: String, response: HTTPResponse) throws -> XMLNode {
        let root: XMLNode
        do {
            root = try XMLDocumentParser.parse(response.body)
        } catch {
            throw EC2ClientError.undecodableBody(
                action: action, status: response.status, reason: error.description, body: Array(response.body))
        }
        if let serviceError = serviceError(action: action, status: response.status, root: root) { throw serviceError }
        guard (200..<300).contains(response.status) else {
            throw EC2ClientError.undecodableBody(
                action: action, status: response.status, reason: "an error status without an EC2 error envelope",
                body: Array(response.body))
        }
        guard root.name == action + "Response" else {
            throw EC2ClientError.undecodableBody(
                action: action, status: response.status,
                reason: "expected a <\(action)Response> document, got <\(root.name)>", body: Array(response.body))
        }
        return root
    }

    /// Reads `Response/Errors/Error` (EC2) or `ErrorResponse/Error` (STS and other Query services).
    static func serviceError(action: String, status: Int, root: XMLNode) -> EC2ServiceError? {
        let error: XMLNode?
        let requestID: String?
        switch root.name {
        case "Response":
            error = root["Errors", "Error"]
            requestID = root.string("RequestID") ?? root.string("RequestId")
        case "ErrorResponse":
            // STS and others use ErrorResponse/Error; moto also answers EC2 auth failures as ErrorResponse/Errors/Error.
            error = root.child("Error") ?? root["Errors", "Error"]
            requestID = root.string("RequestId") ?? root.string("RequestID")
        default:
            return nil
        }
        guard let error, let code = error.string("Code"), !code.isEmpty else { return nil }
        return EC2ServiceError(
            action: action, code: EC2ErrorCode(code), message: error.string("Message") ?? "", requestID: requestID,
            httpStatus: status)
    }
}
