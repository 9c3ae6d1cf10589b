import CLinuxNet

#if canImport(Glibc)
    import Glibc
#endif

/// Test traffic for a verify check, sent from the current thread's network namespace: TCP connections (each a
/// handshake, a small request and the close) or UDP datagrams. ICMP goes through `EchoProber`.
public enum TrafficGenerator {
    /// What was sent and how much of it was answered.
    public struct Outcome: Sendable, Hashable {
        public var sent: Int
        public var answered: Int
    }

    /// Opens `count` TCP connections to destination:port one after the other; a connection that is refused or
    /// times out counts as sent but not answered (its SYN was still on the wire).
    public static func tcpConnections(
        to destination: IPAddress, port: UInt16, count: Int, timeoutMilliseconds: Int32 = 1000
    ) throws(LiveCaptureError) -> Outcome {
        var outcome = Outcome(sent: 0, answered: 0)
        for _ in 0..<count {
            let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_NONBLOCK.rawValue), 0)
            guard fd >= 0 else {
                throw .systemCall("socket(AF_INET, SOCK_STREAM)", reason: String(cString: strerror(errno)))
            }
            defer { close(fd) }
            var address = socketAddress(destination, port: port)
            outcome.sent += 1
            let started = withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                    connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
                }
            }
            guard started == 0 || errno == EINPROGRESS else { continue }
            guard wait(fd, for: Int16(POLLOUT), milliseconds: timeoutMilliseconds) else { continue }
            var error: Int32 = 0
            var length = socklen_t(MemoryLayout<Int32>.size)
            getsockopt(fd, SOL_SOCKET, SO_ERROR, &error, &length)
            guard error == 0 else { continue }
            let request = Array("GET / HTTP/1.0\r\n\r\n".utf8)
            _ = request.withUnsafeBytes { send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            shutdown(fd, Int32(SHUT_WR))
            // Wait for the listener's close, so the whole exchange is on the wire before the next one.
            var buffer = [UInt8](repeating: 0, count: 512)
            while wait(fd, for: Int16(POLLIN), milliseconds: timeoutMilliseconds) {
                if buffer.withUnsafeMutableBytes({ recv(fd, $0.baseAddress, $0.count, 0) }) <= 0 { break }
            }
            outcome.answered += 1
        }
        return outcome
    }

    /// Sends `count` small datagrams to destination:port, `intervalNanoseconds` apart.
    public static func udpDatagrams(
        to destination: IPAddress, port: UInt16, count: Int, intervalNanoseconds: Int64 = 50_000_000,
        pause: @Sendable (Int64) -> Void = EchoProber.sleep
    ) throws(LiveCaptureError) -> Outcome {
        let fd = socket(AF_INET, Int32(SOCK_DGRAM.rawValue), 0)
        guard fd >= 0 else {
            throw .systemCall("socket(AF_INET, SOCK_DGRAM)", reason: String(cString: strerror(errno)))
        }
        defer { close(fd) }
        var address = socketAddress(destination, port: port)
        var outcome = Outcome(sent: 0, answered: 0)
        let payload = Array("mirrorplan verify".utf8)
        for index in 0..<count {
            let sent = payload.withUnsafeBytes { raw in
                withUnsafePointer(to: &address) {
                    $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                        sendto(fd, raw.baseAddress, raw.count, 0, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
                    }
                }
            }
            if sent == payload.count { outcome.sent += 1 }
            if index + 1 < count { pause(intervalNanoseconds) }
        }
        return outcome
    }

    static func socketAddress(_ destination: IPAddress, port: UInt16) -> sockaddr_in {
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = UInt32(truncatingIfNeeded: destination.low).bigEndian
        return address
    }

    static func wait(_ fd: Int32, for events: Int16, milliseconds: Int32) -> Bool {
        var descriptor = pollfd(fd: fd, events: events, revents: 0)
        while true {
            let ready = poll(&descriptor, 1, milliseconds)
            if ready < 0, errno == EINTR { continue }
            return ready > 0
        }
    }
}
