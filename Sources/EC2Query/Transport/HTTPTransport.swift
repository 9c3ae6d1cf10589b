import Foundation

/// The seam between mirrorplan and AWS: bytes in, bytes out. `URLSessionTransport` implements it for AWS and
/// `lab serve`; the embedded lab implements it in-process, so every run goes through the same
/// SigV4 signing, Query encoding and XML decoding.
public protocol HTTPTransport: Sendable {
    func send(_ request: HTTPRequest) async throws -> HTTPResponse
}

/// An HTTP request as it goes on the wire. Header names keep the caller's case; lookups are case-insensitive.
public struct HTTPRequest: Sendable, Hashable {
    public var method: String
    public var url: URL
    public var headers: [(name: String, value: String)] {
        get { headerFields.map { ($0.name, $0.value) } }
        set { headerFields = newValue.map { HeaderField(name: $0.name, value: $0.value) } }
    }
    public var body: Data
    /// How long to wait for the response, in seconds; nil uses the transport's default.
    public var timeout: TimeInterval?

    private var headerFields: [HeaderField]

    public init(method: String, url: URL, headers: [(name: String, value: String)] = [], body: Data = Data()) {
        self.method = method
        self.url = url
        self.headerFields = headers.map { HeaderField(name: $0.name, value: $0.value) }
        self.body = body
    }

    /// The first value of a header, matched case-insensitively.
    public func header(_ name: String) -> String? {
        headerFields.first { $0.name.lowercased() == name.lowercased() }?.value
    }
}

/// An HTTP response: status, headers, body.
public struct HTTPResponse: Sendable, Hashable {
    public var status: Int
    public var headers: [String: String]
    public var body: Data

    public init(status: Int, headers: [String: String] = [:], body: Data = Data()) {
        self.status = status
        self.headers = headers
        self.body = body
    }
}

struct HeaderField: Sendable, Hashable {
    var name: String
    var value: String
}
