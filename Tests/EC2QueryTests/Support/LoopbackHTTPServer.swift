import EC2Query
import Foundation
import MirrorPlanTestSupport
import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// A tiny HTTP/1.1 server on 127.0.0.1 for tests (IMDS and STS stand-ins, the URLSession transport):
/// one connection at a time, `Connection: close`, bodies by Content-Length.
final class LoopbackHTTPServer: Sendable {
    struct Request: Sendable {
        var method: String
        var path: String
        var headers: [String: String]  // lower-cased names
        var body: Data
    }

    typealias Handler = @Sendable (Request) -> HTTPResponse

    let port: UInt16
    private let socketFD: Int32
    private let received = Mutex<[Request]>([])
    private let stopped = Mutex(false)

    var requests: [Request] { received.withLock { $0 } }
    var baseURL: URL { URL(string: "http://127.0.0.1:\(port)")! }

    init(handler: @escaping Handler) throws {
        (socketFD, port) = try LoopbackListener.open()
        let thread = Thread { [self] in self.serve(handler) }
        thread.start()
    }

    func stop() {
        stopped.withLock { $0 = true }
        shutdown(socketFD, Int32(SHUT_RDWR))
        close(socketFD)
    }

    private func serve(_ handler: Handler) {
        while !stopped.withLock({ $0 }) {
            let client = accept(socketFD, nil, nil)
            guard client >= 0 else { return }
            if let request = read(client) {
                received.withLock { $0.append(request) }
                write(handler(request), to: client)
            }
            close(client)
        }
    }

    private func read(_ fd: Int32) -> Request? {
        var buffer = [UInt8]()
        var chunk = [UInt8](repeating: 0, count: 4096)
        var headerEnd: Int?
        while headerEnd == nil {
            let n = recv(fd, &chunk, chunk.count, 0)
            guard n > 0 else { return nil }
            buffer += chunk[0..<n]
            headerEnd = find([13, 10, 13, 10], in: buffer)
        }
        guard let end = headerEnd else { return nil }
        let head = String(decoding: buffer[0..<end], as: UTF8.self).components(separatedBy: "\r\n")
        let parts = head[0].split(separator: " ")
        guard parts.count >= 2 else { return nil }
        var headers: [String: String] = [:]
        for line in head.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(
                in: .whitespaces)
        }
        let length = Int(headers["content-length"] ?? "0") ?? 0
        var body = Array(buffer[(end + 4)...])
        while body.count < length {
            let n = recv(fd, &chunk, chunk.count, 0)
            guard n > 0 else { break }
            body += chunk[0..<n]
        }
        return Request(method: String(parts[0]), path: String(parts[1]), headers: headers, body: Data(body))
    }

    private func write(_ response: HTTPResponse, to fd: Int32) {
        var text = "HTTP/1.1 \(response.status) X\r\nContent-Length: \(response.body.count)\r\nConnection: close\r\n"
        for (name, value) in response.headers { text += "\(name): \(value)\r\n" }
        let bytes = Array((text + "\r\n").utf8) + Array(response.body)
        var offset = 0
        while offset < bytes.count {
            let n = bytes[offset...].withUnsafeBytes { send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            guard n > 0 else { return }
            offset += n
        }
    }

    private func find(_ needle: [UInt8], in haystack: [UInt8]) -> Int? {
        guard haystack.count >= needle.count else { return nil }
        for i in 0...(haystack.count - needle.count) where Array(haystack[i..<(i + needle.count)]) == needle {
            return i
        }
        return nil
    }
}
