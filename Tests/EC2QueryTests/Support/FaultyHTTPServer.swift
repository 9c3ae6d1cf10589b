import Foundation
import MirrorPlanTestSupport
import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// A keep-alive HTTP/1.1 server on 127.0.0.1 that answers the n-th complete request with the n-th scripted
/// behaviour (the last one repeats): an answer, a reset (RST after reading the request), silence, or raw bytes.
/// It counts complete requests and requests that arrived without their whole body.
final class FaultyHTTPServer: Sendable {
    enum Behaviour: Sendable {
        case respond(status: Int, body: String, keepAlive: Bool)
        case reset
        case silence
        case raw([UInt8])
    }

    let port: UInt16
    private let listener: Int32
    private let script: [Behaviour]
    private let counters = Mutex((complete: 0, incomplete: 0, resets: 0, connections: 0))
    private let silent = Mutex<[Int32]>([])

    var completeRequests: Int { counters.withLock { $0.complete } }
    var incompleteRequests: Int { counters.withLock { $0.incomplete } }
    var resets: Int { counters.withLock { $0.resets } }
    var connections: Int { counters.withLock { $0.connections } }
    var baseURL: URL { URL(string: "http://127.0.0.1:\(port)")! }

    init(_ script: [Behaviour]) throws {
        self.script = script
        (listener, port) = try LoopbackListener.open()
        Thread { [self] in acceptLoop() }.start()
    }

    func stop() {
        shutdown(listener, Int32(SHUT_RDWR))
        close(listener)
        for fd in silent.withLock({ $0 }) { shutdown(fd, Int32(SHUT_RDWR)) }
    }

    private func acceptLoop() {
        while true {
            let fd = accept(listener, nil, nil)
            guard fd >= 0 else { return }
            counters.withLock { $0.connections += 1 }
            Thread { [self] in
                serve(fd)
                close(fd)
            }.start()
        }
    }

    private func serve(_ fd: Int32) {
        var buffer: [UInt8] = []
        while true {
            guard let consumed = readRequest(fd, &buffer) else { return }
            buffer.removeFirst(consumed)
            let index = counters.withLock {
                $0.complete += 1
                return $0.complete - 1
            }
            switch script[min(index, script.count - 1)] {
            case .respond(let status, let body, let keepAlive):
                let head =
                    "HTTP/1.1 \(status) X\r\nContent-Type: text/xml\r\nContent-Length: \(body.utf8.count)\r\n"
                    + "Connection: \(keepAlive ? "keep-alive" : "close")\r\n\r\n"
                guard write(fd, Array(head.utf8) + Array(body.utf8)), keepAlive else { return }
            case .reset:
                counters.withLock { $0.resets += 1 }
                var reset = linger(l_onoff: 1, l_linger: 0)
                setsockopt(fd, SOL_SOCKET, SO_LINGER, &reset, socklen_t(MemoryLayout<linger>.size))
                return
            case .silence:
                silent.withLock { $0.append(fd) }
                var byte: UInt8 = 0
                _ = recv(fd, &byte, 1, 0)  // until the client gives up or stop() shuts the socket
                return
            case .raw(let bytes):
                _ = write(fd, bytes)
                return
            }
        }
    }

    /// Reads one whole request (headers and Content-Length body); returns the bytes it used, nil at EOF
    /// (counting a request whose headers arrived without the whole body).
    private func readRequest(_ fd: Int32, _ buffer: inout [UInt8]) -> Int? {
        var chunk = [UInt8](repeating: 0, count: 65536)
        while true {
            if let end = find([13, 10, 13, 10], in: buffer) {
                let head = String(decoding: buffer[0..<end], as: UTF8.self).lowercased()
                let length =
                    head.components(separatedBy: "\r\n").first { $0.hasPrefix("content-length:") }
                    .flatMap { Int($0.dropFirst("content-length:".count).trimmingCharacters(in: .whitespaces)) } ?? 0
                if buffer.count >= end + 4 + length { return end + 4 + length }
            }
            let n = recv(fd, &chunk, chunk.count, 0)
            guard n > 0 else {
                if !buffer.isEmpty { counters.withLock { $0.incomplete += 1 } }
                return nil
            }
            buffer += chunk[0..<n]
        }
    }

    private func write(_ fd: Int32, _ bytes: [UInt8]) -> Bool {
        var offset = 0
        while offset < bytes.count {
            let n = bytes[offset...].withUnsafeBytes { send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            guard n > 0 else { return false }
            offset += n
        }
        return true
    }

    private func find(_ needle: [UInt8], in haystack: [UInt8]) -> Int? {
        guard haystack.count >= needle.count else { return nil }
        for i in 0...(haystack.count - needle.count) where Array(haystack[i..<(i + needle.count)]) == needle {
            return i
        }
        return nil
    }
}
