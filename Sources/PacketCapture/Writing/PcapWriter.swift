#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Writes a classic pcap file (little-endian, nanosecond magic) that tcpdump, tshark and Wireshark read.
/// Records are buffered and written in large chunks.
public final class PcapWriter {
    private let descriptor: Int32
    private let path: String
    private var buffer: [UInt8] = []
    private static let flushThreshold = 1 << 20
    public private(set) var recordCount = 0

    public init(path: String, linkType: LinkType = .ethernet, snapLength: UInt32 = 262_144) throws(PacketCaptureError) {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw .cannotOpen(path: path, reason: String(cString: strerror(errno))) }
        descriptor = fd
        self.path = path
        buffer.reserveCapacity(Self.flushThreshold + 65_536)
        append32(0xa1b2_3c4d)
        append16(2)
        append16(4)
        append32(0)
        append32(0)
        append32(snapLength)
        append32(linkType.rawValue)
    }

    public func write(_ bytes: RawBytes, originalLength: Int, timestampNanoseconds: Int64) throws(PacketCaptureError) {
        let seconds = timestampNanoseconds / 1_000_000_000
        append32(UInt32(truncatingIfNeeded: seconds))
        append32(UInt32(truncatingIfNeeded: timestampNanoseconds - seconds * 1_000_000_000))
        append32(UInt32(truncatingIfNeeded: bytes.count))
        append32(UInt32(truncatingIfNeeded: max(originalLength, bytes.count)))
        buffer.append(contentsOf: bytes.buffer)
        recordCount += 1
        if buffer.count >= Self.flushThreshold { try flush() }
    }

    public func flush() throws(PacketCaptureError) {
        var written = 0
        while written < buffer.count {
            let result = buffer.withUnsafeBytes { raw -> Int in
                guard let base = raw.baseAddress else { return 0 }
                return Glibc.write(descriptor, base + written, raw.count - written)
            }
            if result < 0 {
                if errno == EINTR { continue }
                throw .cannotOpen(path: path, reason: "write failed: \(String(cString: strerror(errno)))")
            }
            written += result
        }
        buffer.removeAll(keepingCapacity: true)
    }

    /// Flushes and closes the file.
    public func close() throws(PacketCaptureError) {
        try flush()
        _ = Glibc.close(descriptor)
    }

    private func append16(_ value: UInt16) {
        withUnsafeBytes(of: value.littleEndian) { buffer.append(contentsOf: $0) }
    }

    private func append32(_ value: UInt32) {
        withUnsafeBytes(of: value.littleEndian) { buffer.append(contentsOf: $0) }
    }
}
