import Foundation

/// The parts of an HTTP request that Signature Version 4 covers, as they appear on the wire.
/// The client builds one from an outgoing `HTTPRequest`; a server (the lab) builds one from what it received.
public struct SigV4Request: Sendable, Hashable {
    public var method: String
    /// The path as sent (percent-encoded as on the wire), e.g. `/`.
    public var path: String
    /// The raw query string without `?`, e.g. `Param1=value1`; empty when there is none.
    public var query: String
    /// Header fields in wire order; names are matched case-insensitively, repeated names are allowed.
    public var headers: [SigV4Header]
    public var body: Data

    public init(method: String, path: String, query: String = "", headers: [SigV4Header], body: Data = Data()) {
        self.method = method
        self.path = path
        self.query = query
        self.headers = headers
        self.body = body
    }

    /// The request's parts from an `HTTPRequest`, with the path and query exactly as they go on the wire.
    public init(_ request: HTTPRequest) {
        let components = URLComponents(url: request.url, resolvingAgainstBaseURL: false)
        let path = components?.percentEncodedPath ?? "/"
        self.init(
            method: request.method,
            path: path.isEmpty ? "/" : path,
            query: components?.percentEncodedQuery ?? "",
            headers: request.headers.map { SigV4Header(name: $0.name, value: $0.value) },
            body: request.body)
    }

    /// All values of a header, in order, matched case-insensitively.
    func values(of name: String) -> [String] {
        let wanted = name.lowercased()
        return headers.filter { $0.name.lowercased() == wanted }.map(\.value)
    }
}
