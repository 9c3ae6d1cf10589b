import Foundation

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// `HTTPTransport` over URLSession (libcurl on Linux). TLS certificates are always verified: there is no
/// delegate that could weaken trust. Connection failures and timeouts surface as `URLError`s.
///
/// Plain `http://` requests (the lab, moto, IMDS; the configuration allows plain http only to loopback and
/// link-local addresses) carry `Connection: close`, so every request gets a fresh connection. Why: when a
/// server resets a *reused* keep-alive connection after reading a request, libcurl retries it transparently
/// on a new connection, but swift-corelibs-foundation does not replay the request body there: the headers go
/// out, the body never does, and the task spins on a writable socket (tens of seconds of system CPU) until
/// the request timeout. On a fresh connection the same reset surfaces at once as
/// `URLError.networkConnectionLost`, which the retry layer retries. Connection setup costs ~0.1 ms on
/// loopback; https keeps its connections (a TLS handshake per call would be expensive).
public final class URLSessionTransport: HTTPTransport {
    let session: URLSession
    let defaultTimeout: TimeInterval

    public init(timeout: TimeInterval = 60) {
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = timeout
        configuration.httpCookieStorage = nil
        configuration.urlCache = nil
        configuration.requestCachePolicy = .reloadIgnoringLocalCacheData
        // Foundation's default of 6 connections per host would cap an apply's concurrent steps (and the
        // concurrent Describe calls) below the engine's own limit.
        configuration.httpMaximumConnectionsPerHost = 32
        session = URLSession(configuration: configuration)
        defaultTimeout = timeout
    }

    /// Whether a request to `url` must not reuse a connection (see the type's comment).
    static func closesConnection(for url: URL) -> Bool {
        url.scheme?.lowercased() == "http"
    }

    public func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        var urlRequest = URLRequest(url: request.url)
        urlRequest.httpMethod = request.method
        urlRequest.timeoutInterval = request.timeout ?? defaultTimeout
        for header in request.headers { urlRequest.addValue(header.value, forHTTPHeaderField: header.name) }
        if Self.closesConnection(for: request.url) && request.header("Connection") == nil {
            urlRequest.setValue("close", forHTTPHeaderField: "Connection")
        }
        if !request.body.isEmpty || request.method == "POST" || request.method == "PUT" {
            urlRequest.httpBody = request.body
        }
        let (data, response) = try await session.data(for: urlRequest)
        guard let http = response as? HTTPURLResponse else {
            throw URLError(.badServerResponse)
        }
        var headers: [String: String] = [:]
        for (name, value) in http.allHeaderFields {
            if let name = name as? String, let value = value as? String { headers[name] = value }
        }
        return HTTPResponse(status: http.statusCode, headers: headers, body: data)
    }
}
