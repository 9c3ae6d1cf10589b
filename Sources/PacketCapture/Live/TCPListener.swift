import CLinuxNet
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A TCP listener for verify's tcp/PORT checks: accepts connections, reads each request to its end and closes.
/// Create it on a thread inside the receiving namespace; it serves on its own thread until `stop()`.
public final class TCPListener: Sendable {
    public let port: UInt16
    private let fd: Int32
    /// Signalled when the accept loop has closed the socket, so the port is free again after `stop()`.
    private let closed = DispatchSemaphore(value: 0)

    public init(port: UInt16) throws(LiveCaptureError) {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else {
            throw .systemCall("socket(AF_INET, SOCK_STREAM)", reason: String(cString: strerror(errno)))
        }
        var one: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, socklen_t(MemoryLayout<Int32>.size))
        var address = TrafficGenerator.socketAddress(IPAddress(ipv4: 0), port: port)
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard bound == 0, listen(fd, 64) == 0 else {
            let reason = String(cString: strerror(errno))
            close(fd)
            throw .systemCall("listen on TCP port \(port)", reason: reason)
        }
        self.port = port
        self.fd = fd
        Thread { [fd, closed] in
            Self.serve(fd)
            closed.signal()
        }.start()
    }

    /// Stops accepting: wakes the accept loop and waits (briefly) until it has closed the socket.
    public func stop() {
        shutdown(fd, Int32(SHUT_RDWR))
        if closed.wait(timeout: .now() + .seconds(5)) == .success { closed.signal() }
    }

    private static func serve(_ listener: Int32) {
        defer { close(listener) }
        while true {
            let connection = accept(listener, nil, nil)
            if connection < 0 {
                if errno == EINTR || errno == ECONNABORTED { continue }
                return
            }
            var buffer = [UInt8](repeating: 0, count: 1024)
            var timeout = timeval(tv_sec: 2, tv_usec: 0)
            setsockopt(connection, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
            while buffer.withUnsafeMutableBytes({ recv(connection, $0.baseAddress, $0.count, 0) }) > 0 {}
            let answer = Array("HTTP/1.0 204 No Content\r\n\r\n".utf8)
            _ = answer.withUnsafeBytes { send(connection, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            close(connection)
        }
    }
}
