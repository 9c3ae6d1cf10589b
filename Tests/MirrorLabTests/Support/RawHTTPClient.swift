import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Sends raw bytes to 127.0.0.1:port and reads until the server closes: for tests that need exact control
/// of the wire (chunked bodies, `Expect: 100-continue`, garbage) or must see a connection reset.
enum RawHTTPClient {
    enum Outcome: Equatable { case answered(String), reset }

    static func exchange(port: UInt16, _ bytes: [UInt8], pauseAfter split: Int? = nil) -> Outcome {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { return .reset }
        defer { close(fd) }
        var timeout = timeval(tv_sec: 5, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard connected == 0 else { return .reset }
        let parts = split.map { [Array(bytes[..<$0]), Array(bytes[$0...])] } ?? [bytes]
        var received: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65536)
        for (index, part) in parts.enumerated() {
            _ = part.withUnsafeBytes { send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            if index == 0 && parts.count > 1 {
                // Wait for the interim answer (e.g. 100 Continue) before sending the rest.
                let count = chunk.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
                if count > 0 { received += chunk[0..<count] }
            }
        }
        shutdown(fd, Int32(SHUT_WR))
        while true {
            let count = chunk.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            if count < 0 { return received.isEmpty ? .reset : .answered(String(decoding: received, as: UTF8.self)) }
            if count == 0 { break }
            received += chunk[0..<count]
        }
        return received.isEmpty ? .reset : .answered(String(decoding: received, as: UTF8.self))
    }

    static func post(_ body: String, headers: String = "") -> [UInt8] {
        Array(
            "POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-www-form-urlencoded\r\nConnection: close\r\n\(headers)Content-Length: \(body.utf8.count)\r\n\r\n\(body)"
                .utf8)
    }
}
