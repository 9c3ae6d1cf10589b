/// A failure on this side of the wire: the request did not get a usable answer.
public struct EC2ClientError: Error, Sendable, Hashable, CustomStringConvertible {
    enum Kind: Sendable, Hashable {
        case transport(String)
        case timeout(String)
        case undecodableBody(status: Int, reason: String, snippet: String)
        case missingElement(String)
    }

    let kind: Kind
    public let action: String

    public static func transport(action: String, _ detail: String) -> EC2ClientError {
        EC2ClientError(kind: .transport(detail), action: action)
    }

    public static func timeout(action: String, _ detail: String) -> EC2ClientError {
        EC2ClientError(kind: .timeout(detail), action: action)
    }

    /// The body could not be understood (not XML, HTML, truncated): keep a short, printable snippet.
    public static func undecodableBody(action: String, status: Int, reason: String, body: [UInt8]) -> EC2ClientError {
        EC2ClientError(kind: .undecodableBody(status: status, reason: reason, snippet: snippet(body)), action: action)
    }

    public static func missingElement(action: String, _ path: String) -> EC2ClientError {
        EC2ClientError(kind: .missingElement(path), action: action)
    }

    /// True for connection failures and timeouts (retryable as transient errors).
    public var isConnectionError: Bool {
        switch kind {
        case .transport, .timeout: true
        default: false
        }
    }

    public var isTimeout: Bool { if case .timeout = kind { true } else { false } }

    public var httpStatus: Int? { if case .undecodableBody(let status, _, _) = kind { status } else { nil } }

    public var description: String {
        switch kind {
        case .transport(let detail):
            "\(action) failed: could not reach the endpoint: \(detail); check --endpoint-url / --region and the network"
        case .timeout(let detail):
            "\(action) failed: the endpoint did not answer in time: \(detail)"
        case .undecodableBody(let status, let reason, let snippet):
            "\(action) failed: HTTP \(status) with a body that is not an EC2 response (\(reason)): \"\(snippet)\"; "
                + "is the endpoint an EC2 API (or does the emulator implement \(action))?"
        case .missingElement(let path):
            "\(action) failed: the response has no <\(path)> element; the endpoint answered with an unexpected shape"
        }
    }

    static func snippet(_ body: [UInt8], limit: Int = 200) -> String {
        let text = String(decoding: body.prefix(limit), as: UTF8.self)
        let cleaned = text.unicodeScalars.map { $0.properties.generalCategory == .control ? " " : String($0) }.joined()
        let collapsed = cleaned.split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ")
        return body.count > limit ? collapsed + "…" : collapsed
    }
}
