import CLinuxNet

#if canImport(Glibc)
    import Glibc
#endif

/// A classic BPF program for `SO_ATTACH_FILTER`, so the kernel hands over only what verification reads.
public struct CaptureFilterProgram: Sendable {
    public struct Instruction: Sendable {
        public var code: UInt16
        public var jumpTrue: UInt8
        public var jumpFalse: UInt8
        public var k: UInt32
    }

    public var instructions: [Instruction]
    public var expression: String

    /// `udp port 4789 or (ip[6:2] & 0x1fff != 0) or icmp or icmp6` on Ethernet: VXLAN, the trailing fragments
    /// a plain port filter would drop (capture.md §3), and ICMP (errors quoting VXLAN, traffic outside the tunnel).
    /// Generated once with `tcpdump -y EN10MB -dd '<expression>'` (tcpdump 4.99.3, libpcap 1.10.3).
    public static let mirroredTraffic = CaptureFilterProgram(
        instructions: [
            (0x28, 0, 0, 0x0000_000c), (0x15, 0, 10, 0x0000_86dd), (0x30, 0, 0, 0x0000_0014),
            (0x15, 0, 4, 0x0000_0011), (0x28, 0, 0, 0x0000_0036), (0x15, 20, 0, 0x0000_12b5),
            (0x28, 0, 0, 0x0000_0038), (0x15, 18, 19, 0x0000_12b5), (0x15, 17, 0, 0x0000_003a),
            (0x15, 0, 17, 0x0000_002c), (0x30, 0, 0, 0x0000_0036), (0x15, 14, 15, 0x0000_003a),
            (0x15, 0, 14, 0x0000_0800), (0x30, 0, 0, 0x0000_0017), (0x15, 0, 7, 0x0000_0011),
            (0x28, 0, 0, 0x0000_0014), (0x45, 5, 0, 0x0000_1fff), (0xb1, 0, 0, 0x0000_000e),
            (0x48, 0, 0, 0x0000_000e), (0x15, 6, 0, 0x0000_12b5), (0x48, 0, 0, 0x0000_0010),
            (0x15, 4, 0, 0x0000_12b5), (0x28, 0, 0, 0x0000_0014), (0x45, 2, 0, 0x0000_1fff),
            (0x30, 0, 0, 0x0000_0017), (0x15, 0, 1, 0x0000_0001), (0x6, 0, 0, 0x0004_0000),
            (0x6, 0, 0, 0x0000_0000),
        ].map { Instruction(code: $0.0, jumpTrue: $0.1, jumpFalse: $0.2, k: $0.3) },
        expression: "udp port 4789 or (ip[6:2] & 0x1fff != 0) or icmp or icmp6")

    /// Attaches the program to `socket`; returns errno on failure.
    func attach(to socket: Int32) -> Int32? {
        var filters = instructions.map { sock_filter(code: $0.code, jt: $0.jumpTrue, jf: $0.jumpFalse, k: $0.k) }
        return filters.withUnsafeMutableBufferPointer { buffer -> Int32? in
            var program = sock_fprog(len: UInt16(buffer.count), filter: buffer.baseAddress)
            let result = setsockopt(
                socket, SOL_SOCKET, SO_ATTACH_FILTER, &program, socklen_t(MemoryLayout<sock_fprog>.size))
            return result == 0 ? nil : errno
        }
    }
}
