import CLinuxNet

#if canImport(Glibc)
    import Glibc
#endif

/// Captures Ethernet frames on one interface through an AF_PACKET socket with a kernel BPF filter.
public final class LiveCapture {
    public let interface: String
    private let socket: Int32
    private var buffer: UnsafeMutableRawBufferPointer
    private static let bufferSize = 262_144

    public init(interface: String, filter: CaptureFilterProgram = .mirroredTraffic) throws(LiveCaptureError) {
        self.interface = interface
        let index = if_nametoindex(interface)
        guard index != 0 else { throw .noSuchInterface(interface) }
        let protocolAll = Int32(UInt16(ETH_P_ALL).bigEndian)
        let fd = Glibc.socket(AF_PACKET, Int32(SOCK_RAW.rawValue), protocolAll)
        guard fd >= 0 else {
            if errno == EPERM || errno == EACCES { throw .permissionDenied(what: "live capture on \(interface)") }
            throw .systemCall("socket(AF_PACKET)", reason: String(cString: strerror(errno)))
        }
        // Filter before bind, so no unfiltered frame is queued in between.
        if let error = filter.attach(to: fd) {
            Glibc.close(fd)
            throw .systemCall("SO_ATTACH_FILTER", reason: String(cString: strerror(error)))
        }
        var size: Int32 = 8 << 20
        _ = setsockopt(fd, SOL_SOCKET, SO_RCVBUF, &size, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_ll()
        address.sll_family = UInt16(AF_PACKET)
        address.sll_protocol = UInt16(ETH_P_ALL).bigEndian
        address.sll_ifindex = Int32(index)
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(fd, $0, socklen_t(MemoryLayout<sockaddr_ll>.size))
            }
        }
        guard bound == 0 else {
            let reason = String(cString: strerror(errno))
            Glibc.close(fd)
            throw .systemCall("bind to \(interface)", reason: reason)
        }
        socket = fd
        buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: Self.bufferSize, alignment: 16)
    }

    deinit {
        Glibc.close(socket)
        buffer.deallocate()
    }

    /// Receives frames until `shouldStop()` says so; `shouldStop` is asked at least every `tick` milliseconds.
    /// `onFrame` gets each frame (valid only during the call).
    public func run(
        tickMilliseconds: Int32 = 100, shouldStop: () -> Bool, onFrame: (CapturedFrame) -> Void
    ) throws(LiveCaptureError) {
        var index = 0
        var descriptor = pollfd(fd: socket, events: Int16(POLLIN), revents: 0)
        while !shouldStop() {
            let ready = poll(&descriptor, 1, tickMilliseconds)
            if ready < 0 {
                if errno == EINTR { continue }
                throw .systemCall("poll", reason: String(cString: strerror(errno)))
            }
            guard ready > 0 else { continue }
            // Drain what is queued without waiting.
            while true {
                let received = recv(socket, buffer.baseAddress, buffer.count, Int32(MSG_DONTWAIT) | Int32(MSG_TRUNC))
                if received < 0 {
                    if errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR { break }
                    throw .systemCall("recv on \(interface)", reason: String(cString: strerror(errno)))
                }
                var now = timespec()
                clock_gettime(CLOCK_REALTIME, &now)
                let captured = min(received, buffer.count)
                onFrame(
                    CapturedFrame(
                        index: index, fileOffset: 0,
                        timestampNanoseconds: Int64(now.tv_sec) * 1_000_000_000 + Int64(now.tv_nsec),
                        linkType: .ethernet, originalLength: received,
                        bytes: RawBytes(UnsafeRawBufferPointer(rebasing: buffer[0..<captured]))))
                index += 1
                if shouldStop() { return }
            }
        }
    }
}
