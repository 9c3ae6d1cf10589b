import EC2Query
import Foundation
import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// `mirrorplan lab serve`: a small HTTP/1.1 server on 127.0.0.1 over POSIX sockets, one thread per
/// connection (keep-alive, Content-Length and chunked bodies, `Expect: 100-continue`). It can delay an
/// answer and drop a connection mid-request, which fault injection needs. Decisions live in `LabService`.
public final class LabServer: Sendable {
    public let port: UInt16
    private let listener: Int32
    private let service: LabService
    private let latency: Duration
    private let sleep: @Sendable (Duration) -> Void
    private let stopped = Atomic<Bool>(false)
    private let openConnections = Mutex<Set<Int32>>([])

    /// Binds 127.0.0.1:`port` (0 picks a free port; `port` then tells which).
    public init(
        service: LabService, port: UInt16 = 0, latency: Duration = .zero,
        sleep: @escaping @Sendable (Duration) -> Void = {
            Thread.sleep(forTimeInterval: Double($0.components.seconds) + Double($0.components.attoseconds) / 1e18)
        }
    ) throws(LabServerError) {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw .socket("socket", errno) }
        var one: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard bound == 0 else {
            let code = errno
            close(fd)
            throw .bind(port, code)
        }
        guard listen(fd, 128) == 0 else {
            let code = errno
            close(fd)
            throw .socket("listen", code)
        }
        var actual = sockaddr_in()
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &actual) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        self.port = UInt16(bigEndian: actual.sin_port)
        listener = fd
        self.service = service
        self.latency = latency
        self.sleep = sleep
    }

    public var url: String { "http://127.0.0.1:\(port)" }

    /// Accepts connections on a background thread until `stop()`.
    public func start() {
        let thread = Thread { [self] in acceptLoop() }
        thread.name = "lab-accept"
        thread.start()
    }

    /// Stops accepting and ends every connection after the answer it is working on (graceful shutdown on
    /// SIGINT/SIGTERM): shutting down the read side wakes idle connections, while a response being
    /// written still goes out.
    public func stop() {
        guard !stopped.exchange(true, ordering: .sequentiallyConsistent) else { return }
        shutdown(listener, Int32(SHUT_RDWR))
        close(listener)
        for fd in openConnections.withLock({ $0 }) { shutdown(fd, Int32(SHUT_RD)) }
    }

    /// How many connections are still open (the CLI waits for them to finish before exiting).
    public var openConnectionCount: Int { openConnections.withLock { $0.count } }

    private func acceptLoop() {
        while !stopped.load(ordering: .sequentiallyConsistent) {
            let fd = accept(listener, nil, nil)
            if fd < 0 {
                switch errno {
                case EINTR, ECONNABORTED, EPROTO: continue
                case EMFILE, ENFILE, ENOBUFS, ENOMEM:
                    sleep(.milliseconds(50))  // out of descriptors: let connections close, then accept again
                    continue
                default: return  // the listener was closed by stop()
                }
            }
            var timeout = timeval(tv_sec: 120, tv_usec: 0)  // an idle keep-alive connection is closed after 2 min
            setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
            openConnections.withLock { _ = $0.insert(fd) }
            let thread = Thread { [self] in
                serve(fd)
                openConnections.withLock { _ = $0.remove(fd) }
                close(fd)
            }
            thread.start()
        }
    }

    private func serve(_ fd: Int32) {
        var buffer: [UInt8] = []
        var sentContinue = false
        var chunk = [UInt8](repeating: 0, count: 65536)
        while !stopped.load(ordering: .sequentiallyConsistent) {
            switch HTTPRequestParser.parse(buffer) {
            case .invalid(let status, let reason):
                let response = HTTPResponse(
                    status: status, headers: ["Content-Type": "text/plain"], body: Data((reason + "\n").utf8))
                _ = write(fd, HTTPRequestParser.serialize(response, keepAlive: false))
                return
            case .needMore(let expectsContinue):
                if expectsContinue && !sentContinue {
                    sentContinue = true
                    guard write(fd, Array("HTTP/1.1 100 Continue\r\n\r\n".utf8)) else { return }
                }
                let count = chunk.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
                guard count > 0 else { return }
                buffer += chunk[0..<count]
            case .request(let request, let consumed, let keepAlive):
                buffer.removeFirst(consumed)
                sentContinue = false
                switch service.handle(request) {
                case .drop:
                    // Reset rather than FIN, so the client sees the connection die mid-request.
                    var reset = linger(l_onoff: 1, l_linger: 0)
                    setsockopt(fd, SOL_SOCKET, SO_LINGER, &reset, socklen_t(MemoryLayout<linger>.size))
                    return
                case .respond(let response):
                    if latency > .zero { sleep(latency) }
                    guard write(fd, HTTPRequestParser.serialize(response, keepAlive: keepAlive)), keepAlive else {
                        return
                    }
                }
            }
        }
    }

    private func write(_ fd: Int32, _ bytes: [UInt8]) -> Bool {
        var offset = 0
        while offset < bytes.count {
            let sent = bytes[offset...].withUnsafeBytes { send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            if sent < 0 && errno == EINTR { continue }
            guard sent > 0 else { return false }
            offset += sent
        }
        return true
    }
}

public enum LabServerError: Error, Sendable, CustomStringConvertible {
    case socket(String, Int32)
    case bind(UInt16, Int32)

    public var description: String {
        switch self {
        case .socket(let call, let code): "\(call) failed: \(String(cString: strerror(code)))"
        case .bind(let port, let code):
            "cannot listen on 127.0.0.1:\(port): \(String(cString: strerror(code))); pick another --port or 0 for a free one"
        }
    }
}
