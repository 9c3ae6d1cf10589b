import Foundation

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// The live `HTTPTransport`: https over URLSession (libcurl on Linux), with TLS certificates always verified
/// (there is no delegate that could weaken trust); plain `http://` (the lab, moto, IMDS, which the
/// configuration allows only on loopback and link-local addresses) over `PlainHTTPClient`, because
/// URLSession on Linux turns a connection reset into a spin until the request timeout (see that type).
/// Failures surface as `URLError`s (https) or `HTTPConnectionError`s (http).
public final class URLSessionTransport: HTTPTransport {
    let session: URLSession
    let defaultTimeout: TimeInterval
    let plain = PlainHTTPClient()

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

    public func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        if request.url.scheme?.lowercased() == "http" {
            return try await plain.send(request, timeout: request.timeout ?? defaultTimeout)
        }
        var urlRequest = URLRequest(url: request.url)
        urlRequest.httpMethod = request.method
        urlRequest.timeoutInterval = request.timeout ?? defaultTimeout
        for header in request.headers { urlRequest.addValue(header.value, forHTTPHeaderField: header.name) }
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
