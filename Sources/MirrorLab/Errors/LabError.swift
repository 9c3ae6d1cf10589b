/// An EC2 API error as the lab answers it: AWS's code, a message that says what was wrong and how to fix
/// it, and AWS's HTTP status. Rendered as EC2's `<Response><Errors>…` envelope.
public struct LabError: Error, Sendable, Hashable, CustomStringConvertible {
    public var code: String
    public var message: String
    public var status: Int

    public init(code: String, message: String, status: Int = 400) {
        self.code = code
        self.message = message
        self.status = status
    }

    public var description: String { "\(code): \(message)" }

    static func missing(_ parameter: String) -> LabError {
        LabError(code: "MissingParameter", message: "The request must contain the parameter \(parameter).")
    }

    static func invalidValue(_ parameter: String, _ value: String, _ why: String) -> LabError {
        LabError(
            code: "InvalidParameterValue",
            message: "Value (\(value)) for parameter \(parameter) is invalid. \(why)")
    }

    static func combination(_ message: String) -> LabError {
        LabError(code: "InvalidParameterCombination", message: message)
    }

    static func notFound(_ kind: ResourceKind, _ id: String) -> LabError {
        LabError(code: kind.notFoundCode, message: "The \(kind.noun) ID '\(id)' does not exist.")
    }

    static func malformed(_ kind: ResourceKind, _ id: String) -> LabError {
        LabError(
            code: kind.malformedCode,
            message: "Invalid id: \"\(id)\" (expecting \"\(kind.prefix)-\" followed by 8 or 17 hex digits).")
    }

    static let dryRun = LabError(
        code: "DryRunOperation", message: "Request would have succeeded, but DryRun flag is set.", status: 412)

    static let internalError = LabError(
        code: "InternalError", message: "An internal error has occurred (injected by the lab's --fail-rate).",
        status: 500)
    static let unavailable = LabError(
        code: "ServiceUnavailable", message: "The service is unavailable (injected by the lab's --fail-rate).",
        status: 503)
    static let throttled = LabError(
        code: "RequestLimitExceeded", message: "Request limit exceeded.", status: 503)
}
