import Foundation

/// Why a plain-http exchange got no usable answer. Every kind is a connection failure the retry layer may
/// retry; `timedOut` is reported as a timeout.
public struct HTTPConnectionError: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Kind: Sendable, Hashable {
        case resolve
        case connect
        case reset
        case timedOut
        case malformedResponse
        case cancelled
    }

    public let kind: Kind
    public let endpoint: String
    public let detail: String

    public init(_ kind: Kind, endpoint: String, _ detail: String) {
        self.kind = kind
        self.endpoint = endpoint
        self.detail = detail
    }

    public var description: String {
        switch kind {
        case .resolve: "cannot resolve \(endpoint): \(detail)"
        case .connect: "cannot connect to \(endpoint): \(detail)"
        case .reset: "the connection to \(endpoint) was reset or closed: \(detail)"
        case .timedOut: "\(endpoint) did not answer within \(detail)"
        case .malformedResponse: "\(endpoint) sent an answer that is not HTTP/1.1: \(detail)"
        case .cancelled: "the request to \(endpoint) was cancelled"
        }
    }
}
