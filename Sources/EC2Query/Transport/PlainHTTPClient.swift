import Foundation
import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// HTTP/1.1 over POSIX sockets for plain `http://` endpoints (the lab, moto, IMDS; the configuration allows
/// plain http only to loopback and link-local addresses). Why not URLSession: on Linux it mishandles a
/// connection reset (libcurl retries the request on a fresh connection without its body, and the task spins
/// until the request timeout) and it can trap on a malformed answer ("Transfer completed, but there's no
/// response"). Here a reset is an immediate `HTTPConnectionError`, and any byte sequence gives a response or
/// a typed error. Keep-alive connections are pooled per host; each exchange runs on its own thread, so
/// blocking socket calls never occupy the concurrency pool.
final class PlainHTTPClient: Sendable {
    /// The socket an exchange is using, so cancellation can shut it down.
    final class ActiveSocket: Sendable {
        let fd = Mutex<Int32>(-1)
    }

    private let idle = Mutex<[String: [Int32]]>([:])
    private static let maxIdlePerHost = 32

    deinit {
        for fd in idle.withLock({ $0.values.joined() }) { close(fd) }
    }

    func send(_ request: HTTPRequest, timeout: TimeInterval) async throws -> HTTPResponse {
        guard let host = request.url.host, !host.isEmpty else {
            throw HTTPConnectionError(.resolve, endpoint: request.url.absoluteString, "the URL has no host")
        }
        let bare = host.hasPrefix("[") && host.hasSuffix("]") ? String(host.dropFirst().dropLast()) : host
        let port = request.url.port ?? 80
        let endpoint = bare.contains(":") ? "[\(bare)]:\(port)" : "\(bare):\(port)"
        let bytes = Self.serialize(request, endpoint: endpoint)
        let active = ActiveSocket()
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<HTTPResponse, any Error>) in
                let thread = Thread { [self] in
                    do {
                        continuation.resume(
                            returning: try exchange(
                                bytes, host: bare, port: port, endpoint: endpoint, method: request.method,
                                timeout: timeout, active: active))
                    } catch {
                        continuation.resume(throwing: error)
                    }
                }
                thread.name = "mirrorplan-http"
                thread.start()
            }
        } onCancel: {
            // Wakes the blocked poll; the exchange then fails and the thread ends.
            active.fd.withLock { fd in if fd >= 0 { shutdown(fd, Int32(SHUT_RDWR)) } }
        }
    }

    static func serialize(_ request: HTTPRequest, endpoint: String) -> [UInt8] {
        let components = URLComponents(url: request.url, resolvingAgainstBaseURL: false)
        var target = components?.percentEncodedPath ?? "/"
        if target.isEmpty { target = "/" }
        if let query = components?.percentEncodedQuery { target += "?" + query }
        var head = "\(request.method) \(target) HTTP/1.1\r\n"
        if request.header("Host") == nil { head += "Host: \(endpoint)\r\n" }
        for header in request.headers {
            let lower = header.name.lowercased()
            if lower == "content-length" || lower == "connection" || lower == "transfer-encoding" { continue }
            head += "\(header.name): \(header.value)\r\n"
        }
        if !request.body.isEmpty || request.method == "POST" || request.method == "PUT" {
            head += "Content-Length: \(request.body.count)\r\n"
        }
        head += "Connection: keep-alive\r\n\r\n"
        return Array(head.utf8) + Array(request.body)
    }

    private func exchange(
        _ bytes: [UInt8], host: String, port: Int, endpoint: String, method: String, timeout: TimeInterval,
        active: ActiveSocket
    ) throws -> HTTPResponse {
        let key = endpoint
        let fd = try takeIdle(key) ?? Self.connect(host: host, port: port, endpoint: endpoint, timeout: timeout)
        active.fd.withLock { $0 = fd }
        var reusable = false
        defer {
            active.fd.withLock { $0 = -1 }
            if reusable { putIdle(key, fd) } else { close(fd) }
        }
        let timeoutMillis = Int32(max(1, min(timeout * 1000, Double(Int32.max))))
        try Self.write(bytes, to: fd, endpoint: endpoint, timeoutMillis: timeoutMillis)
        var received: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65536)
        var closed = false
        while true {
            switch HTTPResponseParser.parse(received, closed: closed, method: method) {
            case .response(let response):
                let connection = response.headers.first { $0.key.lowercased() == "connection" }?.value.lowercased()
                let delimited = response.headers.keys.contains {
                    ["content-length", "transfer-encoding"].contains($0.lowercased())
                }
                reusable = !closed && connection != "close" && (delimited || method == "HEAD")
                return response
            case .invalid(let reason):
                if closed && received.isEmpty {
                    throw HTTPConnectionError(.reset, endpoint: endpoint, reason)
                }
                throw HTTPConnectionError(.malformedResponse, endpoint: endpoint, reason)
            case .needMore:
                guard !closed else { throw HTTPConnectionError(.reset, endpoint: endpoint, "unexpected end") }
                try Self.wait(
                    fd, for: Int16(POLLIN), endpoint: endpoint, timeoutMillis: timeoutMillis, timeout: timeout)
                let count = chunk.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
                if count > 0 {
                    received += chunk[0..<count]
                } else if count == 0 {
                    closed = true
                } else if errno != EINTR && errno != EAGAIN {
                    throw HTTPConnectionError(.reset, endpoint: endpoint, String(cString: strerror(errno)))
                }
            }
        }
    }

    /// An idle pooled connection the server has not closed meanwhile (a readable idle socket means EOF or
    /// stray bytes: either way it is not reused).
    private func takeIdle(_ key: String) -> Int32? {
        while let fd = idle.withLock({ $0[key]?.popLast() }) {
            var probe = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            if poll(&probe, 1, 0) == 0 { return fd }
            close(fd)
        }
        return nil
    }

    private func putIdle(_ key: String, _ fd: Int32) {
        let kept = idle.withLock { pool -> Bool in
            guard pool[key, default: []].count < Self.maxIdlePerHost else { return false }
            pool[key, default: []].append(fd)
            return true
        }
        if !kept { close(fd) }
    }

    private static func connect(host: String, port: Int, endpoint: String, timeout: TimeInterval) throws -> Int32 {
        var hints = addrinfo()
        hints.ai_family = AF_UNSPEC
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        var list: UnsafeMutablePointer<addrinfo>?
        let status = getaddrinfo(host, String(port), &hints, &list)
        guard status == 0, let first = list else {
            throw HTTPConnectionError(.resolve, endpoint: endpoint, String(cString: gai_strerror(status)))
        }
        defer { freeaddrinfo(list) }
        var lastError = "no address"
        var entry: UnsafeMutablePointer<addrinfo>? = first
        while let address = entry {
            entry = address.pointee.ai_next
            let fd = socket(address.pointee.ai_family, Int32(SOCK_STREAM.rawValue), 0)
            guard fd >= 0 else { continue }
            _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
            var one: Int32 = 1
            setsockopt(fd, Int32(IPPROTO_TCP), TCP_NODELAY, &one, socklen_t(MemoryLayout<Int32>.size))
            if Glibc.connect(fd, address.pointee.ai_addr, address.pointee.ai_addrlen) == 0 { return fd }
            guard errno == EINPROGRESS else {
                lastError = String(cString: strerror(errno))
                close(fd)
                continue
            }
            var probe = pollfd(fd: fd, events: Int16(POLLOUT), revents: 0)
            let ready = poll(&probe, 1, Int32(max(1, min(timeout * 1000, Double(Int32.max)))))
            var soError: Int32 = 0
            var length = socklen_t(MemoryLayout<Int32>.size)
            getsockopt(fd, SOL_SOCKET, SO_ERROR, &soError, &length)
            if ready > 0 && soError == 0 { return fd }
            close(fd)
            if ready == 0 { throw HTTPConnectionError(.timedOut, endpoint: endpoint, "\(timeout) s (connect)") }
            lastError = String(cString: strerror(soError != 0 ? soError : errno))
        }
        throw HTTPConnectionError(.connect, endpoint: endpoint, lastError)
    }

    private static func wait(
        _ fd: Int32, for events: Int16, endpoint: String, timeoutMillis: Int32, timeout: TimeInterval
    ) throws {
        var probe = pollfd(fd: fd, events: events, revents: 0)
        while true {
            let ready = poll(&probe, 1, timeoutMillis)
            if ready > 0 { return }
            if ready == 0 { throw HTTPConnectionError(.timedOut, endpoint: endpoint, "\(timeout) s") }
            if errno != EINTR {
                throw HTTPConnectionError(.reset, endpoint: endpoint, String(cString: strerror(errno)))
            }
        }
    }

    private static func write(_ bytes: [UInt8], to fd: Int32, endpoint: String, timeoutMillis: Int32) throws {
        var offset = 0
        while offset < bytes.count {
            let sent = bytes[offset...].withUnsafeBytes {
                Glibc.send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL))
            }
            if sent > 0 {
                offset += sent
            } else if sent < 0 && (errno == EAGAIN || errno == EINTR) {
                try wait(
                    fd, for: Int16(POLLOUT), endpoint: endpoint, timeoutMillis: timeoutMillis,
                    timeout: Double(timeoutMillis) / 1000)
            } else {
                throw HTTPConnectionError(.reset, endpoint: endpoint, String(cString: strerror(errno)))
            }
        }
    }
}
