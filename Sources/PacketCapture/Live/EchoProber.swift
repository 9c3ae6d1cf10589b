import CLinuxNet

#if canImport(Glibc)
    import Glibc
#endif

/// Sends ICMP echo requests over a raw socket (root or CAP_NET_RAW) and counts the replies, so the host that
/// captures can also be the traffic source. Waiting between requests goes through the injected `pause`.
public struct EchoProber: Sendable {
    public var destination: IPAddress
    public var count: Int
    public var intervalNanoseconds: Int64
    public var replyTimeoutMilliseconds: Int32
    public var identifier: UInt16
    /// Waits between requests; tests may pass one that does not sleep.
    public var pause: @Sendable (_ nanoseconds: Int64) -> Void

    public init(
        destination: IPAddress, count: Int, intervalNanoseconds: Int64 = 200_000_000,
        replyTimeoutMilliseconds: Int32 = 1000, identifier: UInt16 = UInt16(truncatingIfNeeded: getpid()),
        pause: @escaping @Sendable (Int64) -> Void = EchoProber.sleep
    ) {
        self.destination = destination
        self.count = count
        self.intervalNanoseconds = intervalNanoseconds
        self.replyTimeoutMilliseconds = replyTimeoutMilliseconds
        self.identifier = identifier
        self.pause = pause
    }

    public static let sleep: @Sendable (Int64) -> Void = { nanoseconds in
        var request = timespec(tv_sec: Int(nanoseconds / 1_000_000_000), tv_nsec: Int(nanoseconds % 1_000_000_000))
        var remaining = timespec()
        while nanosleep(&request, &remaining) != 0, errno == EINTR { request = remaining }
    }

    /// The echo request bytes (RFC 792): type 8, code 0, checksum, identifier, sequence, 56 bytes of data.
    public static func echoRequest(identifier: UInt16, sequence: UInt16) -> [UInt8] {
        var bytes = [UInt8](repeating: 0, count: 64)
        bytes[0] = 8
        bytes[4] = UInt8(identifier >> 8)
        bytes[5] = UInt8(identifier & 0xff)
        bytes[6] = UInt8(sequence >> 8)
        bytes[7] = UInt8(sequence & 0xff)
        for i in 8..<64 { bytes[i] = UInt8(truncatingIfNeeded: i) }
        let sum = internetChecksum(bytes)
        bytes[2] = UInt8(sum >> 8)
        bytes[3] = UInt8(sum & 0xff)
        return bytes
    }

    static func internetChecksum(_ bytes: [UInt8]) -> UInt16 {
        var sum: UInt32 = 0
        var i = 0
        while i + 1 < bytes.count {
            sum += UInt32(bytes[i]) << 8 | UInt32(bytes[i + 1])
            i += 2
        }
        if i < bytes.count { sum += UInt32(bytes[i]) << 8 }
        while sum >> 16 != 0 { sum = (sum & 0xffff) + (sum >> 16) }
        return ~UInt16(sum)
    }

    /// Sends `count` requests, `intervalNanoseconds` apart, and collects replies until the last one's timeout.
    public func run() throws(LiveCaptureError) -> EchoProbeResult {
        guard !destination.isIPv6 else { throw .unresolvableHost(destination.description) }
        let fd = socket(AF_INET, Int32(SOCK_RAW.rawValue), Int32(IPPROTO_ICMP))
        guard fd >= 0 else {
            if errno == EPERM || errno == EACCES { throw .permissionDenied(what: "the ICMP echo prober (--ping)") }
            throw .systemCall("socket(AF_INET, SOCK_RAW, ICMP)", reason: String(cString: strerror(errno)))
        }
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = UInt32(truncatingIfNeeded: destination.low).bigEndian
        var result = EchoProbeResult(
            destination: destination, identifier: identifier, sent: 0, received: 0, roundTrips: [])
        var sentAt: [UInt16: Int64] = [:]
        for sequence in 1...max(count, 1) where count > 0 {
            let packet = Self.echoRequest(identifier: identifier, sequence: UInt16(truncatingIfNeeded: sequence))
            let sent = packet.withUnsafeBytes { raw in
                withUnsafePointer(to: &address) {
                    $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                        sendto(fd, raw.baseAddress, raw.count, 0, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
                    }
                }
            }
            guard sent == packet.count else {
                throw .systemCall("sendto \(destination)", reason: String(cString: strerror(errno)))
            }
            sentAt[UInt16(truncatingIfNeeded: sequence)] = Self.monotonicNow()
            result.sent += 1
            collectReplies(fd, waitMilliseconds: 0, sentAt: &sentAt, into: &result)
            if sequence < count { pause(intervalNanoseconds) }
        }
        let deadline = Self.monotonicNow() + Int64(replyTimeoutMilliseconds) * 1_000_000
        while result.received < result.sent {
            let left = (deadline - Self.monotonicNow()) / 1_000_000
            guard left > 0 else { break }
            collectReplies(fd, waitMilliseconds: Int32(left), sentAt: &sentAt, into: &result)
        }
        return result
    }

    private func collectReplies(
        _ fd: Int32, waitMilliseconds: Int32, sentAt: inout [UInt16: Int64], into result: inout EchoProbeResult
    ) {
        var descriptor = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
        var buffer = [UInt8](repeating: 0, count: 2048)
        var wait = waitMilliseconds
        while poll(&descriptor, 1, wait) > 0 {
            wait = 0
            let length = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, Int32(MSG_DONTWAIT)) }
            guard length > 0 else { return }
            // Raw ICMP sockets deliver the IP header too.
            let decoded = buffer.withUnsafeBytes { raw in
                PacketDecoder.decode(RawBytes(UnsafeRawBufferPointer(rebasing: raw[0..<length])), linkType: .raw)
            }
            let t = decoded.outerTransport
            guard decoded.hasOuterIP, decoded.outer.source == destination, t.isEchoReply, t.echoFieldsPresent,
                t.identifier == identifier, let start = sentAt.removeValue(forKey: t.sequence)
            else { continue }
            result.received += 1
            result.roundTrips.append(Self.monotonicNow() - start)
        }
    }

    public static func monotonicNow() -> Int64 {
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        return Int64(now.tv_sec) * 1_000_000_000 + Int64(now.tv_nsec)
    }
}
